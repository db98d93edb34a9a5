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
		const attributes = typeof href === 'string' ? ` href="${escape(href)}"` : self.renderAttrs(token);
		return `<a${attributes}>${escape(token.content)}</a>`;
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
	const match = state.md.linkify.matchAtStart(src.slice(protoStart));
	if (!match) {
		return undefined;
	}
	let url = match.url;
	if (url.length <= protoLength) {
		return undefined;
	}
	let urlEnd = url.length;
	while (urlEnd > 0 && url.charCodeAt(urlEnd - 1) === 0x2A) {
		urlEnd--;
	}
	url = url.slice(0, urlEnd);
	const fullUrl = state.md.normalizeLink(url);
	if (!state.md.validateLink(fullUrl)) {
		return undefined;
	}
	return { start: protoStart, end: protoStart + url.length, url: fullUrl, text: state.md.normalizeLinkText(url) };
}
