import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileReader } from '../../../src/cli/nodeFileReader';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { basePathOf, findHugoSite } from '../../../src/core/site/hugoSite';
import { describeMissingImage } from '../../../src/core/site/problems';
import { suggestImagePaths } from '../../../src/core/site/suggest';
import { pageBaseUrl } from '../../../src/core/site/pages';
import { resolveImage, writtenPathOf, type SiteContext } from '../../../src/core/site/resolve';
import { StaticFileIndex } from '../../../src/core/site/staticIndex';
import { FIXTURES } from './siteOracle';

async function contextFor(documentPath: string, files: NodeFileReader | MemoryFileReader): Promise<SiteContext> {
	const site = await findHugoSite(documentPath, files);
	assert.ok(site, `a site for ${documentPath}`);
	return { site, index: await StaticFileIndex.build(site, files) };
}

const fixture = (...segments: string[]) => path.join(FIXTURES, ...segments);

suite('site.resolve', () => {
	const files = new NodeFileReader();

	test('Should resolve site-root paths through staticDir lists, the last listed winning (#4)', async () => {
		const post = fixture('static-list', 'content', 'post', 'list.md');
		const context = await contextFor(post, files);
		assert.equal(resolveImage(context, post, '/images/same.jpg').resolved, fixture('static-list', 'static2', 'images', 'same.jpg'));
		assert.equal(resolveImage(context, post, '/only-first.jpg').resolved, fixture('static-list', 'static', 'only-first.jpg'));
		const missing = resolveImage(context, post, '/images/missing.jpg');
		assert.equal(missing.resolved, undefined);
		assert.deepEqual(missing.lookedIn, [
			fixture('static-list', 'static2', 'images', 'missing.jpg'),
			fixture('static-list', 'static', 'images', 'missing.jpg'),
			fixture('static-list', 'content', 'images', 'missing.jpg'),
		]);
	});

	test('Should tell a site-root path outside a baseURL sub-path, and write paths that reach the site (#10)', async () => {
		const post = fixture('base-path-plain', 'content', 'post', 'boston', 'index.md');
		const context = await contextFor(post, files);
		const hall = fixture('base-path-plain', 'static', 'images', '2017', 'hall.jpg');
		const outside = resolveImage(context, post, '/images/2017/hall.jpg');
		assert.equal(outside.resolved, undefined);
		assert.equal(outside.nearMiss?.file, hall);
		assert.equal(outside.nearMiss?.sitePath, '/blog/images/2017/hall.jpg');
		assert.match(describeMissingImage(outside, context.site), /published under \/blog\/.*canonifyURLs/);
		assert.deepEqual(suggestImagePaths(context, post, outside).map(s => s.path), ['/blog/images/2017/hall.jpg']);
		assert.equal(resolveImage(context, post, '/blog/images/2017/hall.jpg').resolved, hall);
		assert.equal(resolveImage(context, post, '../../images/2017/hall.jpg').resolved, hall);
		assert.equal(resolveImage(context, post, '../../../images/2017/hall.jpg').resolved, undefined);
		assert.equal(writtenPathOf(context.site, '/images/x.jpg'), '/blog/images/x.jpg');
		const canonified = await contextFor(fixture('base-path-canonify', 'content', 'post', 'notes.md'), files);
		assert.equal(writtenPathOf(canonified.site, '/images/x.jpg'), '/images/x.jpg');
		assert.deepEqual(['https://example.org/blog', 'https://example.org', '/docs/', 'http://h:1313/a/b/?q'].map(basePathOf), ['/blog/', '/', '/docs/', '/a/b/']);
	});

	test('Should resolve through mounts with a target sub-path and ignore the replaced static folder (#4)', async () => {
		const post = fixture('mounts', 'content', 'post', 'mounted.md');
		const context = await contextFor(post, files);
		assert.equal(resolveImage(context, post, '/pics/both.jpg').resolved, fixture('mounts', 'more', 'both.jpg'));
		assert.equal(resolveImage(context, post, '/pics/a.jpg').resolved, fixture('mounts', 'extra', 'images', 'a.jpg'));
		assert.equal(resolveImage(context, post, '/gone.jpg').resolved, undefined);
		assert.equal(resolveImage(context, post, '/themed.jpg').resolved, fixture('mounts', 'themes', 'base', 'static', 'themed.jpg'));
	});

	test('Should prefer the project over themes and the left-most theme over the next (#4)', async () => {
		const post = fixture('themes', 'content', 'post', 'themed.md');
		const context = await contextFor(post, files);
		assert.equal(resolveImage(context, post, '/project.jpg').resolved, fixture('themes', 'static', 'project.jpg'));
		assert.equal(resolveImage(context, post, '/both-themes.jpg').resolved, fixture('themes', 'themes', 'first', 'static', 'both-themes.jpg'));
		assert.equal(resolveImage(context, post, '/second-only.jpg').resolved, fixture('themes', 'themes', 'second', 'static', 'second-only.jpg'));
	});

	test('Should resolve leaf bundle resources at any depth, with query, fragment and percent-escapes (#4)', async () => {
		const post = fixture('bundles', 'content', 'post', 'leaf', 'index.md');
		const context = await contextFor(post, files);
		const page = { slug: 'renamed' };
		assert.equal(resolveImage(context, post, 'sub/deep.jpg', page).resolved, fixture('bundles', 'content', 'post', 'leaf', 'sub', 'deep.jpg'));
		assert.equal(resolveImage(context, post, './photo.jpg?width=300#frag', page).resolved, fixture('bundles', 'content', 'post', 'leaf', 'photo.jpg'));
		assert.equal(resolveImage(context, post, 'my%20photo.jpg', page).resolved, fixture('bundles', 'content', 'post', 'leaf', 'my photo.jpg'));
		assert.equal(resolveImage(context, post, 'nope.jpg', page).resolved, undefined);
		// Out of the bundle, the path is requested from the page's address, /post/renamed/.
		const escaping = resolveImage(context, post, '../next.jpg', page);
		assert.equal(escaping.sitePath, '/post/next.jpg');
		assert.equal(escaping.resolved, fixture('bundles', 'content', 'post', 'next.jpg'));
	});

	test('Should decode percent-escapes of reserved characters per path segment, a malformed one kept as written (#4)', async () => {
		const memory = new MemoryFileReader({
			'/s/hugo.toml': '',
			'/s/static/a/h#x.jpg': '',
			'/s/static/a/q?x.jpg': '',
			'/s/static/a/100%.jpg': '',
			'/s/static/a/bad%E0%A4%A.jpg': '',
			'/s/static/a/bad%E0%A4%A/ok x.jpg': '',
		});
		const post = '/s/content/post/x.md';
		const context = await contextFor(post, memory);
		assert.equal(resolveImage(context, post, '/a/h%23x.jpg').resolved, '/s/static/a/h#x.jpg');
		assert.equal(resolveImage(context, post, '/a%2Fq%3Fx.jpg').resolved, '/s/static/a/q?x.jpg', 'servers decode %2F too');
		assert.equal(resolveImage(context, post, '/a/100%25.jpg').resolved, '/s/static/a/100%.jpg');
		assert.equal(resolveImage(context, post, '/a/bad%E0%A4%A.jpg').resolved, '/s/static/a/bad%E0%A4%A.jpg');
		assert.equal(resolveImage(context, post, '/a/bad%E0%A4%A/ok%20x.jpg').resolved, '/s/static/a/bad%E0%A4%A/ok x.jpg');
		assert.equal(resolveImage(context, post, '/a/%').resolved, undefined);
	});

	test('Should resolve only direct files of a branch bundle as its resources (#4)', async () => {
		const section = fixture('bundles', 'content', 'post', '_index.md');
		const context = await contextFor(section, files);
		assert.equal(resolveImage(context, section, 'banner.jpg').resolved, fixture('bundles', 'content', 'post', 'banner.jpg'));
		// leaf/ is a bundle published under its slug, so /post/leaf/photo.jpg does not exist.
		assert.equal(resolveImage(context, section, 'leaf/photo.jpg').resolved, undefined);
		assert.equal(resolveImage(context, section, 'gallery/g.jpg').resolved, fixture('bundles', 'content', 'post', 'gallery', 'g.jpg'));
	});

	test('Should not resolve a file next to a plain page, and say why (#4)', async () => {
		const post = fixture('bundles', 'content', 'post', 'plain.md');
		const context = await contextFor(post, files);
		const result = resolveImage(context, post, 'next.jpg');
		assert.equal(result.resolved, undefined);
		assert.equal(result.sitePath, '/post/plain/next.jpg');
		assert.equal(result.nearMiss?.file, fixture('bundles', 'content', 'post', 'next.jpg'));
		assert.match(result.nearMiss?.reason ?? '', /not a page bundle/);
		assert.equal(resolveImage(context, post, '../next.jpg').resolved, fixture('bundles', 'content', 'post', 'next.jpg'));
	});

	test('Should publish content-folder files at their content path, so Ghost /content/images paths miss (#4)', async () => {
		const post = fixture('ghost', 'content', 'post', 'migrated.md');
		const context = await contextFor(post, files);
		const ghost = resolveImage(context, post, '/content/images/2017/05/in-content.jpg');
		assert.equal(ghost.resolved, undefined);
		assert.equal(ghost.nearMiss?.file, fixture('ghost', 'content', 'images', '2017', '05', 'in-content.jpg'));
		assert.match(ghost.nearMiss?.reason ?? '', /publishes at \/images\/2017\/05\/in-content\.jpg/);
		assert.equal(resolveImage(context, post, '/images/2017/05/in-content.jpg').resolved, fixture('ghost', 'content', 'images', '2017', '05', 'in-content.jpg'));
		assert.equal(resolveImage(context, post, '/content/images/2017/05/in-static.jpg').resolved, fixture('ghost', 'static', 'content', 'images', '2017', '05', 'in-static.jpg'));
	});

	test('Should mark remote URLs and never look them up (#4)', async () => {
		const post = fixture('ghost', 'content', 'post', 'migrated.md');
		const context = await contextFor(post, files);
		for (const src of ['https://example.org/x.jpg', 'http://x/y.png', 'data:image/png;base64,AAAA', '//cdn.example.org/z.jpg']) {
			assert.deepEqual(resolveImage(context, post, src), { src, resolved: undefined, lookedIn: [], remote: true }, src);
		}
	});

	test('Should compute page addresses from the content path, slug, url, ugly URLs and lowercasing (#4)', async () => {
		const memory = new MemoryFileReader({ '/s/hugo.toml': '', '/u/hugo.toml': 'uglyURLs = true', '/p/hugo.toml': '[permalinks]\npost = "/:year/:slug/"' });
		const site = (await findHugoSite('/s/content/x.md', memory))!;
		assert.equal(pageBaseUrl(site, '/s/content/Post/My Notes.md'), '/post/my-notes/');
		assert.equal(pageBaseUrl(site, '/s/content/post/notes.md', { slug: 'Renamed' }), '/post/renamed/');
		assert.equal(pageBaseUrl(site, '/s/content/post/bundle/index.md', { slug: 'b' }), '/post/b/');
		assert.equal(pageBaseUrl(site, '/s/content/post/_index.md', { slug: 'ignored' }), '/post/');
		assert.equal(pageBaseUrl(site, '/s/content/_index.md'), '/');
		assert.equal(pageBaseUrl(site, '/s/content/post/x.md', { url: '/elsewhere/leaf/' }), '/elsewhere/leaf/');
		assert.equal(pageBaseUrl(site, '/s/content/post/x.md', { url: 'docs/page.html' }), '/docs/');
		assert.equal(pageBaseUrl(site, '/s/layouts/x.md'), undefined);
		assert.equal(pageBaseUrl((await findHugoSite('/u/content/x.md', memory))!, '/u/content/post/x.md'), '/post/');
		// A permalink pattern: a page without a date is dated year 1, one without a slug or title adds nothing.
		assert.equal(pageBaseUrl((await findHugoSite('/p/content/x.md', memory))!, '/p/content/post/x.md'), '/1/');
	});

	test('Should answer without a site: nothing resolves, the file folder is named (#4)', () => {
		assert.deepEqual(resolveImage(undefined, '/notes/a.md', 'b.jpg'), { src: 'b.jpg', resolved: undefined, lookedIn: ['/notes/b.jpg'], remote: false });
		assert.deepEqual(resolveImage(undefined, '/notes/a.md', '  '), { src: '  ', resolved: undefined, lookedIn: [], remote: false });
	});
});
