// `npm run bench:host`: the extension's own cost on a large blog, measured in the offline VS Code's
// extension host. Generates a 5,000-post site (write-ups like the founding one, TOML and YAML front matter,
// 20% page bundles) with 20,000 static images, then runs hostBench.ts inside the host.
import * as path from 'node:path';
import * as os from 'node:os';
import { promises as fs } from 'node:fs';
import { runInExtensionHost } from '../../integration/runInCodeServer';

const POSTS = 5_000;
const STATIC_IMAGES = 20_000;
const BUNDLE_SHARE = 5; // every fifth post is a page bundle

function writeUp(i: number, yaml: boolean, images: string[]): string {
	const title = `Summit ${i} - Tuesday Sessions ${i % 2 ? 'PM' : 'AM'}`;
	const date = `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`;
	const tags = [`tag-${i % 40}`, `track-${i % 7}`, 'openstack'];
	const frontMatter = yaml
		? ['---', `title: "${title}"`, `date: ${date}`, 'draft: false', `tags: [${tags.join(', ')}]`, `categories: [conference-${i % 5}]`, '---']
		: ['+++', `title = "${title}"`, `date = ${date}`, 'draft = false', `tags = [${tags.map(t => `"${t}"`).join(', ')}]`, `categories = ["conference-${i % 5}"]`, '+++'];
	const sessions = [0, 1, 2, 3].map(s => [
		`#### Session ${s} of day ${i}`, '', '- A Speaker', '- Another Speaker', `- [https://example.org/schedule/${i}/${s}](https://example.org/schedule/${i}/${s})`, '',
		'Notes on what was said, what the room asked and what to try at home. '.repeat(4), '',
		`![slide ${s}](${images[s % images.length]})`, '',
	].join('\n'));
	return [...frontMatter, '', ...sessions, ''].join('\n');
}

async function generateSite(root: string): Promise<void> {
	await fs.writeFile(path.join(root, 'hugo.toml'), 'baseURL = "https://blog.example.org/"\ntitle = "A long-running blog"\n');
	const staticPaths: string[] = [];
	for (let i = 0; i < STATIC_IMAGES; i++) {
		staticPaths.push(`/images/${2010 + (i % 15)}/${String(1 + (i % 12)).padStart(2, '0')}/photo-${i}.jpg`);
	}
	const folders = new Set(staticPaths.map(p => path.dirname(p)));
	for (const folder of folders) {
		await fs.mkdir(path.join(root, 'static', folder), { recursive: true });
	}
	for (let i = 0; i < staticPaths.length; i += 1000) {
		await Promise.all(staticPaths.slice(i, i + 1000).map(p => fs.writeFile(path.join(root, 'static', p), 'x')));
	}
	await fs.mkdir(path.join(root, 'content', 'post'), { recursive: true });
	const writes: Array<() => Promise<void>> = [];
	for (let i = 0; i < POSTS; i++) {
		const yaml = i % 3 === 0;
		if (i % BUNDLE_SHARE === 0) {
			const bundle = path.join(root, 'content', 'post', `day-${i}`);
			writes.push(async () => {
				await fs.mkdir(bundle, { recursive: true });
				await fs.writeFile(path.join(bundle, 'slide.jpg'), 'x');
				await fs.writeFile(path.join(bundle, 'index.md'), writeUp(i, yaml, ['slide.jpg', staticPaths[i % STATIC_IMAGES]]));
			});
		} else {
			writes.push(() => fs.writeFile(path.join(root, 'content', 'post', `day-${i}.md`), writeUp(i, yaml, [staticPaths[i % STATIC_IMAGES], staticPaths[(i * 7) % STATIC_IMAGES]])));
		}
	}
	for (let i = 0; i < writes.length; i += 500) {
		await Promise.all(writes.slice(i, i + 500).map(write => write()));
	}
	// The post the benchmark opens: a draft flag Hugo rejects and a photo not yet in static/.
	const first = writeUp(POSTS, false, ['/images/bench/arrives-later.jpg']).replace('draft = false', 'draft = "yes"');
	await fs.writeFile(path.join(root, 'content', 'post', 'bench-first.md'), first);
}

async function main(): Promise<number> {
	const root = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-large-blog-'));
	try {
		await generateSite(root);
		console.log(`host bench: a site of ${POSTS} posts and ${STATIC_IMAGES} static images in ${root}`);
		// The baseline first: the same window and post with an empty extension in place of this one.
		const emptyExtension = path.join(root, '.bench', 'empty-extension');
		await fs.mkdir(emptyExtension, { recursive: true });
		await fs.writeFile(path.join(emptyExtension, 'package.json'), JSON.stringify({ name: 'empty', publisher: 'bench', version: '0.0.0', engines: { vscode: '*' } }));
		const baseline = await runInExtensionHost({ testsPath: path.join(__dirname, 'hostBench.js'), workspace: root, label: 'host bench baseline', extensionDevelopmentPath: emptyExtension });
		if (baseline !== 0) {
			return baseline;
		}
		return await runInExtensionHost({ testsPath: path.join(__dirname, 'hostBench.js'), workspace: root, label: 'host bench' });
	} finally {
		await fs.rm(root, { recursive: true, force: true });
	}
}

main().then(code => process.exit(code), error => {
	console.error(error instanceof Error ? error.stack : error);
	process.exit(1);
});
