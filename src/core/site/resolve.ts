import { basename, dirname, join, normalize, relativeInside } from '../fs/posixPath';
import { bundleKind, pageFolders } from './pages';
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
 * Resolves an image path written in a post to the file Hugo publishes at the address a browser requests
 * from the published page:
 * - a site-root path (`/images/x.jpg`) through the static folders in precedence, then the content tree;
 * - a relative path first as a page bundle resource (`index.md`: any file of its folder and subfolders;
 *   `_index.md`: files directly in its folder), else against the page's published URL (Hugo 0.111.3
 *   leaves Markdown destinations as written, so the browser resolves them against the page URL).
 * The query and fragment are ignored and percent-escapes decoded. Synchronous: the index is in memory.
 */
export function resolveImage(context: SiteContext | undefined, documentPath: string, src: string, page: PageAddress = {}): ResolvedImage {
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
		const sitePath = normalize(path);
		const resolved = index.resolve(sitePath);
		const nearMiss = resolved ? undefined : siteRootNearMiss(context, sitePath);
		return { src, resolved, lookedIn: index.candidates(sitePath), remote: false, sitePath, ...(nearMiss ? { nearMiss } : {}) };
	}
	const lookedIn: string[] = [];
	const folder = dirname(documentPath);
	const kind = bundleKind(documentPath);
	const local = join(folder, path);
	const folders = pageFolders(context.site, documentPath, page);
	// A bundle's resources are published where the page is, but for a Hugo quirk (pageFolders).
	if (kind && index.has(local) && isBundleResource(kind, folder, local) && folders?.page === folders?.resources) {
		return { src, resolved: local, lookedIn: [local], remote: false };
	}
	if (kind) {
		lookedIn.push(local);
	}
	const base = folders?.page;
	if (base === undefined) {
		return { src, resolved: undefined, lookedIn: lookedIn.length > 0 ? lookedIn : [local], remote: false };
	}
	const sitePath = join(base, path);
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
			...(published !== undefined ? { sitePath: published } : {}),
		}
		: undefined;
	return { src, resolved: undefined, lookedIn, remote: false, sitePath, ...(nearMiss ? { nearMiss } : {}) };
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
	return published !== undefined && site.contentMounts.some(m => relativeInside(m.source, inProject) !== undefined)
		? { file: inProject, reason: `the file is in the content folder, which Hugo publishes at ${published}, not ${sitePath}`, sitePath: published }
		: undefined;
}

/**
 * Decodes percent-escapes (`my%20photo.jpg`, `h%23x.jpg` for a file named `h#x.jpg`, `%2F` for a `/`, as
 * servers decode the request path) one path segment at a time, so that a malformed escape keeps only its
 * own segment as written.
 */
function decodePath(path: string): string {
	return path.split('/').map(segment => {
		try {
			return decodeURIComponent(segment);
		} catch {
			return segment;
		}
	}).join('/');
}
