// Takes docs/preview.png: the sample write-up open in the offline VS Code (code-server) with the extension
// under development, and its Event Write-up post preview beside it (cover, header, photos resolved), and
// checks that the post's highlighted code shows in Hugo's colours (the page's policy allows no inline style,
// so the page script applies them): the code block's background and a keyword's colour, as computed.
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
		// The sample site keeps Hugo's default style, monokai: background #272822, `-i`'s operator colour aside,
		// a command name (`kolla-ansible`) in plain text and the comment in #75715e.
		const colours = await frame.evaluate(() => {
			const pre = document.querySelector('.highlight pre');
			const comment = [...document.querySelectorAll('.highlight span')].find(span => span.textContent?.startsWith('# about'));
			return { background: pre ? getComputedStyle(pre).backgroundColor : 'none', comment: comment ? getComputedStyle(comment).color : 'none' };
		});
		if (colours.background !== 'rgb(39, 40, 34)' || colours.comment !== 'rgb(117, 113, 94)') {
			throw new Error(`the highlighted code does not show Hugo's monokai colours: ${JSON.stringify(colours)}`);
		}
		console.log(`highlighted code as published: ${JSON.stringify(colours)}`);
		await page.keyboard.press('Escape');
		await page.waitForTimeout(1_000); // let the editor finish colouring for the picture
		await page.screenshot({ path: output });
		console.log(`screenshot: ${output}`);
	},
});
