import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileReader } from '../../../src/cli/nodeFileReader';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { findHugoSite, findSiteRoot, siteRootsMarkedBy } from '../../../src/core/site/hugoSite';
import { joinLines } from '../../../src/core/text';
import { FIXTURES } from './siteOracle';

const fixture = (...segments: string[]) => path.join(FIXTURES, ...segments);

suite('site.hugoSite', () => {
	test('Should tell from a file\'s path which folders it makes site roots, as the lookup on disk finds them (#19)', async () => {
		const cases: Array<[string, string[]]> = [
			['hugo.toml', ['']],
			['sub/config.yaml', ['sub']],
			['config/_default/params.toml', ['']],
			['sub/config/_default/menus.en.toml', ['sub']],
			['sub/config/_default/hugo.toml', ['sub/config/_default', 'sub']],
			['sub/hugo.md', []],
			['sub/config/production/params.toml', []],
		];
		for (const [file, expected] of cases) {
			assert.deepEqual(siteRootsMarkedBy(file), expected, file);
			const files = new MemoryFileReader({ [`/r/${file}`]: '' });
			for (const folder of expected) {
				const inside = folder === '' ? '/r' : `/r/${folder}`;
				assert.equal(await findSiteRoot(`${inside}/post.md`, files), inside, `${file} makes ${inside} a root`);
			}
			if (expected.length === 0) {
				assert.equal(await findSiteRoot(`/r/${file}`, files), undefined, `${file} makes no root`);
			}
		}
	});

	test('Should find the nearest folder with a Hugo configuration above a post (#4)', async () => {
		const files = new MemoryFileReader({
			'/blog/hugo.yaml': 'title: blog',
			'/blog/content/post/x.md': '',
			'/other/config/_default/hugo.toml': 'title = "dir only"',
			'/other/content/y.md': '',
			'/nosite/content/z.md': '',
		});
		assert.equal(await findSiteRoot('/blog/content/post/x.md', files), '/blog');
		assert.equal(await findSiteRoot('/other/content/y.md', files), '/other');
		assert.equal(await findSiteRoot('/nosite/content/z.md', files), undefined);
		assert.equal(await findHugoSite('/nosite/content/z.md', files), undefined);
	});

	test('Should keep a mount\'s includeFiles and excludeFiles, one pattern or a list (#4)', async () => {
		const files = new MemoryFileReader({
			'/s/hugo.yaml': joinLines(
				'module:',
				'  mounts:',
				'    - { source: a, target: static, excludeFiles: "*.png" }',
				'    - { source: b, target: static/b, includeFiles: ["/keep/**", "*.JPG"], excludeFiles: [] }',
				'    - { source: content, target: content }',
			),
		});
		const site = await findHugoSite('/s/content/x.md', files);
		assert.deepEqual(site?.staticMounts, [
			{ source: '/s/b', target: 'b', includeFiles: ['/keep/**', '*.JPG'] },
			{ source: '/s/a', target: '', excludeFiles: ['*.png'] },
		]);
		assert.deepEqual(site?.contentMounts, [{ source: '/s/content', target: '' }]);
	});

	test('Should read hugo.toml, not config.toml, when both exist (#4)', async () => {
		const site = await findHugoSite(fixture('hugo-over-config', 'content', 'post', 'precedence.md'), new NodeFileReader());
		assert.equal(site?.configFile, fixture('hugo-over-config', 'hugo.toml'));
		assert.deepEqual(site?.staticMounts, [{ source: fixture('hugo-over-config', 'from-hugo'), target: '' }]);
	});

	test('Should merge config/_default over the root file, then config/production over both (#4)', async () => {
		const site = await findHugoSite(fixture('config-dir', 'content', 'post', 'configured.md'), new NodeFileReader());
		assert.deepEqual(site?.staticMounts, [
			{ source: fixture('config-dir', 'production-only'), target: '' },
			{ source: fixture('config-dir', 'published'), target: '' },
		]);
		assert.equal(site?.config.title, 'config dir');
		assert.deepEqual(site?.config.params, { description: 'per-key file' });
	});

	test('Should order staticDir lists and staticDir0..10 with the last one first (#4)', async () => {
		const files = new MemoryFileReader({
			'/s/hugo.toml': joinLines('staticDir = ["a", "b"]', 'staticDir10 = "ten"', 'staticDir2 = "two"', 'staticDir0 = ["zero"]'),
		});
		const site = await findHugoSite('/s/content/x.md', files);
		assert.deepEqual(site?.staticMounts.map(m => m.source), ['/s/ten', '/s/two', '/s/zero', '/s/b', '/s/a']);
	});

	test('Should read keys case-insensitively, contentDir, themesDir, unsafe HTML, time zone and ugly URLs (#4)', async () => {
		const files = new MemoryFileReader({
			'/s/config.json': JSON.stringify({
				ContentDir: 'posts', themesDir: '../shared-themes', theme: 'plain', timeZone: 'Europe/Berlin', uglyURLs: true,
				markup: { goldmark: { renderer: { unsafe: true } } },
			}),
			'/shared-themes/plain/static/css/x.css': '',
		});
		const site = await findHugoSite('/s/posts/x.md', files);
		assert.ok(site);
		assert.equal(site.contentDir, '/s/posts');
		assert.equal(site.themesDir, '/shared-themes');
		assert.deepEqual(site.themes, ['plain']);
		assert.deepEqual(site.staticMounts.map(m => m.source), ['/s/static', '/shared-themes/plain/static']);
		assert.equal(site.unsafeHtml, true);
		assert.equal(site.timeZone, 'Europe/Berlin');
		assert.equal(site.uglyUrls, true);
	});

	test('Should put the project before themes, the left-most theme first, and follow themes of themes (#4)', async () => {
		const files = new MemoryFileReader({
			'/s/hugo.toml': 'theme = ["first", "second"]',
			'/s/themes/first/hugo.toml': 'theme = "component"',
			'/s/themes/first/static/a': '',
			'/s/themes/second/static/b': '',
			'/s/themes/component/static/c': '',
		});
		const site = await findHugoSite('/s/content/x.md', files);
		assert.deepEqual(site?.themes, ['first', 'component', 'second']);
		assert.deepEqual(site?.staticMounts.map(m => m.source), ['/s/static', '/s/themes/first/static', '/s/themes/component/static', '/s/themes/second/static']);
	});

	test('Should let static mounts replace the project static folder, the last mount first, themes kept (#4)', async () => {
		const site = await findHugoSite(fixture('mounts', 'content', 'post', 'mounted.md'), new NodeFileReader());
		assert.deepEqual(site?.staticMounts, [
			{ source: fixture('mounts', 'layer2'), target: 'layered', excludeFiles: ['x.jpg'] },
			{ source: fixture('mounts', 'layer1'), target: 'layered' },
			{ source: fixture('mounts', 'picked'), target: 'picked', includeFiles: ['/keep/**', '*.JPG'], excludeFiles: ['**/skip-*'] },
			{ source: fixture('mounts', 'filtered'), target: 'filtered', excludeFiles: ['*.png'] },
			{ source: fixture('mounts', 'more'), target: 'pics' },
			{ source: fixture('mounts', 'extra', 'images'), target: 'pics' },
			{ source: fixture('mounts', 'themes', 'base', 'static'), target: '' },
		]);
		assert.equal(site?.contentDir, fixture('mounts', 'content'));
	});

	test('Should let any mount in a theme config replace all of that theme\'s default folders (#4)', async () => {
		const files = new MemoryFileReader({
			'/s/hugo.toml': joinLines('theme = "t"', 'staticDir = "ignored-by-mount"', '[[module.mounts]]', 'source = "pics"', 'target = "static/pics"'),
			'/s/themes/t/config.toml': joinLines('[[module.mounts]]', 'source = "assets-static"', 'target = "static"'),
		});
		const site = await findHugoSite('/s/content/x.md', files);
		assert.deepEqual(site?.staticMounts, [{ source: '/s/pics', target: 'pics' }, { source: '/s/themes/t/assets-static', target: '' }]);
		assert.deepEqual(site?.contentMounts, [{ source: '/s/content', target: '' }]);
	});

	test('Should still find a site whose configuration does not parse, with defaults (#4)', async () => {
		const files = new MemoryFileReader({ '/s/hugo.toml': 'title = "unterminated' });
		const site = await findHugoSite('/s/content/x.md', files);
		assert.deepEqual(site?.staticMounts, [{ source: '/s/static', target: '' }]);
	});
});
