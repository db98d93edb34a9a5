// Completions while writing: what finding the completion site and its items costs in a long post, next to
// one split of the same text into lines (the least any provider does), and what ranking the terms of a
// 5,000-post site costs on each request, next to reading those posts' front matter once.
import * as TOML from 'smol-toml';
import { splitFrontMatter } from '../../src/core/frontMatter/split';
import { completionItems, findCompletionSite, type CompletionData } from '../../src/core/writing/completions';
import { rankTerms } from '../../src/core/writing/taxonomyTerms';
import { measure, type BenchResult, type Benchmark } from './harness';

const FRONT_MATTER = ['+++', 'title = "Summit"', 'date = 2017-05-12T18:30:00-04:00', 'tags = ["openstack", ]', 'cover = "/images/2017/05/"', '+++'];

/** A 2,000-line write-up: sessions, lists, a fenced block now and then. */
function longPost(): string {
	const lines = [...FRONT_MATTER];
	for (let i = 0; lines.length < 2_000; i++) {
		lines.push('', `#### Session ${i}`, '', '- Speaker One', `- [https://example.org/s/${i}](https://example.org/s/${i})`, '',
			'Notes about the talk, with `code` and a [link](https://example.org).', '', '```sh', 'kolla-ansible deploy', '```');
	}
	lines.push('', '![hall](/images/2017/05/');
	return lines.join('\n');
}

function siteData(): CompletionData {
	const sitePaths: string[] = [];
	for (let year = 2010; year < 2026; year++) {
		for (let month = 1; month <= 12; month++) {
			for (let n = 0; n < 10; n++) {
				sitePaths.push(`/images/${year}/${String(month).padStart(2, '0')}/photo-${n}.jpg`);
			}
		}
	}
	const terms = Array.from({ length: 300 }, (_, i) => ({ term: `tag-${i}`, posts: 300 - i }));
	return { now: '2025-03-07T21:05:09+01:00', taxonomies: ['tags', 'categories'], terms: new Map([['tags', terms]]), sitePaths };
}

export const benchmarks: Benchmark[] = [{
	name: 'writing.completions',
	async run(): Promise<BenchResult[]> {
		const text = longPost();
		const data = siteData();
		const baseline = await measure(() => text.split('\n'));
		const results: BenchResult[] = [];
		for (const [name, offset] of [
			['tag value in the front matter', text.indexOf(', ]') + 2],
			['image path at the end of the body', text.length],
		] as const) {
			const subject = await measure(() => {
				const site = findCompletionSite(text, offset);
				if (!site) {
					throw new Error(`no completion site for ${name}`);
				}
				return completionItems(site, data);
			});
			results.push({ name: `writing.completions (${name}, 2,000-line post)`, subject, baseline, baselineName: 'splitting the post into lines' });
		}
		return results;
	},
}, {
	name: 'writing.rankTerms',
	async run(): Promise<BenchResult> {
		const texts = Array.from({ length: 5_000 }, (_, i) => ['+++', `title = "Post ${i}"`, `tags = ["tag-${i % 97}", "tag-${i % 13}", "Tag-${i % 7}"]`, `categories = ["cat-${i % 5}"]`, '+++', '', 'Body'].join('\n'));
		const posts = texts.map(t => TOML.parse(splitFrontMatter(t)!.content) as Record<string, unknown>);
		const baseline = await measure(() => texts.map(t => TOML.parse(splitFrontMatter(t)!.content)), { budgetMs: 2_000 });
		const subject = await measure(() => rankTerms(posts, ['tags', 'categories']), { budgetMs: 2_000 });
		return { name: 'writing.rankTerms (5,000 posts, on each request)', subject, baseline, baselineName: 'reading their front matter once' };
	},
}];
