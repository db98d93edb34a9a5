import * as assert from 'node:assert/strict';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { joinLines } from '../../../src/core/text';
import { findHugoSite, findSiteRoot } from '../../../src/core/site/hugoSite';
import { bundleKind } from '../../../src/core/site/pages';
import { StaticFileIndex } from '../../../src/core/site/staticIndex';

async function indexOf(files: MemoryFileReader): Promise<StaticFileIndex> {
	const site = await findHugoSite('/s/content/post/x.md', files);
	assert.ok(site);
	return StaticFileIndex.build(site, files);
}

suite('site.staticIndex', () => {
	test('Should tell which content folders belong to the site from the listing, as looking them up on disk does (#19)', async () => {
		const files = new MemoryFileReader({
			'/s/hugo.toml': '',
			'/s/content/post/a.md': '',
			'/s/content/post/b/index.md': '',
			'/s/content/post/b/photo.jpg': '',
			'/s/content/sub/hugo.toml': '',
			'/s/content/sub/deep/c.md': '',
			'/s/content/other/config/_default/params.toml': '',
			'/s/content/other/p/x.md': '',
		});
		const index = await indexOf(files);
		const folders = index.contentFoldersOf('/s').sort();
		assert.deepEqual(folders, ['/s/content', '/s/content/post', '/s/content/post/b']);
		for (const folder of [...folders, '/s/content/sub', '/s/content/sub/deep', '/s/content/other/p']) {
			const root = await findSiteRoot(`${folder}/any.md`, files);
			assert.equal(folders.includes(folder), root === '/s', `${folder} belongs to ${root}`);
		}
		// A walk cut short by its file budget may have missed a configuration: nothing is known then.
		const many = new MemoryFileReader({ '/s/hugo.toml': '', '/s/content/post/a.md': '', ...Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`/s/static/many/${i}.jpg`, ''])) });
		assert.deepEqual((await indexOf(many)).contentFoldersOf('/s'), []);
	});

	test('Should list every published site path once, sorted, without pages, leaf bundle files at their page\'s address (#4)', async () => {
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
		assert.deepEqual(index.list(), ['/css/t.css', '/images/a.jpg', '/images/c.jpg', '/post/leaf/in-bundle.jpg']);
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

	test('Should publish a content file at its page\'s address once its folder becomes a leaf bundle (#4)', async () => {
		const files = new MemoryFileReader({ '/s/hugo.toml': '', '/s/content/post/trip/photo.jpg': '' });
		const index = await indexOf(files);
		assert.equal(index.resolve('/post/trip/photo.jpg'), '/s/content/post/trip/photo.jpg');
		files.write('/s/content/post/trip/index.md', joinLines('+++', 'slug = "renamed"', '+++'));
		assert.equal(index.add('/s/content/post/trip/index.md'), true);
		assert.equal(await index.update('/s/content/post/trip/index.md'), true, 'the slug moves the resources');
		assert.equal(index.resolve('/post/trip/photo.jpg'), undefined);
		assert.equal(index.resolve('/post/renamed/photo.jpg'), '/s/content/post/trip/photo.jpg');
		index.remove('/s/content/post/trip/index.md');
		assert.equal(index.resolve('/post/trip/photo.jpg'), '/s/content/post/trip/photo.jpg');
		assert.equal(index.resolve('/post/renamed/photo.jpg'), undefined);
	});

	test('Should publish leaf bundle resources where Hugo 0.111.3 does: under the page\'s slug or url, none for drafts (#4)', async () => {
		const files = new MemoryFileReader({
			'/s/hugo.toml': '',
			'/s/static/post/plain/b.jpg': '',
			'/s/content/post/plain/index.md': '',
			'/s/content/post/plain/b.jpg': '',
			'/s/content/post/plain/sub/c.jpg': '',
			'/s/content/post/plain/notes.md': '',
			'/s/content/post/slugged/index.md': joinLines('+++', 'Slug = "renamed"', '+++'),
			'/s/content/post/slugged/a.jpg': '',
			'/s/content/post/moved/index.md': joinLines('---', 'url: /elsewhere/leaf/', '---'),
			'/s/content/post/moved/a.jpg': '',
			'/s/content/post/headless/index.md': joinLines('+++', 'headless = true', '+++'),
			'/s/content/post/headless/a.jpg': '',
			'/s/content/post/drafty/index.md': joinLines('+++', 'draft = true', '+++'),
			'/s/content/post/drafty/a.jpg': '',
			'/s/content/post/quoted/index.md': joinLines('+++', 'draft = "true"', '+++'),
			'/s/content/post/quoted/a.jpg': '',
			'/s/content/post/withheld/index.md': joinLines('+++', '[_build]', 'publishResources = false', '+++'),
			'/s/content/post/withheld/a.jpg': '',
			'/s/content/post/newkey/index.md': joinLines('+++', '[build]', 'publishResources = false', '+++'),
			'/s/content/post/newkey/a.jpg': '',
		});
		const index = await indexOf(files);
		assert.equal(index.resolve('/post/plain/b.jpg'), '/s/content/post/plain/b.jpg', 'a bundle resource usually wins over a static file (a race in Hugo)');
		assert.equal(index.resolve('/post/plain/sub/c.jpg'), '/s/content/post/plain/sub/c.jpg');
		assert.equal(index.resolve('/post/plain/notes.md'), undefined, 'a page is not copied');
		assert.equal(index.resolve('/post/plain/missing.jpg'), undefined);
		assert.equal(index.resolve('/post/renamed/a.jpg'), '/s/content/post/slugged/a.jpg');
		assert.equal(index.resolve('/post/slugged/a.jpg'), undefined);
		assert.equal(index.resolve('/elsewhere/leaf/a.jpg'), '/s/content/post/moved/a.jpg');
		assert.equal(index.resolve('/post/headless/a.jpg'), '/s/content/post/headless/a.jpg', 'headless pages still publish their resources');
		assert.equal(index.resolve('/post/drafty/a.jpg'), undefined);
		assert.equal(index.resolve('/post/quoted/a.jpg'), undefined, 'Hugo reads "true" as true');
		assert.equal(index.resolve('/post/withheld/a.jpg'), undefined);
		assert.equal(index.resolve('/post/newkey/a.jpg'), '/s/content/post/newkey/a.jpg', '0.111.3 reads `_build`, not `build`');
		assert.deepEqual(index.candidates('/post/renamed/a.jpg')[0], '/s/content/post/slugged/a.jpg');
		assert.equal(index.sitePathOf('/s/content/post/slugged/a.jpg'), '/post/renamed/a.jpg');
		assert.equal(index.sitePathOf('/s/content/post/drafty/a.jpg'), undefined);
		assert.equal(index.sitePathOf('/s/static/post/plain/b.jpg'), undefined, 'hidden by the bundle resource');

		files.write('/s/content/post/drafty/index.md', joinLines('+++', 'draft = false', '+++'));
		assert.equal(await index.update('/s/content/post/drafty/index.md'), true, 'publishing the draft publishes its resources');
		assert.equal(index.resolve('/post/drafty/a.jpg'), '/s/content/post/drafty/a.jpg');
		assert.equal(await index.update('/s/content/post/drafty/index.md'), false, 'an unchanged page changes nothing');
		assert.equal(await index.update('/s/content/post/drafty/a.jpg'), false, 'only bundle pages are read');
	});

	test('Should answer from the walk alone, each bundle published by its place, until its page is read (#19)', async () => {
		const files = new MemoryFileReader({
			'/s/hugo.toml': '',
			'/s/static/images/a.jpg': '',
			'/s/content/post/drafty/index.md': joinLines('+++', 'draft = true', '+++'),
			'/s/content/post/drafty/a.jpg': '',
			'/s/content/post/moved/index.md': joinLines('+++', 'slug = "elsewhere"', '+++'),
			'/s/content/post/moved/b.jpg': '',
			'/s/content/post/plain/index.md': joinLines('+++', 'title = "Plain"', '+++'),
			'/s/content/post/plain/c.jpg': '',
		});
		const site = await findHugoSite('/s/content/post/x.md', files);
		assert.ok(site);
		const index = await StaticFileIndex.walk(site, files);
		assert.equal(index.resolve('/images/a.jpg'), '/s/static/images/a.jpg');
		assert.equal(index.resolve('/post/drafty/a.jpg'), '/s/content/post/drafty/a.jpg', 'no page read yet');
		assert.equal(await index.readBundlePages(), true, 'the draft and the slug change what is published');
		assert.equal(index.resolve('/post/drafty/a.jpg'), undefined);
		assert.equal(index.resolve('/post/elsewhere/b.jpg'), '/s/content/post/moved/b.jpg');
		assert.equal(index.resolve('/post/plain/c.jpg'), '/s/content/post/plain/c.jpg');
		assert.equal(await index.readBundlePages(), false, 'read again, nothing changes');
		const built = await StaticFileIndex.build(site, files);
		assert.deepEqual(built.list(), index.list(), 'build is the walk and the pages read');
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
		assert.equal(index.sitePathOf('/s/content/post/leaf/sub/d.jpg'), '/post/leaf/sub/d.jpg', 'a bundle resource follows its page');
		assert.deepEqual(index.filesUnder('/s/content/post/leaf'), ['/s/content/post/leaf/index.md', '/s/content/post/leaf/sub/d.jpg']);
	});

	test('Should leave out the files a mount\'s includeFiles and excludeFiles filter, also when they are created (#4)', async () => {
		const files = new MemoryFileReader({
			'/s/hugo.toml': joinLines(
				'[[module.mounts]]', 'source = "layer1"', 'target = "static"',
				'[[module.mounts]]', 'source = "layer2"', 'target = "static"', 'excludeFiles = "*.png"',
				'[[module.mounts]]', 'source = "content"', 'target = "content"', 'includeFiles = ["images/**"]',
			),
			'/s/layer1/x.png': '',
			'/s/layer2/x.png': '',
			'/s/layer2/x.jpg': '',
			'/s/layer2/sub/y.png': '',
			'/s/content/images/c.jpg': '',
			'/s/content/other/d.jpg': '',
		});
		const index = await indexOf(files);
		assert.equal(index.resolve('/x.png'), '/s/layer1/x.png', 'an excluded file does not hide an earlier mount\'s');
		assert.equal(index.resolve('/x.jpg'), '/s/layer2/x.jpg');
		assert.equal(index.resolve('/sub/y.png'), '/s/layer2/sub/y.png', '* stops at a folder');
		assert.equal(index.resolve('/images/c.jpg'), '/s/content/images/c.jpg');
		assert.equal(index.resolve('/other/d.jpg'), undefined);
		assert.equal(index.add('/s/layer2/new.png'), false, 'an excluded file created later stays out');
		assert.equal(index.add('/s/layer2/new.jpg'), true);
		assert.deepEqual(index.list(), ['/images/c.jpg', '/new.jpg', '/sub/y.png', '/x.jpg', '/x.png']);
	});

	test('Should tell leaf and branch bundle pages by name (#4)', () => {
		assert.equal(bundleKind('/s/content/post/x/index.md'), 'leaf');
		assert.equal(bundleKind('/s/content/post/_index.markdown'), 'branch');
		assert.equal(bundleKind('/s/content/post/index.jpg'), undefined);
		assert.equal(bundleKind('/s/content/post/notes.md'), undefined);
	});
});
