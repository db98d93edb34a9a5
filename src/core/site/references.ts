import { parseTomlData } from '../frontMatter/toml';
import { parse as parseYaml } from 'yaml';
import { fieldOf, fieldOrParam, parseBoolField } from '../frontMatter/fields';
import { isTable } from '../frontMatter/model';
import { BUILT_IN_SHORTCODES, type ShortcodeInners } from './shortcodes';
import { LineIndex, type Range } from '../text';

/**
 * Where an image path was written. `shortcodeHtml`: a raw `<img>` a shortcode prints as written
 * (`{{< raw >}}<img …>{{< /raw >}}`), on the page whatever Goldmark's settings.
 */
export type ImageReferenceKind = 'markdown' | 'reference' | 'html' | 'shortcodeHtml' | 'figure' | 'frontMatter';

export interface ImageReference {
	/**
	 * The path as written, with Markdown backslash escapes removed and, in raw HTML, character references
	 * decoded (still percent-encoded, query kept).
	 */
	readonly src: string;
	/** The range of the path's text in the whole document, 0-based. */
	readonly range: Range;
	readonly kind: ImageReferenceKind;
}

/** Front matter fields that decide where a page is published, and so what its relative paths mean. */
export interface PageAddress {
	readonly slug?: string;
	readonly url?: string;
	/**
	 * For `[permalinks]` patterns: the title, and the date fields as written (keys lowercased), read into a
	 * calendar day (`calendarDateOf`) only where a pattern or a pasted image's folder needs one.
	 */
	readonly title?: string;
	readonly dates?: Readonly<Record<string, unknown>>;
}

/** What decides whether and where Hugo publishes a leaf bundle's resources. */
export interface PagePublishing extends PageAddress {
	/**
	 * Hugo publishes none of the page's resources: `draft = true` (a plain `hugo` build leaves the page
	 * out), or `_build.publishResources = false` (0.111.3 reads `_build`; templates asking for a resource's
	 * permalink still publish it, which the index cannot know).
	 */
	readonly withholdsResources: boolean;
}

interface FrontMatter {
	readonly format: 'toml' | 'yaml' | 'json';
	/** Offsets of the block's content (between the delimiters; the braces included for JSON). */
	readonly contentStart: number;
	readonly contentEnd: number;
	/** Where the Markdown body starts. */
	readonly bodyStart: number;
}

/** What of a post reaches the page depends on its site: how its shortcodes print their inner text, and Goldmark's `unsafe`. */
export interface RenderingSite {
	readonly shortcodes: ShortcodeInners;
	readonly unsafeHtml: boolean;
}

const PLAIN_SITE: RenderingSite = { shortcodes: BUILT_IN_SHORTCODES, unsafeHtml: false };

/** What every image of a body starts with: a Markdown image, a raw `<img>`, a shortcode. Global, for `lastIndex`. */
const MAY_HOLD_IMAGES = /!\[|<img|\{\{/gi;

/**
 * Every image path in a post, in document order: Markdown images (inline and reference-style, with the
 * range of the definition's destination), raw `<img src>`, `{{< figure src=… >}}`, and the front matter's
 * `cover` (or `cover.image`) and `images`. Images in code (fenced, indented, inline) and comments are
 * skipped; figure shortcodes count inside code too, since Hugo expands them before Markdown.
 */
export function findImageReferences(text: string, site: RenderingSite = PLAIN_SITE): ImageReference[] {
	const lines = new LineIndex(text);
	const frontMatter = findFrontMatter(text);
	const references: Array<{ src: string; start: number; end: number; kind: ImageReferenceKind }> = [];
	if (frontMatter) {
		references.push(...frontMatterImages(text, frontMatter));
	}
	const bodyStart = frontMatter?.bodyStart ?? 0;
	// Every image of the body starts with one of these: many posts have none, and then the block scan,
	// the costliest part, is skipped (the "check over a 5,000-post site" benchmark).
	MAY_HOLD_IMAGES.lastIndex = bodyStart;
	if (MAY_HOLD_IMAGES.test(text)) {
		const body = maskNonMarkdown(text, bodyStart, site);
		const verbatim = (found: Found) => body.verbatim.some(([start, end]) => found.start >= start && found.end <= end);
		// Appended one by one: spreading a huge post's hundreds of thousands of images would overflow the stack.
		for (const found of markdownImages(body.markdown, body.definitions)) {
			references.push(found);
		}
		for (const found of htmlImages(body.html)) {
			if (verbatim(found)) {
				found.kind = 'shortcodeHtml';
			}
			references.push(found);
		}
		for (const found of figureImages(body.shortcodes)) {
			references.push(found);
		}
	}
	references.sort((a, b) => a.start - b.start || a.end - b.end);
	const seen = new Set<string>();
	const result: ImageReference[] = [];
	for (const reference of references) {
		const key = `${reference.start}:${reference.end}`;
		if (reference.src === '' || seen.has(key)) {
			continue;
		}
		seen.add(key);
		result.push({ src: reference.src, range: lines.rangeOf(reference.start, reference.end), kind: reference.kind });
	}
	return result;
}

/**
 * The post's page address as `resolveImage` takes it: read from the front matter the first time a relative
 * path asks for it, and only then (reading it parses the front matter).
 */
export function lazyPageAddress(text: string): () => PageAddress {
	let page: PageAddress | undefined;
	return () => page ??= readPageAddress(text);
}

/** The post's `slug` and `url`, read from its front matter; empty when there is none or it does not parse. */
export function readPageAddress(text: string): PageAddress {
	const frontMatter = findFrontMatter(text);
	const data = frontMatter && parseFrontMatter(text, frontMatter);
	return data ? addressOf(data) : {};
}

/** Front matter fields Hugo can take a page's date from. */
const DATE_FIELDS = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified', 'expirydate', 'unpublishdate'];

function addressOf(data: Record<string, unknown>): PageAddress {
	const slug = fieldOrParam(data, 'slug');
	const url = fieldOrParam(data, 'url');
	const title = fieldOf(data, 'title');
	const dates: Record<string, unknown> = {};
	for (const field of DATE_FIELDS) {
		const value = fieldOf(data, field);
		if (value !== undefined) {
			dates[field] = value;
		}
	}
	return {
		// Hugo reads a slug or url of any type as text (`slug = 3` is "3").
		...(isScalar(slug) && String(slug) !== '' ? { slug: String(slug) } : {}),
		...(isScalar(url) && String(url) !== '' ? { url: String(url) } : {}),
		...(isScalar(title) ? { title: String(title) } : {}),
		...(Object.keys(dates).length > 0 ? { dates } : {}),
	};
}

function isScalar(value: unknown): value is string | number | boolean {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The post's `slug`, `url`, `draft` and `_build.publishResources`, read from its front matter. */
export function readPagePublishing(text: string): PagePublishing {
	const frontMatter = findFrontMatter(text);
	const data = frontMatter && parseFrontMatter(text, frontMatter);
	if (!data) {
		return { withholdsResources: false };
	}
	const build = fieldOf(data, '_build');
	const publishResources = isTable(build) ? fieldOf(build, 'publishresources') : undefined;
	return {
		...addressOf(data),
		withholdsResources: parseBoolField(fieldOf(data, 'draft')) === true || parseBoolField(publishResources) === false,
	};
}

// ---- Front matter ------------------------------------------------------------------------------------

function findFrontMatter(text: string): FrontMatter | undefined {
	const start = /^[\ufeff \t\r\n]*/.exec(text)?.[0].length ?? 0;
	const opening = text.slice(start, start + 3);
	if (opening === '+++' || opening === '---') {
		const contentStart = nextLine(text, start);
		const delimiter = new RegExp(`^${opening === '+++' ? '\\+\\+\\+' : '---'}`, 'gm');
		delimiter.lastIndex = contentStart;
		const closing = delimiter.exec(text);
		if (!closing) {
			return undefined;
		}
		return { format: opening === '+++' ? 'toml' : 'yaml', contentStart, contentEnd: closing.index, bodyStart: nextLine(text, closing.index) };
	}
	if (text[start] === '{') {
		const closing = /^}[ \t]*$/m.exec(text.slice(start));
		if (!closing) {
			return undefined;
		}
		const contentEnd = start + closing.index + 1;
		return { format: 'json', contentStart: start, contentEnd, bodyStart: nextLine(text, contentEnd) };
	}
	return undefined;
}

function nextLine(text: string, offset: number): number {
	const newline = text.indexOf('\n', offset);
	return newline < 0 ? text.length : newline + 1;
}

function parseFrontMatter(text: string, frontMatter: FrontMatter): Record<string, unknown> | undefined {
	const content = text.slice(frontMatter.contentStart, frontMatter.contentEnd);
	try {
		const value: unknown = frontMatter.format === 'toml' ? parseTomlData(content)
			: frontMatter.format === 'yaml' ? parseYaml(content)
				: JSON.parse(content);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
	} catch {
		// An unparsable front matter is reported by the front matter checker; it holds no usable paths.
		return undefined;
	}
}

function frontMatterImages(text: string, frontMatter: FrontMatter): Array<{ src: string; start: number; end: number; kind: ImageReferenceKind }> {
	const data = parseFrontMatter(text, frontMatter);
	if (!data) {
		return [];
	}
	const wanted: Array<{ key: string; value: string }> = [];
	const cover = fieldOrParam(data, 'cover');
	if (typeof cover === 'string') {
		wanted.push({ key: 'cover', value: cover });
	} else if (typeof cover === 'object' && cover !== null && !Array.isArray(cover)) {
		// Themes such as PaperMod use a `[cover]` table with an `image` key.
		const image = fieldOrParam(cover as Record<string, unknown>, 'image');
		if (typeof image === 'string') {
			wanted.push({ key: 'image', value: image });
		}
	}
	const images = fieldOrParam(data, 'images');
	for (const image of typeof images === 'string' ? [images] : Array.isArray(images) ? images : []) {
		if (typeof image === 'string') {
			wanted.push({ key: 'images', value: image });
		}
	}
	const block = text.slice(frontMatter.contentStart, frontMatter.contentEnd);
	const result: Array<{ src: string; start: number; end: number; kind: ImageReferenceKind }> = [];
	const taken = new Set<number>();
	for (const { key, value } of wanted) {
		if (value === '') {
			continue;
		}
		// Values are located in the raw text after their key, so that positions are exact; a value written
		// with escapes that change its text cannot be located and is left out rather than misplaced.
		const keyAt = new RegExp(`^[ \\t]*["']?${key}["']?[ \\t]*[=:]`, 'im').exec(block)?.index ?? 0;
		let at = block.indexOf(value, keyAt);
		while (at >= 0 && taken.has(at)) {
			at = block.indexOf(value, at + 1);
		}
		if (at < 0) {
			continue;
		}
		taken.add(at);
		result.push({ src: value, start: frontMatter.contentStart + at, end: frontMatter.contentStart + at + value.length, kind: 'frontMatter' });
	}
	return result;
}

// ---- Markdown body -----------------------------------------------------------------------------------

/** Views of a post's text, each blanked (same length, newlines kept) where nothing of that kind renders. */
interface MaskedBody {
	/**
	 * For Markdown images: code (fenced, indented, inline), comments, shortcode tags and the inner text of
	 * shortcodes that show it as code or print it verbatim blanked.
	 */
	readonly markdown: string;
	/** For raw HTML: as `markdown`, but the inner text of shortcodes that print it verbatim kept. */
	readonly html: string;
	/** The inner text of `{{< >}}` shortcodes that print it verbatim, as ranges. */
	readonly verbatim: ReadonlyArray<readonly [number, number]>;
	/**
	 * For shortcodes: only comments and commented-out shortcodes (Hugo's escape that opens with a slash and
	 * a star inside the delimiters) blanked. Hugo expands shortcodes before it renders Markdown, so measured
	 * on 0.111.3 a figure inside a code block or inline code still renders its image.
	 */
	readonly shortcodes: string;
	/** Offsets where a link reference definition starts (`[label]: destination`), in document order. */
	readonly definitions: readonly number[];
}

/** Blanks everything before `from` (the front matter) and what does not render, as described on `MaskedBody`. */
function maskNonMarkdown(text: string, from: number, site: RenderingSite): MaskedBody {
	const { code, definitions } = scanBlocks(text, from);
	// Each view blanks more of an earlier one: blanking is the same whatever the order, and most posts
	// have no code, comment or shortcode, so most steps blank nothing and copy nothing.
	const body = blankRanges(text, [[0, from]]);
	const withoutCode = blankRanges(body, code);
	// The scans for comments and shortcodes look for text most posts never hold: a plain search tells first, far faster.
	const mayHoldShortcodes = text.includes('{{', from);
	const comments = mayHoldShortcodes || text.includes('<!--', from) ? matchRanges(withoutCode, COMMENTS) : [];
	// Hugo takes shortcode tags out before Markdown sees the text: backticks in their arguments open no code span.
	const shortcodes = blankRanges(body, comments);
	const inners = mayHoldShortcodes ? shortcodeInners(shortcodes, site) : { nothing: [], verbatim: [], literal: [] };
	const withoutInners = blankRanges(withoutCode, [...comments, ...inners.nothing]);
	const withoutTags = mayHoldShortcodes ? blankRanges(withoutInners, matchRanges(withoutInners, [SHORTCODE_TAG])) : withoutInners;
	const html = blankRanges(withoutTags, inlineCodeSpans(withoutTags));
	return { markdown: blankRanges(html, [...inners.verbatim, ...inners.literal]), html, verbatim: inners.verbatim, shortcodes, definitions };
}

/** HTML comments and commented-out shortcodes (a slash and a star just inside the shortcode's delimiters). */
const COMMENTS = [/<!--[\s\S]*?-->/g, /\{\{<\s*\/\*[\s\S]*?\*\/\s*>\}\}/g, /\{\{%\s*\/\*[\s\S]*?\*\/\s*%\}\}/g];

const SHORTCODE_TAG = /\{\{[<%][\s\S]*?[>%]\}\}/g;

/** Where the global `patterns` match in `text`, as ranges. */
function matchRanges(text: string, patterns: readonly RegExp[]): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	for (const pattern of patterns) {
		for (const match of text.matchAll(pattern)) {
			ranges.push([match.index, match.index + match[0].length]);
		}
	}
	return ranges;
}

/**
 * `{{< highlight go >}}…{{< /highlight >}}` and the site's own shortcodes that take inner text: the
 * closing tag names the same shortcode with the same delimiter.
 */
function shortcodePairPattern(names: readonly string[]): RegExp {
	const alternatives = names.map(name => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
	return new RegExp(`\\{\\{([<%])\\s*(${alternatives})(?![\\w-])[\\s\\S]*?[>%]\\}\\}([\\s\\S]*?)\\{\\{\\1\\s*\\/\\s*\\2\\s*[>%]\\}\\}`, 'g');
}

/**
 * The inner text of shortcodes, as ranges: `nothing` of it reaches the page as images; `verbatim`, printed as
 * written (raw HTML on the page whatever Goldmark's settings, Markdown as text); `literal`, inside an HTML
 * block Goldmark passes through (raw HTML as the post's, Markdown as text).
 */
function shortcodeInners(text: string, { shortcodes, unsafeHtml }: RenderingSite): Record<'nothing' | 'verbatim' | 'literal', Array<[number, number]>> {
	const result = { nothing: [] as Array<[number, number]>, verbatim: [] as Array<[number, number]>, literal: [] as Array<[number, number]> };
	const names = [...shortcodes].filter(([, template]) => template.inner !== 'markdown' || template.htmlBlock).map(([name]) => name);
	if (names.length === 0) {
		return result;
	}
	for (const match of text.matchAll(shortcodePairPattern(names))) {
		const innerStart = match.index + match[0].indexOf('}}') + 2;
		const range: [number, number] = [innerStart, innerStart + match[3].length];
		const template = shortcodes.get(match[2]);
		const markdownCall = match[1] === '%';
		if (!template || template.inner === 'nothing' || (markdownCall && template.htmlBlock && !unsafeHtml)) {
			result.nothing.push(range);
		} else if (!markdownCall && template.inner === 'verbatim') {
			result.verbatim.push(range);
		} else if (markdownCall && template.htmlBlock && template.inner === 'verbatim') {
			result.literal.push(range);
		}
	}
	return result;
}

const LIST_MARKER = /^([-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** A link reference definition from its `[`; the destination may be on the next line, after the container's `>`s. */
const DEFINITION = /\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*(?:\r?\n(?: {0,3}> ?)*[ \t]*)?(<[^>\n]*>|[^\s<]\S*)/y;

/**
 * Fenced and indented code blocks and link reference definitions, line by line. A fence closes with the
 * same character, at least as long; an unclosed fence runs to the end. A line indented four columns past
 * its container (the list item it belongs to, inside any blockquote) opens an indented block unless it
 * continues a paragraph. A definition may start any block, inside a blockquote or list item too, but
 * cannot interrupt a paragraph (measured on 0.111.3: `> ![a][b]` then `> [b]: /x.jpg` renders as text).
 */
function scanBlocks(text: string, from: number): { code: Array<[number, number]>; definitions: number[] } {
	const ranges: Array<[number, number]> = [];
	const definitions: number[] = [];
	let fence: { char: string; length: number; start: number } | undefined;
	let indented: { start: number; end: number } | undefined;
	/** Whether the previous line is paragraph text, which an indented line continues. */
	let paragraph = false;
	let blankBefore = true;
	let quoteDepth = 0;
	/** Content columns of the open list items, innermost last. */
	let lists: number[] = [];
	for (let lineStart = from; lineStart < text.length;) {
		const start = lineStart;
		const lineEnd = nextLine(text, start);
		if (!fence && !indented && quoteDepth === 0 && startsProse(text.charCodeAt(start))) {
			// Most lines of a post are prose at the outermost level: the steps below would find the same, slower.
			lineStart = lineEnd;
			while (lists.length > 0 && (blankBefore || !paragraph)) {
				lists.pop();
			}
			blankBefore = false;
			paragraph = true;
			continue;
		}
		const line = text.slice(start, lineEnd).replace(/\r?\n$/, '');
		const quote = /^(?: {0,3}> ?)*/.exec(line)?.[0] ?? '';
		const depth = quote.split('>').length - 1;
		const content = line.slice(quote.length);
		const { width: indent, length: indentLength } = leadingIndent(content);
		const rest = content.slice(indentLength);
		const blank = rest.trim() === '';
		if (depth !== quoteDepth && !(depth < quoteDepth && paragraph && !blank)) {
			// Entering or leaving a blockquote starts a new container (unless the line continues a paragraph lazily).
			if (indented) {
				ranges.push([indented.start, indented.end]);
				indented = undefined;
			}
			if (fence && depth < quoteDepth) {
				ranges.push([fence.start, start]);
				fence = undefined;
			}
			lists = [];
			paragraph = false;
			blankBefore = true;
		}
		quoteDepth = depth;
		lineStart = lineEnd;
		if (fence) {
			const marker = /^(`{3,}|~{3,})[ \t]*$/.exec(rest);
			if (marker && indent - (lists.at(-1) ?? 0) < 4 && marker[1][0] === fence.char && marker[1].length >= fence.length) {
				ranges.push([fence.start, lineEnd]);
				fence = undefined;
			}
			continue;
		}
		if (blank) {
			paragraph = false;
			blankBefore = true;
			continue;
		}
		while (lists.length > 0 && indent < lists[lists.length - 1] && (blankBefore || !paragraph || LIST_MARKER.test(rest))) {
			lists.pop();
		}
		const relative = indent - (lists.at(-1) ?? 0);
		blankBefore = false;
		if (indented) {
			if (relative >= 4) {
				indented.end = lineEnd;
				continue;
			}
			ranges.push([indented.start, indented.end]);
			indented = undefined;
		}
		if (relative >= 4) {
			if (!paragraph) {
				indented = { start, end: lineEnd };
			}
			continue;
		}
		const fenceMarker = /^(`{3,}|~{3,})/.exec(rest);
		if (fenceMarker && !(fenceMarker[1][0] === '`' && rest.slice(fenceMarker[0].length).includes('`'))) {
			fence = { char: fenceMarker[1][0], length: fenceMarker[1].length, start };
			paragraph = false;
		} else if (/^#{1,6}(?:[ \t]|$)/.test(rest) || THEMATIC_BREAK.test(rest) || (paragraph && /^(?:=+|-+)[ \t]*$/.test(rest))) {
			paragraph = false;
		} else {
			let contentStart = start + quote.length + indentLength;
			const marker = LIST_MARKER.exec(rest);
			if (marker) {
				const after = leadingIndent(rest.slice(marker[0].length));
				// One to four spaces after the marker set the item's content column; more count as one.
				const fits = after.width >= 1 && after.width <= 4 && after.length < rest.length - marker[0].length;
				lists.push(indent + marker[0].length + (fits ? after.width : 1));
				contentStart += marker[0].length + (fits ? after.length : Math.min(after.length, 1));
				paragraph = false;
			}
			DEFINITION.lastIndex = contentStart;
			if (!paragraph && text[contentStart] === '[' && DEFINITION.test(text)) {
				definitions.push(contentStart);
				// The next line may hold another definition; a definition is no paragraph.
				paragraph = false;
			} else {
				paragraph = text.slice(contentStart, lineEnd).trim() !== '';
			}
		}
	}
	if (fence) {
		ranges.push([fence.start, text.length]);
	}
	if (indented) {
		ranges.push([indented.start, indented.end]);
	}
	return { code: ranges, definitions };
}

/**
 * Whether a line starting with this character, unindented and outside a blockquote, is paragraph text: a
 * letter, `!` or `<` opens no code block, heading, list, thematic break or link reference definition.
 */
function startsProse(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x21 || code === 0x3c;
}

/** The leading spaces and tabs of `text`: their width in columns (a tab reaches the next multiple of four) and length. */
function leadingIndent(text: string): { width: number; length: number } {
	let width = 0;
	let length = 0;
	for (; length < text.length; length++) {
		if (text[length] === ' ') {
			width++;
		} else if (text[length] === '\t') {
			width += 4 - (width % 4);
		} else {
			break;
		}
	}
	return { width, length };
}

/** `text` with every character in `ranges` but line breaks replaced by a space: offsets are kept. */
function blankRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
	if (ranges.length === 0) {
		return text;
	}
	const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
	const parts: string[] = [];
	let at = 0;
	for (const [start, end] of sorted) {
		if (end <= at) {
			continue;
		}
		const from = Math.max(start, at);
		parts.push(text.slice(at, from), text.slice(from, end).replace(/[^\r\n]+/g, line => ' '.repeat(line.length)));
		at = end;
	}
	parts.push(text.slice(at));
	return parts.join('');
}

/** Inline code: a run of backticks up to the next run of the same length, within one paragraph. */
function inlineCodeSpans(text: string): Array<[number, number]> {
	const spans: Array<[number, number]> = [];
	if (!text.includes('`')) {
		return spans;
	}
	const runs = /`+/g;
	const blankLine = /\n[ \t]*\r?\n/g;
	const closings = new Map<number, RegExp>();
	for (let match = runs.exec(text); match; match = runs.exec(text)) {
		if (match.index > 0 && text[match.index - 1] === '\\') {
			continue;
		}
		const length = match[0].length;
		let closing = closings.get(length);
		if (!closing) {
			closing = new RegExp(`(?<!\`)\`{${length}}(?!\`)`, 'g');
			closings.set(length, closing);
		}
		closing.lastIndex = match.index + length;
		const close = closing.exec(text);
		blankLine.lastIndex = match.index;
		const paragraphEnd = blankLine.exec(text)?.index ?? text.length;
		if (close && close.index < paragraphEnd) {
			spans.push([match.index, close.index + length]);
			runs.lastIndex = close.index + length;
		}
	}
	return spans;
}

type Found = { src: string; start: number; end: number; kind: ImageReferenceKind };

/** Inline and reference-style Markdown images. `body` is the masked whole text, so offsets carry over. */
function markdownImages(body: string, definitionStarts: readonly number[]): Found[] {
	const definitions = linkDefinitions(body, definitionStarts);
	const usedDefinitions = new Set<string>();
	const result: Found[] = [];
	for (let at = body.indexOf('!['); at >= 0; at = body.indexOf('![', at + 2)) {
		if (isEscaped(body, at)) {
			continue;
		}
		const altEnd = closingBracket(body, at + 1);
		if (altEnd < 0) {
			continue;
		}
		const next = body[altEnd + 1];
		if (next === '(') {
			const destination = parseDestination(body, altEnd + 2);
			if (destination) {
				result.push({ src: destination.src, start: destination.start, end: destination.end, kind: 'markdown' });
				continue;
			}
		}
		let label = body.slice(at + 2, altEnd);
		if (next === '[') {
			const labelEnd = closingBracket(body, altEnd + 1);
			if (labelEnd >= 0 && labelEnd > altEnd + 2) {
				label = body.slice(altEnd + 2, labelEnd);
			}
		}
		const key = normalizeLabel(label);
		if (definitions.has(key)) {
			usedDefinitions.add(key);
		}
	}
	for (const key of usedDefinitions) {
		const definition = definitions.get(key);
		if (definition) {
			result.push({ src: definition.src, start: definition.start, end: definition.end, kind: 'reference' });
		}
	}
	return result;
}

/** `[label]: destination` definitions at `starts`; the first definition of a label wins, as in CommonMark. */
function linkDefinitions(body: string, starts: readonly number[]): Map<string, { src: string; start: number; end: number }> {
	const result = new Map<string, { src: string; start: number; end: number }>();
	for (const at of starts) {
		DEFINITION.lastIndex = at;
		// A comment may hide a definition that the block scan saw.
		const match = DEFINITION.exec(body);
		if (!match) {
			continue;
		}
		const key = normalizeLabel(match[1]);
		if (result.has(key)) {
			continue;
		}
		const raw = match[2];
		const rawEnd = match.index + match[0].length;
		const angled = raw.startsWith('<');
		const start = rawEnd - raw.length + (angled ? 1 : 0);
		const end = rawEnd - (angled ? 1 : 0);
		result.set(key, { src: unescapeMarkdown(body.slice(start, end)), start, end });
	}
	return result;
}

function normalizeLabel(label: string): string {
	return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function isEscaped(text: string, at: number): boolean {
	let backslashes = 0;
	for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) {
		backslashes++;
	}
	return backslashes % 2 === 1;
}

/** The index of the `]` closing the `[` at `open` (nested brackets and escapes allowed), or -1. */
function closingBracket(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		const ch = text[i];
		if (ch === '\\') {
			i++;
		} else if (ch === '[') {
			depth++;
		} else if (ch === ']') {
			depth--;
			if (depth === 0) {
				return i;
			}
		} else if (ch === '\n' && /^\n[ \t]*(\r?\n|$)/.test(text.slice(i, i + 3 + 64))) {
			return -1;
		}
	}
	return -1;
}

/** The destination of `(destination "title")` starting after the `(`; `undefined` when it is not one. */
function parseDestination(text: string, from: number): { src: string; start: number; end: number } | undefined {
	let i = from;
	while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') {
		i++;
	}
	let start: number;
	let end: number;
	if (text[i] === '<') {
		start = i + 1;
		end = text.indexOf('>', start);
		if (end < 0 || text.slice(start, end).includes('\n')) {
			return undefined;
		}
		i = end + 1;
	} else {
		start = i;
		let depth = 0;
		for (; i < text.length; i++) {
			const ch = text[i];
			if (ch === '\\') {
				i++;
			} else if (ch === '(') {
				depth++;
			} else if (ch === ')') {
				if (depth === 0) {
					break;
				}
				depth--;
			} else if (isWhitespace(ch)) {
				break;
			}
		}
		end = i;
	}
	// What follows must be an optional title and the closing parenthesis.
	const rest = /^\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))?\s*\)/.exec(text.slice(i, i + 4096));
	if (!rest) {
		return undefined;
	}
	return { src: unescapeMarkdown(text.slice(start, end)), start, end };
}

/** `/\s/.test(ch)`, answered without a regular expression for the printable ASCII most paths are made of. */
function isWhitespace(ch: string): boolean {
	const code = ch.charCodeAt(0);
	return code > 0x20 && code < 0x7f ? false : /\s/.test(ch);
}

function unescapeMarkdown(text: string): string {
	return !text.includes('\\') ? text : text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Raw HTML `<img src>` (double, single or unquoted attribute values). */
function htmlImages(body: string): Found[] {
	const result: Found[] = [];
	if (!body.includes('<')) {
		return result;
	}
	for (const tag of body.matchAll(/<img\b[^>]*>?/gi)) {
		const attribute = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+))/i.exec(tag[0]);
		if (!attribute) {
			continue;
		}
		const value = attribute[1] ?? attribute[2] ?? attribute[3];
		const quoted = attribute[3] === undefined ? 1 : 0;
		const start = tag.index + attribute.index + attribute[0].length - value.length - quoted;
		result.push({ src: decodeHtmlEntities(value), start, end: start + value.length, kind: 'html' });
	}
	return result;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', apos: '\'', quot: '"', lt: '<', gt: '>' };

/**
 * Character references in an attribute value, as a browser reads them: the common named ones and every
 * numeric one (`&#47;`, `&#x2F;`, the `;` optional); a code point that cannot be a character becomes U+FFFD.
 */
function decodeHtmlEntities(value: string): string {
	return value.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|apos|quot|lt|gt)(?=;));?/g, (_whole, decimal?: string, hex?: string, name?: string) => {
		if (name !== undefined) {
			return NAMED_ENTITIES[name];
		}
		const codePoint = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
		return codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff) || !Number.isFinite(codePoint)
			? '\ufffd'
			: String.fromCodePoint(codePoint);
	});
}

/** `{{< figure src="…" >}}` and `{{% figure src="…" %}}`, arguments possibly over several lines. */
function figureImages(body: string): Found[] {
	const result: Found[] = [];
	if (!body.includes('{{')) {
		return result;
	}
	for (const call of body.matchAll(/\{\{([<%])\s*figure\s([\s\S]*?)[>%]\}\}/g)) {
		const argsStart = call.index + call[0].indexOf(call[2], 3);
		const attribute = /(?:^|\s)src\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/.exec(call[2]);
		if (!attribute) {
			continue;
		}
		const value = attribute[1] ?? attribute[2] ?? attribute[3];
		const quoted = attribute[3] === undefined ? 1 : 0;
		const start = argsStart + attribute.index + attribute[0].length - value.length - quoted;
		result.push({ src: attribute[1] !== undefined ? value.replace(/\\(.)/g, '$1') : value, start, end: start + value.length, kind: 'figure' });
	}
	return result;
}
