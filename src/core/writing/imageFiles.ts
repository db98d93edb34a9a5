import { basename, dirname, extname, join, normalize, relativeInside } from '../fs/posixPath';
import type { StaticMount } from '../site/hugoSite';

/**
 * The kind of our paste and drop edits. `package.json` makes it the preferred Markdown paste/drop edit
 * (`editor.pasteAs.preferences`), so inside a Hugo site it wins over VS Code's own copy next to the post.
 */
export const HUGO_IMAGE_EDIT_KIND = 'markdown.link.image.hugoStatic';

/** The default of `eventWriteup.images.folder`: where pasted and dropped images go, from the site root. */
export const DEFAULT_IMAGE_FOLDER = 'static/images/${year}/${month}';

const MIME_EXTENSIONS: Readonly<Record<string, string>> = {
	'image/jpeg': '.jpg', 'image/jpg': '.jpg', 'image/png': '.png', 'image/gif': '.gif', 'image/webp': '.webp',
	'image/avif': '.avif', 'image/svg+xml': '.svg', 'image/bmp': '.bmp', 'image/tiff': '.tif', 'image/x-icon': '.ico',
	'image/heic': '.heic',
};

const IMAGE_EXTENSION = /^\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|ico|heic)$/i;

/** Whether a file name or path looks like an image Hugo publishes as is. */
export function isImageFileName(name: string): boolean {
	return IMAGE_EXTENSION.test(extname(name));
}

/** The file extension for an image MIME type (`image/jpeg` → `.jpg`), or `undefined` for other types. */
export function extensionForMimeType(mimeType: string): string | undefined {
	return MIME_EXTENSIONS[mimeType.toLowerCase().split(';')[0].trim()];
}

/**
 * A file name that is safe in a URL and on every file system: lowercase ASCII words joined by hyphens,
 * accents folded (`Salle Plénière (2).JPG` → `salle-pleniere-2.jpg`). `image` when nothing is left.
 * Without an extension of its own, the one of `mimeType` is used.
 */
export function sanitizeImageName(name: string, mimeType?: string): { base: string; extension: string } {
	const leaf = name.split(/[\\/]/).pop() ?? '';
	const ownExtension = extname(leaf);
	const hasImageExtension = IMAGE_EXTENSION.test(ownExtension);
	const stem = hasImageExtension ? leaf.slice(0, -ownExtension.length) : leaf;
	let extension = hasImageExtension ? ownExtension.toLowerCase() : (mimeType && extensionForMimeType(mimeType)) ?? '.png';
	if (extension === '.jpeg') {
		extension = '.jpg';
	}
	const base = stem.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
		.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
	return { base: base || 'image', extension };
}

/**
 * The first free name among `base.ext`, `base-1.ext`, `base-2.ext`… Names compare without case, as on
 * the default file systems of macOS and Windows, so a pasted file never replaces an existing one there.
 */
export function uniqueFileName(base: string, extension: string, taken: Iterable<string>): string {
	const used = new Set([...taken].map(name => name.toLowerCase()));
	for (let n = 0; ; n++) {
		const candidate = `${base}${n === 0 ? '' : `-${n}`}${extension}`;
		if (!used.has(candidate.toLowerCase())) {
			return candidate;
		}
	}
}

/** The first free name among `base-1.ext`, `base-2.ext`…, compared without case as `uniqueFileName` does. */
function numberedFileName(base: string, extension: string, taken: Iterable<string>): string {
	const used = new Set([...taken].map(name => name.toLowerCase()));
	for (let n = 1; ; n++) {
		const candidate = `${base}-${n}${extension}`;
		if (!used.has(candidate.toLowerCase())) {
			return candidate;
		}
	}
}

/**
 * The date whose year and month name the folder of a pasted image: the post's own date (a write-up is
 * often finished weeks after the event), else now; `today` keeps now.
 */
export function imageFolderDate(postDate: { year: number; month: number; day: number } | undefined, choice: 'post' | 'today', now: Date): Date {
	return choice === 'post' && postDate ? new Date(postDate.year, postDate.month - 1, postDate.day) : now;
}

/** Values of the `${…}` variables of the folder setting. */
export interface FolderVariables {
	readonly date: Date;
	/** The post's name: its file name without extension, or its folder's name for an `index.md` bundle. */
	readonly post: string;
}

/**
 * Expands `${year}`, `${month}`, `${day}` (local time) and `${post}` in the folder setting and checks
 * that the result stays inside the site: an absolute path or `..` that climbs out is refused.
 */
export function resolveImageFolder(siteRoot: string, template: string, variables: FolderVariables): { folder: string } | { error: string } {
	const pad = (n: number) => String(n).padStart(2, '0');
	const expanded = template.trim().replace(/\$\{(\w+)\}/g, (whole, name: string) => {
		switch (name) {
			case 'year': return String(variables.date.getFullYear());
			case 'month': return pad(variables.date.getMonth() + 1);
			case 'day': return pad(variables.date.getDate());
			case 'post': return variables.post;
			default: return whole;
		}
	});
	const unknown = /\$\{(\w+)\}/.exec(expanded);
	if (unknown) {
		return { error: `Unknown variable \${${unknown[1]}} in eventWriteup.images.folder (use \${year}, \${month}, \${day} or \${post})` };
	}
	if (expanded.startsWith('/') || /^[A-Za-z]:/.test(expanded)) {
		return { error: 'eventWriteup.images.folder must be relative to the site root' };
	}
	const folder = join(siteRoot, expanded.replace(/\\/g, '/'));
	if (relativeInside(siteRoot, folder) === undefined) {
		return { error: 'eventWriteup.images.folder must stay inside the site' };
	}
	return { folder };
}

/** The post's name for `${post}`: `boston.md` → `boston`, `boston/index.md` → `boston`. */
export function postName(documentPath: string): string {
	const file = basename(documentPath);
	const stem = file.slice(0, file.length - extname(file).length);
	return stem === 'index' || stem === '_index' ? basename(dirname(documentPath)) : stem;
}

/**
 * How a post refers to a file it just copied: the site-root path Hugo publishes it at when the file is
 * inside a static folder (highest precedence first, as `writtenPath` writes a site path: under a `baseURL`
 * sub-path it comes first), else the path relative to the post.
 */
export function referenceFor(filePath: string, staticMounts: readonly StaticMount[], documentPath: string, writtenPath: (sitePath: string) => string = sitePath => sitePath): string {
	for (const mount of staticMounts) {
		const inside = relativeInside(mount.source, filePath);
		if (inside !== undefined) {
			return writtenPath(`/${[mount.target, inside].filter(s => s !== '').join('/')}`);
		}
	}
	return relativePath(dirname(documentPath), filePath);
}

/** `to` relative to the folder `from` (`/a/b`, `/a/c/x.jpg` → `../c/x.jpg`). */
export function relativePath(from: string, to: string): string {
	const fromParts = normalize(from).split('/').filter(Boolean);
	const toParts = normalize(to).split('/').filter(Boolean);
	let common = 0;
	while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) {
		common++;
	}
	return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

/** The Markdown for one image, its alt text escaped. */
export function imageMarkdown(reference: string, altText: string): string {
	return `![${altText.replace(/[[\]\\]/g, '\\$&')}](${imageUrl(reference)})`;
}

/** A link destination as CommonMark reads it: in `<…>` when it holds spaces or parentheses. */
export function imageUrl(reference: string): string {
	return /[\s()<>]/.test(reference) ? `<${reference}>` : reference;
}

export interface IncomingImage {
	/** The file's own name (`IMG_2041.JPG`), or empty for clipboard data without one. */
	readonly name: string;
	readonly mimeType?: string;
}

export interface PlannedImage {
	readonly fileName: string;
	/** Absolute path of the new file. */
	readonly path: string;
	/** What the post writes: a site-root path inside a static folder, else a relative one. */
	readonly reference: string;
	/** Alt text to start from: the file's sanitized name. */
	readonly alt: string;
	readonly markdown: string;
}

/**
 * Names every incoming image in `folder` without touching an existing file or each other, and says how
 * the post refers to each: the whole plan of one paste or drop, decided before anything is written.
 */
export function planImages(
	images: readonly IncomingImage[], folder: string, existingNames: Iterable<string>, staticMounts: readonly StaticMount[], documentPath: string,
	writtenPath?: (sitePath: string) => string,
): PlannedImage[] {
	const taken = new Set(existingNames);
	return images.map(image => {
		const sanitized = sanitizeImageName(image.name, image.mimeType);
		// A clipboard image comes as `image.png`: named after the post instead (`boston-tuesday-1.png`).
		const generic = sanitized.base === 'image';
		const base = generic ? postName(documentPath).toLowerCase() : sanitized.base;
		const extension = sanitized.extension;
		const fileName = generic ? numberedFileName(base, extension, taken) : uniqueFileName(base, extension, taken);
		taken.add(fileName);
		const path = join(folder, fileName);
		const reference = referenceFor(path, staticMounts, documentPath, writtenPath);
		return { fileName, path, reference, alt: base, markdown: imageMarkdown(reference, base) };
	});
}
