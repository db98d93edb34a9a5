import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { escapeHtml } from './html';

/** What raw HTML in the Markdown becomes when the site does not set `markup.goldmark.renderer.unsafe`. */
export const RAW_HTML_OMITTED = '<!-- raw HTML omitted -->';

/**
 * Makes markdown-it's output match Goldmark's markup where the two differ: footnotes (`fnref:1`,
 * `doc-endnotes`), task-list checkboxes (`<input disabled="" type="checkbox">`, no classes), code fences
 * (Hugo's highlighter wrapper, without colours), tables (`style="text-align:…"`) and `www.` links.
 */
export function goldmarkOutputPlugin(md: MarkdownIt): void {
	footnoteMarkup(md);
	md.core.ruler.after('inline', 'hugo_task_lists', taskLists);
	md.renderer.rules.hugo_task_checkbox = (tokens, idx) =>
		tokens[idx].meta?.checked ? '<input checked="" disabled="" type="checkbox">' : '<input disabled="" type="checkbox">';
	md.renderer.rules.s_open = () => '<del>';
	md.renderer.rules.s_close = () => '</del>';
	md.renderer.rules.fence = (tokens, idx) => {
		const token = tokens[idx];
		const language = token.info.trim().split(/\s+/)[0] ?? '';
		const code = escapeHtml(token.content);
		if (language === '') {
			return `<pre tabindex="0"><code>${code}</code></pre>\n`;
		}
		const lang = escapeHtml(language);
		return `<div class="highlight"><pre tabindex="0"><code class="language-${lang}" data-lang="${lang}">${code}</code></pre></div>\n`;
	};
	wwwLinks(md);
}

function footnoteMarkup(md: MarkdownIt): void {
	const rules = md.renderer.rules;
	const number = (token: Token) => String((token.meta as { id: number }).id + 1);
	rules.footnote_ref = (tokens, idx) => {
		const n = number(tokens[idx]);
		return `<sup id="fnref:${n}"><a href="#fn:${n}" class="footnote-ref" role="doc-noteref">${n}</a></sup>`;
	};
	rules.footnote_block_open = () => '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n';
	rules.footnote_block_close = () => '</ol>\n</div>\n';
	rules.footnote_open = (tokens, idx) => `<li id="fn:${number(tokens[idx])}">\n`;
	rules.footnote_close = () => '</li>\n';
	rules.footnote_anchor = (tokens, idx) =>
		`&#160;<a href="#fnref:${number(tokens[idx])}" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a>`;
}

const TASK_MARKER = /^\[([ xX])\][ \t]/;

/** GFM task lists: a list item's paragraph starting with `[ ] ` or `[x] ` gets a disabled checkbox. */
function taskLists(state: StateCore): void {
	const tokens = state.tokens;
	for (let i = 2; i < tokens.length; i++) {
		const inline = tokens[i];
		if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || tokens[i - 2].type !== 'list_item_open') {
			continue;
		}
		const first = inline.children?.[0];
		const marker = first?.type === 'text' ? TASK_MARKER.exec(first.content) : null;
		if (!first || !marker) {
			continue;
		}
		first.content = first.content.slice(marker[0].length);
		const checkbox = new state.Token('hugo_task_checkbox', 'input', 0);
		checkbox.meta = { checked: marker[1] !== ' ' };
		const space = new state.Token('text', '', 0);
		space.content = ' ';
		inline.children!.unshift(checkbox, space);
	}
}

/**
 * Goldmark links `www.example.com` (as `https://www.example.com`) but not a bare `example.com`; linkify-it
 * either links both (fuzzy links on) or neither.
 */
function wwwLinks(md: MarkdownIt): void {
	const linkify = md.linkify;
	linkify.set({ fuzzyLink: true });
	const match = linkify.match.bind(linkify);
	linkify.match = (text: string) => {
		const found = match(text)?.filter(m => m.schema !== '' || /^www\./i.test(m.raw));
		for (const m of found ?? []) {
			if (m.schema === '' && !/^mailto:/i.test(m.url)) {
				m.url = `https://${m.raw}`;
			}
		}
		return found && found.length > 0 ? found : null;
	};
}
