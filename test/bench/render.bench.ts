// Rendering a post for the preview: what the Hugo rules (Goldmark typographer, linkify, heading ids,
// footnotes, definition lists, shortcodes, the front matter header, image resolution through the site
// index) cost next to bare markdown-it with its default options on the same text, in the same run.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import hljs from 'highlight.js/lib/common';
import markdownIt from 'markdown-it';
import { NodeFileReader } from '../../src/cli/nodeFileReader';
import { PostRenderer } from '../../src/core/markdown/renderer';
import { findHugoSite } from '../../src/core/site/hugoSite';
import { readPageAddress, type PageAddress } from '../../src/core/site/references';
import { resolveImage } from '../../src/core/site/resolve';
import { StaticFileIndex } from '../../src/core/site/staticIndex';
import { measurePair, type BenchResult, type Benchmark } from './harness';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SAMPLE_POST = path.join(REPO, 'sample-site', 'content', 'post', 'openstack-summit-boston-2017.md');
const TARGET_RATIO = 1.3;
const HIGHLIGHT_SAMPLES = path.join(REPO, 'test', 'fixtures', 'markdown', 'highlight');
/** The preview's update after a keystroke in a long post must stay under this. */
const KEYSTROKE_TARGET_MS = 100;

/** The sample post with the five code samples of the highlighting tests (Go, Python, Bash, YAML, JSON) appended. */
async function postWithCode(sample: string): Promise<string> {
	const blocks = await Promise.all(['go', 'python', 'bash', 'yaml', 'json'].map(name => fs.readFile(path.join(HIGHLIGHT_SAMPLES, `${name}.md`), 'utf8')));
	return `${sample}\n${blocks.join('\n')}`;
}

/** A write-up of `lines` lines: the sample post's body (with code) repeated under its front matter. */
function postOfLines(post: string, lines: number): string {
	const bodyStart = post.indexOf('+++', 3) + 4;
	const body = post.slice(bodyStart);
	const parts = [post.slice(0, bodyStart)];
	let count = parts[0].split('\n').length;
	while (count < lines) {
		parts.push(body);
		count += body.split('\n').length - 1;
	}
	return parts.join('');
}

/** A write-up grown to about 1 MB: the sample post's body repeated under one front matter block. */
function megabytePost(sample: string): string {
	const bodyStart = sample.indexOf('+++', 3) + 4;
	const frontMatter = sample.slice(0, bodyStart);
	const body = sample.slice(bodyStart);
	const parts = [frontMatter];
	let length = frontMatter.length;
	while (length < 1_000_000) {
		parts.push(body);
		length += body.length;
	}
	return parts.join('');
}

/** A small deterministic generator (mulberry32), so every run renders the same write-up. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6D2B79F5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SPEAKERS = ['Ana Lopes', 'Michał Jastrzębski', 'Jean-Luc O\'Brien', 'Priya Raman', 'Tomás Øster', 'Kate Smith'];
const TOPICS = ['Kubernetes', 'Kolla', 'service meshes', 'observability', 'SRE practices', 'edge computing', 'Rust in production'];
const HOSTS = ['example.org', 'conf.example.com', 'docs.openstack.org', 'github.com/acme/tools', 'speakerdeck.com/ana'];

/** One prose paragraph as people write them up: quotes, contractions, dashes, ellipses, bare links. */
function proseParagraph(random: () => number, note: () => string): string {
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
	const sentences = [
		() => `${pick(SPEAKERS)} opened with "${pick(TOPICS)} isn't magic -- it's plumbing", and the room laughed.`,
		() => `The slides are at https://${pick(HOSTS)}/slides/${Math.floor(random() * 1000)}.html (mirror: www.${pick(HOSTS)}/talks/${Math.floor(random() * 100)}).`,
		() => `She called it 'the boring part' --- then spent twenty minutes on it... and nobody minded.`,
		() => `Questions went to ${pick(['ana', 'priya', 'kate', 'talks'])}@${pick(['example.org', 'conf.example.com'])}; I'll forward mine${note()}.`,
		() => `"We've rewritten the scheduler twice," he said, "and we'd do it again."`,
		() => `It's the '90s all over again: the speakers' demos didn't work, the Wi-Fi didn't either...`,
		() => `Pages 10--12 of the report${note()} cover the 2016--2017 numbers; the rest is "future work".`,
		() => `See www.${pick(HOSTS)} for the schedule and https://${pick(HOSTS)}/?q=${pick(TOPICS).replace(/ /g, '+')}&page=2 for the recordings.`,
		() => `I asked about ${pick(TOPICS)}; the answer was 'it depends' -- as always.`,
	];
	const count = 3 + Math.floor(random() * 4);
	const parts: string[] = [];
	for (let i = 0; i < count; i++) {
		parts.push(pick(sentences)());
	}
	return parts.join(' ');
}

/**
 * A prose-heavy conference write-up of about `size` characters: sessions under headings, paragraphs full
 * of quotes, apostrophes, dashes, ellipses, bare URLs, `www.` links, e-mail addresses and footnotes; or
 * all of it as one paragraph on one line (`oneParagraph`).
 */
export function proseWriteUp(size: number, oneParagraph = false): string {
	const random = seededRandom(2017);
	const parts = ['+++\ntitle = "KubeCon 2019: notes"\ndate = 2019-05-24\ncover = "/images/2017/05/boston-hynes.jpg"\n+++\n\n'];
	const notes: string[] = [];
	let length = parts[0].length;
	const note = () => {
		if (random() < 0.5) {
			return '';
		}
		const definition = `[^${notes.length + 1}]: As "${TOPICS[notes.length % TOPICS.length]}" folks say -- see https://example.org/notes/${notes.length + 1}.`;
		notes.push(definition);
		length += definition.length + 2;
		return `[^${notes.length}]`;
	};
	let session = 0;
	while (length < size) {
		const heading = session % 4 === 0 && !oneParagraph ? `## Session ${session + 1}: "${TOPICS[session % TOPICS.length]}" -- what's new\n\n` : '';
		const text = heading + proseParagraph(random, note) + (oneParagraph ? ' ' : '\n\n');
		parts.push(text);
		length += text.length;
		session++;
	}
	parts.push(oneParagraph ? '\n\n' : '', notes.join('\n\n'), '\n');
	return parts.join('');
}

export const benchmarks: Benchmark[] = [{
	name: 'render',
	async run(): Promise<BenchResult[]> {
		const files = new NodeFileReader();
		const sample = await fs.readFile(SAMPLE_POST, 'utf8');
		const site = await findHugoSite(SAMPLE_POST, files);
		if (!site) {
			throw new Error('the sample site was not found');
		}
		const context = { site, index: await StaticFileIndex.build(site, files) };
		const renderer = new PostRenderer();
		const bare = markdownIt();
		const results: BenchResult[] = [];
		const inputs: Array<[string, string, number]> = [
			['typical post', sample, 4_000],
			['1 MB post', megabytePost(sample), 12_000],
			['prose write-up', proseWriteUp(12_000), 4_000],
			['1 MB prose write-up', proseWriteUp(1_000_000), 12_000],
			// Pasted notes can come as one long line: nothing may scan to the end of the line at every quote.
			['1 MB prose write-up as one paragraph', proseWriteUp(1_000_000, true), 12_000],
		];
		for (const [name, text, budgetMs] of inputs) {
			// As the preview renders while someone types in the body: images resolved through the site index on
			// every render, the page address read only for relative paths, the unchanged front matter cached.
			const render = () => {
				let page: PageAddress | undefined;
				return renderer.render(text, {
					unsafeHtml: site.unsafeHtml,
					resolveImage: src => {
						if (!src.startsWith('/')) {
							page ??= readPageAddress(text);
						}
						return resolveImage(context, SAMPLE_POST, src, page ?? {}).resolved;
					},
				});
			};
			const { subject, baseline } = await measurePair(render, () => bare.render(text), { budgetMs: budgetMs / 2 });
			results.push({
				name: `render: ${name} (${Math.round(text.length / 1024)} KiB)`,
				subject,
				baseline,
				baselineName: 'bare markdown-it (default options)',
				targetRatio: TARGET_RATIO,
			});
		}
		// Highlighting: against bare markdown-it given the same highlighter (highlight.js) in its `highlight` option.
		const withCode = await postWithCode(sample);
		const highlighted = markdownIt({
			highlight: (code, language) => hljs.getLanguage(language) ? hljs.highlight(code, { language, ignoreIllegals: true }).value : '',
		});
		const renderWithCode = () => renderer.render(withCode, { unsafeHtml: site.unsafeHtml, highlight: site.highlight });
		const code = await measurePair(renderWithCode, () => highlighted.render(withCode), { budgetMs: 2_000 });
		results.push({
			name: `render: typical post with five highlighted code blocks (${Math.round(withCode.length / 1024)} KiB)`,
			...code,
			baselineName: 'bare markdown-it with highlight.js as its highlight option',
			targetRatio: TARGET_RATIO,
		});
		// A keystroke in a long post: the preview renders the whole post again (the page then patches its DOM).
		const long = postOfLines(withCode, 2_000);
		const keystroke = await measurePair(() => renderer.render(long, { unsafeHtml: site.unsafeHtml, highlight: site.highlight, sourceLines: true }),
			() => highlighted.render(long), { budgetMs: 2_000 });
		results.push({
			name: `render: update after a keystroke, ${long.split('\n').length}-line post with code`,
			...keystroke,
			baselineName: 'bare markdown-it with highlight.js as its highlight option',
			note: `${keystroke.subject.medianMs.toFixed(1)} ms per update (target < ${KEYSTROKE_TARGET_MS} ms: ${keystroke.subject.medianMs < KEYSTROKE_TARGET_MS ? 'met' : 'MISSED'})`,
		});
		return results;
	},
}];
