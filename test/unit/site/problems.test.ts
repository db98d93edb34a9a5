import * as assert from 'node:assert/strict';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { findHugoSite } from '../../../src/core/site/hugoSite';
import { findImageProblems } from '../../../src/core/site/problems';
import { StaticFileIndex } from '../../../src/core/site/staticIndex';
import { joinLines } from '../../../src/core/text';

async function problemsOf(post: string, config = '') {
	const files = new MemoryFileReader({
		'/s/hugo.toml': joinLines('theme = "plain"', config),
		'/s/static/images/ok.jpg': '',
		'/s/static/images/2018/Kolla Room.JPG': '',
		'/s/content/images/2017/05/y.jpg': '',
		'/s/themes/plain/static/css/plain.css': '',
		'/s/content/post/p.md': post,
	});
	const site = await findHugoSite('/s/content/post/p.md', files);
	assert.ok(site);
	return findImageProblems(post, '/s/content/post/p.md', { site, index: await StaticFileIndex.build(site, files) });
}

suite('site.problems', () => {
	test('Should report a missing image with the folders Hugo would publish it from (#4)', async () => {
		const problems = await problemsOf(joinLines('![ok](/images/ok.jpg)', '![gone](/images/gone.jpg)', '![r](https://x.org/a.jpg)'));
		assert.equal(problems.length, 1);
		assert.equal(problems[0].code, 'image-not-found');
		assert.deepEqual(problems[0].range, { start: { line: 1, character: 8 }, end: { line: 1, character: 24 } });
		assert.equal(problems[0].message, 'Image not found: /images/gone.jpg. Hugo would publish it from one of: static/images/gone.jpg, themes/plain/static/images/gone.jpg, content/images/gone.jpg.');
	});

	test('Should say once, as information, that relative paths cannot be checked where Hugo dates the address while building (#10)', async () => {
		const post = joinLines('+++', 'title = "P"', '+++', '![a](a.jpg)', '![b](b.jpg)', '![gone](/images/gone.jpg)');
		const dated = joinLines('[permalinks]', 'post = "/:year/:slug/"', '[frontmatter]', 'date = [":fileModTime", "date"]');
		const problems = await problemsOf(post, dated);
		assert.deepEqual(problems.map(p => [p.code, p.severity, p.range.start.line]), [['image-address-unknown', 'info', 3], ['image-not-found', 'warning', 5]]);
		assert.match(problems[0].message, /not checked: Hugo dates this page from the file's modification time/);
		// Without enableGitInfo Hugo has no Git date and takes the next source: the address is known.
		const git = await problemsOf(joinLines('+++', 'title = "P"', 'date = 2017-05-09', '+++', '![a](a.jpg)'), joinLines('[permalinks]', 'post = "/:year/:slug/"', '[frontmatter]', 'date = [":git", "date"]'));
		assert.deepEqual(git.map(p => p.code), ['image-not-found']);
		// A pattern without the date does not need it.
		const undated = await problemsOf(post, joinLines('[permalinks]', 'post = "/:slug/"', '[frontmatter]', 'date = [":fileModTime"]'));
		assert.deepEqual(undated.map(p => p.code), ['image-not-found', 'image-not-found', 'image-not-found']);
	});

	test('Should name a published file of the same name, whatever its letter case or escapes, and nothing else (#4, #19)', async () => {
		const named = async (src: string) => (await problemsOf(`![x](${src})`)).map(p => p.message.includes(' Hugo publishes') ? p.message.slice(p.message.indexOf(' Hugo publishes')) : '');
		// Another folder, the same name: a path close to it. Written with an escape, the name is not the same.
		assert.deepEqual(await named('</images/2017/Kolla Room.JPG>'), [' Hugo publishes /images/2018/Kolla Room.JPG, a path close to it.']);
		assert.deepEqual(await named('/images/2017/Kolla%20Room.JPG'), ['']);
		// A bare name in a plain page, in another letter case and escaped: where Hugo publishes the one file of that name.
		assert.deepEqual(await named('kolla%20room.jpg'), [' Hugo publishes the file at /images/2018/Kolla Room.JPG.']);
		// A name no published file has: nothing is named, however close another path is.
		assert.deepEqual(await named('/images/oka.jpg'), ['']);
	});

	test('Should explain a Ghost-style path to a content file and point at the file (#4)', async () => {
		const [problem] = await problemsOf('![g](/content/images/2017/05/y.jpg)');
		assert.match(problem.message, /content\/images\/2017\/05\/y\.jpg exists, but the file is in the content folder, which Hugo publishes at \/images\/2017\/05\/y\.jpg/);
		assert.equal(problem.related?.file, '/s/content/images/2017/05/y.jpg');
	});

	test('Should name the requested address of a relative path next to a plain page (#4)', async () => {
		const [problem] = await problemsOf('![r](ok.jpg)');
		assert.match(problem.message, /^Image not found: ok\.jpg \(requested as \/post\/p\/ok\.jpg\)\./);
	});

	test('Should warn that a raw <img> is omitted unless the site allows raw HTML (#4)', async () => {
		const omitted = await problemsOf('<img src="/images/ok.jpg">');
		assert.deepEqual(omitted.map(p => p.code), ['image-raw-html-omitted']);
		assert.deepEqual(await problemsOf('<img src="/images/ok.jpg">', '[markup.goldmark.renderer]\nunsafe = true'), []);
	});

	test('Should leave front matter paths to the front matter checker (#4)', async () => {
		assert.deepEqual(await problemsOf(joinLines('+++', 'cover = "/images/none.jpg"', '+++')), []);
	});
});
