// Front matter checks: what validating costs next to a bare parse of the same front matter by smol-toml
// (the fastest TOML 1.0 parser on npm),
// and what `event-writeup check` over a 5,000-post site costs next to `hugo list all` on that site.
import * as TOML from 'smol-toml';
import { execFile, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCheckCommand } from '../../src/cli/checkCommand';
import { splitFrontMatter } from '../../src/core/frontMatter/split';
import { validateFrontMatter } from '../../src/core/frontMatter/validate';
import { measure, measurePair, type Benchmark } from './harness';

const POSTS = 5_000;
const REPO = path.resolve(__dirname, '..', '..', '..');

/** A write-up as people write them: a dozen fields, a params table, and a long body with a photo per session. */
function typicalPost(i: number): string {
	const day = String(1 + (i % 28)).padStart(2, '0');
	const frontMatter = [
		'+++',
		`title = "OpenStack Summit Boston, day ${i}: containers, networking and the keynotes"`,
		`date = 2017-05-${day}T10:00:00-04:00`,
		'lastmod = 2017-05-20T08:30:00-04:00',
		'draft = false',
		`slug = "openstack-summit-boston-${i}"`,
		'tags = ["openstack", "summit", "containers", "networking", "kubernetes"]',
		'categories = ["conferences"]',
		'aliases = ["/2017/05/openstack-summit-boston/"]',
		'description = """',
		'What I saw at the summit: sessions on Kolla, Neutron FWaaS, Kuryr and the keynotes.',
		'"""',
		'cover = "/images/2017/05/boston-hynes.jpg"',
		'# photos from the venue',
		'images = ["/images/2017/05/boston-hynes.jpg", "/images/2017/05/keynote.jpg"]',
		'[params]',
		'event = "OpenStack Summit Boston 2017"',
		'location = { city = "Boston", venue = "Hynes Convention Center" }',
		'+++',
	].join('\n');
	// Each session has a photo, and one post in ten links a photo that was never copied to `static/`.
	const photo = (n: number) => n === 30 && i % 10 === 0 ? `![slide](/images/2017/05/slide-${i}.jpg)` : '![the room](/images/2017/05/boston-hynes.jpg)';
	const body = Array.from({ length: 200 }, (_, n) => n % 10 === 0 ? `#### Session ${n}` : n % 10 === 5 ? photo(n - 5) : `Notes line ${n}, with a [link](https://example.org/${n}) and **emphasis**.`).join('\n');
	return `${frontMatter}\n\n${body}\n`;
}

function hugoAvailable(): boolean {
	return spawnSync('hugo', ['version']).status === 0;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
	return new Promise((resolve, reject) => {
		execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (error, _stdout, stderr) => {
			// `check` exits 1 when it finds errors: that is a result, not a failure of the run.
			if (error && !(command === process.execPath && error.code === 1)) {
				reject(new Error(`${command} ${args.join(' ')}: ${stderr || error.message}`));
			} else {
				resolve();
			}
		});
	});
}

async function generateSite(): Promise<{ root: string; frontMatters: string[] }> {
	const root = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-fm-bench-'));
	const postDir = path.join(root, 'content', 'post');
	await fs.mkdir(postDir, { recursive: true });
	await fs.mkdir(path.join(root, 'static', 'images', '2017', '05'), { recursive: true });
	await fs.writeFile(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Bench"\n');
	await fs.writeFile(path.join(root, 'static', 'images', '2017', '05', 'boston-hynes.jpg'), 'x');
	const frontMatters: string[] = [];
	for (let i = 0; i < POSTS; i += 500) {
		await Promise.all(Array.from({ length: Math.min(500, POSTS - i) }, (_, k) => {
			const text = typicalPost(i + k);
			frontMatters[i + k] = splitFrontMatter(text)!.content;
			return fs.writeFile(path.join(postDir, `post-${i + k}.md`), text);
		}));
	}
	return { root, frontMatters };
}

export const benchmarks: Benchmark[] = [
	{
		name: 'frontMatter: validate one typical post',
		async run() {
			const post = typicalPost(1);
			const content = splitFrontMatter(post)!.content;
			if (validateFrontMatter(post, { imageExists: () => true }).length !== 0) {
				throw new Error('the typical post should be clean');
			}
			// Both warm up the same way, so the JIT has compiled each path before it is timed.
			const { subject, baseline } = await measurePair(
				() => validateFrontMatter(post, { imageExists: () => true }),
				() => TOML.parse(content),
				{ budgetMs: 2_000, warmup: 3_000 });
			return { name: this.name, subject, baseline, baselineName: 'bare smol-toml parse of its front matter', targetRatio: 1.5 };
		},
	},
	{
		name: 'frontMatter: check over a 5,000-post site',
		async run() {
			const { root, frontMatters } = await generateSite();
			try {
				const command = createCheckCommand();
				let output = '';
				const io = { cwd: root, stdout(text: string) { output += text; }, stderr() { /* measured, not printed */ } };
				await command.run(['--format', 'json', 'content'], io);
				const missingPhotos = (JSON.parse(output) as { problems: Array<{ code: string }> }).problems.filter(p => p.code === 'image-not-found').length;
				if (missingPhotos !== POSTS / 10) {
					throw new Error(`check should find the ${POSTS / 10} photos missing from the bodies, found ${missingPhotos}`);
				}
				const options = { budgetMs: 1, minIterations: 3, warmup: 1 };
				const inProcess = await measure(() => command.run(['--format', 'json', 'content'], io), options);
				const bareParse = await measure(() => frontMatters.forEach(text => TOML.parse(text)), options);
				const results = [{
					name: `${this.name} (in process, reading the files)`, subject: inProcess, baseline: bareParse,
					baselineName: 'bare smol-toml parse of the 5,000 front matters (in memory)',
				}];
				const cli = path.join(REPO, 'dist', 'cli.mjs');
				// What a CI step or a pre-commit hook on one post waits for: mostly the CLI starting.
				const onePost = await measurePair(
					() => run(process.execPath, [cli, 'check', '--format', 'json', path.join('content', 'post', 'post-1.md')], root),
					() => run(process.execPath, ['-e', '0'], root),
					{ budgetMs: 3_000, warmup: 1, roundMs: 1 });
				results.push({ name: `${this.name} (one post, node dist/cli.mjs check)`, subject: onePost.subject, baseline: onePost.baseline, baselineName: 'node starting with nothing to run' });
				if (hugoAvailable()) {
					// Alternating runs, so a busy spell of the machine falls on both commands alike.
					const { subject: binary, baseline: hugo } = await measurePair(
						() => run(process.execPath, [cli, 'check', '--format', 'json', 'content'], root),
						() => run('hugo', ['list', 'all'], root),
						{ budgetMs: 6_000, warmup: 1, roundMs: 1 });
					// Peak memory of one run of the binary, read by the process itself as it exits.
					const preload = path.join(REPO, 'test', 'bench', 'support', 'printMaxRss.js');
					const peak = spawnSync(process.execPath, ['--require', preload, cli, 'check', '--format', 'json', 'content'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
					const peakMb = Number(/max-rss-kb (\d+)/.exec(peak.stderr)?.[1] ?? Number.NaN) / 1024;
					const memory = `peak memory ${peakMb.toFixed(0)} MB (target <= 150 MB: ${peakMb <= 150 ? 'met' : 'MISSED'})`;
					results.push({ name: `${this.name} (node dist/cli.mjs check)`, subject: binary, baseline: hugo, baselineName: 'hugo list all', targetRatio: 0.3, note: memory } as typeof results[number]);
				} else {
					console.log('frontMatter: hugo is not installed, so check is not compared with hugo list all');
				}
				return results;
			} finally {
				await fs.rm(root, { recursive: true, force: true });
			}
		},
	},
];
