import type { MarkdownIt } from 'markdown-it';
import { escapeHtml } from './html';
import { highlightCode, isHighlightedLanguage } from './highlight/hugoHighlight';
import { DEFAULT_HIGHLIGHT, parseAttributeList, withAttributes, type HighlightSettings } from './highlight/settings';

/**
 * Code fences and the `highlight` shortcode as Hugo 0.111.3 publishes them: highlighted by Chroma when it
 * knows the language (`<div class="highlight">`, coloured by the site's `[markup.highlight]` and the fence's
 * `{linenos=table,hl_lines=[2]}`), plain `<pre><code>` otherwise, and nothing after `</pre>`.
 */
export function codeBlocksPlugin(md: MarkdownIt, settingsOf: (env: unknown) => HighlightSettings | undefined): void {
	md.renderer.rules.fence = (tokens, idx, _options, env, self) => {
		const token = tokens[idx];
		// Goldmark decodes entities in the info string (`f&ouml;&ouml;` → `föö`) but keeps backslashes.
		const info = token.info.replace(/&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g, entity => md.utils.unescapeAll(entity)).trim();
		const { language, attributes } = splitInfo(info);
		return renderCode(token.content, language, attributes, settingsOf(env) ?? DEFAULT_HIGHLIGHT, self.renderAttrs(token));
	};
}

/** The language of an info string (`go {linenos=table}`) and the attributes after it. */
function splitInfo(info: string): { language: string; attributes: Record<string, string> } {
	const brace = info.indexOf('{');
	const head = brace >= 0 ? info.slice(0, brace) : info;
	const language = head.trim().split(/\s+/)[0] ?? '';
	return { language, attributes: brace >= 0 ? parseAttributeList(info.slice(brace)) : {} };
}

/**
 * A block of code as Hugo writes it; `wrapperAttributes` go on its outer element (a preview's source
 * lines, nothing in Hugo's own output).
 */
export function renderCode(code: string, language: string, attributes: Record<string, string>, site: HighlightSettings, wrapperAttributes = ''): string {
	// With `guessSyntax`, Hugo 0.111.3 highlights a fence without a language, or with one Chroma does not
	// know, with Chroma's fallback lexer (plain text in the highlighter's markup, `language-fallback`).
	const known = language !== '' && isHighlightedLanguage(language);
	const lexer = !site.codeFences ? undefined : known ? language : site.guessSyntax ? 'fallback' : undefined;
	if (lexer !== undefined) {
		const html = highlightCode(code, lexer, withAttributes(site, attributes));
		return wrapperAttributes === '' ? html : html.replace('<div class="highlight"', `<div class="highlight"${wrapperAttributes}`);
	}
	const lang = escapeHtml(language);
	const languageAttributes = language === '' ? '' : ` class="language-${lang}" data-lang="${lang}"`;
	return `<pre tabindex="0"${wrapperAttributes}><code${languageAttributes}>${escapeHtml(code)}</code></pre>`;
}
