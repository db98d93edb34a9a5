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

export interface BuiltSite {
	/** The temp copy of the site, built into `public/`. */
	readonly root: string;
	/** Content path relative to the content folder (`post/leaf/index.md`) → permalink. */
	readonly permalinks: Map<string, string>;
	dispose(): Promise<void>;
}

/**
 * Copies a fixture site to a temp folder and builds it with `hugo`. The minimal layouts added to the copy
 * print each page's source file and permalink, which is how the test learns where Hugo put each page.
 */
export async function buildWithHugo(siteDir: string): Promise<BuiltSite> {
	const root = await fs.mkdtemp(path.join(os.tmpdir(), `event-writeup-site-${path.basename(siteDir)}-`));
	await fs.cp(siteDir, root, { recursive: true });
	await fs.cp(path.join(FIXTURES, '_layouts'), path.join(root, 'layouts'), { recursive: true, force: false });
	const options = { cwd: root, timeout: 60_000, env: { ...process.env, HUGO_CACHEDIR: path.join(root, '.cache') } };
	await run('hugo', ['--quiet', '-D', '-F', '-E'], options);
	// `hugo list all` leaves out sections, so the permalinks come from the pages themselves.
	const permalinks = new Map<string, string>();
	for (const page of await htmlFiles(path.join(root, 'public'))) {
		const html = await fs.readFile(page, 'utf8');
		const source = /<meta name="source" content="([^"]*)">/.exec(html)?.[1];
		const permalink = /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1];
		if (source && permalink) {
			permalinks.set(source.split(path.sep).join('/'), permalink);
		}
	}
	return { root, permalinks, dispose: () => fs.rm(root, { recursive: true, force: true }) };
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
