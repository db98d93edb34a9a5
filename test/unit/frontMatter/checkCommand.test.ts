import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { execFile } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createCheckCommand } from '../../../src/cli/checkCommand';
import { githubAnnotations } from '../../../src/cli/githubAnnotations';
import type { CliIo } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { listed } from '../helpers/cliEntry';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const FIXTURE = path.join(REPO, 'test', 'fixtures', 'frontMatter', 'site');

function captureIo(cwd = '/'): CliIo & { out: string; err: string } {
	const io = { out: '', err: '', cwd, stdout(t: string) { io.out += t; }, stderr(t: string) { io.err += t; } };
	return io;
}

interface Problem { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }

const site = () => new MemoryFileReader({
	'/blog/hugo.toml': 'baseURL = "https://example.org/"\n',
	'/blog/static/images/there.jpg': 'x',
	'/blog/content/post/a.md': '+++\ntitle = "A"\ndate = "May 9, 2017"\ncover = "/images/gone.jpg"\n+++\n',
	'/blog/content/post/b.md': '+++\ntitle = "B"\ndate = 2017-05-09\ncover = "/images/there.jpg"\n+++\n',
	'/blog/content/post/c.md': '---\ntitle: C\ntags: single\n---\n',
	'/blog/content/post/notes.txt': 'not checked',
});

suite('frontMatter.checkCommand', () => {
	test('Should print compiler-style lines and exit 1 when there is an error (#3)', async () => {
		const io = captureIo('/blog');
		const code = await runCli(['check', 'content'], io, [listed(createCheckCommand(site()))]);
		assert.equal(code, 1);
		const lines = io.out.trimEnd().split('\n');
		assert.deepEqual(lines.map(l => l.split(' ').slice(0, 3).join(' ')), [
			'content/post/a.md:3:8: error fm-date-unparsable',
			'content/post/a.md:4:9: warning fm-image-missing',
			'content/post/c.md:1:1: warning fm-required-field',
			'content/post/c.md:3:7: warning fm-list-expected',
		]);
		assert.match(io.err, /3 files checked: 1 error, 3 other problems/);
	});

	test('Should report the body\'s image problems as the editor does, in document order with the front matter\'s (#10)', async () => {
		const files = new MemoryFileReader({
			'/blog/hugo.toml': 'baseURL = "https://example.org/"\n',
			'/blog/static/images/there.jpg': 'x',
			'/blog/content/post/a.md': '+++\ntitle = "A"\ncover = "/images/gone.jpg"\n+++\n\n![ok](/images/there.jpg) ![gone](/images/gone.jpg)\n\n<img src="/images/there.jpg">\n',
			'/blog/layouts/post.md': '![not a page](/images/nowhere.jpg)\n',
		});
		const io = captureIo('/blog');
		assert.equal(await runCli(['check', '--ignore', 'fm-required-field', '--format', 'json', 'content', 'layouts'], io, [listed(createCheckCommand(files))]), 0);
		const { problems } = JSON.parse(io.out) as { problems: Problem[] };
		assert.deepEqual(problems.map(p => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}`), [
			'content/post/a.md:3:9 warning fm-image-missing',
			'content/post/a.md:6:34 warning image-not-found',
			'content/post/a.md:8:11 warning image-raw-html-omitted',
		]);
	});

	test('Should annotate each problem for GitHub Actions and filter by code, failing on warnings past --max-warnings (#14)', async () => {
		const files = new MemoryFileReader({
			'/blog/hugo.toml': 'baseURL = "https://example.org/"\n',
			'/blog/content/post/a.md': '+++\ntitle = "A, or: 100%"\n+++\n\n![gone](/images/gone,1.jpg)\n',
		});
		const io = captureIo('/blog');
		assert.equal(await runCli(['check', '--ignore', 'fm-required-field', '--format', 'github', 'content'], io, [listed(createCheckCommand(files))]), 0);
		assert.equal(io.out, '::warning file=content/post/a.md,line=5,col=9,endLine=5,endColumn=27,title=image-not-found::'
			+ 'Image not found: /images/gone,1.jpg. Hugo would publish it from content/images/gone,1.jpg.\n');
		// The runner's escapes: `%`, line breaks everywhere, and `:` `,` in properties.
		assert.equal(githubAnnotations([{ file: 'a,b:c.md', line: 1, column: 2, endLine: 3, endColumn: 4, severity: 'info', code: 'x', message: '100%\r\nnext' }]),
			'::notice file=a%2Cb%3Ac.md,line=1,col=2,endLine=3,endColumn=4,title=x::100%25%0D%0Anext\n');
		// A missing image fails the CI when warnings are not allowed.
		assert.equal(await runCli(['check', '--ignore', 'fm-required-field', '--max-warnings', '0', 'content'], captureIo('/blog'), [listed(createCheckCommand(files))]), 1);
		assert.equal(await runCli(['check', '--ignore', 'fm-required-field', '--max-warnings', '1', 'content'], captureIo('/blog'), [listed(createCheckCommand(files))]), 0);
		const ignored = captureIo('/blog');
		assert.equal(await runCli(['check', '--ignore', 'image-not-found,fm-required-field', '--max-warnings', '0', 'content'], ignored, [listed(createCheckCommand(files))]), 0);
		assert.equal(ignored.out, '');
		const only = captureIo('/blog');
		await runCli(['check', '--rules', 'fm-date-unparsable,image-not-found', '--format', 'json', 'content'], only, [listed(createCheckCommand(files))]);
		assert.deepEqual((JSON.parse(only.out) as { problems: Problem[] }).problems.map(p => p.code), ['image-not-found']);
		assert.equal(await runCli(['check', '--max-warnings', 'many', 'content'], captureIo('/blog'), [listed(createCheckCommand(files))]), 2);
	});

	test('Should fix what Fix All fixes, write only changed posts, report what is left, and show a dry run as a diff (#14)', async () => {
		const post = '+++\ntitle = "A"\ndate = "May 9, 2017"\ntags = "kolla"\n+++\n\n![gone](/images/gone.jpg)\n';
		const clean = '+++\ntitle = "B"\ndate = 2017-05-09\n+++\n';
		const files = new MemoryFileReader({ '/blog/hugo.toml': 'baseURL = "https://example.org/"\n', '/blog/content/post/a.md': post, '/blog/content/post/b.md': clean });
		const written: Array<[string, string]> = [];
		const write = async (path: string, text: string) => {
			written.push([path, text]);
			files.write(path, text);
		};
		const dry = captureIo('/blog');
		assert.equal(await runCli(['check', '--fix', '--dry-run', 'content'], dry, [listed(createCheckCommand(files, write))]), 0);
		assert.deepEqual(written, []);
		assert.equal(dry.out.split('content/post/a.md:7:9: warning image-not-found')[0], [
			'--- a/content/post/a.md', '+++ b/content/post/a.md', '@@ -1,7 +1,7 @@', ' +++', ' title = "A"',
			'-date = "May 9, 2017"', '-tags = "kolla"', '+date = 2017-05-09', '+tags = ["kolla"]', ' +++', ' ', ' ![gone](/images/gone.jpg)', '',
		].join('\n'));
		assert.match(dry.err, /would fix 2 problems in 1 file/);

		const io = captureIo('/blog');
		assert.equal(await runCli(['check', '--fix', '--max-warnings', '0', 'content'], io, [listed(createCheckCommand(files, write))]), 1);
		assert.deepEqual(written, [['/blog/content/post/a.md', post.replace('"May 9, 2017"', '2017-05-09').replace('"kolla"', '["kolla"]')]]);
		assert.equal(io.out, 'content/post/a.md:7:9: warning image-not-found Image not found: /images/gone.jpg. Hugo would publish it from content/images/gone.jpg.\n');
		assert.match(io.err, /fixed 2 problems in 1 file/);
		const again = captureIo('/blog');
		await runCli(['check', '--fix', 'content'], again, [listed(createCheckCommand(files, write))]);
		assert.equal(written.length, 1, 'a second run has nothing to write');
		assert.match(again.err, /fixed 0 problems in 0 files/);
		assert.equal(await runCli(['check', '--dry-run', 'content'], captureIo('/blog'), [listed(createCheckCommand(files, write))]), 2);
	});

	test('Should apply the site\'s .vscode/settings.json as the editor does, a --config file over it, and say when one does not parse (#14)', async () => {
		const post = '+++\ntitle = "A"\n+++\n\n![gone](/images/gone.jpg)\n';
		const codes = async (files: MemoryFileReader, ...flags: string[]) => {
			const io = captureIo('/blog');
			const code = await runCli(['check', ...flags, '--format', 'json', 'content'], io, [listed(createCheckCommand(files))]);
			return { code, codes: (JSON.parse(io.out) as { problems: Problem[] }).problems.map(p => p.code), err: io.err };
		};
		const plain = new MemoryFileReader({ '/blog/hugo.toml': '', '/blog/content/post/a.md': post });
		assert.deepEqual((await codes(plain)).codes, ['fm-required-field', 'image-not-found']);
		const configured = new MemoryFileReader({
			'/blog/hugo.toml': '', '/blog/content/post/a.md': post,
			'/blog/.vscode/settings.json': '{\n  // the team writes no dates\n  "eventWriteup.frontMatter.requiredFields": ["title"],\n  "[markdown]": { "eventWriteup.images.validate": false, },\n}\n',
			'/ci/strict.json': '{ "eventWriteup.images.validate": true /* CI checks images */ }',
			'/ci/broken.json': '{ "eventWriteup.images.validate": tru }',
		});
		assert.deepEqual((await codes(configured)).codes, []);
		assert.deepEqual((await codes(configured, '--config', '/ci/strict.json')).codes, ['image-not-found']);
		assert.equal((await codes(configured, '--config', '/ci/missing.json').catch(() => ({ code: 2 }))).code, 2);
		const broken = captureIo('/blog');
		assert.equal(await runCli(['check', '--config', '/ci/broken.json', 'content'], broken, [listed(createCheckCommand(configured))]), 2);
		assert.match(broken.err, /broken\.json is not a settings\.json/);
		const unreadable = new MemoryFileReader({ '/blog/hugo.toml': '', '/blog/content/post/a.md': post, '/blog/.vscode/settings.json': '{ oops' });
		const result = await codes(unreadable);
		assert.deepEqual(result.codes, ['fm-required-field', 'image-not-found']);
		assert.match(result.err, /settings\.json is not valid JSON with comments .*: its settings are not applied/);
	});

	test('Should write a SARIF 2.1.0 log that the SARIF schema accepts, with rules, help links and regions (#14)', async () => {
		const files = new MemoryFileReader({
			'/blog/hugo.toml': 'baseURL = "https://example.org/"\n',
			'/blog/content/post/a b.md': '+++\ntitle = "A"\ndate = "May 9, 2017"\n+++\n\n![gone](/images/gone.jpg)\n',
		});
		const io = captureIo('/blog');
		assert.equal(await runCli(['check', '--format', 'sarif', 'content'], io, [listed(createCheckCommand(files))]), 1);
		const log = JSON.parse(io.out) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string }> } }; results: Array<Record<string, unknown>> }> };
		const schema = JSON.parse(readFileSync(path.join(REPO, 'test', 'fixtures', 'sarif', 'sarif-2.1.0.json'), 'utf8')) as object;
		// Formats checked too: `helpUri` and the artifact `uri` must be URIs, as code scanning reads them.
		const ajv = new Ajv({ allErrors: true, strict: false });
		addFormats(ajv);
		const validate = ajv.compile(schema);
		assert.ok(validate(log), JSON.stringify(validate.errors, undefined, 2));
		const [run] = log.runs;
		assert.deepEqual(run.results.map(r => r.ruleId), ['fm-date-unparsable', 'image-not-found']);
		assert.deepEqual(run.results[1].locations, [{ physicalLocation: {
			artifactLocation: { uri: 'content/post/a%20b.md', uriBaseId: 'SRCROOT' },
			region: { startLine: 6, startColumn: 9, endLine: 6, endColumn: 25 },
		} }]);
		const rule = run.tool.driver.rules[run.results[1].ruleIndex as number];
		assert.equal(rule.id, 'image-not-found');
		assert.match(rule.helpUri, /^file:\/\/.*\/README\.md#image-not-found$/);
	});

	test('Should go on past a folder that cannot be listed and a post gone before it was read, and fail the run (#14)', async () => {
		class Vanishing extends MemoryFileReader {
			override async readDirectory(path: string): ReturnType<MemoryFileReader['readDirectory']> {
				if (path.endsWith('/drafts')) {
					throw Object.assign(new Error(`ENOENT: no such file or directory, scandir '${path}'`), { code: 'ENOENT' });
				}
				return super.readDirectory(path);
			}
			override async readText(path: string): Promise<string | undefined> {
				return path.endsWith('/gone.md') ? undefined : super.readText(path);
			}
		}
		const files = new Vanishing({
			'/blog/hugo.toml': '', '/blog/content/drafts/d.md': 'x', '/blog/content/post/gone.md': 'y',
			'/blog/content/post/a.md': '+++\ntitle = "A"\ndate = "May 9, 2017"\n+++\n',
		});
		const io = captureIo('/blog');
		assert.equal(await runCli(['check', 'content'], io, [listed(createCheckCommand(files))]), 1);
		assert.match(io.out, /^content\/post\/a\.md:3:8: error fm-date-unparsable/);
		assert.match(io.err, /cannot read the folder content\/drafts \(ENOENT.*\); the other posts are checked/);
		assert.match(io.err, /cannot read content\/post\/gone\.md/);
	});

	test('Should report a file the checker fails on and still check the others (#3)', async () => {
		class FailingReader extends MemoryFileReader {
			override async readText(path: string): Promise<string | undefined> {
				if (path.endsWith('/b.md')) {
					throw new Error('unexpected failure');
				}
				return super.readText(path);
			}
		}
		const files = new FailingReader({
			'/blog/hugo.toml': 'baseURL = "https://example.org/"\n',
			'/blog/content/post/a.md': '+++\ntitle = "A"\ndate = "May 9, 2017"\n+++\n',
			'/blog/content/post/b.md': '+++\ntitle = "B"\n+++\n',
			'/blog/content/post/c.md': '---\ntitle: C\ntags: single\n---\n',
		});
		const io = captureIo('/blog');
		const code = await runCli(['check', 'content'], io, [listed(createCheckCommand(files))]);
		assert.equal(code, 1);
		const lines = io.out.trimEnd().split('\n');
		assert.deepEqual(lines.map(l => l.split(' ').slice(0, 3).join(' ')), [
			'content/post/a.md:3:8: error fm-date-unparsable',
			'content/post/b.md:1:1: error fm-internal',
			'content/post/c.md:1:1: warning fm-required-field',
			'content/post/c.md:3:7: warning fm-list-expected',
		]);
		assert.match(lines[1], /could not be checked \(unexpected failure\)/);
	});

	test('Should report a binary file and a post too large to check, each as its own problem, and check the others (#14)', async () => {
		const valid = '+++\ntitle = "A"\ndate = 2017-05-09\n+++\n\n';
		const files = new MemoryFileReader({
			'/blog/hugo.toml': 'baseURL = "https://example.org/"\n',
			'/blog/content/post/a.md': `${valid}![gone](/images/gone.jpg)\n`,
			// A photo saved with the wrong extension: bytes, not text.
			'/blog/content/post/photo.md': '\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF\u0000\u0001',
			// Past the 50 MB that VS Code hands to extensions: the editor never checks it either.
			'/blog/content/post/huge.md': `${valid}${'A line of notes.\n'.repeat(3_200_000)}`,
		});
		const io = captureIo('/blog');
		assert.equal(await runCli(['check', '--format', 'json', 'content'], io, [listed(createCheckCommand(files))]), 1);
		const { problems } = JSON.parse(io.out) as { problems: Problem[] };
		assert.deepEqual(problems.map(p => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}`), [
			'content/post/a.md:6:9 warning image-not-found',
			'content/post/huge.md:1:1 error fm-internal',
			'content/post/photo.md:1:1 error fm-internal',
		]);
		assert.match(problems[1].message, /post is 51\.9 MB, larger than the 50 MB VS Code hands to extensions/);
		assert.match(problems[2].message, /not text: it holds a NUL byte \(line 1\)/);
	});

	test('Should check posts and folders reached through symbolic links, as Hugo publishes them, and walk a looping link once (#14)', async function () {
		const root = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-links-'));
		try {
			const bad = (title: string) => `+++\ntitle = "${title}"\ndate = "May 9, 2017"\n+++\n`;
			await fs.mkdir(path.join(root, 'content', 'post'), { recursive: true });
			await fs.mkdir(path.join(root, 'elsewhere', 'dir'), { recursive: true });
			await fs.mkdir(path.join(root, 'static', 'images'), { recursive: true });
			await fs.mkdir(path.join(root, 'photos'), { recursive: true });
			await fs.writeFile(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
			await fs.writeFile(path.join(root, 'photos', 'linked.jpg'), 'x');
			await fs.writeFile(path.join(root, 'content', 'post', 'real.md'), `${bad('Real')}\n![linked](/images/shots/linked.jpg)\n`);
			await fs.writeFile(path.join(root, 'elsewhere', 'linked.md'), bad('Linked'));
			await fs.writeFile(path.join(root, 'elsewhere', 'dir', 'inside.md'), bad('Inside'));
			await fs.symlink(path.join('..', '..', 'elsewhere', 'linked.md'), path.join(root, 'content', 'post', 'linked.md'));
			await fs.symlink(path.join('..', '..', 'elsewhere', 'dir'), path.join(root, 'content', 'post', 'dir'));
			await fs.symlink('..', path.join(root, 'content', 'post', 'loop'));
			await fs.symlink(path.join('..', '..', 'photos'), path.join(root, 'static', 'images', 'shots'));
			await fs.symlink('..', path.join(root, 'static', 'images', 'up'));
			const io = captureIo(root);
			assert.equal(await runCli(['check', '--format', 'json', 'content'], io, [listed(createCheckCommand())]), 1);
			const { problems } = JSON.parse(io.out) as { problems: Problem[] };
			// The linked photo resolves through the static folder's link; the looping links are walked once.
			assert.deepEqual(problems.map(p => `${p.file} ${p.code}`), [
				'content/post/dir/inside.md fm-date-unparsable',
				'content/post/linked.md fm-date-unparsable',
				'content/post/real.md fm-date-unparsable',
			]);
		} finally {
			await fs.rm(root, { recursive: true, force: true });
		}
	});

	test('Should report every one of a post\'s hundreds of thousands of problems (#14)', async () => {
		const count = 150_000;
		const files = new MemoryFileReader({
			'/blog/hugo.toml': 'baseURL = "https://example.org/"\n',
			'/blog/content/post/many.md': `+++\ntitle = "Many"\ndate = 2017-05-09\n+++\n\n${'![gone](/g.jpg)\n'.repeat(count)}`,
		});
		const io = captureIo('/blog');
		assert.equal(await runCli(['check', 'content'], io, [listed(createCheckCommand(files))]), 0);
		assert.equal(io.out.trimEnd().split('\n').length, count);
		assert.match(io.err, new RegExp(`1 file checked: 0 errors, ${count} other problems`));
	});

	test('Should say where Hugo publishes a permalinked bundle\'s cover that names the slug (#10)', async () => {
		const files = new MemoryFileReader({
			'/blog/hugo.toml': 'baseURL = "https://example.org/"\n[permalinks]\npost = "/:year/:title/"\n',
			'/blog/content/post/kolla/index.md': '+++\ntitle = "Kolla Lab"\ndate = 2017-05-09\nslug = "kolla"\ncover = "/2017/kolla/cover.jpg"\nimages = ["/2017/kolla-lab/cover.jpg"]\n+++\n',
			'/blog/content/post/kolla/cover.jpg': 'jpg',
		});
		const io = captureIo('/blog');
		assert.equal(await runCli(['check', '--format', 'json', 'content'], io, [listed(createCheckCommand(files))]), 0);
		const { problems } = JSON.parse(io.out) as { problems: Problem[] };
		assert.deepEqual(problems.map(p => `${p.line}:${p.column} ${p.code}`), ['5:9 fm-image-missing']);
		assert.match(problems[0].message, /Hugo publishes \/2017\/kolla-lab\/cover\.jpg, a path close to it/);
	});

	test('Should print the JSON shape with 1-based ranges (#3)', async () => {
		const io = captureIo('/');
		const code = await runCli(['check', '--format', 'json', '/blog/content/post/a.md'], io, [listed(createCheckCommand(site()))]);
		assert.equal(code, 1);
		const { problems } = JSON.parse(io.out) as { problems: Problem[] };
		assert.deepEqual(problems.map(({ message: _message, ...rest }) => rest), [
			{ file: 'blog/content/post/a.md', line: 3, column: 8, endLine: 3, endColumn: 21, severity: 'error', code: 'fm-date-unparsable' },
			{ file: 'blog/content/post/a.md', line: 4, column: 9, endLine: 4, endColumn: 27, severity: 'warning', code: 'fm-image-missing' },
		]);
		assert.ok(problems.every(p => p.message.length > 20));
	});

	test('Should exit 0 with warnings only, and 2 on usage errors (#3)', async () => {
		const warnings = captureIo('/blog');
		assert.equal(await runCli(['check', 'content/post/c.md', 'content/post/b.md'], warnings, [listed(createCheckCommand(site()))]), 0);
		assert.match(warnings.out, /fm-list-expected/);
		for (const args of [['check'], ['check', '--format', 'xml', 'content'], ['check', '--frobnicate', 'content'], ['check', 'nowhere']]) {
			const io = captureIo('/blog');
			assert.equal(await runCli(args, io, [listed(createCheckCommand(site()))]), 2, args.join(' '));
			assert.equal(io.out, '');
			assert.notEqual(io.err, '');
		}
	});

	test('Should not ask a section page (_index.md) for a title (#3)', async () => {
		const io = captureIo('/');
		const files = new MemoryFileReader({ '/blog/content/post/_index.md': '+++\ndescription = "All posts"\n+++\n', '/blog/content/post/x.md': '+++\ndate = 2017-05-09\n+++\n' });
		assert.equal(await runCli(['check', '/blog'], io, [listed(createCheckCommand(files))]), 0);
		assert.deepEqual(io.out.trimEnd().split('\n').map(l => l.split(' ').slice(0, 3).join(' ')), ['blog/content/post/x.md:1:1: warning fm-required-field']);
	});

	test('Should leave image paths alone outside a Hugo site (#3)', async () => {
		const io = captureIo('/');
		const files = new MemoryFileReader({ '/notes/a.md': '+++\ntitle = "A"\ncover = "/images/gone.jpg"\n+++\n' });
		assert.equal(await runCli(['check', '--ignore', 'fm-required-field', '/notes'], io, [listed(createCheckCommand(files))]), 0);
		assert.equal(io.out, '');
	});

	test('Should check the fixture site from the built binary, recursing into folders (#3)', async function () {
		this.timeout(30_000);
		const cli = path.join(REPO, 'dist', 'cli.mjs');
		const run = promisify(execFile);
		const failure = await run(process.execPath, [cli, 'check', '--format', 'json', 'site'], { cwd: path.dirname(FIXTURE), timeout: 20_000 })
			.then(() => undefined, (error: { code: number; stdout: string }) => error);
		assert.ok(failure, 'expected exit 1');
		assert.equal(failure.code, 1);
		const { problems } = JSON.parse(failure.stdout) as { problems: Problem[] };
		assert.deepEqual(problems.map(p => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}`), [
			'site/content/notes/broken.md:3:8 error fm-syntax',
			'site/content/post/bad-date.md:3:8 error fm-date-unparsable',
			'site/content/post/bad-date.md:4:8 warning fm-list-expected',
			'site/content/post/missing-cover.md:4:8 warning fm-image-missing',
		]);
		const clean = await run(process.execPath, [cli, 'check', path.join(FIXTURE, 'content', 'post', 'clean.md')], { timeout: 20_000 });
		assert.equal(clean.stdout, '');
		assert.match(clean.stderr, /1 file checked: 0 errors/);
	});

	test('Should fail a post whose TOML or YAML holds bytes that are not UTF-8, as Hugo does, and not a written U+FFFD (#12)', async function () {
		this.timeout(30_000);
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-utf8-'));
		try {
			const latin1 = (text: string) => Buffer.from(text, 'latin1');
			await fs.writeFile(path.join(dir, 'toml.md'), latin1('+++\ntitle = "x" # caf\u00e9\n+++\nBody\n'));
			await fs.writeFile(path.join(dir, 'yaml.md'), latin1('---\ntitle: "caf\u00e9"\n---\nBody\n'));
			// Hugo's JSON reader replaces such bytes, and a body may hold them: both build.
			await fs.writeFile(path.join(dir, 'json.md'), latin1('{"title": "caf\u00e9"}\nBody\n'));
			await fs.writeFile(path.join(dir, 'body.md'), latin1('+++\ntitle = "x"\n+++\ncaf\u00e9\n'));
			await fs.writeFile(path.join(dir, 'replacement.md'), '+++\ntitle = "x" # \ufffd\n+++\nBody\n');
			const cli = path.join(REPO, 'dist', 'cli.mjs');
			const failure = await promisify(execFile)(process.execPath, [cli, 'check', '--ignore', 'fm-required-field', '--format', 'json', dir], { timeout: 20_000 })
				.then(() => undefined, (error: { code: number; stdout: string }) => error);
			assert.equal(failure?.code, 1);
			const { problems } = JSON.parse(failure.stdout) as { problems: Problem[] };
			assert.deepEqual(problems.map(p => `${path.basename(p.file)}:${p.line}:${p.column} ${p.code}`), ['toml.md:2:18 fm-syntax', 'yaml.md:2:12 fm-syntax']);
			assert.match(problems[0].message, /not UTF-8/);
		} finally {
			await fs.rm(dir, { recursive: true, force: true });
		}
	});
});
