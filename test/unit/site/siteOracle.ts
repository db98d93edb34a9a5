import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/site');

export const SAMPLE_SITE = path.resolve(__dirname, '../../../../sample-site');

/** The oracle's sites (absolute folders): every fixture of test/fixtures/site but the shared layouts, and the sample site. */
export async function oracleSites(): Promise<string[]> {
	const entries = await fs.readdir(FIXTURES, { withFileTypes: true });
	const fixtures = entries.filter(e => e.isDirectory() && !e.name.startsWith('_')).map(e => path.join(FIXTURES, e.name)).sort();
	return [...fixtures, SAMPLE_SITE];
}

/** Whether Debian's `hugo` (the oracle) can run here. */
export async function hugoAvailable(): Promise<boolean> {
	try {
		await run('hugo', ['version'], { timeout: 10_000 });
		return true;
	} catch {
		return false;
	}
}

export interface BuiltPage {
	readonly permalink: string;
	/** The `public/` folder of the build that rendered the page. */
	readonly publicDir: string;
}

export interface BuiltSite {
	/** The temp copy of the site, built into `public/`. */
	readonly root: string;
	/** Source path relative to the site folder (`content/post/leaf/index.md`) → where the page is published. */
	readonly pages: Map<string, BuiltPage>;
	dispose(): Promise<void>;
}

/**
 * Copies a fixture site to a temp folder and builds it with `hugo` as a site is published (drafts, future
 * and expired pages left out) into `public/`, and with `-D -F -E` into `public-all/` for the pages the first
 * build leaves out: a post being written is previewed whatever its state, while the pages it links to are
 * published only when Hugo would. The minimal layouts added to the copy print each page's source file and
 * permalink, which is how the test learns where Hugo put each page.
 */
export async function buildWithHugo(siteDir: string): Promise<BuiltSite> {
	const root = await fs.mkdtemp(path.join(os.tmpdir(), `event-writeup-site-${path.basename(siteDir)}-`));
	await fs.cp(siteDir, root, { recursive: true });
	await fs.cp(path.join(FIXTURES, '_layouts'), path.join(root, 'layouts'), { recursive: true, force: false });
	const options = { cwd: root, timeout: 60_000, env: { ...process.env, HUGO_CACHEDIR: path.join(root, '.cache') } };
	const pages = new Map<string, BuiltPage>();
	for (const [publicDir, flags] of [['public', []], ['public-all', ['-D', '-F', '-E']]] as const) {
		await run('hugo', ['--quiet', '--destination', publicDir, ...flags], options);
		// `hugo list all` leaves out sections, so the permalinks come from the pages themselves.
		for (const page of await htmlFiles(path.join(root, publicDir))) {
			const html = await fs.readFile(page, 'utf8');
			// The source file's absolute path: named from the site folder (`content/en/post/x.md`).
			const filename = /<meta name="source" content="([^"]*)">/.exec(html)?.[1];
			const source = filename ? path.relative(root, filename).split(path.sep).join('/') : undefined;
			const permalink = /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1];
			if (source && permalink && !pages.has(source)) {
				pages.set(source, { permalink, publicDir: path.join(root, publicDir) });
			}
		}
	}
	return { root, pages, dispose: () => fs.rm(root, { recursive: true, force: true }) };
}

async function htmlFiles(dir: string): Promise<string[]> {
	const result: string[] = [];
	for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			result.push(...await htmlFiles(full));
		} else if (entry.name.endsWith('.html')) {
			result.push(full);
		}
	}
	return result;
}
