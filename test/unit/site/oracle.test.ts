import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createCheckCommand } from '../../../src/cli/checkCommand';
import { NodeFileReader } from '../../../src/cli/nodeFileReader';
import { findHugoSite } from '../../../src/core/site/hugoSite';
import { findImageReferences, readPageAddress } from '../../../src/core/site/references';
import { ImageProblemCode, findImageProblems } from '../../../src/core/site/problems';
import { resolveImage, type SiteContext } from '../../../src/core/site/resolve';
import { LineIndex } from '../../../src/core/text';
import { StaticFileIndex } from '../../../src/core/site/staticIndex';
import { buildWithHugo, hugoAvailable, oracleSites, type BuiltPage, type BuiltSite } from './siteOracle';

async function readIfFile(file: string): Promise<Buffer | undefined> {
	try {
		return (await fs.stat(file)).isFile() ? await fs.readFile(file) : undefined;
	} catch {
		return undefined;
	}
}

/** Folders of a fixture site that hold no pages. */
const NOT_CONTENT = new Set(['layouts', 'static', 'themes', 'config', 'public', 'public-all', '.cache']);

/** Every Markdown file of a site but its README: the content folder and any other folder a language or mount names. */
async function markdownFiles(dir: string, top = true): Promise<string[]> {
	const result: string[] = [];
	for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (!(top && NOT_CONTENT.has(entry.name))) {
				result.push(...await markdownFiles(full, false));
			}
		} else if (/\.(md|markdown)$/.test(entry.name) && !(top && entry.name === 'README.md')) {
			result.push(full);
		}
	}
	return result;
}

/**
 * Whether the published page shows the title set on `line` (a repeated YAML `title:`) and not an earlier one:
 * Hugo then confirms that the earlier value is lost.
 */
async function keepsOnlyLastTitle(text: string, line: number, built: BuiltPage): Promise<boolean> {
	const titles = [...text.matchAll(/^title\s*:\s*(?:"([^"]*)"|(.*))$/gm)].map(m => ({ line: text.slice(0, m.index).split('\n').length, value: m[1] ?? m[2].trim() }));
	const repeated = titles.find(t => t.line === line);
	if (!repeated || titles.length < 2 || titles.every(t => t.value === repeated.value)) {
		return false;
	}
	const page = await fs.readFile(built.htmlFile, 'utf8');
	return /<h1>(.*?)<\/h1>/.exec(page)?.[1] === repeated.value;
}

interface OraclePost {
	readonly where: string;
	readonly file: string;
	readonly text: string;
	/** Where and how Hugo published the post. */
	readonly built: BuiltPage;
	readonly context: SiteContext;
}

/** Every post of every oracle site, each with its site built by hugo. */
async function oraclePosts(builds: BuiltSite[]): Promise<OraclePost[]> {
	const files = new NodeFileReader();
	const posts: OraclePost[] = [];
	for (const siteDir of await oracleSites()) {
		const built = await buildWithHugo(siteDir);
		builds.push(built);
		for (const file of await markdownFiles(built.root)) {
			const relative = path.relative(built.root, file).split(path.sep).join('/');
			const where = `${path.basename(siteDir)}/${relative.replace(/^content\//, '')}`;
			const text = await fs.readFile(file, 'utf8');
			const page = built.pages.get(relative);
			if (!page && (/^headless\s*=\s*true$/m.test(text) || !relative.startsWith('content/'))) {
				// A headless page has no address of its own, and a disabled language's folder is no content:
				// nothing is requested from them.
				continue;
			}
			assert.ok(page, `hugo rendered ${where}`);
			const site = await findHugoSite(file, files);
			assert.ok(site, `a site is found for ${where}`);
			const context = { site, index: await StaticFileIndex.build(site, files) };
			posts.push({ where, file, text, built: page, context });
		}
	}
	return posts;
}

suite('site.oracle', function () {
	this.timeout(180_000);
	const builds: BuiltSite[] = [];
	let posts: OraclePost[] = [];

	suiteSetup(async function () {
		if (!await hugoAvailable()) {
			this.skip();
		}
		posts = await oraclePosts(builds);
	});

	suiteTeardown(async () => {
		await Promise.all(builds.splice(0).map(b => b.dispose()));
	});

	test('Should resolve every image reference of the fixture sites and the sample site to the file Hugo publishes, and nothing else (#4)', async () => {
		let checked = 0;
		let unpublished = 0;
		for (const { where, file, text, built, context } of posts) {
			for (const reference of findImageReferences(text, context.site)) {
				const fromFrontMatter = reference.kind === 'frontMatter';
				const result = resolveImage(context, file, reference.src, readPageAddress(text), fromFrontMatter ? 'frontMatter' : 'body');
				const at = `${where}:${reference.range.start.line + 1} ${reference.src}`;
				if (result.remote) {
					continue;
				}
				// The address the browser requests from the published page, as Hugo leaves the path as written.
				const requested = built.fileFor(reference.src, fromFrontMatter);
				const published = requested === undefined ? undefined : await readIfFile(requested);
				if (published === undefined) {
					assert.equal(result.resolved, undefined, `${at}: Hugo publishes nothing at ${requested ?? "an address outside the site"}`);
					unpublished++;
				} else {
					assert.ok(result.resolved, `${at}: Hugo publishes ${requested}, the resolver found nothing (looked in ${result.lookedIn.join(', ')})`);
					assert.deepEqual(await fs.readFile(result.resolved), published, `${at}: resolved ${result.resolved} is not the file Hugo publishes at ${requested}`);
				}
				checked++;
			}
		}
		assert.ok(checked >= 40, `checked ${checked} references`);
		assert.ok(unpublished >= 8, `checked ${unpublished} unpublished references`);
	});

	test('Should find an image reference for every image Hugo renders in a post, and none for code (#4)', async () => {
		// Both sides compared as the server reads them, percent-escapes decoded.
		const decodeEscapes = (src: string) => {
			try {
				return decodeURI(src);
			} catch {
				return src;
			}
		};
		// The page's attributes as the browser reads them; the references must come decoded already.
		const character = (codePoint: number) => codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\ufffd';
		const decodeAttribute = (value: string) => value.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => character(parseInt(hex, 16)))
			.replace(/&#(\d+);/g, (_, decimal: string) => character(Number(decimal)))
			.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
		let checked = 0;
		for (const { where, text, built, context } of posts) {
			const page = await fs.readFile(built.htmlFile, 'utf8');
			const body = page.slice(page.indexOf('</h1>'));
			// Compared as the browser requests them: Hugo may rewrite root paths (`canonifyURLs`, `relativeURLs`).
			const rendered = new Set([...body.matchAll(/<img\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)')/g)].map(m => built.requestFor(decodeEscapes(decodeAttribute(m[1] ?? m[2])), 'rendered')));
			const found = new Set(findImageReferences(text, context.site)
				.filter(r => r.kind !== 'frontMatter' && (r.kind !== 'html' || context.site.unsafeHtml))
				.map(r => built.requestFor(decodeEscapes(r.src))));
			assert.deepEqual([...found].sort(), [...rendered].sort(), `${where}: the images found are the images Hugo renders`);
			checked += rendered.size;
		}
		assert.ok(checked >= 40, `checked ${checked} rendered images`);
	});

	test('Should raise no problem on the real sites that Hugo does not confirm, in check and in the editor\'s image rules (#10)', async () => {
		const real = posts.filter(p => p.where.startsWith('real-'));
		assert.ok(real.length >= 30, `${real.length} posts of real sites`);
		const unconfirmed: string[] = [];
		for (const { where, file, text, built, context } of real) {
			const lines = new LineIndex(text);
			const published = async (src: string, throughTheme = false) => {
				const requested = built.fileFor(src, throughTheme);
				return requested !== undefined && await readIfFile(requested) !== undefined;
			};
			const io = { cwd: path.dirname(file), out: '', stdout(t: string) { this.out += t; }, stderr() { /* the summary */ } };
			// Required fields are the writer's policy (a setting), not something Hugo confirms or denies.
			await createCheckCommand().run(['--ignore', 'fm-required-field', '--format', 'json', file], io);
			for (const problem of (JSON.parse(io.out) as { problems: Array<{ line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }> }).problems) {
				const written = text.slice(lines.offsetAt({ line: problem.line - 1, character: problem.column - 1 }), lines.offsetAt({ line: problem.endLine - 1, character: problem.endColumn - 1 }));
				const src = written.replace(/^["']|["']$/g, '');
				// Information is not a problem; the rest must be what Hugo does.
				const confirmed = problem.severity === 'info' ? true
					: problem.code === 'fm-image-missing' ? !await published(src, true)
						: problem.code === 'image-not-found' ? !await published(src)
							: problem.code === 'fm-duplicate-key' ? await keepsOnlyLastTitle(text, problem.line, built)
								: false;
				if (!confirmed) {
					unconfirmed.push(`${where}:${problem.line} ${problem.code} ${problem.message}`);
				}
			}
			for (const problem of findImageProblems(text, file, context).filter(p => p.code === ImageProblemCode.NotFound)) {
				const src = text.slice(lines.offsetAt(problem.range.start), lines.offsetAt(problem.range.end));
				if (await published(src)) {
					unconfirmed.push(`${where}:${problem.range.start.line + 1} image-not-found ${src}: Hugo publishes it`);
				}
			}
		}
		assert.deepEqual(unconfirmed, []);
	});

	test('Should warn about a raw <img> exactly when Hugo leaves it out of the page (#4)', async () => {
		let checked = 0;
		for (const { where, file, text, built, context } of posts) {
			const omitted = new Set(findImageProblems(text, file, context)
				.filter(p => p.code === ImageProblemCode.RawHtmlOmitted)
				.map(p => `${p.range.start.line}:${p.range.start.character}`));
			const page = await fs.readFile(built.htmlFile, 'utf8');
			const lines = new LineIndex(text);
			for (const reference of findImageReferences(text, context.site).filter(r => r.kind === 'html')) {
				// Hugo passes raw HTML through as written, entities and quotes included.
				const written = text.slice(lines.offsetAt(reference.range.start), lines.offsetAt(reference.range.end));
				const onPage = new RegExp(`src=["']?${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(page);
				const warned = omitted.has(`${reference.range.start.line}:${reference.range.start.character}`);
				assert.equal(warned, !onPage, `${where}:${reference.range.start.line + 1} ${reference.src}: ${onPage ? 'on the page' : 'omitted by Hugo'}`);
				checked++;
			}
		}
		assert.ok(checked >= 2, `checked ${checked} raw <img> tags`);
	});
});
