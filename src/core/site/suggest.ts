import { basename, dirname, relativeInside } from '../fs/posixPath';
import type { Range, TextEdit } from '../text';
import { LineIndex } from '../text';
import { writtenPathOf, type ResolvedImage, type SiteContext } from './resolve';
import { bundleKind } from './pages';
import { editDistanceWithin } from './editDistance';

/** How many replacement paths a quick fix offers at most. */
const MAX_SUGGESTIONS = 3;

export interface ImagePathSuggestion {
	/** The path to write instead. */
	readonly path: string;
	/** Why it is offered, for the fix's title. */
	readonly reason: 'published-at' | 'similar';
}

/**
 * Paths to write instead of an image path that resolves to nothing, best first: where Hugo really
 * publishes the file the author meant (a Ghost-style `/content/images/…` path, a photo next to a plain
 * page), then published files whose path is a small edit away (a typo, a wrong month folder) or that
 * have the same name elsewhere. Relative paths in a page bundle are matched against the bundle's files.
 */
export function suggestImagePaths(context: SiteContext, documentPath: string, image: ResolvedImage): ImagePathSuggestion[] {
	if (image.remote || image.resolved !== undefined) {
		return [];
	}
	const key = `suggestions\n${documentPath}\n${image.src}\n${image.sitePath}\n${image.nearMiss?.sitePath}`;
	return [...context.index.derived(key, () => suggestUncached(context, documentPath, image))];
}

function suggestUncached(context: SiteContext, documentPath: string, image: ResolvedImage): ImagePathSuggestion[] {
	const suggestions: ImagePathSuggestion[] = [];
	if (image.nearMiss?.sitePath !== undefined) {
		suggestions.push({ path: image.nearMiss.sitePath, reason: 'published-at' });
	}
	const written = stripQueryAndFragment(image.src.trim());
	const relative = !written.startsWith('/');
	const folder = dirname(documentPath);
	let candidates: string[];
	let target: string;
	if (relative && bundleKind(documentPath) !== undefined) {
		const kind = bundleKind(documentPath);
		candidates = context.index.filesUnder(folder)
			.map(file => relativeInside(folder, file) ?? '')
			.filter(rel => rel !== '' && !/\.(md|markdown|html?)$/i.test(rel) && (kind === 'leaf' || !rel.includes('/')));
		target = written.replace(/^\.\//, '');
	} else if (!relative) {
		candidates = context.index.list().map(path => writtenPathOf(context.site, path));
		target = decodeWrittenPath(written);
	} else {
		// A bare or misplaced name in a plain page (`![](Photo-May-09--2-19-49-PM.jpg)`): where Hugo
		// publishes the one file of that name, when there is exactly one.
		const name = basename(decodeWrittenPath(written)).toLowerCase();
		const same = context.index.list().filter(path => basename(path).toLowerCase() === name).map(path => writtenPathOf(context.site, path));
		if (same.length === 1 && !suggestions.some(s => s.path === same[0])) {
			suggestions.push({ path: same[0], reason: 'published-at' });
		}
		return suggestions;
	}
	// A typo on a blog of numbered photos is a few edits from thousands of them: only enough to fill the
	// list are looked at, a path already suggested skipped.
	for (const path of closest(target, candidates).slice(0, MAX_SUGGESTIONS + suggestions.length)) {
		if (!suggestions.some(s => s.path === path)) {
			suggestions.push({ path, reason: 'similar' });
		}
	}
	return suggestions.slice(0, MAX_SUGGESTIONS);
}

/** The edit that writes `path` in place of the image path at `range`, keeping the query and fragment. */
export function replaceImagePath(src: string, range: Range, path: string): TextEdit {
	const suffix = /[?#].*$/s.exec(src.trim())?.[0] ?? '';
	// A space would end a Markdown destination; everything else is written as the file is named.
	return { range, newText: `${path.replace(/ /g, '%20')}${suffix}` };
}

/** Candidates a few edits away, nearest first; then files of the same name anywhere. */
function closest(target: string, candidates: readonly string[]): string[] {
	const limit = Math.max(2, Math.floor(target.length / 5));
	const scored: Array<{ path: string; score: number }> = [];
	const name = basename(target).toLowerCase();
	for (const path of candidates) {
		const distance = editDistanceWithin(target, path, limit);
		if (distance <= limit) {
			scored.push({ path, score: distance });
		} else if (basename(path).toLowerCase() === name) {
			scored.push({ path, score: limit + 1 });
		}
	}
	scored.sort((a, b) => a.score - b.score || a.path.localeCompare(b.path));
	return scored.map(s => s.path);
}

function stripQueryAndFragment(src: string): string {
	return src.replace(/[?#].*$/s, '');
}

/** A path as written, percent-escapes decoded (as written when they are malformed). */
export function decodeWrittenPath(path: string): string {
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}

/**
 * A raw `<img>` tag around the path at `srcRange`, rewritten as a Markdown image, when the tag holds
 * nothing Markdown cannot say (only `src`, `alt` and `title`); `undefined` otherwise.
 */
export function imgTagToMarkdown(text: string, srcRange: Range): TextEdit | undefined {
	const lines = new LineIndex(text);
	const srcStart = lines.offsetAt(srcRange.start);
	const open = text.lastIndexOf('<', srcStart);
	const close = text.indexOf('>', srcStart);
	if (open < 0 || close < 0) {
		return undefined;
	}
	const tag = text.slice(open, close + 1);
	const match = /^<img\b([^>]*?)\/?>$/i.exec(tag);
	if (!match) {
		return undefined;
	}
	const attributes = new Map<string, string>();
	const attribute = /\s*([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?/gy;
	const body = match[1];
	let consumed = 0;
	for (let m = attribute.exec(body); m && m[0] !== ''; m = attribute.exec(body)) {
		attributes.set(m[1].toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
		consumed = attribute.lastIndex;
	}
	if (body.slice(consumed).trim() !== '') {
		return undefined; // something that is not an attribute: leave the tag as written
	}
	const src = attributes.get('src');
	if (src === undefined || [...attributes.keys()].some(key => !['src', 'alt', 'title'].includes(key))) {
		return undefined;
	}
	const alt = (attributes.get('alt') ?? '').replace(/([[\]\\])/g, '\\$1');
	const destination = /[\s()<>]/.test(src) ? `<${src.replace(/[<>]/g, encodeURIComponent)}>` : src;
	const title = attributes.get('title');
	const titlePart = title === undefined ? '' : ` "${title.replace(/(["\\])/g, '\\$1')}"`;
	return { range: lines.rangeOf(open, close + 1), newText: `![${alt}](${destination}${titlePart})` };
}

function decodeEntities(value: string): string {
	return value.replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, '\'').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
