// What the screenshot scripts share: the offline VS Code (code-server) with the extension under development,
// a copy of the sample site as its workspace, a post opened through Quick Open, and clean-up afterwards.
// Needs `node esbuild.mjs && npx tsc -p .` first (it reuses the integration launcher from out/).
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureInstalled, launchChromium, startCodeServer } = require('../out/test/integration/runInCodeServer.js');
const { prepareWorkspace, REPO_ROOT } = require('../out/test/integration/workspace.js');

export { REPO_ROOT };

/**
 * Opens `post` (a file name under the workspace's content folder; none when undefined) in the offline VS
 * Code and calls `shoot` with the page. `prepare` may add files to the workspace first; `settings` add to the quiet workbench
 * defaults; `welcome` shows the Welcome page as `npm start` does; `beforePost` sees the workbench as
 * it first loads. Sets the exit code: 1 when anything fails, with a picture of the failure in the temp folder.
 */
export async function screenshotPost({ post, viewport, settings = {}, welcome = false, prepare = () => undefined, beforePost = async () => undefined, shoot }) {
	ensureInstalled();
	const scratch = mkdtempSync(join(tmpdir(), 'event-writeup-shot-'));
	const workspace = await prepareWorkspace();
	prepare(workspace);
	const defaults = JSON.parse(readFileSync(join(REPO_ROOT, 'scripts', 'workbenchSettings.json'), 'utf8'));
	mkdirSync(join(scratch, 'user-data', 'User'), { recursive: true });
	writeFileSync(join(scratch, 'user-data', 'User', 'settings.json'), JSON.stringify({
		...defaults,
		'workbench.colorTheme': 'Default Dark Modern',
		'workbench.tips.enabled': false,
		'editor.minimap.enabled': false,
		'security.workspace.trust.enabled': false,
		...settings,
	}));
	const server = await startCodeServer({ userDataDir: join(scratch, 'user-data'), extensionsDir: join(scratch, 'extensions') });
	const browser = await launchChromium();
	let failed = false;
	try {
		const page = await browser.newPage({ viewport });
		const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${REPO_ROOT}`], ...(welcome ? [] : [['skipWelcome', 'true']])]);
		await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, { timeout: 60_000 });
		await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
		await beforePost(page);
		if (post !== undefined) {
			// Quick Open; a key press can land while the workbench moves focus, so ask until it is there.
			const quickOpen = page.locator('.quick-input-widget input');
			for (let attempt = 0; attempt < 5 && !(await quickOpen.isVisible()); attempt++) {
				await page.keyboard.press('Control+P');
				await quickOpen.waitFor({ timeout: 3_000 }).catch(() => undefined);
			}
			await page.keyboard.type(post);
			await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
			await page.keyboard.press('Enter');
			await page.locator('.tab', { hasText: post }).waitFor({ timeout: 30_000 });
		}
		await shoot(page);
	} catch (error) {
		failed = true;
		console.error(error);
		await browser.contexts()[0]?.pages()[0]?.screenshot({ path: join(tmpdir(), 'event-writeup-shot-failure.png') }).catch(() => undefined);
	} finally {
		await browser.close();
		await server.stop();
		rmSync(scratch, { recursive: true, force: true });
		rmSync(workspace, { recursive: true, force: true });
	}
	process.exitCode = failed ? 1 : 0;
}
