import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createImagesCommand } from '../../../src/cli/imagesCommand';
import type { CliIo } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { listed } from '../helpers/cliEntry';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { joinLines } from '../../../src/core/text';

const REPO = path.resolve(__dirname, '../../../..');

function captureIo(cwd = '/'): CliIo & { out: string; err: string } {
	const io = { out: '', err: '', cwd, stdout(t: string) { io.out += t; }, stderr(t: string) { io.err += t; } };
	return io;
}

const files = new MemoryFileReader({
	'/blog/hugo.toml': 'staticDir = ["static", "uploads"]',
	'/blog/static/images/a.jpg': '',
	'/blog/uploads/images/a.jpg': '',
	'/blog/content/post/trip/index.md': joinLines(
		'+++',
		'cover = "/images/a.jpg"',
		'+++',
		'![here](photo.jpg) ![gone](/images/gone.jpg)',
		'![remote](https://example.org/r.jpg)',
	),
	'/blog/content/post/trip/photo.jpg': '',
	'/blog/content/post/fine.md': joinLines('+++', 'cover = "/images/a.jpg"', '+++', '![remote](https://example.org/r.jpg) ![a](/images/a.jpg)'),
});
const command = createImagesCommand(files);

suite('site.imagesCommand', () => {
	test('Should exit 0 when every image of the post is published, and 1 when one is not (#14)', async () => {
		assert.equal(await runCli(['images', '/blog/content/post/fine.md'], captureIo(), [listed(command)]), 0);
		assert.equal(await runCli(['images', '/blog/content/post/trip/index.md'], captureIo(), [listed(command)]), 1);
	});

	test('Should print every reference as JSON with 1-based positions, in document order (#4)', async () => {
		const io = captureIo('/blog/content');
		// `/images/gone.jpg` resolves to nothing: every image is still listed, and the exit code says so (#14).
		assert.equal(await runCli(['images', 'post/trip/index.md'], io, [listed(command)]), 1);
		assert.deepEqual(JSON.parse(io.out), {
			images: [
				{ line: 2, column: 10, src: '/images/a.jpg', resolved: '/blog/uploads/images/a.jpg' },
				{ line: 4, column: 9, src: 'photo.jpg', resolved: '/blog/content/post/trip/photo.jpg' },
				{ line: 4, column: 28, src: '/images/gone.jpg', resolved: null },
				{ line: 5, column: 11, src: 'https://example.org/r.jpg', resolved: null },
			],
		});
		assert.equal(io.err, '');
	});

	test('Should print one line per reference in text format, saying where Hugo looked (#4)', async () => {
		const io = captureIo();
		assert.equal(await runCli(['images', '--format', 'text', '/blog/content/post/trip/index.md'], io, [listed(command)]), 1);
		const lines = io.out.trimEnd().split('\n');
		assert.equal(lines.length, 4);
		assert.equal(lines[0], '/blog/content/post/trip/index.md:2:10 /images/a.jpg -> /blog/uploads/images/a.jpg');
		assert.match(lines[2], /^\/blog\/content\/post\/trip\/index\.md:4:28 \/images\/gone\.jpg -> \(not found\) .*uploads\/images\/gone\.jpg, static\/images\/gone\.jpg/);
		assert.match(lines[3], /-> \(remote\)$/);
	});

	test('Should exit 1 for an unreadable file and 2 for a bad command line (#4)', async () => {
		const missing = captureIo();
		assert.equal(await runCli(['images', '/nope.md'], missing, [listed(command)]), 1);
		assert.match(missing.err, /cannot read \/nope\.md/);
		assert.equal(missing.out, '');
		assert.equal(await runCli(['images'], captureIo(), [listed(command)]), 2);
		assert.equal(await runCli(['images', 'a.md', 'b.md'], captureIo(), [listed(command)]), 2);
		const badFormat = captureIo();
		assert.equal(await runCli(['images', '--format', 'yaml', 'a.md'], badFormat, [listed(command)]), 2);
		assert.match(badFormat.err, /--format must be one of json, text/);
	});

	test('Should warn on stderr and resolve nothing outside a Hugo site (#4)', async () => {
		const io = captureIo();
		const loose = createImagesCommand(new MemoryFileReader({ '/notes/a.md': '![x](x.jpg)' }));
		assert.equal(await runCli(['images', '/notes/a.md'], io, [listed(loose)]), 1);
		assert.deepEqual(JSON.parse(io.out), { images: [{ line: 1, column: 6, src: 'x.jpg', resolved: null }] });
		assert.match(io.err, /not inside a Hugo site/);
	});

	test('Should list the sample site post from the built binary (#4)', async function () {
		this.timeout(20_000);
		const cli = path.join(REPO, 'dist', 'cli.mjs');
		const post = path.join(REPO, 'sample-site', 'content', 'post', 'openstack-summit-boston-2017.md');
		const { stdout } = await promisify(execFile)(process.execPath, [cli, 'images', post], { timeout: 15_000 });
		const { images } = JSON.parse(stdout) as { images: Array<{ src: string; resolved: string | null }> };
		const bySrc = new Map(images.map(i => [i.src, i.resolved]));
		assert.equal(bySrc.get('/images/2017/05/boston-hynes.jpg'), path.join(REPO, 'sample-site', 'static', 'images', '2017', '05', 'boston-hynes.jpg'));
		assert.equal(bySrc.get('/content/images/2017/05/fwaas-slide.jpg'), path.join(REPO, 'sample-site', 'static', 'content', 'images', '2017', '05', 'fwaas-slide.jpg'));
		assert.ok(images.every(i => i.resolved !== null), 'every sample image resolves');
	});
});
