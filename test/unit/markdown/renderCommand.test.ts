import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../../src/cli/main';
import { listed } from '../helpers/cliEntry';
import { createRenderCommand } from '../../../src/cli/renderCommand';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { joinLines } from '../../../src/core/text';

function capture(cwd = '/') {
	const out = { stdout: '', stderr: '' };
	return { out, io: { stdout: (t: string) => { out.stdout += t; }, stderr: (t: string) => { out.stderr += t; }, cwd } };
}

const SITE = {
	'/blog/hugo.toml': joinLines('title = "Blog"', '[markup.goldmark.renderer]', 'unsafe = true'),
	'/blog/static/images/a.jpg': 'jpeg',
	'/blog/content/post/p.md': joinLines(
		'+++', 'title = "Post"', 'cover = "/images/a.jpg"', '+++', '',
		'![A](/images/a.jpg) ![B](/images/missing.jpg)', '',
		'<img src="/images/a.jpg">',
	),
};

suite('cli.render', () => {
	test('Should print a standalone page with images as file URLs (#4)', async () => {
		const { out, io } = capture('/blog');
		const command = createRenderCommand(new MemoryFileReader(SITE), async () => 'body { color: red }');
		const code = await runCli(['render', 'content/post/p.md'], io, [listed(command)]);
		assert.equal(code, 0);
		assert.match(out.stdout, /^<!DOCTYPE html>/);
		assert.match(out.stdout, /<title>Post<\/title>/);
		assert.match(out.stdout, /<style>\nbody \{ color: red \}\n<\/style>/);
		const file = pathToFileURL('/blog/static/images/a.jpg').href;
		assert.match(out.stdout, new RegExp(`<img class="hugo-cover" src="${file}"`));
		assert.match(out.stdout, new RegExp(`<img src="${file}" alt="A">`));
		// The site is unsafe, so the raw <img> passes and is resolved too.
		assert.match(out.stdout, new RegExp(`<img src="${file}">`));
		assert.match(out.stdout, /<img src="\/images\/missing\.jpg" alt="B" data-unresolved="\/images\/missing\.jpg">/);
		assert.equal(out.stderr, 'warning: content/post/p.md: image /images/missing.jpg resolves to no file the site publishes\n');
	});

	test('Should keep site paths with --images site (#4)', async () => {
		const { out, io } = capture('/blog');
		const code = await runCli(['render', '--images', 'site', 'content/post/p.md'], io, [listed(createRenderCommand(new MemoryFileReader(SITE), async () => ''))]);
		assert.equal(code, 0);
		assert.match(out.stdout, /<img src="\/images\/a\.jpg" alt="A">/);
	});

	test('Should fail clearly on a missing file and a bad command line (#4)', async () => {
		const missing = capture('/blog');
		assert.equal(await runCli(['render', 'nope.md'], missing.io, [listed(createRenderCommand(new MemoryFileReader(SITE)))]), 1);
		assert.match(missing.out.stderr, /cannot read \/blog\/nope\.md/);
		const usage = capture('/blog');
		assert.equal(await runCli(['render', '--images', 'web', 'p.md'], usage.io, [listed(createRenderCommand(new MemoryFileReader(SITE)))]), 2);
		assert.match(usage.out.stderr, /--images must be one of file, site/);
	});

	test('Should render the sample post through the bundled CLI (#4)', function () {
		const root = path.resolve(__dirname, '..', '..', '..', '..');
		const cli = path.join(root, 'dist', 'cli.mjs');
		if (!existsSync(cli)) {
			this.skip();
		}
		const result = spawnSync(process.execPath, [cli, 'render', 'sample-site/content/post/openstack-summit-boston-2017.md'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
		assert.equal(result.status, 0, result.stderr);
		assert.equal(result.stderr, '');
		assert.match(result.stdout, /<h1 class="hugo-post-title">OpenStack Summit Boston 2017: what I learned<\/h1>/);
		assert.ok(result.stdout.includes(pathToFileURL(path.join(root, 'sample-site/static/content/images/2017/05/fwaas-slide.jpg')).href));
		assert.match(result.stdout, /<style>[\s\S]*\.hugo-post-title/, 'the preview stylesheet is inlined');
	});
});
