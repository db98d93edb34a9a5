// `npm test`: lint, type-check and build, then the three test tiers (unit in Node, grammar, extension host in
// a real VS Code). Every tier runs even when an earlier one fails; the last line sums them all.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const npx = (...args) => ['npx', '--no-install', ...args];

/** Runs a command, echoing its output, and returns its exit code and the text it printed. */
function run(argv, extraEnv = {}) {
	return new Promise(resolve => {
		const child = spawn(argv[0], argv.slice(1), { cwd: root, env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const forward = stream => chunk => { output += chunk; stream.write(chunk); };
		child.stdout.on('data', forward(process.stdout));
		child.stderr.on('data', forward(process.stderr));
		child.on('close', code => resolve({ code: code ?? 1, output }));
		child.on('error', error => resolve({ code: 1, output: String(error) }));
	});
}

const results = [];
function record(name, passed, failed) {
	results.push({ name, passed, failed });
	console.log(`\n== ${name}: ${passed} passed, ${failed} failed\n`);
}

/** A build step counts as one check: it passes or fails as a whole. */
async function check(name, argv) {
	console.log(`\n== ${name}: ${argv.join(' ')}`);
	const { code } = await run(argv);
	record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
	return code === 0;
}

/** Reads `N passed, M failed` (or mocha's `N passing` / `M failing`) from a tier's output. */
function counts(output, code, label) {
	const line = label === undefined ? undefined : [...output.matchAll(new RegExp(`${label}[^\\n]*?(\\d+) passed, (\\d+) failed`, 'g'))].pop();
	let passed = 0, failed = 0;
	if (line) {
		passed = Number(line[1]);
		failed = Number(line[2]);
	} else {
		passed = Number(/(\d+) passing/.exec(output)?.[1] ?? 0);
		failed = Number(/(\d+) failing/.exec(output)?.[1] ?? 0);
	}
	if (code !== 0 && failed === 0) {
		failed = 1; // crashed, hung or ran nothing: never a silent pass
	}
	return [passed, failed];
}

async function tier(name, argv, label, env) {
	console.log(`\n== ${name}: ${argv.join(' ')}`);
	const { code, output } = await run(argv, env);
	const [passed, failed] = counts(output, code, label);
	record(name, passed, failed);
}

const installed = await check('install offline VS Code', ['bash', 'scripts/install-vscode-server.sh']);
await check('lint', npx('eslint', '.'));
const built = await check('build', ['node', 'esbuild.mjs']);
const compiled = await check('type-check and compile tests', npx('tsc', '-p', '.'));
await check('type-check the preview page script', npx('tsc', '-p', 'tsconfig.webview.json'));
await check('package contents (vsce ls)', ['node', 'scripts/checkPackage.mjs']);
if (compiled) {
	await tier('unit', npx('mocha'), undefined);
} else {
	record('unit', 0, 1);
}
await tier('grammar', ['node', 'scripts/grammarTest.mjs'], 'grammar:');
if (installed && built && compiled) {
	await tier('extension host', ['node', 'out/test/integration/runInCodeServer.js'], 'extension host \\(VS Code');
	await tier('extension host (web worker)', ['node', 'out/test/web/runInWebWorker.js'], 'extension host \\(web worker\\)');
} else {
	record('extension host', 0, 1);
	record('extension host (web worker)', 0, 1);
}
// The first run as a writer sees it (the walkthrough from the Welcome page) and the image hover, pictured
// into a scratch folder: docs/ is refreshed by running the script by hand.
if (installed && built && compiled) {
	const shots = mkdtempSync(join(tmpdir(), 'event-writeup-first-run-'));
	await check('first run and hover, in the browser', ['node', 'scripts/screenshotFirstRun.mjs', shots]);
	await check('preview colours, in the browser', ['node', 'scripts/screenshotPreview.mjs', join(shots, 'preview.png')]);
	rmSync(shots, { recursive: true, force: true });
} else {
	record('first run and hover, in the browser', 0, 1);
	record('preview colours, in the browser', 0, 1);
}
// README's run command, as a user runs it: serves the sample site, opens it in Chromium, stops on Ctrl+C.
if (installed) {
	await tier('npm start', ['node', 'scripts/startSmoke.mjs'], 'npm start smoke:');
} else {
	record('npm start', 0, 1);
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log('\nSummary');
for (const r of results) {
	console.log(`  ${r.name.padEnd(30)} ${r.passed} passed, ${r.failed} failed`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
