import type { SessionInfo } from './types';
import { collapseAsciiWhitespace } from '../text';

/**
 * The entry as write-ups have it: `#### Title`, a blank line, one `- Speaker` line per speaker, the
 * schedule link, a blank line, then the cursor for notes. A line holding only placeholders that are
 * all empty is left out (so `${derivedNote}` costs nothing for an online title); a line with
 * `${speaker}` is repeated per speaker.
 */
export const DEFAULT_ENTRY_TEMPLATE = '#### ${title}\n${derivedNote}\n\n- ${speaker}\n- [${url}](${url})\n\n${cursor}';

/** The note that marks a title derived from the URL: an HTML comment, so it never shows on the site. */
export const DERIVED_TITLE_NOTE = '<!-- title derived from the URL: check it -->';

/** The note with what in particular to check (`…URL, which may end with the speakers…: check it`). */
function derivedTitleNote(caveat: string | undefined): string {
	// The caveat is the product's own text, but a comment must not be closed early by any text.
	return caveat ? `<!-- title derived from the URL, ${caveat.replace(/--/g, '- -')}: check it -->` : DERIVED_TITLE_NOTE;
}

/** The placeholders a template may use. */
export const ENTRY_PLACEHOLDERS = ['title', 'subtitle', 'speaker', 'speakers', 'url', 'abstract', 'start', 'room', 'source', 'derivedNote', 'cursor'] as const;

const PLACEHOLDER = /\$\{(\w+)\}/g;

// Control characters, bidirectional overrides and zero-width marks: they can hide or reorder text.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Escapes remote text for one line of Markdown so that it renders as the same plain text: no links,
 * images, HTML, Hugo shortcodes (`{{< >}}`, `{{% %}}`), heading attributes, emphasis, autolinks or
 * block structure (headings, list markers, quotes). Line breaks become spaces.
 */
export function escapeMarkdownInline(text: string): string {
	const flat = collapseAsciiWhitespace(text.replace(INVISIBLE, ''));
	let out = '';
	for (let i = 0; i < flat.length; i++) {
		const ch = flat[i];
		const prev = flat[i - 1] ?? '';
		const next = flat[i + 1] ?? '';
		if ('\\`*[]<>{}#~|'.includes(ch)) {
			out += `\\${ch}`;
		} else if (ch === '_' && !(isWordChar(prev) && isWordChar(next))) {
			// An underscore inside a word never starts emphasis; elsewhere it may.
			out += '\\_';
		} else if (ch === '&' && /^&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(flat.slice(i))) {
			out += '\\&';
		} else if (ch === ':' && flat.startsWith('//', i + 1)) {
			// Breaks `https://…` so linkify extensions (Hugo's Goldmark has one on by default) leave it as text.
			out += '\\:';
		} else if (ch === '.' && /(?:^|[^\w])www$/i.test(flat.slice(Math.max(0, i - 4), i))) {
			out += '\\.';
		} else if (ch === '@' && isWordChar(prev) && isWordChar(next)) {
			out += '\\@';
		} else {
			out += ch;
		}
	}
	// At the start of a line these would open a list, a quote or a setext underline.
	return out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function isWordChar(ch: string): boolean {
	return /[\p{L}\p{N}]/u.test(ch);
}

/** Escapes a URL for link text: the URL stays readable, nothing in it can close the link. */
function escapeLinkText(url: string): string {
	return url.replace(INVISIBLE, '').replace(/[\\`*[\]<>{}]/g, ch => `\\${ch}`).replace(/\s/g, '%20');
}

/** Encodes the characters that would end or break a link destination; the URL means the same. */
function escapeLinkDestination(url: string): string {
	return url.replace(INVISIBLE, '').replace(/[\s<>()\\{}`"]/g, ch => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Renders a session as Markdown with a template (`DEFAULT_ENTRY_TEMPLATE` when none is given). Every
 * field is escaped. Returns the text and where the cursor goes (the `${cursor}` placeholder, else
 * the end).
 */
export function formatSessionEntry(info: SessionInfo, template: string = DEFAULT_ENTRY_TEMPLATE): { text: string; cursorOffset: number } {
	const fields: Record<string, string> = {
		title: escapeMarkdownInline(info.title),
		subtitle: info.subtitle ? escapeMarkdownInline(info.subtitle) : '',
		speakers: info.speakers.map(escapeMarkdownInline).join(', '),
		abstract: info.abstract ? escapeMarkdownInline(info.abstract) : '',
		start: info.start ? escapeMarkdownInline(info.start) : '',
		room: info.room ? escapeMarkdownInline(info.room) : '',
		source: escapeMarkdownInline(info.source),
		derivedNote: info.derived ? derivedTitleNote(info.derivedCaveat) : '',
	};
	const lines: string[] = [];
	for (const line of template.replace(/\r\n?/g, '\n').split('\n')) {
		const speakerValues = /\$\{speaker\}/.test(line) ? info.speakers.map(escapeMarkdownInline) : [undefined];
		for (const speaker of speakerValues) {
			const expanded = expandLine(line, fields, info.url, speaker);
			if (expanded !== undefined) {
				lines.push(expanded);
			}
		}
	}
	const joined = lines.join('\n');
	const marker = joined.indexOf(CURSOR_MARK);
	if (marker < 0) {
		return { text: joined, cursorOffset: joined.length };
	}
	const text = joined.slice(0, marker) + joined.slice(marker + CURSOR_MARK.length).split(CURSOR_MARK).join('');
	return { text, cursorOffset: marker };
}

// A character that cannot survive escaping, so remote text can never fake the cursor position.
const CURSOR_MARK = '\u0000';

/** Expands one template line, or returns undefined when it should be left out. */
function expandLine(line: string, fields: Record<string, string>, url: string, speaker: string | undefined): string | undefined {
	let placeholders = 0;
	let filled = 0;
	const text = line.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
		if (name === 'cursor') {
			return CURSOR_MARK;
		}
		let value: string | undefined;
		if (name === 'url') {
			value = line.slice(Math.max(0, offset - 2), offset) === '](' ? escapeLinkDestination(url) : escapeLinkText(url);
		} else if (name === 'speaker') {
			value = speaker ?? '';
		} else {
			value = fields[name];
		}
		if (value === undefined) {
			return whole; // Not a placeholder we know: leave the writer's text alone.
		}
		placeholders++;
		if (value) {
			filled++;
		}
		return value;
	});
	return placeholders > 0 && filled === 0 ? undefined : text;
}
