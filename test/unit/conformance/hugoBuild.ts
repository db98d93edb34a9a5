// Builds one post with `hugo` in a site of its own and returns Hugo's verdict on it.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface HugoVerdict {
	readonly verdict: 'accept' | 'reject';
	/** The first line of Hugo's error, without the temporary folder's path. */
	readonly error?: string;
}

const CONFIG = 'baseURL = "https://example.org/"\ntitle = "Conformance"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n';
const SINGLE = '{{ .Title }}{{ .Content }}';

let counter = 0;

/** `work` is a folder for the temporary sites; each build gets its own and removes it afterwards. */
export async function buildWithHugo(work: string, post: Uint8Array): Promise<HugoVerdict> {
	const site = path.join(work, `site-${process.pid}-${counter++}`);
	await fs.mkdir(path.join(site, 'content'), { recursive: true });
	await fs.mkdir(path.join(site, 'layouts', '_default'), { recursive: true });
	await fs.writeFile(path.join(site, 'hugo.toml'), CONFIG);
	await fs.writeFile(path.join(site, 'layouts', '_default', 'single.html'), SINGLE);
	await fs.writeFile(path.join(site, 'layouts', '_default', 'list.html'), '');
	await fs.writeFile(path.join(site, 'content', 'case.md'), post);
	try {
		return await new Promise<HugoVerdict>(resolve => {
			execFile('hugo', ['--quiet', '--source', site, '--destination', path.join(site, 'public')], { timeout: 60_000 }, (error, _stdout, stderr) => {
				if (!error) {
					resolve({ verdict: 'accept' });
					return;
				}
				const line = String(stderr).split('\n').find(l => /error/i.test(l)) ?? String(stderr).split('\n')[0] ?? String(error);
				resolve({ verdict: 'reject', error: line.split(site).join('').replace(/^Error: /, '').slice(0, 300) });
			});
		});
	} finally {
		await fs.rm(site, { recursive: true, force: true });
	}
}
