// Takes docs/writing.png: a write-up open in the offline VS Code (code-server) with the extension under
// development, showing the coloured TOML front matter, a Hugo shortcode and the tag completions.
// Needs `node esbuild.mjs && npx tsc -p .` first (it reuses the integration launcher from out/).
// Usage: node scripts/screenshotWriting.mjs [output.png]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, screenshotPost } from './screenshotSession.mjs';

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

await screenshotPost({
	post: POST,
	viewport: { width: 1500, height: 960 },
	settings: { 'editor.fontSize': 15 },
	prepare: workspace => writeFileSync(join(workspace, 'content', 'post', POST), post.join('\n')),
	shoot: async page => {
		// Close the side bar so the post fills the picture (the secondary one starts hidden).
		await page.keyboard.press('Control+B');
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
	},
});
