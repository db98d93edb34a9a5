import type { MarkdownIt, StateInline } from 'markdown-it';
import { pushAutolink, type FoundLink } from './autolinks';
import { textSinceSubstitution } from './typographer';

/**
 * Goldmark's linkify extension (v1.5, Hugo 0.111.3), where markdown-it would use linkify-it: a link starts
 * only at the head of a line, right after another inline element (emphasis, a link, a typographer
 * substitution…), or after a space, `(` or a single `~`, which then stays text before it. A URL needs
 * `http://`, `https://` or `ftp://` (or `www.`, linked with Hugo's `https`), a dotted ASCII host ending in
 * letters, and ASCII path characters; an e-mail address an ASCII name and host.
 */
export function goldmarkLinkifyPlugin(md: MarkdownIt): void {
	// markdown-it's own linking (linkify-it) is off; `options.linkify` still turns linking on and off.
	md.inline.ruler.disable('linkify');
	md.core.ruler.disable('linkify');
	// Before the text rule: the text run stops where a link may start (see `linkMayStartAt`).
	md.inline.ruler.before('text', 'goldmark_linkify', linkify);
}

// Goldmark's regular expressions, as its linkify extension writes them.
const URL_PATTERN = /^(?:http|https|ftp):\/\/[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}[\]`]*)?/;
const WWW_PATTERN = /^www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?:[/#?][-a-zA-Z0-9@:%_+.~#!?&/=();,'">^{}[\]`]*)?/;
const EMAIL_DOMAIN = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*/;

/** The characters Goldmark takes in an e-mail address's name (`util.emailTable`). */
const EMAIL_NAME = new Uint8Array(128);
for (const ch of '!#$%&\'*+-./0123456789=?ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz{|}~') {
	EMAIL_NAME[ch.charCodeAt(0)] = 1;
}
const isEmailNameCode = (code: number) => code < 128 && EMAIL_NAME[code] === 1;
const isAsciiPunctCode = (code: number) => (code >= 0x21 && code <= 0x2F) || (code >= 0x3A && code <= 0x40) || (code >= 0x5B && code <= 0x60) || (code >= 0x7B && code <= 0x7E);
const isAsciiAlphanumericCode = (code: number) => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7A);
/**
 * Whether Goldmark's linkify takes the character at `pos` as text before a link: a space, `(`, or a `~`
 * alone. It is asked at `*`, `_` and `~` too, but after emphasis and strikethrough, which take any run of
 * `*` or `_` and two or more `~` as delimiters (a link may then start right after them).
 */
function isLeadAt(src: string, pos: number): boolean {
	const code = src.charCodeAt(pos);
	return code === 0x20 || code === 0x28 || (code === 0x7E && src.charCodeAt(pos + 1) !== 0x7E && src.charCodeAt(pos - 1) !== 0x7E);
}
/** Characters trimmed from a link's end. */
const isTrailingCode = (code: number) => code === 0x3F || code === 0x21 || code === 0x2E || code === 0x2C || code === 0x3A || code === 0x2A || code === 0x5F || code === 0x7E;

/**
 * Whether a link may start at `pos` (after a lead character the text run stopped at): `http:`, `https:`,
 * `ftp:`, `www.`, or an e-mail name followed by `@`. Cheap enough for the text run to ask at every space.
 */
export function linkMayStartAt(src: string, pos: number, max: number): boolean {
	const code = src.charCodeAt(pos);
	if ((code === 0x68 && (src.startsWith('http:', pos) || src.startsWith('https:', pos))) || (code === 0x66 && src.startsWith('ftp:', pos)) ||
		(code === 0x77 && src.startsWith('www.', pos))) {
		return true;
	}
	if (!isEmailNameCode(code) || isAsciiPunctCode(code)) {
		return false;
	}
	let end = pos;
	while (end < max && isEmailNameCode(src.charCodeAt(end))) {
		end++;
	}
	return src.charCodeAt(end) === 0x40;
}

/**
 * Whether `pos` is where Goldmark starts its inline parsers afresh: the start of a line, or right after an
 * inline element (a token other than an escaped character or entity, or a typographer substitution).
 */
function isLineHead(state: StateInline, pos: number): boolean {
	if (pos === 0 || state.src.charCodeAt(pos - 1) === 0x0A) {
		return true;
	}
	if (state.pending === '') {
		const last = state.tokens[state.tokens.length - 1];
		return last !== undefined && last.type !== 'text_special';
	}
	return textSinceSubstitution(state) === 0;
}

/** The length of the link at the start of `line` and its kind, as Goldmark's `linkifyParser.Parse` finds it. */
function matchLink(line: string): { length: number; kind: 'url' | 'www' | 'email' } | undefined {
	let match: RegExpExecArray | null = null;
	let kind: 'url' | 'www' | 'email' = 'url';
	if (line.startsWith('http:') || line.startsWith('https:') || line.startsWith('ftp:')) {
		match = URL_PATTERN.exec(line);
	}
	if (!match && line.startsWith('www.')) {
		match = WWW_PATTERN.exec(line);
		kind = 'www';
	}
	let end: number;
	if (match) {
		end = match[0].length;
		const last = line.charCodeAt(end - 1);
		if (last === 0x2E) {
			end--;
		} else if (last === 0x29) {
			let closing = 0;
			for (let i = end - 1; i >= 0; i--) {
				const code = line.charCodeAt(i);
				closing += code === 0x29 ? 1 : code === 0x28 ? -1 : 0;
			}
			if (closing > 0) {
				end -= closing;
			}
		} else if (last === 0x3B) {
			// An entity-like `&name;` at the end is not part of the URL.
			let i = end - 2;
			while (i >= 0 && isAsciiAlphanumericCode(line.charCodeAt(i))) {
				i--;
			}
			if (i !== end - 2 && i >= 0 && line.charCodeAt(i) === 0x26) {
				end = i;
			}
		}
	} else {
		if (line.length > 0 && isAsciiPunctCode(line.charCodeAt(0))) {
			return undefined;
		}
		kind = 'email';
		const stop = emailEnd(line);
		if (stop < 0) {
			return undefined;
		}
		const at = line.indexOf('@');
		if (!line.slice(at, stop - 1).includes('.')) {
			return undefined;
		}
		end = stop;
		if (line.charCodeAt(end - 1) === 0x2E) {
			end--;
		}
		const next = line.charCodeAt(end);
		if (next === 0x2D || next === 0x5F) {
			return undefined;
		}
	}
	let i = end - 1;
	while (i > 0 && isTrailingCode(line.charCodeAt(i))) {
		i--;
	}
	return { length: i + 1, kind };
}

/** Goldmark's `util.FindEmailIndex`: where the e-mail address at the start of `line` ends, -1 for none. */
function emailEnd(line: string): number {
	let i = 0;
	while (i < line.length && isEmailNameCode(line.charCodeAt(i))) {
		i++;
	}
	if (i === 0 || i >= line.length || line.charCodeAt(i) !== 0x40) {
		return -1;
	}
	i++;
	const domain = EMAIL_DOMAIN.exec(line.slice(i));
	return domain ? i + domain[0].length : -1;
}

const LINK_READ_LIMIT = 4096;

/**
 * The link Goldmark finds at `start` (`src` read up to `max`), with its URL as markdown-it normalizes it;
 * `undefined` for none. The caller has decided that a link may start there.
 */
export function linkAt(state: StateInline, start: number): FoundLink | undefined {
	const src = state.src;
	// Goldmark matches against the rest of the line; a link is seldom longer than LINK_READ_LIMIT, and a
	// longer one is matched again against the whole line (reading a long paragraph's line at every link
	// would be quadratic).
	const readEnd = Math.min(state.posMax, start + LINK_READ_LIMIT);
	let line = src.slice(start, readEnd);
	const newline = line.indexOf('\n');
	if (newline >= 0) {
		line = line.slice(0, newline);
	}
	let link = matchLink(line);
	if (link && newline < 0 && readEnd < state.posMax && link.length >= line.length - 1) {
		const lineEnd = src.indexOf('\n', start);
		line = src.slice(start, lineEnd < 0 || lineEnd > state.posMax ? state.posMax : lineEnd);
		link = matchLink(line);
	}
	if (!link) {
		return undefined;
	}
	const text = line.slice(0, link.length);
	const url = link.kind === 'www' ? `https://${text}` : link.kind === 'email' ? `mailto:${text}` : text;
	return { start, end: start + link.length, url: state.md.normalizeLink(url), text };
}

/** Whether the text run may link at `start` (linking is on, and not inside a link's label). */
export function mayLink(state: StateInline): boolean {
	return state.linkLevel === 0 && state.md.options.linkify === true;
}

/** The chain's rule, for a link at the head of a line, after another element, or after a `~` or `(`. */
function linkify(state: StateInline, silent: boolean): boolean {
	if (silent || !mayLink(state)) {
		return false;
	}
	const src = state.src;
	const pos = state.pos;
	const lead = isLeadAt(src, pos);
	if (!lead && !isLineHead(state, pos)) {
		return false;
	}
	const start = lead ? pos + 1 : pos;
	if (start >= state.posMax || !linkMayStartAt(src, start, state.posMax)) {
		return false;
	}
	const link = linkAt(state, start);
	if (!link) {
		return false;
	}
	if (lead) {
		state.pending += src[pos];
	}
	pushAutolink(state, link);
	state.pos = link.end;
	return true;
}
