import type { MarkdownIt, StateInline, Token } from 'markdown-it';
import { isAsciiLetterCode, isAsciiWordCode } from './characters';

/**
 * A link found in the text (a URL with a scheme, `www.`, an e-mail address) is one token, where markdown-it
 * makes three (`link_open`, `text`, `link_close`): the same `<a href="…">…</a>`, for a third of the tokens
 * of a write-up full of links. Its content is the link text, its `href` attribute the URL.
 */
export const AUTOLINK = 'hugo_autolink';

export function setAutolink(token: Token, url: string, text: string): void {
	token.attrs = [['href', url]];
	token.content = text;
	token.markup = 'linkify';
	token.info = 'auto';
}

/** Renders autolinks, in the text and in an image's description (its `alt`, where the link text counts). */
export function autolinkRendering(md: MarkdownIt): void {
	const escape = md.utils.escapeHtml;
	md.renderer.rules[AUTOLINK] = (tokens, idx, _options, _env, self) => {
		const token = tokens[idx];
		const href = token.attrs?.length === 1 && token.attrs[0][0] === 'href' ? token.attrs[0][1] : undefined;
		if (typeof href !== 'string') {
			return `<a${self.renderAttrs(token)}>${escape(token.content)}</a>`;
		}
		// A URL with a scheme is mostly its own text.
		const escapedHref = escape(href);
		return `<a href="${escapedHref}">${href === token.content ? escapedHref : escape(token.content)}</a>`;
	};
	const renderInlineAsText = md.renderer.renderInlineAsText;
	md.renderer.renderInlineAsText = function (this: typeof md.renderer, tokens, options, env) {
		const asText = tokens.some(token => token.type === AUTOLINK)
			? tokens.map(token => token.type === AUTOLINK ? { ...token, type: 'text' } as Token : token)
			: tokens;
		return renderInlineAsText.call(this, asText, options, env);
	};
}

/** A URL with a scheme in an inline source: where its scheme starts, where it ends, its URL and its text. */
export interface SchemeLink {
	readonly start: number;
	readonly end: number;
	readonly url: string;
	readonly text: string;
}

export function pushAutolink(state: StateInline, link: SchemeLink): void {
	setAutolink(state.push(AUTOLINK, 'a', 0), link.url, link.text);
}

// `http(s)://` or `ftp://`, then an ASCII host of at most ten labels (no punycode), then `/`, a space or the end.
const PLAIN_WEB_HOST = /(?:https?|ftp):\/\/(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){0,9}[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?=[/ \t\n]|$)/iy;

// `/ \ : % @ # & = _ ~ * - +`: path characters linkify-it takes wherever they stand.
const PATH_CODES = new Set([0x2F, 0x5C, 0x3A, 0x25, 0x40, 0x23, 0x26, 0x3D, 0x5F, 0x7E, 0x2A, 0x2D, 0x2B]);
// Space, `) ] } < >`: where linkify-it's path ends.
const PATH_END_CODES = new Set([0x20, 0x09, 0x0A, 0x29, 0x5D, 0x7D, 0x3C, 0x3E]);

/** Whether `xn--` (a punycode label, in any case) occurs in text[start, end). */
function hasPunycodeIn(text: string, start: number, end: number): boolean {
	for (let i = start + 2; i + 1 < end; i++) {
		if (text.charCodeAt(i) === 0x2D && text.charCodeAt(i + 1) === 0x2D && (text.charCodeAt(i - 1) | 0x20) === 0x6E && (text.charCodeAt(i - 2) | 0x20) === 0x78) {
			return true;
		}
	}
	return false;
}

/**
 * Where linkify-it's match of a web URL starting at `start` of `text` ends, for URLs made of plain ASCII
 * host labels and path characters; -1 for anything else (brackets, quotes, commas, `..`, ports,
 * non-ASCII), which is left to linkify-it. Its validating regex is tens of kilobytes long and costs more
 * per URL than parsing the paragraph around it; on these URLs it takes exactly the run computed here.
 */
export function plainWebUrlEnd(text: string, start = 0): number {
	PLAIN_WEB_HOST.lastIndex = start;
	if (!PLAIN_WEB_HOST.test(text)) {
		return -1;
	}
	let pos = PLAIN_WEB_HOST.lastIndex;
	if (hasPunycodeIn(text, start, pos)) {
		return -1;
	}
	if (pos >= text.length || text.charCodeAt(pos) !== 0x2F) {
		return pos;
	}
	pos++;
	const limit = Math.min(text.length, pos + 2000);
	while (pos < limit) {
		const code = text.charCodeAt(pos);
		if (isAsciiWordCode(code) || PATH_CODES.has(code)) {
			pos++;
		} else if (PATH_END_CODES.has(code)) {
			return pos;
		} else if (code === 0x2E || code === 0x3F || code === 0x2C || code === 0x3B) {
			// `.`, `?`, `,` and `;` belong to the path unless a space or the end follows (or, for `?`, another
			// `?`); `..` is left to linkify-it.
			const next = pos + 1 < text.length ? text.charCodeAt(pos + 1) : -1;
			if (next === -1 || (next === 0x20 || next === 0x09 || next === 0x0A) || (next === code && code === 0x3F)) {
				return pos;
			}
			if (next === code && code === 0x2E) {
				return -1;
			}
			pos++;
		} else {
			return -1;
		}
	}
	return pos < text.length ? -1 : pos;
}


/**
 * Whether a plain web URL (see `plainWebUrlEnd`) comes back from markdown-it's normalization as written,
 * and is valid: `http:` or `https:`, no `%` escape to decode, no `\` to encode, no punycode to convert.
 */
function isWrittenAsNormalized(url: string): boolean {
	return (url.charCodeAt(0) | 0x20) === 0x68 && !url.includes('%') && !url.includes('\\') && !hasPunycodeIn(url, 0, url.length);
}

const isSchemeCode = (code: number) => isAsciiWordCode(code) || code === 0x2E || code === 0x2B || code === 0x2D;

/**
 * markdown-it's inline linkify rule (a URL with a scheme, found at its `://`), reporting the link instead of
 * pushing it. The scheme is looked for only in the `textBefore` characters before `pos` (the text since the
 * typographer's last substitution, which markdown-it's typographer would have made a token of its own):
 * `…https://x.org` is a link, as it is in Hugo.
 */
export function schemeLinkAt(state: StateInline, pos: number, textBefore: number): SchemeLink | undefined {
	if (!state.md.options.linkify || state.linkLevel > 0) {
		return undefined;
	}
	const src = state.src;
	if (pos + 3 > state.posMax || src.charCodeAt(pos) !== 0x3A || src.charCodeAt(pos + 1) !== 0x2F || src.charCodeAt(pos + 2) !== 0x2F) {
		return undefined;
	}
	const protoMin = pos - Math.min(10, textBefore, pos);
	let protoStart = pos;
	while (protoStart > protoMin && isSchemeCode(src.charCodeAt(protoStart - 1))) {
		protoStart--;
	}
	if (protoStart === pos || !isAsciiLetterCode(src.charCodeAt(protoStart))) {
		return undefined;
	}
	const protoLength = pos - protoStart;
	// A plain web URL is measured in place; anything else is left to linkify-it.
	const plainEnd = plainWebUrlEnd(src, protoStart);
	let url: string;
	if (plainEnd >= 0) {
		url = src.slice(protoStart, plainEnd);
	} else {
		const match = state.md.linkify.matchAtStart(src.slice(protoStart));
		if (!match) {
			return undefined;
		}
		url = match.url;
	}
	if (url.length <= protoLength) {
		return undefined;
	}
	let urlEnd = url.length;
	while (urlEnd > 0 && url.charCodeAt(urlEnd - 1) === 0x2A) {
		urlEnd--;
	}
	url = url.slice(0, urlEnd);
	if (plainEnd >= 0 && isWrittenAsNormalized(url)) {
		return { start: protoStart, end: protoStart + url.length, url, text: url };
	}
	const fullUrl = state.md.normalizeLink(url);
	if (!state.md.validateLink(fullUrl)) {
		return undefined;
	}
	return { start: protoStart, end: protoStart + url.length, url: fullUrl, text: state.md.normalizeLinkText(url) };
}
