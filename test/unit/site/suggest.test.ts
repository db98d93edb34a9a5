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
