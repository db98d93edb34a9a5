// Takes docs/preview.png: the sample write-up open in the offline VS Code (code-server) with the extension
// under development, and its Event Write-up post preview beside it (cover, header, photos resolved).
// Needs `node esbuild.mjs && npx tsc -p .` first (it reuses the integration launcher from out/).
// Usage: node scripts/screenshotPreview.mjs [output.png]
import { join } from 'node:path';
import { REPO_ROOT, screenshotPost } from './screenshotSession.mjs';

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

await screenshotPost({
	post: POST,
	viewport: { width: 1600, height: 1000 },
	settings: { 'editor.wordWrap': 'on', 'editor.fontSize': 14 },
	shoot: async page => {
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
	},
});
