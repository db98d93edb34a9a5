import type { MarkdownIt, StateInline, Token } from 'markdown-it';

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

/** A link found in an inline source: where it starts and ends, its URL and its text. */
export interface FoundLink {
	readonly start: number;
	readonly end: number;
	readonly url: string;
	readonly text: string;
}

export function pushAutolink(state: StateInline, link: FoundLink): void {
	setAutolink(state.push(AUTOLINK, 'a', 0), link.url, link.text);
}
