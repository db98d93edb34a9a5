// Rendering a post for the preview: what the Hugo rules (Goldmark typographer, linkify, heading ids,
// footnotes, definition lists, shortcodes, the front matter header, image resolution through the site
// index) cost next to bare markdown-it with its default options on the same text, in the same run.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import markdownIt from 'markdown-it';
import { NodeFileReader } from '../../src/cli/nodeFileReader';
import { PostRenderer } from '../../src/core/markdown/renderer';
import { findHugoSite } from '../../src/core/site/hugoSite';
import { readPageAddress, type PageAddress } from '../../src/core/site/references';
import { resolveImage } from '../../src/core/site/resolve';
import { StaticFileIndex } from '../../src/core/site/staticIndex';
import type { BenchResult, Benchmark, Measurement } from './harness';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SAMPLE_POST = path.join(REPO, 'sample-site', 'content', 'post', 'openstack-summit-boston-2017.md');
const TARGET_RATIO = 1.3;

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

/**
 * Times subject and baseline in alternating batches and takes the median of each, so a load spike on a
 * shared machine hits both sides instead of whichever happened to run during it.
 */
function measurePair(subject: () => unknown, baseline: () => unknown, budgetMs: number): [Measurement, Measurement] {
	const batchOf = (fn: () => unknown) => {
		const t0 = performance.now();
		fn();
		return performance.now() - t0;
	};
	// Warm both up, then size batches to about 20 ms so the timer's resolution does not matter.
	for (let i = 0; i < 3; i++) {
		subject();
		baseline();
	}
	const perRun = Math.max(0.001, batchOf(baseline));
	const batch = Math.max(1, Math.round(20 / perRun));
	const subjectSamples: number[] = [];
	const baselineSamples: number[] = [];
	const start = performance.now();
	while (subjectSamples.length < 5 || performance.now() - start < budgetMs) {
		subjectSamples.push(batchOf(() => { for (let i = 0; i < batch; i++) { subject(); } }) / batch);
		baselineSamples.push(batchOf(() => { for (let i = 0; i < batch; i++) { baseline(); } }) / batch);
	}
	const median = (samples: number[]): Measurement => {
		const sorted = [...samples].sort((a, b) => a - b);
		return { medianMs: sorted[Math.floor(sorted.length / 2)], iterations: samples.length * batch };
	};
	return [median(subjectSamples), median(baselineSamples)];
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
		for (const [name, text, budgetMs] of [['typical post', sample, 4_000], ['1 MB post', megabytePost(sample), 12_000]] as const) {
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
			const [subject, baseline] = measurePair(render, () => bare.render(text), budgetMs);
			results.push({
				name: `render: ${name} (${Math.round(text.length / 1024)} KiB)`,
				subject,
				baseline,
				baselineName: 'bare markdown-it (default options)',
				targetRatio: TARGET_RATIO,
			});
		}
		return results;
	},
}];
