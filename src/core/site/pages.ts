import { basename, dirname, extname, join, normalize, relativeInside } from '../fs/posixPath';
import { configAt, isRecord } from './config';
import type { HugoSite } from './hugoSite';
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
 * The folder URL a page is published at (`/post/my-post/`), from its place in the content tree, `slug`
 * and `url`; `undefined` for a file outside the content tree or in a section with a `permalinks` pattern,
 * whose address cannot be known without rendering the site.
 */
export function pageBaseUrl(site: HugoSite, documentPath: string, page: PageAddress = {}): string | undefined {
	if (page.url !== undefined) {
		const url = normalize(`/${page.url}`);
		// `url = "/a/b.html"` publishes a file, whose relative paths resolve in its folder.
		return page.url.endsWith('/') || extname(url) === '' ? withSlash(url) : withSlash(dirname(url));
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
	const segments = rel.split('/');
	const file = segments.pop() ?? '';
	const section = segments[0];
	const permalinks = configAt(site.config, 'permalinks');
	if (section !== undefined && isRecord(permalinks) && permalinks[section.toLowerCase()] !== undefined) {
		return undefined;
	}
	const kind = bundleKind(file);
	if (kind === 'branch') {
		return urlize(site, segments);
	}
	if (kind === 'leaf') {
		if (page.slug !== undefined && segments.length > 0) {
			segments[segments.length - 1] = page.slug;
		}
		return urlize(site, segments);
	}
	if (site.uglyUrls) {
		return urlize(site, segments);
	}
	const name = page.slug ?? file.slice(0, file.length - extname(file).length);
	return urlize(site, [...segments, name]);
}

/** Hugo lowercases page paths (unless `disablePathToLower`) and turns spaces into hyphens. */
function urlize(site: HugoSite, segments: readonly string[]): string {
	const path = segments.map(s => s.trim().replace(/\s+/g, '-')).filter(s => s !== '').join('/');
	const cased = site.config.disablepathtolower === true ? path : path.toLowerCase();
	return cased === '' ? '/' : `/${cased}/`;
}

function withSlash(path: string): string {
	return path.endsWith('/') ? path : `${path}/`;
}
