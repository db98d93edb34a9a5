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
	/** The page's own HTML file. */
	readonly htmlFile: string;
	/**
	 * The file the browser gets for `src` written on the page: Hugo rewrites root paths against the site
	 * with `canonifyURLs`/`relativeURLs`, the browser resolves the rest against the page's URL, and what lies
	 * outside `baseURL`'s path is not the site's. `undefined` outside the site.
	 */
	fileFor(src: string, throughTheme?: boolean): string | undefined;
	/**
	 * The URL the browser requests for `src` written on the page (after Hugo's rewrite of root paths), or for
	 * `src` as rendered (`rendered`). A front matter path reaches the page `throughTheme`, whose `relURL`
	 * places a root path under the site's path.
	 */
	requestFor(src: string, as?: 'written' | 'rendered' | 'throughTheme'): string;
}

/** What the oracle reads of the effective configuration, as `hugo config` prints it. */
interface BuiltConfig {
	readonly basePath: string;
	readonly rewritesRootPaths: boolean;
}

async function readBuiltConfig(options: object): Promise<BuiltConfig> {
	const { stdout } = await run('hugo', ['config'], options);
	const setting = (key: string) => new RegExp(`^${key} = (.*)$`, 'm').exec(stdout)?.[1];
	const baseUrl = JSON.parse(setting('baseurl') ?? '"/"') as string;
	const basePath = new URL(baseUrl, 'https://site.invalid/').pathname.replace(/\/?$/, '/');
	return { basePath, rewritesRootPaths: setting('canonifyurls') === 'true' || setting('relativeurls') === 'true' };
}

function builtPage(permalink: string, publicDir: string, config: BuiltConfig): BuiltPage {
	const pageUrl = new URL(permalink, 'https://site.invalid/');
	const fileOf = (urlPath: string) => urlPath.startsWith(config.basePath) ? path.join(publicDir, urlPath.slice(config.basePath.length - 1)) : undefined;
	const pageFile = fileOf(pageUrl.pathname) ?? path.join(publicDir, pageUrl.pathname);
	return {
		permalink,
		publicDir,
		htmlFile: pageUrl.pathname.endsWith('/') ? path.join(pageFile, 'index.html') : pageFile,
		requestFor(src: string, as = 'written') {
			const rootPath = src.startsWith('/') && !src.startsWith('//');
			const rewritten = rootPath && (as === 'throughTheme' || (as === 'written' && config.rewritesRootPaths)) ? `${config.basePath}${src.slice(1)}` : src;
			return new URL(rewritten, pageUrl).href;
		},
		fileFor(src: string, throughTheme = false) {
			return fileOf(decodeURIComponent(new URL(this.requestFor(src, throughTheme ? 'throughTheme' : 'written')).pathname));
		},
	};
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
	const config = await readBuiltConfig(options);
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
				pages.set(source, builtPage(permalink, path.join(root, publicDir), config));
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
