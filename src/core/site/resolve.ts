import { basename, dirname, join, normalize, relativeInside } from '../fs/posixPath';
import { bundleKind, inContentTree, pageFolders } from './pages';
import type { PageAddress } from './references';
import type { HugoSite } from './hugoSite';
import type { StaticFileIndex } from './staticIndex';

export interface ResolvedImage {
	/** The path as written. */
	readonly src: string;
	/** The absolute file Hugo publishes at the address the page requests, or `undefined`. */
	readonly resolved: string | undefined;
	/** Absolute candidate files that were tried, highest precedence first, for messages. */
	readonly lookedIn: readonly string[];
	/** `http:`, `https:`, `data:` and other URLs: not files of the site. */
	readonly remote: boolean;
	/** A relative path in a page whose address Hugo decides only while building: not checked (`unknownAddressReason`). */
	readonly addressUnknown?: true;
	/** The site path the browser requests for this reference (`/images/x.jpg`), when it can be known. */
	readonly sitePath?: string;
	/**
	 * A file the author probably meant but that Hugo does not publish at that address, with why
	 * (a file next to a post that is not a page bundle, a Ghost-style `/content/images/` path, …).
	 */
	readonly nearMiss?: {
		readonly file: string;
		readonly reason: string;
		/** Where Hugo does publish that file, when it does: the path that would reach it. */
		readonly sitePath?: string;
	};
}

/** What `resolveImage` needs about the site; both are absent for a document outside any Hugo site. */
export interface SiteContext {
	readonly site: HugoSite;
	readonly index: StaticFileIndex;
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * A page's address, or how to read it: only a relative path needs it, and reading it parses the front
 * matter, which most image paths (site-root, remote) can do without.
 */
export type PageAddressSource = PageAddress | (() => PageAddress);

/**
 * Resolves an image path written in a post to the file Hugo publishes at the address a browser requests
 * from the published page:
 * - a site-root path (`/images/x.jpg`) through the static folders in precedence, then the content tree;
 * - a relative path first as a page bundle resource (`index.md`: any file of its folder and subfolders;
 *   `_index.md`: files directly in its folder), else against the page's published URL (Hugo 0.111.3
 *   leaves Markdown destinations as written, so the browser resolves them against the page URL).
 * The query and fragment are ignored and percent-escapes decoded. Synchronous: the index is in memory.
 * A front matter path (`from`) reaches the page through the theme, which passes it to `relURL`/`absURL`:
 * a site-root path there is the site's even under a `baseURL` sub-path.
 */
export function resolveImage(context: SiteContext | undefined, documentPath: string, src: string, page: PageAddressSource = {}, from: 'body' | 'frontMatter' = 'body'): ResolvedImage {
	const trimmed = src.trim();
	if (REMOTE.test(trimmed)) {
		return { src, resolved: undefined, lookedIn: [], remote: true };
	}
	const path = decodePath(trimmed.replace(/[?#].*$/s, ''));
	if (path === '') {
		return { src, resolved: undefined, lookedIn: [], remote: false };
	}
	if (!context) {
		const candidate = path.startsWith('/') ? normalize(path) : join(dirname(documentPath), path);
		return { src, resolved: undefined, lookedIn: [candidate], remote: false };
	}
	const { index } = context;
	if (path.startsWith('/')) {
		const requested = normalize(path);
		const sitePath = from === 'frontMatter' ? requested : rootReferenceSitePath(context.site, requested);
		if (sitePath === undefined) {
			const nearMiss = outsideSiteNearMiss(context, requested);
			return { src, resolved: undefined, lookedIn: [], remote: false, ...(nearMiss ? { nearMiss } : {}) };
		}
		const resolved = index.resolve(sitePath);
		const nearMiss = resolved ? undefined : siteRootNearMiss(context, sitePath);
		return { src, resolved, lookedIn: index.candidates(sitePath), remote: false, sitePath, ...(nearMiss ? { nearMiss } : {}) };
	}
	const lookedIn: string[] = [];
	const folder = dirname(documentPath);
	const kind = bundleKind(documentPath);
	const local = join(folder, path);
	const folders = pageFolders(context.site, documentPath, typeof page === 'function' ? page() : page);
	// A bundle's resources are published where the page is, but for a Hugo quirk (pageFolders).
	if (kind && index.has(local) && isBundleResource(kind, folder, local) && folders?.page === folders?.resources) {
		return { src, resolved: local, lookedIn: [local], remote: false };
	}
	if (kind) {
		lookedIn.push(local);
	}
	const base = folders?.page;
	if (base === undefined) {
		const inContent = inContentTree(context.site, documentPath);
		return { src, resolved: undefined, lookedIn: lookedIn.length > 0 ? lookedIn : [local], remote: false, ...(inContent ? { addressUnknown: true as const } : {}) };
	}
	const sitePath = insideBasePath(context.site, join(`${context.site.basePath}${base.slice(1)}`, path));
	if (sitePath === undefined) {
		return { src, resolved: undefined, lookedIn, remote: false };
	}
	const resolved = index.resolve(sitePath);
	lookedIn.push(...index.candidates(sitePath).filter(c => !lookedIn.includes(c)));
	if (resolved) {
		return { src, resolved, lookedIn, remote: false, sitePath };
	}
	const published = index.sitePathOf(local);
	const nearMiss = !kind && index.has(local)
		? {
			file: local,
			reason: `${basename(documentPath)} is not a page bundle: Hugo publishes the page at ${base}, so ${path} is requested as ${sitePath}`,
			...(published !== undefined ? { sitePath: writtenPathOf(context.site, published) } : {}),
		}
		: undefined;
	return { src, resolved: undefined, lookedIn, remote: false, sitePath, ...(nearMiss ? { nearMiss } : {}) };
}

/**
 * What a post writes to reach a site path: the path itself, or under a `baseURL` sub-path that Hugo does not
 * rewrite root paths for (no `canonifyURLs`/`relativeURLs`), the sub-path first (`/blog/images/x.jpg`).
 */
export function writtenPathOf(site: HugoSite, sitePath: string): string {
	return site.basePath === '/' || rewritesRootPaths(site) ? sitePath : `${site.basePath}${sitePath.replace(/^\/+/, '')}`;
}

function rewritesRootPaths(site: HugoSite): boolean {
	return site.config.canonifyurls === true || site.config.relativeurls === true;
}

/**
 * The site path a site-root reference (`/images/x.jpg`) reaches. With a `baseURL` sub-path (`/blog/`) Hugo
 * leaves the path as written, so it must name the sub-path to reach the site, unless `canonifyURLs` or
 * `relativeURLs` rewrites root paths against the site's root (measured on 0.111.3). `undefined` outside the site.
 */
function rootReferenceSitePath(site: HugoSite, requested: string): string | undefined {
	return rewritesRootPaths(site) ? requested : insideBasePath(site, requested);
}

/** A requested URL path as a site path: `/blog/images/x.jpg` → `/images/x.jpg` under `baseURL` `…/blog/`; `undefined` outside. */
function insideBasePath(site: HugoSite, requested: string): string | undefined {
	if (site.basePath === '/') {
		return requested;
	}
	const inside = relativeInside(site.basePath.replace(/\/$/, ''), requested);
	return inside === undefined ? undefined : `/${inside}`;
}

/** A site-root path outside a `baseURL` sub-path that names a file the site publishes inside it. */
function outsideSiteNearMiss({ site, index }: SiteContext, requested: string): ResolvedImage['nearMiss'] {
	const file = index.resolve(requested);
	if (file === undefined) {
		return undefined;
	}
	const reaching = `${site.basePath}${requested.slice(1)}`;
	return {
		file,
		reason: `the site is published under ${site.basePath} (baseURL), so ${requested} is requested outside it; Hugo publishes the file at ${reaching} (write that path, or set canonifyURLs = true)`,
		sitePath: reaching,
	};
}

function isBundleResource(kind: 'leaf' | 'branch', folder: string, file: string): boolean {
	const rel = relativeInside(folder, file);
	if (rel === undefined || rel === '') {
		return false;
	}
	return kind === 'leaf' || !rel.includes('/');
}

/**
 * A Ghost-style `/content/images/…` path whose file sits in the content tree: Hugo publishes content files
 * at their path inside the content folder, so `content/images/x.jpg` is served at `/images/x.jpg`.
 */
function siteRootNearMiss({ site, index }: SiteContext, sitePath: string): ResolvedImage['nearMiss'] {
	const inProject = join(site.root, sitePath);
	const published = index.has(inProject) ? index.sitePathOf(inProject) : undefined;
	return published !== undefined && inContentTree(site, inProject)
		? { file: inProject, reason: `the file is in the content folder, which Hugo publishes at ${published}, not ${sitePath}`, sitePath: writtenPathOf(site, published) }
		: undefined;
}

/**
 * Decodes percent-escapes (`my%20photo.jpg`, `h%23x.jpg` for a file named `h#x.jpg`, `%2F` for a `/`, as
 * servers decode the request path) one path segment at a time, so that a malformed escape keeps only its
 * own segment as written.
 */
function decodePath(path: string): string {
	if (!path.includes('%')) {
		return path;
	}
	return path.split('/').map(segment => {
		try {
			return decodeURIComponent(segment);
		} catch {
			return segment;
		}
	}).join('/');
}
