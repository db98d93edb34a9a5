import chromaData from './chromaData.json';
import { chromaCss, cssClassOf, ruleFor, TokenTypes } from './chromaStyle';
import { codeTokens, type CodeToken } from './codeTokens';
import type { HighlightSettings } from './settings';

const LANGUAGES = new Set(chromaData.languages);

/** Whether Hugo's highlighter (Chroma) has a lexer for a code fence's language. */
export function isHighlightedLanguage(language: string): boolean {
	return LANGUAGES.has(language.toLowerCase());
}

function escapeCode(text: string): string {
	return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\'': '&#39;' })[ch]!);
}

/** Chroma's `SplitTokensIntoLines`: each line's tokens, its newline kept at the end of its last token. */
function splitIntoLines(tokens: CodeToken[]): CodeToken[][] {
	const lines: CodeToken[][] = [];
	let line: CodeToken[] = [];
	for (const token of tokens) {
		let text = token.text;
		for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n')) {
			line.push({ type: token.type, text: text.slice(0, newline + 1) });
			lines.push(line);
			line = [];
			text = text.slice(newline + 1);
		}
		if (text !== '') {
			line.push({ type: token.type, text });
		}
	}
	if (line.length > 0) {
		lines.push(line);
	}
	return lines;
}

/**
 * A code block as Hugo 0.111.3 publishes it with Chroma: `<div class="highlight">`, a `<pre>` whose
 * `<code>` names the language, a `<span>` per line (with its number, inline or in a table, and the
 * highlighted lines), and a `<span>` with the style's colours (or Chroma's classes) per token.
 */
export function highlightCode(code: string, language: string, settings: HighlightSettings): string {
	const tokens = codeTokens(code, language.toLowerCase());
	const lines = splitIntoLines(tokens);
	const ranges = settings.hlLines.map(([from, to]) => [from + settings.lineNoStart - 1, to + settings.lineNoStart - 1] as const)
		.sort((a, b) => a[0] - b[0]);
	const css = chromaCss(settings.style, settings.tabWidth, ranges.length > 0);
	const attr = (type: number, extra?: string): string => {
		if (!settings.noClasses) {
			const cssClass = cssClassOf(type);
			return cssClass === '' ? '' : ` class="${cssClass}"`;
		}
		const rule = ruleFor(css.inline, type);
		return rule === undefined ? '' : ` style="${extra !== undefined ? `${rule};${extra}` : rule}"`;
	};
	const highlighted = (line: number) => ranges.some(([from, to]) => line >= from && line <= to);
	const digits = String(settings.lineNoStart + lines.length - 1).length;
	const number = (line: number) => String(line).padStart(digits, ' ');
	const languageAttributes = language === '' ? '' : ` class="language-${escapeCode(language)}" data-lang="${escapeCode(language)}"`;
	const inTable = settings.lineNos && settings.lineNumbersInTable;
	let html = '<div class="highlight">';
	if (inTable) {
		html += `<div${attr(TokenTypes.PreWrapper)}>\n<table${attr(TokenTypes.LineTable)}><tr><td${attr(TokenTypes.LineTableTD)}>\n`;
		html += `<pre tabindex="0"${attr(TokenTypes.PreWrapper)}><code>`;
		lines.forEach((_tokens, index) => {
			const line = settings.lineNoStart + index;
			const numberSpan = `<span${attr(TokenTypes.LineNumbersTable)}>${number(line)}\n</span>`;
			html += highlighted(line) ? `<span${attr(TokenTypes.LineHighlight)}>${numberSpan}</span>` : numberSpan;
		});
		html += `</code></pre></td>\n<td${attr(TokenTypes.LineTableTD, 'width:100%')}>\n`;
	}
	html += `<pre tabindex="0"${attr(TokenTypes.PreWrapper)}><code${languageAttributes}>`;
	lines.forEach((lineTokens, index) => {
		const line = settings.lineNoStart + index;
		if (highlighted(line)) {
			html += settings.noClasses
				? `<span style="${css.inline.get(TokenTypes.Line)} ${css.inline.get(TokenTypes.LineHighlight) ?? ''}">`
				: `<span class="${cssClassOf(TokenTypes.Line)} ${cssClassOf(TokenTypes.LineHighlight)}">`;
		} else {
			html += `<span${attr(TokenTypes.Line)}>`;
		}
		if (settings.lineNos && !inTable) {
			html += `<span${attr(TokenTypes.LineNumbers)}>${number(line)}</span>`;
		}
		html += `<span${attr(TokenTypes.CodeLine)}>`;
		for (const token of lineTokens) {
			const tokenAttr = attr(token.type);
			html += tokenAttr === '' ? escapeCode(token.text) : `<span${tokenAttr}>${escapeCode(token.text)}</span>`;
		}
		html += '</span></span>';
	});
	html += '</code></pre>';
	if (inTable) {
		html += '</td></tr></table>\n</div>\n';
	}
	return `${html}</div>`;
}
