import * as assert from 'node:assert/strict';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { findHugoSite } from '../../../src/core/site/hugoSite';
import { StaticFileIndex, bundleKind } from '../../../src/core/site/staticIndex';

async function indexOf(files: MemoryFileReader): Promise<StaticFileIndex> {
	const site = await findHugoSite('/s/content/post/x.md', files);
	assert.ok(site);
	return StaticFileIndex.build(site, files);
}

suite('site.staticIndex', () => {
	test('Should list every published site path once, sorted, without pages or leaf bundle files (#4)', async () => {
		const index = await indexOf(new MemoryFileReader({
			'/s/hugo.toml': 'theme = "t"',
			'/s/static/images/a.jpg': '',
			'/s/themes/t/static/images/a.jpg': '',
			'/s/themes/t/static/css/t.css': '',
			'/s/content/post/x.md': '',
			'/s/content/images/c.jpg': '',
			'/s/content/post/leaf/index.md': '',
			'/s/content/post/leaf/in-bundle.jpg': '',
		}));
		assert.deepEqual(index.list(), ['/css/t.css', '/images/a.jpg', '/images/c.jpg']);
		assert.equal(index.has('/s/content/post/leaf/in-bundle.jpg'), true);
		assert.equal(index.isOutsideLeafBundle('/s/content/post/leaf/in-bundle.jpg'), false);
	});

	test('Should follow created and deleted files and folders (#4)', async () => {
		const files = new MemoryFileReader({ '/s/hugo.toml': '', '/s/static/old/a.jpg': '', '/s/static/old/b.jpg': '' });
		const index = await indexOf(files);
		const before = index.generation;
		assert.equal(index.resolve('/new.jpg'), undefined);
		assert.equal(index.add('/s/static/new.jpg'), true);
		assert.equal(index.add('/s/static/new.jpg'), false, 'adding twice changes nothing');
		assert.equal(index.add('/elsewhere/x.jpg'), false, 'outside every indexed folder');
		assert.equal(index.resolve('/new.jpg'), '/s/static/new.jpg');
		assert.equal(index.remove('/s/static/old'), true, 'a deleted folder takes its files along');
		assert.deepEqual(index.list(), ['/new.jpg']);
		assert.ok(index.generation > before);
	});

	test('Should stop publishing a content file at its content path once its folder becomes a leaf bundle (#4)', async () => {
		const files = new MemoryFileReader({ '/s/hugo.toml': '', '/s/content/post/trip/photo.jpg': '' });
		const index = await indexOf(files);
		assert.equal(index.resolve('/post/trip/photo.jpg'), '/s/content/post/trip/photo.jpg');
		index.add('/s/content/post/trip/index.md');
		assert.equal(index.resolve('/post/trip/photo.jpg'), undefined);
		index.remove('/s/content/post/trip/index.md');
		assert.equal(index.resolve('/post/trip/photo.jpg'), '/s/content/post/trip/photo.jpg');
	});

	test('Should answer repeated lookups alike, and afresh once the index changes (#4)', async () => {
		const files = new MemoryFileReader({ '/s/hugo.toml': 'staticDir = ["static", "extra"]', '/s/static/a.jpg': '' });
		const index = await indexOf(files);
		const first = index.candidates('/a.jpg');
		assert.deepEqual(first, ['/s/static/a.jpg'], 'only folders that exist are named');
		assert.equal(index.candidates('/a.jpg'), first, 'a repeated lookup reuses the answer');
		assert.throws(() => (first as string[]).push('/tampered'), TypeError, 'a shared answer cannot be changed by a caller');
		index.add('/s/extra/a.jpg');
		assert.deepEqual(index.candidates('/a.jpg'), ['/s/extra/a.jpg', '/s/static/a.jpg'], 'the new folder is named, highest precedence first');
		assert.equal(index.resolve('/a.jpg'), '/s/extra/a.jpg');
	});

	test('Should keep site paths inside the site root (#4)', async () => {
		const index = await indexOf(new MemoryFileReader({ '/s/hugo.toml': '', '/s/static/a.jpg': '', '/s/secret.jpg': '' }));
		assert.equal(index.resolve('/../a.jpg'), '/s/static/a.jpg');
		assert.equal(index.resolve('/../secret.jpg'), undefined);
	});

	test('Should tell where a file is published, unless a folder of higher precedence hides it (#4)', async () => {
		const index = await indexOf(new MemoryFileReader({
			'/s/hugo.toml': 'staticDir = ["static", "override"]',
			'/s/static/a.jpg': '',
			'/s/override/a.jpg': '',
			'/s/static/b.jpg': '',
			'/s/content/images/c.jpg': '',
			'/s/content/post/leaf/index.md': '',
			'/s/content/post/leaf/sub/d.jpg': '',
		}));
		assert.equal(index.sitePathOf('/s/override/a.jpg'), '/a.jpg');
		assert.equal(index.sitePathOf('/s/static/a.jpg'), undefined, 'hidden by the later staticDir');
		assert.equal(index.sitePathOf('/s/static/b.jpg'), '/b.jpg');
		assert.equal(index.sitePathOf('/s/content/images/c.jpg'), '/images/c.jpg');
		assert.equal(index.sitePathOf('/s/content/post/leaf/sub/d.jpg'), undefined, 'a bundle resource follows its page');
		assert.deepEqual(index.filesUnder('/s/content/post/leaf'), ['/s/content/post/leaf/index.md', '/s/content/post/leaf/sub/d.jpg']);
	});

	test('Should tell leaf and branch bundle pages by name (#4)', () => {
		assert.equal(bundleKind('/s/content/post/x/index.md'), 'leaf');
		assert.equal(bundleKind('/s/content/post/_index.markdown'), 'branch');
		assert.equal(bundleKind('/s/content/post/index.jpg'), undefined);
		assert.equal(bundleKind('/s/content/post/notes.md'), undefined);
	});
});
