// Runs `npm start` as a user would: waits for the URL, opens it in headless Chromium, opens the sample post,
// saves a screenshot (docs/vscode-sample-site.png), then presses Ctrl+C (SIGINT) and checks a clean exit.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
// Pass a path to keep the picture (the README's is docs/vscode-sample-site.png); by default it goes to a temp file.
const screenshot = process.argv[2] ?? join(tmpdir(), 'event-writeup-start.png');
const failures = [];
const check = (ok, what) => { console.log(`  ${ok ? '✓' : '✗'} ${what}`); if (!ok) { failures.push(what); } };

const port = await new Promise(resolve => {
	const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
// A fresh profile, so the check sees this build's .vsix installed, not one from an earlier run.
const profile = mkdtempSync(join(tmpdir(), 'event-writeup-start-'));
const child = spawn('node', ['scripts/start.mjs'], { cwd: root, env: { ...process.env, PORT: String(port), EVENT_WRITEUP_PROFILE: profile }, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', c => { output += c; });
child.stderr.on('data', c => { output += c; });
const exited = new Promise(resolve => child.on('exit', (code, signal) => resolve({ code, signal })));

const url = await new Promise(resolve => {
	const timer = setTimeout(() => resolve(undefined), 5 * 60_000);
	const poll = setInterval(() => {
		const match = /running in VS Code: (\S+)/.exec(output);
		if (match) { clearInterval(poll); clearTimeout(timer); resolve(match[1]); }
	}, 200);
	child.on('exit', () => { clearInterval(poll); clearTimeout(timer); resolve(undefined); });
});
check(url !== undefined, 'npm start prints the URL of the sample site');
const extensionsDir = join(profile, 'extensions');
check(existsSync(extensionsDir) && readdirSync(extensionsDir).some(name => name.startsWith('event-writeup.event-writeup-')), 'the .vsix is installed in code-server');

if (url) {
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.goto(url, { timeout: 60_000 });
		await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
		const explorerItem = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'content' }).first();
		await explorerItem.waitFor({ timeout: 60_000 });
		check(true, 'the workbench opens the sample site');
		// The first look points at the commands: the Welcome page lists the extension's walkthrough.
		await page.locator('.getting-started-category', { hasText: 'Write up a conference' }).first().waitFor({ timeout: 60_000 });
		check(true, 'the Welcome page lists the walkthrough');
		// Open the sample post from the explorer, as a user would (clicks do not depend on where the focus is).
		const row = name => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
		await explorerItem.click();
		await row('post').waitFor({ timeout: 20_000 });
		await row('post').click();
		await row('openstack-summit-boston-2017.md').waitFor({ timeout: 20_000 });
		await row('openstack-summit-boston-2017.md').click();
		const tab = page.locator('.tab', { hasText: 'openstack-summit-boston-2017.md' });
		await tab.waitFor({ timeout: 30_000 });
		check(true, 'the sample post opens in an editor');
		await page.waitForTimeout(3_000); // let the editor settle for the picture
		await page.screenshot({ path: screenshot });
		console.log(`  screenshot: ${screenshot}`);
	} catch (error) {
		check(false, `the workbench shows the sample site (${error.message.split('\n')[0]})`);
	} finally {
		await browser.close();
	}
}

child.kill('SIGINT');
const result = await Promise.race([exited, new Promise(resolve => setTimeout(() => resolve(undefined), 20_000))]);
check(result !== undefined && result.code === 0, `Ctrl+C stops npm start cleanly (${result ? `exit ${result.code ?? result.signal}` : 'still running after 20 s'})`);
if (result === undefined) { child.kill('SIGKILL'); }
if (failures.length > 0) { console.log(output.slice(-3000)); }
rmSync(profile, { recursive: true, force: true });
console.log(`npm start smoke: ${failures.length === 0 ? 1 : 0} passed, ${failures.length === 0 ? 0 : 1} failed`);
process.exitCode = failures.length === 0 ? 0 : 1;
