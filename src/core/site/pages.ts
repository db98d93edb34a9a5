import { basename, dirname, extname, join, normalize, relativeInside } from '../fs/posixPath';
import { configAt, isRecord } from './config';
import type { HugoSite } from './hugoSite';
import { calendarDateOf, expandPermalink, makePathSanitized, permalinkPattern, type CalendarDate } from './permalinks';
import type { PageAddress } from './references';

/** Extensions Hugo renders as pages; any other file in the content tree is a resource. */
const CONTENT_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.html', '.htm', '.org', '.adoc', '.asciidoc', '.pdc', '.pandoc', '.rst']);

export function isContentFile(path: string): boolean {
	return CONTENT_EXTENSIONS.has(extname(path).toLowerCase());
}

/** `'leaf'` for `index.md` (a leaf bundle), `'branch'` for `_index.md` (home and sections), else `undefined`. */
export function bundleKind(documentPath: string): 'leaf' | 'branch' | undefined {
	const name = basename(documentPath);
	if (!isContentFile(name)) {
		return undefined;
	}
	const stem = name.slice(0, name.length - extname(name).length);
	return stem === 'index' ? 'leaf' : stem === '_index' ? 'branch' : undefined;
}

/**
 * The folder URL a page is published at (`/post/my-post/`), from its place in the content tree and its
 * front matter (`url`, `slug`, and for a `[permalinks]` pattern `title` and the date), as Hugo 0.111.3
 * computes it; `undefined` for a file outside the content tree, or when the address depends on what
 * cannot be read here (a date from Git or the file's modification time, a Go date layout in a pattern).
 */
export function pageBaseUrl(site: HugoSite, documentPath: string, page: PageAddress = {}): string | undefined {
	return pageFolders(site, documentPath, page)?.page;
}

/**
 * The folder URL a page is published at (`page`, as `pageBaseUrl`) and the one its bundle's resources
 * are published in (`resources`). The same folder but for one Hugo quirk: a permalink that ends in
 * characters sanitising turns into a trailing hyphen (`burnout++` publishes the page at `burnout-/`, its
 * resources at `burnout/`).
 */
export function pageFolders(site: HugoSite, documentPath: string, page: PageAddress = {}): { page: string; resources: string } | undefined {
	if (page.url !== undefined) {
		const url = normalize(`/${page.url}`);
		// `url = "/a/b.html"` publishes a file, whose relative paths resolve in its folder.
		const folder = page.url.endsWith('/') || extname(url) === '' ? withSlash(url) : withSlash(dirname(url));
		return { page: folder, resources: folder };
	}
	let rel: string | undefined;
	for (const mount of site.contentMounts) {
		const inside = relativeInside(mount.source, documentPath);
		if (inside !== undefined) {
			rel = join(mount.target, inside);
			break;
		}
	}
	if (rel === undefined) {
		return undefined;
	}
	const sections = rel.split('/');
	const file = sections.pop() ?? '';
	const kind = bundleKind(file);
	if (kind === 'branch') {
		return same(folderUrl(site, sections.join('/')));
	}
	// A leaf bundle is named by its folder.
	const fileName = kind === 'leaf' ? sections.pop() ?? '' : file.slice(0, file.length - extname(file).length);
	const dated = pageDate(site, page, fileName);
	if (dated === 'unknown') {
		return undefined;
	}
	const slug = page.slug ?? dated?.slug;
	const pattern = sections.length > 0 ? permalinkPattern(configAt(site.config, 'permalinks'), sections[0]) : undefined;
	if (pattern !== undefined) {
		const expanded = expandPermalink(pattern, { date: dated?.date, title: page.title, slug, fileName, sections }, site.config.disablepathtolower === true);
		if (expanded === undefined) {
			return undefined;
		}
		if (isUgly(site, sections[0]) && kind !== 'leaf') {
			return same(folderUrl(site, dirname(`/${expanded.replace(/\/+$/, '')}`)));
		}
		// The page keeps the pattern's trailing slash, its resources' folder does not.
		return { page: folderUrl(site, expanded), resources: folderUrl(site, expanded.replace(/\/+$/, '')) };
	}
	if (isUgly(site, sections[0] ?? '') && kind !== 'leaf') {
		return same(folderUrl(site, sections.join('/')));
	}
	return same(folderUrl(site, [...sections, slug ?? fileName].join('/')));
}

/** `uglyURLs`: for the whole site, or per section (`[uglyURLs] post = true`). */
function isUgly(site: HugoSite, section: string): boolean {
	const setting = site.config.uglyurls;
	if (isRecord(setting)) {
		return Object.entries(setting).some(([key, value]) => key.toLowerCase() === section.toLowerCase() && value === true);
	}
	return site.uglyUrls;
}

function same(folder: string): { page: string; resources: string } {
	return { page: folder, resources: folder };
}

/** Hugo's default `[frontmatter] date` list. */
const DEFAULT_DATE_KEYS = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified'];

/**
 * The page's date as the site's `[frontmatter] date` list picks it (`:filename` also gives the slug);
 * `'unknown'` when the list names a source read only while building (`:git`, `:fileModTime`).
 */
function pageDate(site: HugoSite, page: PageAddress, fileName: string): { date: CalendarDate; slug?: string } | undefined | 'unknown' {
	const frontmatter = configAt(site.config, 'frontmatter');
	const configured = isRecord(frontmatter) ? frontmatter.date : undefined;
	const keys = Array.isArray(configured) ? configured.map(k => String(k).toLowerCase()) : typeof configured === 'string' ? [configured.toLowerCase()] : [':default'];
	for (const key of keys.flatMap(k => k === ':default' ? DEFAULT_DATE_KEYS : [k])) {
		if (key === ':filename') {
			const match = /^(\d{4})-(\d{2})-(\d{2})-?(.*)$/.exec(fileName);
			if (match) {
				return { date: { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, ...(match[4] ? { slug: match[4] } : {}) };
			}
		} else if (key.startsWith(':')) {
			return 'unknown';
		} else {
			const date = calendarDateOf(page.dates?.[key]);
			if (date) {
				return { date };
			}
		}
	}
	return undefined;
}

/** A page path as Hugo publishes it: sanitised, lowercased unless `disablePathToLower`, as a folder URL. */
function folderUrl(site: HugoSite, path: string): string {
	const sanitized = makePathSanitized(path, site.config.disablepathtolower === true).split('/').filter(s => s !== '').join('/');
	return sanitized === '' ? '/' : `/${sanitized}/`;
}

function withSlash(path: string): string {
	return path.endsWith('/') ? path : `${path}/`;
}
