import * as assert from 'node:assert/strict';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { findHugoSite } from '../../../src/core/site/hugoSite';
import { resolveImage, type SiteContext } from '../../../src/core/site/resolve';
import { StaticFileIndex } from '../../../src/core/site/staticIndex';
import { imgTagToMarkdown, replaceImagePath, suggestImagePaths } from '../../../src/core/site/suggest';
import { LineIndex, range } from '../../../src/core/text';

async function site(): Promise<SiteContext> {
	const files = new MemoryFileReader({
		'/s/hugo.toml': '',
		'/s/static/images/2017/05/kolla-room.jpg': '',
		'/s/static/images/2017/05/boston-hynes.jpg': '',
		'/s/static/images/2018/11/kolla-room.jpg': '',
		'/s/static/gallery/deep/kolla-room.jpg': '',
		'/s/content/images/2017/05/slide.jpg': '',
		'/s/content/post/next.jpg': '',
		'/s/content/post/trip/index.md': '',
		'/s/content/post/trip/photo.jpg': '',
		'/s/content/post/trip/sub/other.jpg': '',
	});
	const hugo = await findHugoSite('/s/content/post/x.md', files);
	assert.ok(hugo);
	return { site: hugo, index: await StaticFileIndex.build(hugo, files) };
}

function suggest(context: SiteContext, documentPath: string, src: string): string[] {
	return suggestImagePaths(context, documentPath, resolveImage(context, documentPath, src)).map(s => `${s.reason} ${s.path}`);
}

function levenshtein(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length];
}

suite('site.suggest', () => {
	test('Should suggest published paths a typo away, nearest first, then the same name elsewhere (#4)', async () => {
		const context = await site();
		assert.deepEqual(suggest(context, '/s/content/post/p.md', '/images/2017/05/kola-room.jpg'), [
			'similar /images/2017/05/kolla-room.jpg',
			'similar /images/2018/11/kolla-room.jpg',
		]);
		assert.deepEqual(suggest(context, '/s/content/post/p.md', '/img/kolla-room.jpg'), [
			'similar /gallery/deep/kolla-room.jpg',
			'similar /images/2017/05/kolla-room.jpg',
			'similar /images/2018/11/kolla-room.jpg',
		]);
		assert.deepEqual(suggest(context, '/s/content/post/p.md', '/images/nothing-like-it.png'), []);
	});

	test('Should suggest where Hugo publishes a content file first (#4)', async () => {
		const context = await site();
		assert.deepEqual(suggest(context, '/s/content/post/p.md', '/content/images/2017/05/slide.jpg')[0], 'published-at /images/2017/05/slide.jpg');
		assert.deepEqual(suggest(context, '/s/content/post/p.md', 'next.jpg'), ['published-at /post/next.jpg']);
	});

	test('Should suggest where the one published file of a bare name is, from a plain page (#13)', async () => {
		const context = await site();
		// Exactly one published file has that name: Ghost-style under content/, published at /images/….
		assert.deepEqual(suggest(context, '/s/content/post/p.md', 'slide.jpg'), ['published-at /images/2017/05/slide.jpg']);
		assert.deepEqual(suggest(context, '/s/content/post/p.md', 'photos/Boston-Hynes.jpg'), ['published-at /images/2017/05/boston-hynes.jpg']);
		// Three files share this name: which one was meant is not known.
		assert.deepEqual(suggest(context, '/s/content/post/p.md', 'kolla-room.jpg'), []);
	});

	test('Should suggest the nearest few of thousands of numbered photos, as a whole ranking would (#19)', async () => {
		// Some names capitalized: the index lists them apart from the rest, and ties are still broken by name.
		const photos = Array.from({ length: 3000 }, (_, i) => `/images/${2010 + (i % 15)}/${String(1 + (i % 12)).padStart(2, '0')}/${i % 7 ? 'photo' : 'Photo'}-${i}.jpg`);
		const files = new MemoryFileReader(Object.fromEntries([['/s/hugo.toml', ''], ...photos.map(photo => [`/s/static${photo}`, ''])]));
		const hugo = await findHugoSite('/s/content/post/x.md', files);
		assert.ok(hugo);
		const context = { site: hugo, index: await StaticFileIndex.build(hugo, files) };
		for (const typo of ['/images/2017/05/photo-1234.jpg', '/images/2014/11/photo-1234.jpeg', '/images/2014/11/phot-1234.jpg', '/img/photo-99.jpg', '/images/2017/05/Photo-1001.jpg', '/images/2010/01/Photo-x.jpg']) {
			// Every published path ranked by its distance (same name elsewhere after the near ones), then by name.
			const limit = Math.max(2, Math.floor(typo.length / 5));
			const name = typo.slice(typo.lastIndexOf('/') + 1).toLowerCase();
			const ranked = photos.map(path => ({ path, distance: levenshtein(typo, path) }))
				.map(({ path, distance }) => ({ path, score: distance <= limit ? distance : path.toLowerCase().endsWith(`/${name}`) ? limit + 1 : Infinity }))
				.filter(({ score }) => score !== Infinity)
				.sort((a, b) => a.score - b.score || a.path.localeCompare(b.path));
			assert.deepEqual(suggest(context, '/s/content/post/p.md', typo), ranked.slice(0, 3).map(({ path }) => `similar ${path}`), typo);
		}
	});

	test('Should suggest again once the site\'s files change, and the same while they do not (#19)', async () => {
		const context = await site();
		const typo = '/images/2017/05/kola-room.jpg';
		const first = suggest(context, '/s/content/post/p.md', typo);
		assert.deepEqual(suggest(context, '/s/content/post/p.md', typo), first);
		assert.ok(context.index.add('/s/static/images/2017/05/kola-rooms.jpg'));
		assert.deepEqual(suggest(context, '/s/content/post/p.md', typo), ['similar /images/2017/05/kola-rooms.jpg', ...first.slice(0, 2)]);
		assert.ok(context.index.remove('/s/static/images/2017/05/kola-rooms.jpg'));
		assert.ok(context.index.remove('/s/static/images/2017/05/kolla-room.jpg'));
		assert.deepEqual(suggest(context, '/s/content/post/p.md', typo), first.slice(1));
	});

	test('Should suggest page bundle files for a relative path in a bundle (#4)', async () => {
		const context = await site();
		assert.deepEqual(suggest(context, '/s/content/post/trip/index.md', 'photo.jpeg'), ['similar photo.jpg']);
		assert.deepEqual(suggest(context, '/s/content/post/trip/index.md', './sub/othr.jpg'), ['similar sub/other.jpg']);
	});

	test('Should offer nothing for paths that resolve or are remote (#4)', async () => {
		const context = await site();
		assert.deepEqual(suggest(context, '/s/content/post/p.md', '/images/2017/05/kolla-room.jpg'), []);
		assert.deepEqual(suggest(context, '/s/content/post/p.md', 'https://example.org/kolla-room.jpg'), []);
	});

	test('Should keep the query and fragment and escape spaces when replacing a path (#4)', () => {
		const at = range(0, 5, 0, 20);
		assert.deepEqual(replaceImagePath('/a.jpg?w=300#x', at, '/b c.jpg'), { range: at, newText: '/b%20c.jpg?w=300#x' });
	});

	test('Should rewrite a plain <img> as a Markdown image, and leave richer tags alone (#4)', () => {
		const text = 'Look: <img alt="The [room]" src="/images/room.jpg" title=\'Say "hi"\'> and <img src="/x.jpg" width="300">';
		const lines = new LineIndex(text);
		const srcRange = (needle: string) => lines.rangeOf(text.indexOf(needle), text.indexOf(needle) + needle.length);
		assert.deepEqual(imgTagToMarkdown(text, srcRange('/images/room.jpg')), {
			range: lines.rangeOf(6, text.indexOf('> and') + 1),
			newText: '![The \\[room\\]](/images/room.jpg "Say \\"hi\\"")',
		});
		assert.equal(imgTagToMarkdown(text, srcRange('/x.jpg')), undefined);
		const spaced = '<img src="/my photo.jpg"/>';
		assert.equal(imgTagToMarkdown(spaced, range(0, 10, 0, 23))?.newText, '![](</my photo.jpg>)');
	});
});
