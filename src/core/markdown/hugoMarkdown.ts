import markdownIt from 'markdown-it';
import type { MarkdownIt, RendererRule, StateBlock, StateInline, Token } from 'markdown-it';
import deflistPlugin from 'markdown-it-deflist';
import footnotePlugin from 'markdown-it-footnote';
import { cachedFrontMatterReader, frontMatterBlockRule, postHeader, readFrontMatter, renderPostHeader, type FrontMatterInfo, type FrontMatterReader } from './frontMatterHeader';
import { AUTOLINK } from './autolinks';
import { codeBlocksPlugin, renderCode } from './codeBlocks';
import { goldmarkOutputPlugin, RAW_HTML_OMITTED } from './goldmarkOutput';
import { goldmarkParsingPlugin, htmlBlockHasClosure } from './goldmarkParsing';
import { goldmarkLinkifyPlugin } from './linkify';
import { DEFAULT_HIGHLIGHT, parseAttributeList, type HighlightSettings } from './highlight/settings';
import { headingIdsPlugin } from './headingIds';
import { escapeHtml, htmlAttributes } from './html';
import { quickTokensPlugin } from './quickTokens';
import { sourceLinesPlugin } from './sourceLines';
import { parseShortcodeAt, shortcodeArg, type ShortcodeCall } from './shortcodes';
import { typographerPlugin } from './typographer';

/** How one render of one post resolves images and treats raw HTML: it depends on the post's site. */
export interface HugoRenderContext {
	/** `markup.goldmark.renderer.unsafe`: raw HTML passes through instead of `<!-- raw HTML omitted -->`. */
	readonly unsafeHtml: boolean;
	/**
	 * Maps an image path as written (`/images/x.jpg`, `x.jpg`) to the URL the page should load, or
	 * `undefined` when the site publishes nothing there: the path is then kept and the image marked
	 * `data-unresolved`. Not called for remote URLs (`https:`, `data:`, `//host`).
	 */
	readonly resolveImage?: (src: string) => string | undefined;
	/** Show the front matter as a header (default); `false` hides it. */
	readonly frontMatterHeader?: boolean;
	/** Mark each block with the source line it starts on (`data-line`), for a preview's scroll sync. */
	readonly sourceLines?: boolean;
	/** The site's `[markup.highlight]` (Hugo's defaults when absent). */
	readonly highlight?: HighlightSettings;
}

export interface HugoMarkdownOptions {
	/** The context of each render, from the `env` passed to `md.render(text, env)` and the text itself. */
	readonly context?: (env: unknown, text: string) => HugoRenderContext | undefined;
	readonly readFrontMatter?: FrontMatterReader;
}

const CONTEXT = Symbol('hugoRenderContext');
const FRONT_MATTER = Symbol('hugoFrontMatter');
const DEFAULT_CONTEXT: HugoRenderContext = { unsafeHtml: false };

interface HugoEnv {
	[CONTEXT]?: HugoRenderContext;
	[FRONT_MATTER]?: FrontMatterInfo;
	/** Set while rendering the inner Markdown of a `{{% %}}` shortcode: no front matter there. */
	hugoNested?: boolean;
}

function contextOf(env: unknown): HugoRenderContext {
	return (env as HugoEnv | undefined)?.[CONTEXT] ?? DEFAULT_CONTEXT;
}

/** The front matter the last `render` with this `env` found, if any. */
export function renderedFrontMatter(env: object): FrontMatterInfo | undefined {
	return (env as HugoEnv)[FRONT_MATTER];
}

/** The front matter token's meta: what it holds, and its cover as resolved while parsing. */
interface FrontMatterMeta extends Record<string, unknown> {
	info: FrontMatterInfo;
	cover?: { written: string; src: string; unresolved: boolean };
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** The URL to write for an image path, and whether the site publishes nothing there. */
function imageSource(context: HugoRenderContext, src: string): { src: string; unresolved: boolean } {
	if (!context.resolveImage || src.trim() === '' || REMOTE.test(src.trim())) {
		return { src, unresolved: false };
	}
	const resolved = context.resolveImage(src);
	return resolved === undefined ? { src, unresolved: true } : { src: resolved, unresolved: false };
}

/**
 * The Hugo parts of the preview, for any markdown-it instance (VS Code's built-in preview included): the
 * front matter as a post header, image paths resolved as Hugo publishes them, built-in shortcodes, and
 * raw HTML dropped unless the site allows it. Every block token keeps an accurate `map` (scroll sync).
 */
export function hugoPreviewPlugin(md: MarkdownIt, options: HugoMarkdownOptions = {}): void {
	const reader = cachedFrontMatterReader(options.readFrontMatter ?? readFrontMatter);
	md.core.ruler.before('normalize', 'hugo_context', state => {
		const env = state.env as HugoEnv;
		if (!env.hugoNested) {
			env[CONTEXT] = options.context?.(state.env, state.src) ?? DEFAULT_CONTEXT;
			delete env[FRONT_MATTER];
		}
	});
	md.block.ruler.before('table', 'hugo_front_matter', frontMatterBlockRule(reader, env => !(env as HugoEnv).hugoNested),
		{ alt: [] });
	md.block.ruler.before('table', 'hugo_shortcode', shortcodeBlockRule, { alt: [] });
	md.inline.ruler.before('text', 'hugo_shortcode', shortcodeInlineRule);
	md.core.ruler.push('hugo_images', state => {
		const context = contextOf(state.env);
		for (const token of state.tokens) {
			if (token.type === 'hugo_front_matter') {
				const meta = token.meta as FrontMatterMeta;
				(state.env as HugoEnv)[FRONT_MATTER] = meta.info;
				// Resolved while parsing, as every image is: a host may render with another env (VS Code's
				// built-in preview renders cached tokens with an env of its own).
				const cover = postHeader(meta.info).cover;
				meta.cover = cover === undefined ? undefined : { written: cover, ...imageSource(context, cover) };
			}
			// An image is written `![…]`: the children of other inline sources hold none.
			if (token.children && (token.type !== 'inline' || token.content.includes('!['))) {
				rewriteImages(token.children, context);
			}
		}
	});

	const rules = md.renderer.rules;
	rules.hugo_front_matter = (tokens, idx, options, env, self) => {
		const token = tokens[idx];
		const { info, cover } = token.meta as FrontMatterMeta;
		if (contextOf(env).frontMatterHeader === false) {
			return '';
		}
		const header = postHeader(info);
		let coverHtml: string | undefined;
		if (cover !== undefined) {
			// The cover is an image token rendered by the image rule, so a host's own image handling applies to
			// it too: VS Code's built-in preview maps an image's file URI to one its webview may load.
			const image = new (token.constructor as new (type: string, tag: string, nesting: 0) => Token)('image', 'img', 0);
			image.attrs = [['class', 'hugo-cover'], ['src', cover.src], ['alt', '']];
			if (cover.unresolved) {
				image.attrs.push(['data-unresolved', cover.written]);
			}
			image.children = [];
			coverHtml = (self.rules.image ?? ((t, i, o) => self.renderToken(t, i, o)))([image], 0, options, env, self);
		}
		return renderPostHeader(header, self.renderAttrs(token), coverHtml, info.error);
	};
	const htmlRule = (block: boolean): RendererRule => (tokens, idx, _options, env) => {
		const context = contextOf(env);
		if (!context.unsafeHtml) {
			// Goldmark omits a block's closing line (`</script>`, `-->`) separately.
			return !block ? RAW_HTML_OMITTED : htmlBlockHasClosure(tokens[idx].content) ? `${RAW_HTML_OMITTED}\n${RAW_HTML_OMITTED}\n` : `${RAW_HTML_OMITTED}\n`;
		}
		return rewriteHtmlImages(tokens[idx].content, context);
	};
	rules.html_block = htmlRule(true);
	rules.html_inline = htmlRule(false);
	rules.hugo_shortcode = (tokens, idx, _options, env, self) => {
		const token = tokens[idx];
		const { call, inner } = token.meta as { call: ShortcodeCall; inner?: string };
		return renderShortcode(md, call, inner, env, true, self.renderAttrs(token)) + '\n';
	};
	rules.hugo_shortcode_inline = (tokens, idx, _options, env) =>
		renderShortcode(md, (tokens[idx].meta as { call: ShortcodeCall }).call, undefined, env, false, '');
}

/** A markdown-it set up to render as Hugo 0.111.3's Goldmark does with its default configuration. */
export function createHugoMarkdownIt(options: HugoMarkdownOptions = {}): MarkdownIt {
	const md = markdownIt({ html: true, linkify: true, typographer: true });
	quickTokensPlugin(md);
	md.use(footnotePlugin).use(deflistPlugin);
	headingIdsPlugin(md);
	typographerPlugin(md);
	goldmarkParsingPlugin(md);
	goldmarkLinkifyPlugin(md);
	goldmarkOutputPlugin(md);
	codeBlocksPlugin(md, env => contextOf(env).highlight);
	hugoPreviewPlugin(md, options);
	// The inner Markdown of a `{{% %}}` shortcode is rendered on its own, with lines counted from its start.
	sourceLinesPlugin(md, env => contextOf(env).sourceLines === true && !(env as HugoEnv).hugoNested);
	return md;
}

function rewriteImages(tokens: Token[], context: HugoRenderContext): void {
	for (const token of tokens) {
		if (token.type === 'image') {
			const written = String(token.attrGet('src') ?? '');
			const { src, unresolved } = imageSource(context, written);
			token.attrSet('src', src);
			if (unresolved) {
				token.attrSet('data-unresolved', written);
			}
		}
		if (token.children) {
			rewriteImages(token.children, context);
		}
	}
}

const IMG_TAG = /<img\b[^>]*>/gi;
const SRC_ATTRIBUTE = /(\ssrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/** Rewrites `src` in raw `<img>` tags (passed through only when the site sets `unsafe = true`). */
function rewriteHtmlImages(html: string, context: HugoRenderContext): string {
	if (!context.resolveImage || !/<img\b/i.test(html)) {
		return html;
	}
	return html.replace(IMG_TAG, tag => tag.replace(SRC_ATTRIBUTE, (_all, prefix: string, dq?: string, sq?: string, bare?: string) => {
		const written = decodeAttribute(dq ?? sq ?? bare ?? '');
		const { src, unresolved } = imageSource(context, written);
		return `${prefix}"${escapeHtml(src)}"${unresolved ? ` data-unresolved="${escapeHtml(written)}"` : ''}`;
	}));
}

function decodeAttribute(value: string): string {
	return value.replace(/&(amp|quot|#39|lt|gt);/g, (_all, name: string) => ({ amp: '&', quot: '"', '#39': '\'', lt: '<', gt: '>' })[name] ?? '');
}

// ---- Shortcodes ---------------------------------------------------------------------------------------

const CLOSING_TAGS = Symbol('hugoShortcodeClosingTags');

/** The names of every closing tag in the document, found once per render. */
function closingTagNames(state: StateBlock): Set<string> {
	const env = state.env as { [CLOSING_TAGS]?: { src: string; names: Set<string> } };
	const cached = env[CLOSING_TAGS];
	if (cached && cached.src === state.src) {
		return cached.names;
	}
	const names = new Set<string>();
	for (const match of state.src.matchAll(/\{\{[<%]\s*\/\s*([A-Za-z0-9_./-]+)\s*[>%]\}\}/g)) {
		names.add(match[1]);
	}
	env[CLOSING_TAGS] = { src: state.src, names };
	return names;
}

function lineOfOffset(state: StateBlock, offset: number, from: number, endLine: number): number {
	let line = from;
	while (line + 1 < endLine && state.bMarks[line + 1] <= offset) {
		line++;
	}
	return line;
}

function restOfLineIsBlank(src: string, offset: number): boolean {
	for (let i = offset; i < src.length; i++) {
		const ch = src[i];
		if (ch === '\n') {
			return true;
		}
		if (ch !== ' ' && ch !== '\t') {
			return false;
		}
	}
	return true;
}

/** A shortcode call that fills its lines is a block of its own (Hugo drops the `<p>` around it). */
function shortcodeBlockRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
	if (state.sCount[startLine] - state.blkIndent >= 4) {
		return false;
	}
	const start = state.bMarks[startLine] + state.tShift[startLine];
	if (state.src.charCodeAt(start) !== 0x7B || state.src.charCodeAt(start + 1) !== 0x7B) {
		return false;
	}
	const parsed = parseShortcodeAt(state.src, start);
	if (!parsed || !restOfLineIsBlank(state.src, parsed.end)) {
		return false;
	}
	let lastLine = lineOfOffset(state, parsed.end - 1, startLine, endLine);
	let inner: string | undefined;
	const { call } = parsed;
	if (!call.closing && !call.selfClosing && !call.commented && closingTagNames(state).has(call.name)) {
		// A paired call: take everything up to its closing tag at the start of a later line.
		for (let line = lastLine + 1; line < endLine; line++) {
			const lineStart = state.bMarks[line] + state.tShift[line];
			const closing = state.src.charCodeAt(lineStart) === 0x7B ? parseShortcodeAt(state.src, lineStart) : undefined;
			if (closing?.call.closing && closing.call.name === call.name && restOfLineIsBlank(state.src, closing.end)) {
				inner = state.src.slice(state.bMarks[lastLine + 1], state.bMarks[line]);
				lastLine = lineOfOffset(state, closing.end - 1, line, endLine);
				break;
			}
		}
	}
	if (silent) {
		return true;
	}
	const token = state.push('hugo_shortcode', 'div', 0);
	token.block = true;
	token.map = [startLine, lastLine + 1];
	token.meta = { call, inner };
	state.line = lastLine + 1;
	return true;
}

function shortcodeInlineRule(state: StateInline, silent: boolean): boolean {
	if (state.src.charCodeAt(state.pos) !== 0x7B || state.src.charCodeAt(state.pos + 1) !== 0x7B) {
		return false;
	}
	const parsed = parseShortcodeAt(state.src.slice(0, state.posMax), state.pos);
	if (!parsed) {
		return false;
	}
	if (!silent) {
		state.push('hugo_shortcode_inline', '', 0).meta = { call: parsed.call };
	}
	state.pos = parsed.end;
	return true;
}

function renderShortcode(md: MarkdownIt, call: ShortcodeCall, inner: string | undefined, env: unknown, block: boolean, attrs: string): string {
	const context = contextOf(env);
	if (call.commented) {
		return block ? `<p${attrs}>${escapeHtml(call.source)}</p>` : escapeHtml(call.source);
	}
	if (!call.closing) {
		switch (call.name) {
			case 'figure':
				return renderFigure(md, call, env, context, attrs);
			case 'youtube':
				return renderYouTube(call, attrs);
			case 'highlight':
				if (inner !== undefined) {
					// Hugo's template: `highlight (trim .Inner "\n\r") (.Get 0) (.Get 1)`.
					const code = inner.replace(/^[\n\r]+|[\n\r]+$/g, '');
					return renderCode(code, call.positional[0] ?? '', parseAttributeList(call.positional[1] ?? ''), context.highlight ?? DEFAULT_HIGHLIGHT, attrs);
				}
				break;
		}
	}
	// Anything else (gist, tweet, a site's own shortcodes…) cannot be rendered offline: show the call.
	const tag = block ? 'div' : 'span';
	let html = `<${tag} class="hugo-shortcode"${attrs} title="Hugo shortcode, rendered by Hugo when the site is built"><code>${escapeHtml(call.source)}</code></${tag}>`;
	if (inner !== undefined) {
		const body = call.markdown
			? md.render(inner, { ...(env as object), hugoNested: true })
			: `<pre>${escapeHtml(inner)}</pre>\n`;
		html = `<div class="hugo-shortcode-pair"${attrs}>${html}\n${body}<div class="hugo-shortcode"><code>${escapeHtml(`{{${call.markdown ? '%' : '<'} /${call.name} ${call.markdown ? '%' : '>'}}}`)}</code></div></div>`;
	}
	return html;
}

/** Hugo 0.111.3's `figure` template, attribute for attribute. */
function renderFigure(md: MarkdownIt, call: ShortcodeCall, env: unknown, context: HugoRenderContext, attrs: string): string {
	const get = (name: string) => shortcodeArg(call, name);
	const caption = get('caption'), title = get('title'), attr = get('attr'), link = get('link'), attrlink = get('attrlink');
	const inlineEnv = { ...(env as object), hugoNested: true };
	const markdownify = (text: string) => md.renderInline(text, inlineEnv);
	const written = get('src') ?? '';
	const image = imageSource(context, written);
	const alt = get('alt') ?? (caption !== undefined ? plainText(md, caption, inlineEnv) : undefined);
	let html = `<figure${attrs}${htmlAttributes([['class', get('class')]])}>`;
	if (link !== undefined) {
		html += `<a${htmlAttributes([['href', link], ['target', get('target')], ['rel', get('rel')]])}>`;
	}
	html += `<img${htmlAttributes([['src', image.src], ['alt', alt], ['width', get('width')], ['height', get('height')],
		['data-unresolved', image.unresolved ? written : undefined]])}>`;
	if (link !== undefined) {
		html += '</a>';
	}
	if (title !== undefined || caption !== undefined || attr !== undefined) {
		html += '<figcaption>';
		if (title !== undefined) {
			html += `<h4>${escapeHtml(title)}</h4>`;
		}
		if (caption !== undefined || attr !== undefined) {
			html += `<p>${caption !== undefined ? markdownify(caption) : ''}`;
			if (attr !== undefined) {
				const attribution = markdownify(attr);
				html += attrlink !== undefined ? `\n<a${htmlAttributes([['href', attrlink]])}>${attribution}</a>` : attribution;
			}
			html += '</p>';
		}
		html += '</figcaption>';
	}
	return `${html}</figure>`;
}

/** The text of inline Markdown, as Hugo's `markdownify | plainify` gives it. */
function plainText(md: MarkdownIt, markdown: string, env: Record<string, unknown>): string {
	const collect = (tokens: Token[]): string => tokens.map(t =>
		t.children ? collect(t.children) : (t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline' || t.type === AUTOLINK) ? t.content : '').join('');
	return collect(md.parseInline(markdown, env));
}

/** YouTube as a link, never an iframe: the preview loads nothing from the network. */
function renderYouTube(call: ShortcodeCall, attrs: string): string {
	const id = shortcodeArg(call, 'id', 0) ?? '';
	const title = shortcodeArg(call, 'title') ?? 'YouTube Video';
	const href = `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`;
	return `<div class="hugo-youtube"${attrs}${htmlAttributes([['data-video-id', id]])}><a${htmlAttributes([['href', href], ['title', title]])}>` +
		`<span class="hugo-youtube-play" aria-hidden="true">\u25B6</span> ${escapeHtml(title)} <span class="hugo-youtube-id">(YouTube ${escapeHtml(id)})</span></a></div>`;
}
