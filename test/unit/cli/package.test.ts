import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '..', '..', '..', '..');

suite('cli.package', function () {
	this.timeout(120_000);
	let work: string;

	suiteSetup(async () => {
		work = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-pack-'));
	});

	suiteTeardown(() => fs.rm(work, { recursive: true, force: true }));

	test('Should pack the CLI alone and run it through npx from the tarball, installed without the network (#14)', async () => {
		// `npm pack` runs `prepack`, which builds the bundle.
		const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 });
		const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
		const shipped = packed.files.map(f => f.path).sort();
		// The CLI's entry and the chunks its commands load: nothing else of the build, no source map.
		assert.deepEqual(shipped.filter(file => !/^dist\/cli-[\w-]+\.mjs$/.test(file)), ['LICENSE', 'README.md', 'dist/cli.mjs', 'media/preview.css', 'package.json']);
		assert.ok(shipped.some(file => /^dist\/cli-checkCommand-[\w-]+\.mjs$/.test(file)), `check's chunk is shipped: ${shipped.join(', ')}`);
		const manifest = JSON.parse(await fs.readFile(path.join(REPO, 'package.json'), 'utf8')) as { dependencies?: object };
		assert.equal(manifest.dependencies, undefined, 'the bundle holds every library: nothing to download at install');

		const project = path.join(work, 'blog');
		await fs.mkdir(path.join(project, 'content', 'post'), { recursive: true });
		await fs.writeFile(path.join(project, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
		await fs.writeFile(path.join(project, 'content', 'post', 'a.md'), '+++\ntitle = "A"\ndate = 2017-05-09\n+++\n\n![gone](/images/gone.jpg)\n');
		const offline = { cwd: project, env: { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } };
		await run('npm', ['init', '-y'], offline);
		await run('npm', ['install', '--no-save', path.join(work, packed.filename)], offline);
		// A missing image fails the build, annotated for GitHub Actions.
		const result = await run('npx', ['--offline', 'event-writeup', 'check', '--format', 'github', '--max-warnings', '0', 'content'], offline).then(
			() => ({ code: 0, stdout: '' }),
			(error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
		);
		assert.equal(result.code, 1);
		assert.match(result.stdout, /^::warning file=content\/post\/a\.md,line=6,col=9,endLine=6,endColumn=25,title=image-not-found::Image not found/);
		// `render` styles the page with the preview's stylesheet, which the package carries.
		const page = await run('npx', ['--offline', 'event-writeup', 'render', 'content/post/a.md'], offline);
		const stylesheet = await fs.readFile(path.join(REPO, 'media', 'preview.css'), 'utf8');
		assert.ok(page.stdout.includes(stylesheet.split('\n').find(line => line.startsWith('\t--accent:'))!), 'the page holds the preview stylesheet');
	});
});
