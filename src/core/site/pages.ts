import { basename, dirname, extname, join, normalize, relativeInside } from '../fs/posixPath';
import { configAt, isRecord } from './config';
import type { HugoSite } from './hugoSite';
import { languageOf, splitLanguageSuffix, type SiteLanguage } from './languages';
import { calendarDateOf, expandPermalink, makePathSanitized, permalinkPattern, type CalendarDate } from './permalinks';
import type { PageAddress } from './references';

/** Extensions Hugo renders as pages; any other file in the content tree is a resource. */
const CONTENT_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.html', '.htm', '.org', '.adoc', '.asciidoc', '.pdc', '.pandoc', '.rst']);

export function isContentFile(path: string): boolean {
	return CONTENT_EXTENSIONS.has(extname(path).toLowerCase());
}

/** A language code as a content file name carries it (`index.fr.md`, `_index.zh-cn.md`). */
const LANGUAGE_SUFFIX = /\.[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

/**
 * `'leaf'` for `index.md` (a leaf bundle), `'branch'` for `_index.md` (home and sections), else
 * `undefined`; a translation's language suffix (`index.fr.md`) counts as the same page.
 */
export function bundleKind(documentPath: string): 'leaf' | 'branch' | undefined {
	const name = basename(documentPath);
	if (!isContentFile(name)) {
		return undefined;
	}
	const stem = name.slice(0, name.length - extname(name).length).replace(LANGUAGE_SUFFIX, '');
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
	const located = locateContentFile(site, documentPath);
	if (page.url !== undefined) {
		// A relative `url` is placed under the language's folder (unless it names it), a site-root one is not.
		const prefix = located?.language.urlPrefix ?? '';
		const prefixed = prefix !== '' && !page.url.startsWith('/') && !page.url.startsWith(`${prefix}/`) ? `${prefix}/${page.url}` : page.url;
		const url = normalize(`/${prefixed}`);
		// `url = "/a/b.html"` publishes a file, whose relative paths resolve in its folder.
		const folder = page.url.endsWith('/') || extname(url) === '' ? withSlash(url) : withSlash(dirname(url));
		return { page: folder, resources: folder };
	}
	if (located === undefined) {
		return undefined;
	}
	const { sections, file, stem, language } = located;
	const prefix = language.urlPrefix;
	const kind = bundleKind(file);
	if (kind === 'branch') {
		return same(folderUrl(site, prefix, sections.join('/')));
	}
	// A leaf bundle is named by its folder; a translation's language suffix is not part of its name.
	const fileName = kind === 'leaf' ? sections.pop() ?? '' : stem;
	const dated = pageDate(site, page, fileName);
	const slug = page.slug ?? dated.slug;
	const pattern = sectionPattern(site, language, sections);
	if (pattern !== undefined) {
		if (dated.readWhileBuilding !== undefined && DATE_TOKEN.test(pattern)) {
			return undefined;
		}
		const expanded = expandPermalink(pattern, { date: dated.date, title: page.title, slug, fileName, sections }, site.config.disablepathtolower === true);
		if (expanded === undefined) {
			return undefined;
		}
		if (isUgly(site, sections[0]) && kind !== 'leaf') {
			return same(folderUrl(site, prefix, dirname(`/${expanded.replace(/\/+$/, '')}`)));
		}
		// The page keeps the pattern's trailing slash, its resources' folder does not.
		return { page: folderUrl(site, prefix, expanded), resources: folderUrl(site, prefix, expanded.replace(/\/+$/, '')) };
	}
	if (isUgly(site, sections[0] ?? '') && kind !== 'leaf') {
		return same(folderUrl(site, prefix, sections.join('/')));
	}
	return same(folderUrl(site, prefix, [...sections, slug ?? fileName].join('/')));
}

/** A permalink token that takes the page's date. */
const DATE_TOKEN = /:(?:year|month|monthname|day|weekday|weekdayname|yearday)\b/;

function sectionPattern(site: HugoSite, language: SiteLanguage, sections: readonly string[]): string | undefined {
	const permalinks = configAt(site.config, `languages.${language.code}.permalinks`) ?? configAt(site.config, 'permalinks');
	return sections.length > 0 ? permalinkPattern(permalinks, sections[0]) : undefined;
}

/**
 * Why the address of a page of the site's content cannot be known here (so relative image paths in it
 * cannot be checked); `undefined` when it can, or for a file that is not a page of the site.
 */
export function unknownAddressReason(site: HugoSite, documentPath: string, page: PageAddress = {}): string | undefined {
	const located = locateContentFile(site, documentPath);
	if (located === undefined || page.url !== undefined || pageFolders(site, documentPath, page) !== undefined) {
		return undefined;
	}
	const { sections, file, stem, language } = located;
	const leaf = bundleKind(file) === 'leaf';
	const fileName = leaf ? sections[sections.length - 1] ?? '' : stem;
	const source = pageDate(site, page, fileName).readWhileBuilding;
	const pattern = sectionPattern(site, language, leaf ? sections.slice(0, -1) : sections) ?? '';
	if (source !== undefined && DATE_TOKEN.test(pattern)) {
		const from = source === ':git' ? 'the last Git commit of the file' : 'the file\'s modification time';
		return `Hugo dates this page from ${from} ([frontmatter] date), and its address (${pattern}) holds the date`;
	}
	return `its address comes from the permalink pattern ${pattern}, which needs what Hugo only knows while building (the sections of nested folders, a date layout)`;
}

/**
 * Where a file sits in the site's content tree: its sections (folders inside the content tree), its file
 * name and its language; `undefined` outside every content folder.
 */
export function locateContentFile(site: HugoSite, documentPath: string): { sections: string[]; file: string; stem: string; language: SiteLanguage } | undefined {
	for (const mount of site.contentMounts) {
		const inside = relativeInside(mount.source, documentPath);
		if (inside !== undefined) {
			const sections = join(mount.target, inside).split('/');
			const file = sections.pop() ?? '';
			const { stem, code } = splitLanguageSuffix(file.slice(0, file.length - extname(file).length), site.languages);
			return { sections, file, stem, language: languageOf(site.languages, mount.lang, code) };
		}
	}
	return undefined;
}

/** Whether a file lies in one of the site's content folders, where Hugo takes it as a page or a page's resource. */
export function inContentTree(site: HugoSite, path: string): boolean {
	return site.contentMounts.some(m => relativeInside(m.source, path) !== undefined);
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
 * The page's date as the site's `[frontmatter] date` list picks it (`:filename` also gives the slug), or
 * the source it comes from when that is read only while building (`:git`, `:fileModTime`).
 */
function pageDate(site: HugoSite, page: PageAddress, fileName: string): { date?: CalendarDate; slug?: string; readWhileBuilding?: string } {
	const frontmatter = configAt(site.config, 'frontmatter');
	const configured = isRecord(frontmatter) ? frontmatter.date : undefined;
	const keys = Array.isArray(configured) ? configured.map(k => String(k).toLowerCase()) : typeof configured === 'string' ? [configured.toLowerCase()] : [':default'];
	for (const key of keys.flatMap(k => k === ':default' ? DEFAULT_DATE_KEYS : [k])) {
		if (key === ':filename') {
			const match = /^(\d{4})-(\d{2})-(\d{2})-?(.*)$/.exec(fileName);
			if (match) {
				return { date: { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, ...(match[4] ? { slug: match[4] } : {}) };
			}
		} else if (key === ':git') {
			// Without enableGitInfo Hugo has no Git date and goes on down the list.
			if (site.config.enablegitinfo === true) {
				return { readWhileBuilding: key };
			}
		} else if (key.startsWith(':')) {
			return { readWhileBuilding: key };
		} else {
			const date = calendarDateOf(page.dates?.[key]);
			if (date) {
				return { date };
			}
		}
	}
	return {};
}

/**
 * A page path as Hugo publishes it: sanitised, lowercased unless `disablePathToLower`, as a folder URL
 * under the language's folder (`prefix`, `''` for none).
 */
function folderUrl(site: HugoSite, prefix: string, path: string): string {
	const sanitized = makePathSanitized(path, site.config.disablepathtolower === true).split('/').filter(s => s !== '');
	const segments = prefix === '' ? sanitized : [prefix, ...sanitized];
	return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

function withSlash(path: string): string {
	return path.endsWith('/') ? path : `${path}/`;
}
