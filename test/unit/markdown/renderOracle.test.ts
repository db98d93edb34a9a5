// Where Hugo is the judge: each fixture post is built by Debian's hugo (0.111.3) in a temporary site whose
// only layout prints `{{ .Content }}`, and our render of the same post must have the same element
// structure, meaningful attributes and text.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderPost } from '../../../src/core/markdown/renderer';
import { htmlShape } from './htmlShape';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'markdown', 'oracle');
const hugoAvailable = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;

async function buildSite(posts: string[], unsafe: boolean): Promise<{ dir: string; output: Map<string, string> }> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-render-oracle-'));
	await fs.mkdir(path.join(dir, 'content', 'post'), { recursive: true });
	await fs.mkdir(path.join(dir, 'layouts', '_default'), { recursive: true });
	await fs.writeFile(path.join(dir, 'hugo.toml'), [
		'baseURL = "https://example.org/"',
		'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404"]',
		...(unsafe ? ['[markup.goldmark.renderer]', 'unsafe = true'] : []),
		'',
	].join('\n'));
	await fs.writeFile(path.join(dir, 'layouts', '_default', 'single.html'), '{{ .Content }}');
	for (const post of posts) {
		await fs.copyFile(path.join(FIXTURES, post), path.join(dir, 'content', 'post', post.replace(/\./g, '-').replace(/-md$/, '.md')));
	}
	const result = spawnSync('hugo', ['--quiet', '-s', dir, '-d', path.join(dir, 'public')], { encoding: 'utf8', timeout: 60_000 });
	assert.equal(result.status, 0, `hugo failed: ${result.stderr}`);
	const output = new Map<string, string>();
	for (const post of posts) {
		const slug = post.replace(/\./g, '-').replace(/-md$/, '').toLowerCase();
		output.set(post, await fs.readFile(path.join(dir, 'public', 'post', slug, 'index.html'), 'utf8'));
	}
	return { dir, output };
}

suite('core.markdown.renderOracle', function () {
	this.timeout(120_000);
	const built = new Map<string, string>();
	const dirs: string[] = [];
	let fixtures: string[] = [];

	suiteSetup(async function () {
		if (!hugoAvailable) {
			this.skip();
		}
		fixtures = (await fs.readdir(FIXTURES)).filter(f => f.endsWith('.md')).sort();
		for (const unsafe of [false, true]) {
			const posts = fixtures.filter(f => f.endsWith('.unsafe.md') === unsafe);
			const site = await buildSite(posts, unsafe);
			dirs.push(site.dir);
			for (const [post, html] of site.output) {
				built.set(post, html);
			}
		}
	});

	suiteTeardown(async () => {
		await Promise.all(dirs.map(dir => fs.rm(dir, { recursive: true, force: true })));
	});

	const cases = ['typography.md', 'blocks.md', 'inline.md', 'linkify.md', 'headings.md', 'shortcodes.md', 'rawHtml.md', 'rawHtml.unsafe.md'];
	for (const name of cases) {
		test(`Should render ${name} as Hugo does (#4)`, async () => {
			const source = await fs.readFile(path.join(FIXTURES, name), 'utf8');
			const ours = renderPost(source, { unsafeHtml: name.endsWith('.unsafe.md'), frontMatterHeader: false }).html;
			const hugo = built.get(name);
			assert.ok(hugo !== undefined, `hugo built ${name}`);
			assert.deepEqual(htmlShape(ours, { attributes: ['class'] }), htmlShape(hugo, { attributes: ['class'] }));
		});
	}

	test('Should cover every oracle fixture (#4)', () => {
		assert.deepEqual([...cases].sort(), fixtures);
	});
});
