// Builds posts with `hugo` in one temporary site whose only layout prints `{{ .Content }}`, and returns the
// HTML Hugo published for each.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Hugo publishes nothing for an empty page: the content is wrapped, and the wrapper taken off again.
const OPEN = '<main>';
const CLOSE = '</main>';
const CONFIG = 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "home", "section", "404"]\n';

/** `posts` maps a lower-case name (`[a-z0-9-]+`) to the post's text; `config` is appended to the site's configuration. */
export async function renderWithHugo(posts: ReadonlyMap<string, string>, config = ''): Promise<Map<string, string>> {
	const site = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-hugo-render-'));
	try {
		await fs.mkdir(path.join(site, 'content', 'p'), { recursive: true });
		await fs.mkdir(path.join(site, 'layouts', '_default'), { recursive: true });
		await fs.writeFile(path.join(site, 'hugo.toml'), CONFIG + config);
		await fs.writeFile(path.join(site, 'layouts', '_default', 'single.html'), `${OPEN}{{ .Content }}${CLOSE}`);
		for (const [name, text] of posts) {
			await fs.writeFile(path.join(site, 'content', 'p', `${name}.md`), text);
		}
		await new Promise<void>((resolve, reject) => {
			execFile('hugo', ['--quiet', '--source', site, '--destination', path.join(site, 'public')], { timeout: 120_000 }, (error, _stdout, stderr) => {
				if (error) {
					reject(new Error(`hugo failed: ${String(stderr) || error.message}`));
				} else {
					resolve();
				}
			});
		});
		const html = new Map<string, string>();
		for (const name of posts.keys()) {
			const page = await fs.readFile(path.join(site, 'public', 'p', name, 'index.html'), 'utf8');
			html.set(name, page.slice(OPEN.length, page.length - CLOSE.length));
		}
		return html;
	} finally {
		await fs.rm(site, { recursive: true, force: true });
	}
}
