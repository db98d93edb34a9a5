import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { findImageReferences } from '../../src/core/site/references';
import { measure, type Benchmark, type BenchResult } from './harness';

const SAMPLE_POST = path.resolve(__dirname, '../../../sample-site/content/post/openstack-summit-boston-2017.md');

/** The sample post's body repeated until the post is about 1 MB, under its front matter. */
function megabytePost(post: string): string {
	const bodyStart = post.indexOf('+++', 3) + 4;
	const chunks = [post];
	let length = post.length;
	while (length < 1_000_000) {
		chunks.push(post.slice(bodyStart));
		length += post.length - bodyStart;
	}
	return chunks.join('\n');
}

async function compare(name: string, text: string, budgetMs: number): Promise<BenchResult> {
	const md = new MarkdownIt({ html: true, linkify: true });
	const baseline = await measure(() => md.parse(text, {}), { budgetMs });
	const subject = await measure(() => findImageReferences(text), { budgetMs });
	return {
		name, subject, baseline, baselineName: 'markdown-it parse',
		// Image diagnostics, links and hovers scan the whole post after each pause in typing: the scan must
		// cost no more than parsing the post once.
		targetRatio: 1,
		note: `${Math.round(text.length / 1024)} KiB`,
	};
}

export const benchmarks: Benchmark[] = [{
	name: 'site.references',
	async run() {
		const post = await fs.readFile(SAMPLE_POST, 'utf8');
		return [
			await compare('site.references: image paths of the sample post', post, 1_000),
			await compare('site.references: image paths of a 1 MB post', megabytePost(post), 4_000),
		];
	},
}];
