// The first run, as a writer sees it, checked and pictured: the offline VS Code with the extension under
// development opens the sample site with a fresh profile and the Welcome page, as `npm start` does; the
// extension's walkthrough must be listed there and open from it (docs/walkthrough.png); then the sample
// write-up is opened and an image path hovered, and the hover must
// say where the file comes from above the picture (docs/hover.png). Exits 1 when either check fails.
// Needs `node esbuild.mjs && npx tsc -p .` first (it reuses the integration launcher from out/).
// Usage: node scripts/screenshotFirstRun.mjs [output folder]   (default: docs/)
import { join } from 'node:path';
import { REPO_ROOT, screenshotPost } from './screenshotSession.mjs';

const outputFolder = process.argv[2] ?? join(REPO_ROOT, 'docs');
const POST = 'openstack-summit-boston-2017.md';
const WALKTHROUGH_TITLE = 'Write up a conference with Event Write-up';

await screenshotPost({
	post: undefined,
	viewport: { width: 1400, height: 900 },
	// As `npm start` sets it up: the Welcome page on startup, which lists the walkthrough.
	settings: { 'workbench.startupEditor': 'welcomePage' },
	welcome: true,
	shoot: async page => {
		const entry = page.locator('.getting-started-category', { hasText: 'Write up a conference' }).first();
		await entry.waitFor({ timeout: 90_000 });
		await entry.click();
		await page.locator('.gettingStartedContainer', { hasText: WALKTHROUGH_TITLE }).first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1_000); // let the step's page finish loading for the picture
		const walkthrough = join(outputFolder, 'walkthrough.png');
		await page.screenshot({ path: walkthrough });
		console.log(`first run shows the walkthrough: ${walkthrough}`);
	},
});

// A second session, as on any later day.
if (process.exitCode !== 1) {
	await screenshotPost({
	post: POST,
	viewport: { width: 1400, height: 900 },
	settings: { 'editor.fontSize': 14 },
	shoot: async page => {
		// The mouse rests on the image path, as a writer's would.
		const path = page.locator('.view-lines .view-line', { hasText: 'kolla-room.jpg' }).locator('span', { hasText: 'kolla-room' }).last();
		await path.waitFor({ timeout: 30_000 });
		// The site index loads in the background: hover again until ours has the picture. The link's own
		// part of the hover ("Open static/images/…") names the file too, without a picture: it is not ours.
		const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').filter({ hasText: 'static/images/2017/05/kolla-room.jpg', has: page.locator('img') }).first();
		for (let attempt = 0; attempt < 20 && !(await hover.isVisible()); attempt++) {
			await page.mouse.move(0, 0);
			await path.hover({ position: { x: 20 + attempt, y: 5 } });
			await page.waitForTimeout(1_500);
		}
		await hover.waitFor({ timeout: 10_000 });
		const order = await hover.evaluate(element => {
			const text = element.textContent ?? '';
			const image = element.querySelector('img');
			const originAt = text.indexOf('static/images/2017/05/kolla-room.jpg');
			const imageAfterOrigin = image !== null && [...element.querySelectorAll('*')].indexOf(image) > 0
				&& (image.compareDocumentPosition([...element.querySelectorAll('a, code')].find(e => (e.textContent ?? '').includes('kolla-room.jpg')) ?? image) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
			return { originAt, imageAfterOrigin, hasImage: image !== null };
		});
		if (order.originAt < 0 || !order.hasImage || !order.imageAfterOrigin) {
			throw new Error(`the hover must name the file above its picture: ${JSON.stringify(order)}`);
		}
		await page.locator('.monaco-hover:not(.hidden) img').first().evaluate(image => new Promise(resolve => {
			if (image.complete) {
				resolve(undefined);
			} else {
				image.addEventListener('load', () => resolve(undefined), { once: true });
				image.addEventListener('error', () => resolve(undefined), { once: true });
			}
		}));
		const picture = join(outputFolder, 'hover.png');
		await page.screenshot({ path: picture });
		console.log(`the hover names the file above its picture: ${picture}`);
	},
});
}
