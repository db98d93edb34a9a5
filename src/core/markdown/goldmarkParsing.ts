import type { MarkdownIt, StateCore, StateInline, Token } from 'markdown-it';

/**
 * Where Goldmark 1.5 (Hugo 0.111.3) parses Markdown differently from markdown-it, each found on the
 * CommonMark and GFM spec examples built by hugo (test/fixtures/commonmark): the spaces Goldmark keeps
 * before a hard line break and before an ATX heading's closing `#`s, the older comment rule of inline HTML,
 * strikethrough runs of any length, and fenced code in list items without trailing blank lines.
 */
export function goldmarkParsingPlugin(md: MarkdownIt): void {
	md.inline.ruler.at('newline', newlineKeepingSpaces);
	md.inline.ruler.before('html_inline', 'hugo_html_comment', notAComment);
	md.inline.ruler.at('strikethrough', strikethroughRun);
	md.inline.ruler2.at('strikethrough', strikethroughPairs);
	md.core.ruler.after('block', 'hugo_atx_closing_spaces', atxClosingSpaces);
	md.core.ruler.after('block', 'hugo_list_fences', listItemFences);
	md.core.ruler.after('block', 'hugo_footnote_code', footnoteFirstLineCode);
}

const isSpaceOrTab = (code: number) => code === 0x20 || code === 0x09;

/**
 * markdown-it's newline rule, except that a hard break keeps all but three of the spaces and tabs before
 * it (`a     ` + newline → `a  <br>`), as Goldmark does.
 */
function newlineKeepingSpaces(state: StateInline, silent: boolean): boolean {
	let pos = state.pos;
	if (state.src.charCodeAt(pos) !== 0x0A) {
		return false;
	}
	if (!silent) {
		const pending = state.pending;
		const last = pending.length - 1;
		if (last >= 1 && pending.charCodeAt(last) === 0x20 && pending.charCodeAt(last - 1) === 0x20) {
			let start = last - 1;
			while (start >= 1 && isSpaceOrTab(pending.charCodeAt(start - 1))) {
				start--;
			}
			state.pending = pending.slice(0, start + Math.max(0, pending.length - start - 3));
			state.push('hardbreak', 'br', 0);
		} else {
			if (last >= 0 && pending.charCodeAt(last) === 0x20) {
				state.pending = pending.slice(0, -1);
			}
			state.push('softbreak', 'br', 0);
		}
	}
	pos++;
	while (pos < state.posMax && isSpaceOrTab(state.src.charCodeAt(pos))) {
		pos++;
	}
	state.pos = pos;
	return true;
}

// CommonMark 0.30's HTML comment, which Goldmark follows: no `--` inside, not starting with `>` or `->`.
const COMMENT_030 = /<!---->|<!--(?:-?[^>-])(?:-?[^-])*-->/y;

/** A `<!--` that is no comment by CommonMark 0.30 is text (`<!-- a -- b -->` shows, with en dashes). */
function notAComment(state: StateInline, silent: boolean): boolean {
	const pos = state.pos;
	const src = state.src;
	if (src.charCodeAt(pos) !== 0x3C || src.charCodeAt(pos + 1) !== 0x21 || src.charCodeAt(pos + 2) !== 0x2D || src.charCodeAt(pos + 3) !== 0x2D) {
		return false;
	}
	COMMENT_030.lastIndex = pos;
	if (COMMENT_030.test(src) && COMMENT_030.lastIndex <= state.posMax) {
		return false;
	}
	if (!silent) {
		state.pending += '<';
	}
	state.pos++;
	return true;
}

interface Delimiter {
	marker: number;
	length: number;
	token: number;
	end: number;
	open: boolean;
	close: boolean;
}

/**
 * Goldmark's strikethrough: a run of two or more `~` is one delimiter, and a pair of runs strikes through
 * as many times as it takes two `~` from both, then one (`~~~a~~~` → `<del><del>a</del></del>`). Each `~`
 * is a delimiter of its own, as markdown-it's emphasis does with `*`.
 */
function strikethroughRun(state: StateInline, silent: boolean): boolean {
	if (silent || state.src.charCodeAt(state.pos) !== 0x7E) {
		return false;
	}
	const scanned = state.scanDelims(state.pos, true);
	if (scanned.length < 2) {
		return false;
	}
	for (let i = 0; i < scanned.length; i++) {
		state.push('text', '', 0).content = '~';
		(state.delimiters as Delimiter[]).push({
			marker: 0x7E, length: scanned.length, token: state.tokens.length - 1, end: -1,
			open: scanned.can_open, close: scanned.can_close,
		});
	}
	state.pos += scanned.length;
	return true;
}

function strikethroughPairs(state: StateInline): boolean {
	pairStrikethroughs(state, state.delimiters as Delimiter[]);
	for (const meta of state.tokens_meta) {
		const delimiters = (meta as { delimiters?: Delimiter[] } | null)?.delimiters;
		if (delimiters) {
			pairStrikethroughs(state, delimiters);
		}
	}
	return true;
}

/** From the innermost pair of `~` out: two pairs make one `<del>`, a last odd pair one more. */
function pairStrikethroughs(state: StateInline, delimiters: Delimiter[]): void {
	for (let i = delimiters.length - 1; i >= 0; i--) {
		const start = delimiters[i];
		if (start.marker !== 0x7E || start.end === -1) {
			continue;
		}
		const end = delimiters[start.end];
		const outer = delimiters[i - 1];
		const double = i > 0 && outer.end === start.end + 1 && outer.marker === 0x7E && outer.token === start.token - 1 &&
			delimiters[start.end + 1].token === end.token + 1;
		setStrikethrough(state.tokens[start.token], 1, double);
		setStrikethrough(state.tokens[end.token], -1, double);
		if (double) {
			state.tokens[outer.token].content = '';
			state.tokens[delimiters[start.end + 1].token].content = '';
			i--;
		}
	}
}

function setStrikethrough(token: Token, nesting: 1 | -1, double: boolean): void {
	token.type = nesting === 1 ? 's_open' : 's_close';
	token.tag = 's';
	token.nesting = nesting;
	token.markup = double ? '~~' : '~';
	token.content = '';
}

/** The offset where each line of `src` starts, for rules that need a block's source line. */
function lineStarts(src: string): number[] {
	const starts = [0];
	for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) {
		starts.push(i + 1);
	}
	return starts;
}

const ATX_CLOSING = /([ \t]+)#+[ \t]*$/;

/** Goldmark keeps all but one of the spaces before an ATX heading's closing `#`s (`## a  ##` → `a `). */
function atxClosingSpaces(state: StateCore): void {
	let starts: number[] | undefined;
	const tokens = state.tokens;
	for (let i = 0; i + 1 < tokens.length; i++) {
		const open = tokens[i];
		if (open.type !== 'heading_open' || open.markup.charCodeAt(0) !== 0x23 || !open.map) {
			continue;
		}
		starts ??= lineStarts(state.src);
		const line = state.src.slice(starts[open.map[0]], (starts[open.map[0] + 1] ?? state.src.length + 1) - 1);
		const closing = ATX_CLOSING.exec(line);
		const inline = tokens[i + 1];
		// With text before them, the `#`s matched are the closing sequence, not the opening one.
		if (closing && closing[1].length > 1 && inline.type === 'inline' && inline.content !== '') {
			inline.content += closing[1].slice(0, -1);
		}
	}
}

/** Goldmark drops the blank lines at the end of fenced code inside a list item. */
function listItemFences(state: StateCore): void {
	let listItems = 0;
	for (const token of state.tokens) {
		if (token.type === 'list_item_open') {
			listItems++;
		} else if (token.type === 'list_item_close') {
			listItems--;
		} else if (token.type === 'fence' && listItems > 0) {
			token.content = token.content.replace(/(?:^|\n)(?:[ \t]*\n)+$/, match => match.startsWith('\n') ? '\n' : '');
		}
	}
}

// The HTML blocks that end at a closing pattern (CommonMark's kinds 1 to 5), by how they start.
const BLOCK_CLOSINGS: Array<[RegExp, RegExp]> = [
	[/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
	[/^<!--/, /-->/],
	[/^<\?/, /\?>/],
	[/^<![A-Za-z]/, />/],
	[/^<!\[CDATA\[/, /\]\]>/],
];

/**
 * Whether Goldmark gives an HTML block a closing line of its own: a block of kinds 1 to 5 whose closing
 * pattern ends a later line than its first (`<!-- a` … `b -->`).
 */
export function htmlBlockHasClosure(content: string): boolean {
	const body = content.endsWith('\n') ? content.slice(0, -1) : content;
	const lastBreak = body.lastIndexOf('\n');
	if (lastBreak < 0) {
		return false;
	}
	const start = body.trimStart();
	const kind = BLOCK_CLOSINGS.find(([opening]) => opening.test(start));
	return kind !== undefined && kind[1].test(body.slice(lastBreak + 1));
}

const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]]+\]:( {5,})(\S.*)$/;

/**
 * Goldmark reads a footnote definition's first line with the spaces after `]:`: five or more make it
 * indented code (keeping all but four), where markdown-it-footnote strips them and makes a paragraph.
 */
function footnoteFirstLineCode(state: StateCore): void {
	let starts: number[] | undefined;
	const tokens = state.tokens;
	for (let i = 0; i + 3 < tokens.length; i++) {
		const paragraph = tokens[i + 1];
		if (tokens[i].type !== 'footnote_reference_open' || paragraph.type !== 'paragraph_open' || !paragraph.map || paragraph.map[1] - paragraph.map[0] !== 1) {
			continue;
		}
		starts ??= lineStarts(state.src);
		const line = state.src.slice(starts[paragraph.map[0]], (starts[paragraph.map[0] + 1] ?? state.src.length + 1) - 1);
		const definition = FOOTNOTE_DEFINITION.exec(line);
		if (!definition) {
			continue;
		}
		const code = new state.Token('code_block', 'code', 0);
		code.block = true;
		code.map = paragraph.map;
		code.level = paragraph.level;
		code.content = `${definition[1].slice(4)}${definition[2]}\n`;
		tokens.splice(i + 1, 3, code);
	}
}
