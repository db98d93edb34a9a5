import type { StateBlock } from 'markdown-it';
import { fieldOf, fieldOrParam } from '../frontMatter/fields';
import { parseFrontMatter } from '../frontMatter/parse';
import { splitFrontMatter } from '../frontMatter/split';
import { escapeHtml, htmlAttributes } from './html';

/** What the renderer needs from a post's front matter. */
export interface FrontMatterInfo {
	/** Offset where the Markdown body starts (after the closing delimiter line). */
	readonly bodyStart: number;
	/** The decoded fields; `undefined` when the block does not parse. */
	readonly data: Record<string, unknown> | undefined;
	/** Why the block does not parse (Hugo fails the build). */
	readonly error?: string;
	/** The date as written (`2017-05-12T18:30:00-04:00`), so the header shows the author's own day. */
	readonly dateText?: string;
}

export type FrontMatterReader = (text: string) => FrontMatterInfo | undefined;

/** Reads the front matter with the same parser the validator uses (Hugo 0.111.3's rules). */
export const readFrontMatter: FrontMatterReader = text => {
	const parsed = parseFrontMatter(text);
	if (!parsed) {
		return undefined;
	}
	const dateEntry = parsed.entries.find(e => e.topLevel && e.key.toLowerCase() === 'date');
	const dateText = dateEntry ? text.slice(dateEntry.value.start, dateEntry.value.end).replace(/^["']|["']$/g, '') : undefined;
	const error = parsed.problems.find(p => p.severity === 'error')?.message;
	return { bodyStart: parsed.block.bodyStart, data: parsed.data, ...(error ? { error } : {}), ...(dateText ? { dateText } : {}) };
};

/**
 * Remembers the last front matter read: while someone types in a post's body its front matter does not
 * change, and parsing it again on every render would cost more than rendering a short post.
 */
export function cachedFrontMatterReader(reader: FrontMatterReader): FrontMatterReader {
	let lastBlock: string | undefined;
	let lastInfo: FrontMatterInfo | undefined;
	return text => {
		const block = splitFrontMatter(text);
		if (!block) {
			return undefined;
		}
		// The block and everything before it: same text, same offsets, same result.
		const key = text.slice(0, block.bodyStart);
		if (key !== lastBlock) {
			lastInfo = reader(text);
			lastBlock = key;
		}
		return lastInfo;
	};
}

/** The header fields shown above a post, as the published page shows them. */
export interface PostHeader {
	readonly title?: string;
	/** `January 2, 2006`, Hugo's usual layout. */
	readonly date?: string;
	readonly isoDate?: string;
	readonly draft: boolean;
	readonly tags: readonly string[];
	readonly categories: readonly string[];
	readonly cover?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];


function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return value;
	}
	return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function listOf(value: unknown): string[] {
	if (Array.isArray(value)) {
		return value.map(textOf).filter((v): v is string => v !== undefined && v !== '');
	}
	// Hugo makes one term of a string given where a list is expected.
	const single = textOf(value);
	return single ? [single] : [];
}

/** The header of a post from its front matter fields. */
export function postHeader(info: FrontMatterInfo): PostHeader {
	const data = info.data ?? {};
	const draftValue = fieldOf(data, 'draft');
	// Hugo reads `"true"` as a draft too, but not `"yes"` or `1` (hugo.md §2).
	const draft = draftValue === true || draftValue === 'true';
	const coverValue = fieldOrParam(data, 'cover');
	const cover = textOf(coverValue) ?? (coverValue && typeof coverValue === 'object' ? textOf(fieldOf(coverValue as Record<string, unknown>, 'image')) : undefined);
	return {
		title: textOf(fieldOf(data, 'title')),
		...formatDate(info.dateText ?? fieldOf(data, 'date')),
		draft,
		tags: listOf(fieldOf(data, 'tags')),
		categories: listOf(fieldOf(data, 'categories')),
		...(cover ? { cover } : {}),
	};
}

function formatDate(value: unknown): { date?: string; isoDate?: string } {
	let year: number, month: number, day: number;
	const match = typeof value === 'string' ? /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
	if (match) {
		[year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	} else if (value instanceof Date && !Number.isNaN(value.getTime())) {
		[year, month, day] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
	} else {
		return {};
	}
	if (month < 1 || month > 12) {
		return {};
	}
	const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return { date: `${MONTHS[month - 1]} ${day}, ${year}`, isoDate: iso };
}

/** Renders the header; `coverHtml` is the cover's `<img>`, rendered as every image of the post is. */
export function renderPostHeader(header: PostHeader, attrs: string, coverHtml: string | undefined, error?: string): string {
	let html = `<header class="hugo-post-header"${attrs}>\n`;
	if (error) {
		html += `<p class="hugo-front-matter-error">${escapeHtml(error)}</p>\n`;
	}
	if (header.title !== undefined) {
		html += `<h1 class="hugo-post-title">${escapeHtml(header.title)}</h1>\n`;
	}
	const meta: string[] = [];
	if (header.date) {
		meta.push(`<time${htmlAttributes([['datetime', header.isoDate]])}>${escapeHtml(header.date)}</time>`);
	}
	if (header.draft) {
		meta.push('<span class="hugo-draft-badge">Draft</span>');
	}
	for (const category of header.categories) {
		meta.push(`<span class="hugo-category">${escapeHtml(category)}</span>`);
	}
	for (const tag of header.tags) {
		meta.push(`<span class="hugo-tag">#${escapeHtml(tag)}</span>`);
	}
	if (meta.length > 0) {
		html += `<p class="hugo-post-meta">${meta.join(' ')}</p>\n`;
	}
	if (coverHtml !== undefined) {
		html += `${coverHtml}\n`;
	}
	return `${html}</header>\n`;
}

/** The block rule: a front matter block at the top of the document becomes one `hugo_front_matter` token. */
export function frontMatterBlockRule(reader: FrontMatterReader, enabled: (env: unknown) => boolean) {
	return (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
		// Only at the top of the document: nothing but blank lines before it.
		if (state.tokens.length > 0 || state.level > 0 || state.parentType !== 'root' || state.blkIndent !== 0 || !enabled(state.env)) {
			return false;
		}
		const first = state.src.charAt(state.bMarks[startLine] + state.tShift[startLine]);
		if (first !== '+' && first !== '-' && first !== '{') {
			return false;
		}
		for (let line = 0; line < startLine; line++) {
			if (state.bMarks[line] + state.tShift[line] < state.eMarks[line]) {
				return false;
			}
		}
		const info = reader(state.src);
		if (!info) {
			return false;
		}
		let bodyLine = startLine;
		while (bodyLine < endLine && state.bMarks[bodyLine] < info.bodyStart) {
			bodyLine++;
		}
		if (bodyLine <= startLine) {
			return false;
		}
		if (silent) {
			return true;
		}
		const token = state.push('hugo_front_matter', 'header', 0);
		token.block = true;
		token.map = [startLine, bodyLine];
		token.meta = { info };
		state.line = bodyLine;
		return true;
	};
}
