import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { autolinkRendering } from './autolinks';

/** What raw HTML in the Markdown becomes when the site does not set `markup.goldmark.renderer.unsafe`. */
export const RAW_HTML_OMITTED = '<!-- raw HTML omitted -->';

/**
 * Makes markdown-it's output match Goldmark's markup where the two differ: footnotes (`fnref:1`,
 * `doc-endnotes`), task-list checkboxes (`<input disabled="" type="checkbox">`, no classes), empty block
 * quotes, tables (`style="text-align:…"`) and `www.` links.
 */
export function goldmarkOutputPlugin(md: MarkdownIt): void {
	footnoteMarkup(md);
	md.core.ruler.after('inline', 'hugo_task_lists', taskLists);
	md.renderer.rules.hugo_task_checkbox = (tokens, idx) =>
		tokens[idx].meta?.checked ? '<input checked="" disabled="" type="checkbox">' : '<input disabled="" type="checkbox">';
	md.renderer.rules.s_open = () => '<del>';
	md.renderer.rules.s_close = () => '</del>';
	// Goldmark opens a block quote on a line of its own even when nothing is inside.
	// (After the hidden paragraph of a tight list item, a newline first, as markdown-it's renderToken writes.)
	md.renderer.rules.blockquote_open = (tokens, idx, _options, _env, self) =>
		`${idx > 0 && tokens[idx - 1].hidden ? '\n' : ''}<blockquote${self.renderAttrs(tokens[idx])}>\n`;
	autolinkRendering(md);
	plainUrlsAsWritten(md);
}

// Regular expressions of the hot paths, made once rather than at every link.
const PUNYCODE = /xn--/i;

// A URL that markdown-it's link normalization gives back unchanged: an ASCII host (no punycode to convert),
// only characters that need no percent-encoding and no `%` escape to decode. The text of a `www.` link is
// normalized without its scheme.
const PLAIN_URL = /^(?:https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~!$&'()*+,;=:@/?#]*)?|mailto:[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+|www\.[A-Za-z0-9.-]+(?:[/?#][A-Za-z0-9\-._~!$&'()*+,;=@/?#]*)?)$/;

// A link's URL is normalized and then its text, mostly the same string: the last answer is kept.
let lastUrl = '', lastUrlIsPlain = false;

function isPlainUrl(url: string): boolean {
	if (url !== lastUrl) {
		lastUrlIsPlain = PLAIN_URL.test(url) && !PUNYCODE.test(url);
		lastUrl = url;
	}
	return lastUrlIsPlain;
}

/**
 * markdown-it normalizes every link's URL and text by parsing, re-encoding and formatting it, which costs
 * more than parsing the paragraph around it; most URLs in a write-up come back exactly as written.
 */
function plainUrlsAsWritten(md: MarkdownIt): void {
	const normalizeLink = md.normalizeLink.bind(md);
	const normalizeLinkText = md.normalizeLinkText.bind(md);
	md.normalizeLink = (url: string) => isPlainUrl(url) ? url : normalizeLink(url);
	md.normalizeLinkText = (url: string) => isPlainUrl(url) ? url : normalizeLinkText(url);
	// A URL written with one of these schemes is never one of the schemes markdown-it refuses (`javascript:`,
	// `vbscript:`, `file:`, `data:`), which it finds by trimming and lower-casing every URL.
	const validateLink = md.validateLink.bind(md);
	md.validateLink = (url: string) => url.startsWith('https://') || url.startsWith('http://') || url.startsWith('mailto:') || validateLink(url);
}

interface FootnoteEnv {
	footnotes?: {
		list?: Array<{ label?: string; count: number; tokens?: Token[]; content?: string }>;
	};
}

/**
 * markdown-it-footnote's `footnote_tail`, made linear: the plugin appends each footnote with
 * `tokens.concat`, which copies the whole token stream once per footnote (minutes for a 1 MB post with
 * a few thousand notes). Same output, tokens pushed in place.
 */
function footnoteTail(state: StateCore): void {
	const env = state.env as FootnoteEnv;
	if (!env.footnotes) {
		return;
	}
	const kept: Token[] = [];
	const referenceTokens = new Map<string, Token[]>();
	let current: Token[] | undefined;
	for (const token of state.tokens) {
		if (token.type === 'footnote_reference_open') {
			current = [];
			referenceTokens.set((token.meta as { label: string }).label, current);
		} else if (token.type === 'footnote_reference_close') {
			current = undefined;
		} else if (current) {
			current.push(token);
		} else {
			kept.push(token);
		}
	}
	state.tokens = kept;
	const list = env.footnotes.list;
	if (!list) {
		return;
	}
	const tokens = state.tokens;
	tokens.push(new state.Token('footnote_block_open', '', 1));
	list.forEach((note, id) => {
		const open = new state.Token('footnote_open', '', 1);
		open.meta = { id, label: note.label };
		tokens.push(open);
		if (note.tokens) {
			const paragraphOpen = new state.Token('paragraph_open', 'p', 1);
			paragraphOpen.block = true;
			const inline = new state.Token('inline', '', 0);
			inline.children = note.tokens;
			inline.content = note.content ?? '';
			const paragraphClose = new state.Token('paragraph_close', 'p', -1);
			paragraphClose.block = true;
			tokens.push(paragraphOpen, inline, paragraphClose);
		} else if (note.label !== undefined) {
			for (const token of referenceTokens.get(note.label) ?? []) {
				tokens.push(token);
			}
		}
		// The back links go inside the note's last paragraph.
		const lastParagraph = tokens[tokens.length - 1].type === 'paragraph_close' ? tokens.pop() : undefined;
		for (let subId = 0; subId < Math.max(1, note.count); subId++) {
			const anchor = new state.Token('footnote_anchor', '', 0);
			anchor.meta = { id, subId, label: note.label };
			tokens.push(anchor);
		}
		if (lastParagraph) {
			tokens.push(lastParagraph);
		}
		tokens.push(new state.Token('footnote_close', '', -1));
	});
	tokens.push(new state.Token('footnote_block_close', '', -1));
}

function footnoteMarkup(md: MarkdownIt): void {
	md.core.ruler.at('footnote_tail', footnoteTail);
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
