// Takes docs/writing.png: a write-up open in the offline VS Code (code-server) with the extension under
// development, showing the coloured TOML front matter, a Hugo shortcode and the tag completions.
// Needs `node esbuild.mjs && npx tsc -p .` first (it reuses the integration launcher from out/).
// Usage: node scripts/screenshotWriting.mjs [output.png]
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureInstalled, launchChromium, startCodeServer } = require('../out/test/integration/runInCodeServer.js');
const { prepareWorkspace, REPO_ROOT } = require('../out/test/integration/workspace.js');

const output = process.argv[2] ?? join(REPO_ROOT, 'docs', 'writing.png');
const POST = 'kubecon-eu-2025.md';
const post = [
	'+++',
	'title = "KubeCon Europe 2025: what I learned"',
	'date = 2025-04-04T18:30:00+01:00',
	'draft = false # publish after the slides are up',
	'slug = "kubecon-eu-2025"',
	'tags = ["kubernetes", ]',
	'categories = ["conferences"]',
	'cover = "/images/2017/05/boston-hynes.jpg"',
	'build = { list = "always", publishResources = true }',
	'weight = 10',
	'',
	'[params]',
	'venue.name = "ExCeL London"',
	'"hall count" = 3',
	'+++',
	'',
	'Three days in London, one keynote stage and far too many talks about platform teams.',
	'',
	'#### Kolla and Kubernetes, side by side',
	'',
	'- Michał Jastrzębski',
	'- [https://kccnceu2025.sched.com/event/1txAB](https://kccnceu2025.sched.com/event/1txAB)',
	'',
	'{{< figure src="/images/2017/05/kolla-room.jpg" alt="The room, full" caption="Standing room only" >}}',
	'',
	'> "The platform is the product."',
	'>',
	'> — Speaker name, *Platform Engineering Keynote*',
	'',
	'{{% note %}}Slides are linked from the schedule page.{{% /note %}}',
	'',
];

ensureInstalled();
const scratch = mkdtempSync(join(tmpdir(), 'event-writeup-shot-'));
const workspace = await prepareWorkspace();
writeFileSync(join(workspace, 'content', 'post', POST), post.join('\n'));
mkdirSync(join(scratch, 'user-data', 'User'), { recursive: true });
writeFileSync(join(scratch, 'user-data', 'User', 'settings.json'), JSON.stringify({
	'workbench.startupEditor': 'none',
	'workbench.colorTheme': 'Default Dark Modern',
	'workbench.tips.enabled': false,
	'editor.minimap.enabled': false,
	'editor.fontSize': 15,
	'telemetry.telemetryLevel': 'off',
	'security.workspace.trust.enabled': false,
	'extensions.autoCheckUpdates': false,
	'chat.disableAIFeatures': true,
}));
const server = await startCodeServer({ userDataDir: join(scratch, 'user-data'), extensionsDir: join(scratch, 'extensions') });
const browser = await launchChromium();
let failed = false;
try {
	const page = await browser.newPage({ viewport: { width: 1500, height: 960 } });
	const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${REPO_ROOT}`], ['skipWelcome', 'true']]);
	await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, { timeout: 60_000 });
	await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
	await page.keyboard.press('Control+P');
	await page.keyboard.type(POST);
	await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
	await page.keyboard.press('Enter');
	await page.locator('.tab', { hasText: POST }).waitFor({ timeout: 30_000 });
	// Close both side bars so the post fills the picture.
	await page.keyboard.press('Control+B');
	await page.keyboard.press('Control+Alt+B');
	await page.waitForTimeout(1_500); // the extension activates and colours the document
	// Go to the end of `tags = ["kubernetes", ` and ask for completions, as a writer would.
	await page.keyboard.press('Control+G');
	await page.keyboard.type('6:23');
	await page.waitForSelector('.quick-input-widget .monaco-list-row', { timeout: 30_000 });
	await page.waitForTimeout(500);
	await page.keyboard.press('Enter');
	await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: 30_000 });
	// The first request starts reading the site; ask until the site's tags are in the list.
	const tagRow = page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'openstack' });
	for (let attempt = 0; attempt < 10 && !(await tagRow.isVisible()); attempt++) {
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+Space');
		await page.waitForSelector('.suggest-widget.visible', { timeout: 30_000 }).catch(() => undefined);
		await page.waitForTimeout(2_000);
	}
	await tagRow.waitFor({ timeout: 30_000 });
	await page.waitForTimeout(3_000); // let background tokenization finish for the picture
	await page.screenshot({ path: output });
	console.log(`screenshot: ${output}`);
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
