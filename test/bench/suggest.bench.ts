import { MemoryFileReader } from '../../src/core/fs/memoryFileReader';
import { findHugoSite } from '../../src/core/site/hugoSite';
import { explainMissingImage } from '../../src/core/site/problems';
import { resolveImage, writtenPathOf } from '../../src/core/site/resolve';
import { StaticFileIndex } from '../../src/core/site/staticIndex';
import { measurePair, type Benchmark } from './harness';

const PHOTOS = 20_000;

export const benchmarks: Benchmark[] = [{
	name: 'site.suggest',
	async run() {
		// A long-running blog's numbered photos: a typo in one is a few edits from thousands of others.
		const photos = Array.from({ length: PHOTOS }, (_, i) => `/images/${2010 + (i % 15)}/${String(1 + (i % 12)).padStart(2, '0')}/photo-${i}.jpg`);
		const files = new MemoryFileReader(Object.fromEntries([['/s/hugo.toml', ''], ...photos.map(photo => [`/s/static${photo}`, ''])]));
		const site = await findHugoSite('/s/content/post/x.md', files);
		if (!site) {
			throw new Error('the generated site has no configuration');
		}
		const context = { site, index: await StaticFileIndex.build(site, files) };
		const document = '/s/content/post/x.md';
		const image = resolveImage(context, document, '/images/2017/05/photo-1234.jpg');
		// Each time on an index that has just changed: what the first diagnostics after a file event cost.
		const afterFileEvent = () => {
			context.index.add('/s/static/images/bench/arrived.jpg');
			context.index.remove('/s/static/images/bench/arrived.jpg');
			return explainMissingImage(context, document, image);
		};
		const { subject, baseline } = await measurePair(
			afterFileEvent,
			// The least any suggestion costs: each published path, as a post would write it, looked at once.
			() => context.index.list().map(path => writtenPathOf(site, path)).filter(path => path.length === image.src.length),
			{ budgetMs: 3_000 },
		);
		// Again and again on an index that has not changed: the diagnostics rebuilt after each pause in typing.
		const again = await measurePair(() => explainMissingImage(context, document, image), afterFileEvent, { budgetMs: 1_000, roundMs: 1 });
		// A photo not copied yet: no published file has its name, so no ranking can name one.
		const notCopied = resolveImage(context, document, '/images/2017/05/keynote-stage.jpg');
		const firstSight = await measurePair(() => {
			context.index.add('/s/static/images/bench/arrived.jpg');
			context.index.remove('/s/static/images/bench/arrived.jpg');
			return explainMissingImage(context, document, notCopied);
		}, afterFileEvent, { budgetMs: 1_000, roundMs: 1 });
		const note = `${PHOTOS.toLocaleString('en')} published photos`;
		return [
			{ name: 'site.suggest: the message of a mistyped photo path', subject, baseline, baselineName: 'one pass over the published paths', note },
			{ name: 'site.suggest: the same message after a keystroke', ...again, baselineName: 'the message after a file event', note },
			{ name: 'site.suggest: the message of a photo not copied yet', ...firstSight, baselineName: 'the mistyped path\'s', note },
		];
	},
}];
