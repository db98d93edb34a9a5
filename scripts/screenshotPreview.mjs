// Takes docs/preview.png: the sample write-up open in the offline VS Code (code-server) with the extension
// under development, and its Event Write-up post preview beside it (cover, header, photos resolved).
// Needs `node esbuild.mjs && npx tsc -p .` first (it reuses the integration launcher from out/).
// Usage: node scripts/screenshotPreview.mjs [output.png]
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureInstalled, launchChromium, startCodeServer } = require('../out/test/integration/runInCodeServer.js');
const { prepareWorkspace, REPO_ROOT } = require('../out/test/integration/workspace.js');

const output = process.argv[2] ?? join(REPO_ROOT, 'docs', 'preview.png');
const POST = 'openstack-summit-boston-2017.md';

/** The frame of the preview's page, once it shows the post's title (the webview nests two iframes). */
async function previewFrame(page, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		for (const frame of page.frames()) {
			if (await frame.locator('.hugo-post-title').count().catch(() => 0) > 0) {
				return frame;
			}
		}
		await page.waitForTimeout(500);
	}
	throw new Error(`the preview did not show the post within ${timeoutMs} ms`);
}

ensureInstalled();
const scratch = mkdtempSync(join(tmpdir(), 'event-writeup-shot-'));
const workspace = await prepareWorkspace();
mkdirSync(join(scratch, 'user-data', 'User'), { recursive: true });
writeFileSync(join(scratch, 'user-data', 'User', 'settings.json'), JSON.stringify({
	'workbench.startupEditor': 'none',
	'workbench.colorTheme': 'Default Dark Modern',
	'workbench.tips.enabled': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'editor.minimap.enabled': false,
	'editor.wordWrap': 'on',
	'editor.fontSize': 14,
	'telemetry.telemetryLevel': 'off',
	'security.workspace.trust.enabled': false,
	'extensions.autoCheckUpdates': false,
	'chat.disableAIFeatures': true,
}));
const server = await startCodeServer({ userDataDir: join(scratch, 'user-data'), extensionsDir: join(scratch, 'extensions') });
const browser = await launchChromium();
let failed = false;
try {
	const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
	const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${REPO_ROOT}`], ['skipWelcome', 'true']]);
	await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, { timeout: 60_000 });
	await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
	await page.keyboard.press('Control+P');
	await page.keyboard.type(POST);
	await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
	await page.keyboard.press('Enter');
	await page.locator('.tab', { hasText: POST }).waitFor({ timeout: 30_000 });
	await page.keyboard.press('Control+B'); // close the side bar so post and preview share the window
	// The editor title button, as a writer would use it.
	const button = page.locator('.editor-actions [aria-label*="Open Post Preview"]').first();
	await button.waitFor({ timeout: 60_000 });
	await button.click();
	const frame = await previewFrame(page, 90_000);
	// Wait until the photos are loaded, not just laid out.
	await frame.waitForFunction(() => [...document.images].every(image => image.complete && image.naturalWidth > 0), undefined, { timeout: 30_000 });
	await page.keyboard.press('Escape');
	await page.waitForTimeout(1_000); // let the editor finish colouring for the picture
	await page.screenshot({ path: output });
	console.log(`screenshot: ${output}`);
} catch (error) {
	failed = true;
	console.error(error);
	await browser.contexts()[0]?.pages()[0]?.screenshot({ path: join(tmpdir(), 'event-writeup-preview-shot-failure.png') }).catch(() => undefined);
} finally {
	await browser.close();
	await server.stop();
	rmSync(scratch, { recursive: true, force: true });
	rmSync(workspace, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
