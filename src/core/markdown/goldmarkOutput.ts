import type { MarkdownIt, StateCore, StateInline, Token } from 'markdown-it';
import { AUTOLINK, autolinkRendering, pushAutolink, schemeLinkAt, setAutolink } from './autolinks';
import { isAsciiWordCode } from './characters';
import { dropTextStart, endsWithSubstitution, substitutionsIn, textSinceSubstitution } from './typographer';

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
	wwwLinks(md);
	autolinkRendering(md);
	plainUrlsAsWritten(md);
}

// Regular expressions of the hot paths, made once rather than at every link.
const PUNYCODE = /xn--/i;
const MAILTO_ANYWHERE = /mailto:/i;
const MAILTO_PREFIX = /^mailto:/i;
const MAILTO_EXACT_PREFIX = /^mailto:/;
const HTTP_PREFIX = /^http:\/\//;

const isW = (code: number) => code === 0x77 || code === 0x57;
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
		dropTextStart(first, marker[0].length);
		const checkbox = new state.Token('hugo_task_checkbox', 'input', 0);
		checkbox.meta = { checked: marker[1] !== ' ' };
		const space = new state.Token('text', '', 0);
		space.content = ' ';
		inline.children!.unshift(checkbox, space);
	}
}

/**
 * Goldmark links `www.example.com` (as `https://www.example.com`) but not a bare `example.com`. linkify-it
 * has no such mode (fuzzy links take both, and scanning for them is slow), so `www.` is a schema of its
 * own, validated as GFM's extended www autolink: a dotted host, then a path up to whitespace or `<`, minus
 * trailing punctuation and unbalanced `)`.
 */
const WWW_TAIL = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.[a-z0-9_-]+(?:[/?#][^\s<]*)?/i;
const WWW_TAIL_AT = new RegExp(WWW_TAIL.source.slice(1), 'iy');
const WWW_TAIL_LIMIT = 2048;

/**
 * Whether the linkify pass could find a link in a text token (it passes over all others): it holds `@` or
 * `www.` (in any case) not right after `/` (then it is part of a URL with a scheme, which the inline rule
 * has taken already). Found with `indexOf`, which outruns a case-insensitive regex on long text.
 */
export function mayLinkify(text: string): boolean {
	return text.includes('@') || hasWwwAfter(text, 'w.') || hasWwwAfter(text, 'W.');
}

/** Whether `text` holds `www.` in any case, not right after `/`, where `ending` is its last `w` and the dot. */
function hasWwwAfter(text: string, ending: string): boolean {
	for (let last = text.indexOf(ending, 2); last >= 0; last = text.indexOf(ending, last + 1)) {
		if (isW(text.charCodeAt(last - 1)) && isW(text.charCodeAt(last - 2)) && (last === 2 || text.charCodeAt(last - 3) !== 0x2F)) {
			return true;
		}
	}
	return false;
}

function wwwLinks(md: MarkdownIt): void {
	md.inline.ruler.at('linkify', schemeLink);
	// linkify-it scans every text token with large Unicode regexes. Links with a scheme (`https:`, `ftp:`)
	// are already taken while parsing (markdown-it's inline linkify rule); what is left for this pass are
	// `www.` links and e-mail addresses, so text without `www.` or `@` is ruled out cheaply. The pass tests
	// each paragraph, then each text token in it, then matches the token: the full test would scan the same
	// text (and validate its first URL) twice over, where matching once finds the same links. A candidate
	// without links becomes a match of none, which the pass writes back as the same text.
	const match = md.linkify.match.bind(md.linkify);
	md.linkify.test = mayLinkify;
	md.linkify.match = (text: string) => match(text) ?? [];
	md.core.ruler.at('linkify', linkifyPass);
	md.linkify.add('www.', {
		validate: wwwLinkLength,
		normalize: (match: { url: string }) => {
			match.url = `https://${match.url}`;
		},
	});
}

/**
 * markdown-it's inline linkify rule, for a `://` the text run has left to the chain (see `schemeLinkAt`).
 * While a link label is only being skipped over (silent mode, to find its closing `]`), no URL is
 * validated: the label is tokenized again with linking disabled.
 */
function schemeLink(state: StateInline, silent: boolean): boolean {
	if (silent) {
		return false;
	}
	const link = schemeLinkAt(state, state.pos, textSinceSubstitution(state));
	if (!link) {
		return false;
	}
	state.pending = state.pending.slice(0, -(state.pos - link.start));
	pushAutolink(state, link);
	state.pos = link.end;
	return true;
}

/** The length of the `www.` link whose host starts at `pos` (after `www.`), 0 for none. */
function wwwLinkLength(text: string, pos: number): number {
	WWW_TAIL_AT.lastIndex = pos;
	const match = WWW_TAIL_AT.exec(text);
	if (!match) {
		return 0;
	}
	if (match[0].length >= WWW_TAIL_LIMIT) {
		// linkify-it reads at most this much of a link: its match may end elsewhere, taken from that much.
		const limited = WWW_TAIL.exec(text.slice(pos, pos + WWW_TAIL_LIMIT));
		return limited ? trimmedWwwLength(limited[0], 0, limited[0].length) : 0;
	}
	return trimmedWwwLength(text, pos, pos + match[0].length);
}

// GFM's extended autolink path ends before trailing punctuation and before a `)` it does not balance.
const TRAILING_PUNCTUATION_CODES = new Set([...'?!.,:*_~\'"'].map(ch => ch.charCodeAt(0)));

/** The length of the link text[start, end) once its trailing punctuation and unbalanced `)` are dropped. */
function trimmedWwwLength(text: string, start: number, end: number): number {
	for (;;) {
		let trimmed = end;
		while (trimmed > start && TRAILING_PUNCTUATION_CODES.has(text.charCodeAt(trimmed - 1))) {
			trimmed--;
		}
		if (trimmed > start && text.charCodeAt(trimmed - 1) === 0x29 && countIn(text, 0x28, start, trimmed) < countIn(text, 0x29, start, trimmed)) {
			trimmed--;
		}
		if (trimmed === end) {
			return end - start;
		}
		end = trimmed;
	}
}

function countIn(text: string, code: number, start: number, end: number): number {
	let found = 0;
	for (let i = start; i < end; i++) {
		if (text.charCodeAt(i) === code) {
			found++;
		}
	}
	return found;
}

/** A link as linkify-it's `match` reports it. */
export interface LinkMatch {
	readonly schema: string;
	readonly index: number;
	readonly lastIndex: number;
	readonly text: string;
	readonly url: string;
	/** Set where markdown-it's normalization gives the URL and the text back unchanged, and the URL is valid. */
	readonly asWritten?: boolean;
}

const isMailHostCode = (code: number) => isAsciiWordCode(code) || code === 0x2E || code === 0x2D;
const isMailNameCode = (code: number) => isAsciiWordCode(code) || code === 0x2E || code === 0x5F || code === 0x2B || code === 0x2D;
// ASCII characters linkify-it also takes in an e-mail's name: with them the name is left to linkify-it.
const OTHER_MAIL_NAME_CODES = new Set([...'!#$%&\'*/=?^`{|}~'].map(ch => ch.charCodeAt(0)));
// What may stand before an e-mail's name: the start, a space, `"`, `(`, `<`, `>`.
const isMailNameBoundary = (code: number) => code === -1 || code === 0x20 || code === 0x09 || code === 0x0A || code === 0x22 || code === 0x28 ||
	code === 0x3C || code === 0x3E;
// Punctuation that ends an e-mail's host for certain (anything else there is left to linkify-it).
const MAIL_HOST_END_CODES = new Set([...'!"\'(),;?]}*'].map(ch => ch.charCodeAt(0)));
const isMailHostEnd = (code: number) => code === -1 || code === 0x20 || code === 0x09 || code === 0x0A || MAIL_HOST_END_CODES.has(code);
// After `@`, what no host can start with: then there is certainly no e-mail there.
const NO_MAIL_HOST_CODES = new Set([...' \t\n!"#%&\'()*,./:;?@\\]_{}'].map(ch => ch.charCodeAt(0)));
// ASCII punctuation to Unicode (what linkify-it accepts before a schema, with `<`, `>` and controls), minus
// `:`, `/` and `.`: after those a schema search may have taken the character, and `_`, which it never takes.
const SCHEMA_BOUNDARY_CODES = new Set([...'!"#%&\'()*,-;?@[\\]{}<>'].map(ch => ch.charCodeAt(0)));

const codeAt = (text: string, index: number) => index >= 0 && index < text.length ? text.charCodeAt(index) : -1;

/**
 * Whether a schema may start at `index`: `true`, `false`, or `undefined` when it takes linkify-it to tell
 * (a non-ASCII character before it, or one that ends another schema).
 */
function schemaMayStartAt(text: string, index: number): boolean | undefined {
	const before = codeAt(text, index - 1);
	if (before === -1 || before <= 0x20 || before === 0x7F || SCHEMA_BOUNDARY_CODES.has(before)) {
		return true;
	}
	if (before >= 0x80 || before === 0x3A || before === 0x2F || before === 0x2E) {
		return undefined;
	}
	return false;
}

/**
 * Whether an e-mail host (ASCII letters, digits, `.` and `-`) is one linkify-it takes whole: two to five
 * labels, none empty or longer than 63, none starting or ending with `-`, and no `-` in the last.
 */
function isPlainMailHost(host: string): boolean {
	let labels = 0;
	for (let start = 0; start <= host.length;) {
		let end = host.indexOf('.', start);
		if (end < 0) {
			end = host.length;
		}
		const length = end - start;
		if (length === 0 || length > 63 || host.charCodeAt(start) === 0x2D || host.charCodeAt(end - 1) === 0x2D) {
			return false;
		}
		labels++;
		if (end === host.length && host.indexOf('-', start) >= 0) {
			return false;
		}
		start = end + 1;
	}
	return labels >= 2 && labels <= 5;
}

/**
 * The e-mail address linkify-it finds around the `@` at `at`: a match, `null` for certainly none, or
 * `undefined` when the text around it is not plain enough to tell without linkify-it.
 */
function mailAt(text: string, at: number): LinkMatch | null | undefined {
	let nameStart = at;
	while (nameStart > 0 && isMailNameCode(text.charCodeAt(nameStart - 1))) {
		nameStart--;
	}
	const before = codeAt(text, nameStart - 1);
	if (before >= 0x80 || (before >= 0 && before < 0x20 && before !== 0x09 && before !== 0x0A) || before === 0x7F ||
		OTHER_MAIL_NAME_CODES.has(before) || at - nameStart > 63) {
		return undefined;
	}
	if (!isMailNameBoundary(before) || nameStart === at) {
		// The name would have to run past a character that cannot be in it or stand before it.
		return null;
	}
	const name = text.slice(nameStart, at);
	if (name.startsWith('.') || name.endsWith('.') || name.includes('..')) {
		return undefined;
	}
	let hostEnd = at + 1;
	while (hostEnd < text.length && isMailHostCode(text.charCodeAt(hostEnd))) {
		hostEnd++;
	}
	if (hostEnd === at + 1) {
		const next = codeAt(text, at + 1);
		return next === -1 || NO_MAIL_HOST_CODES.has(next) ? null : undefined;
	}
	let host = text.slice(at + 1, hostEnd);
	if (!isMailHostEnd(codeAt(text, hostEnd)) || PUNYCODE.test(host)) {
		return undefined;
	}
	if (host.endsWith('.')) {
		host = host.slice(0, -1);
	}
	if (!isPlainMailHost(host)) {
		return undefined;
	}
	const raw = text.slice(nameStart, at + 1 + host.length);
	// ASCII name and host, no punycode: `mailto:` and the address come back from normalization as written.
	return { schema: 'mailto:', index: nameStart, lastIndex: nameStart + raw.length, text: raw, url: `mailto:${raw}`, asWritten: true };
}

/**
 * The `www.` links and e-mail addresses linkify-it's `match` finds in text without `//` or `mailto:` (there
 * the schema search takes part), found from each `@` and `www.` instead of with its large Unicode regexes;
 * `undefined` when the text is not plain enough to be sure, which is left to linkify-it.
 */
export function quickLinks(text: string): LinkMatch[] | undefined {
	if (text.includes('//') || (text.includes(':') && MAILTO_ANYWHERE.test(text))) {
		return undefined;
	}
	const links: LinkMatch[] = [];
	const candidates = LinkCandidates.of(text);
	for (let candidate = candidates?.next(0) ?? -1; candidate >= 0; candidate = candidates!.next(candidate + 1)) {
		if (text.charCodeAt(candidate) === 0x40) {
			const mail = mailAt(text, candidate);
			if (mail === undefined) {
				return undefined;
			}
			if (mail) {
				links.push(mail);
			}
			continue;
		}
		const mayStart = schemaMayStartAt(text, candidate);
		if (mayStart === undefined) {
			return undefined;
		}
		const length = mayStart ? wwwLinkLength(text, candidate + 4) : 0;
		if (length > 0) {
			const raw = text.slice(candidate, candidate + 4 + length);
			links.push({ schema: 'www.', index: candidate, lastIndex: candidate + raw.length, text: raw, url: `https://${raw}`, asWritten: isPlainUrl(raw) });
		}
	}
	// Links that overlap or touch are resolved by the order of linkify-it's searches: left to it.
	for (let i = 1; i < links.length; i++) {
		if (links[i].index <= links[i - 1].lastIndex) {
			return undefined;
		}
	}
	return links;
}

/**
 * markdown-it's linkify pass, reading the typographer's substitutions (see `substitutionsIn`): a text with
 * substitutions is linked part by part, as the `text` and `text_special` tokens markdown-it's typographer
 * would have made, without making those tokens. Same links, same text.
 */
function linkifyPass(state: StateCore): void {
	const md = state.md;
	if (!md.options.linkify) {
		return;
	}
	for (const blockToken of state.tokens) {
		if (blockToken.type !== 'inline' || !blockToken.children || !md.linkify.test(blockToken.content)) {
			continue;
		}
		const tokens = blockToken.children;
		const replacements: Array<{ index: number; nodes: Token[] }> = [];
		let htmlLinkLevel = 0;
		for (let i = tokens.length - 1; i >= 0; i--) {
			const current = tokens[i];
			if (current.type === 'link_close') {
				i--;
				while (tokens[i].level !== current.level && tokens[i].type !== 'link_open') {
					i--;
				}
				continue;
			}
			if (current.type === 'html_inline') {
				if (/^<a[>\s]/i.test(current.content) && htmlLinkLevel > 0) {
					htmlLinkLevel--;
				}
				if (/^<\/a\s*>/i.test(current.content)) {
					htmlLinkLevel++;
				}
			}
			const candidates = htmlLinkLevel > 0 || current.type !== 'text' ? undefined : LinkCandidates.of(current.content);
			if (!candidates) {
				continue;
			}
			const previous = i > 0 ? tokens[i - 1] : undefined;
			const afterSpecial = previous !== undefined && (previous.type === 'text_special' || endsWithSubstitution(previous));
			const nodes = linkifyText(state, current.content, candidates, substitutionsIn(current), current.level, afterSpecial);
			if (nodes) {
				replacements.push({ index: i, nodes });
			}
		}
		if (replacements.length > 0) {
			const children: Token[] = [];
			let next = replacements.length - 1;
			tokens.forEach((token, index) => {
				if (next >= 0 && replacements[next].index === index) {
					children.push(...replacements[next--].nodes);
				} else {
					children.push(token);
				}
			});
			blockToken.children = children;
		}
	}
}

/**
 * Where links may start in a text: each `@` and `www.` (in any case), in order. Every search position is
 * kept, so a text with thousands of them is still read once.
 */
class LinkCandidates {
	#at: number;
	#lower: number;
	#upper: number;

	private constructor(private readonly text: string, at: number, lower: number, upper: number) {
		this.#at = at;
		this.#lower = lower;
		this.#upper = upper;
	}

	/** The candidates of a text, `undefined` when it holds no `@`, `w.` or `W.` at all. */
	static of(text: string): LinkCandidates | undefined {
		const at = text.indexOf('@'), lower = text.indexOf('w.', 2), upper = text.indexOf('W.', 2);
		return at < 0 && lower < 0 && upper < 0 ? undefined : new LinkCandidates(text, at, lower, upper);
	}

	/** The first candidate at or after `from` (an `@`, or the start of a `www.`), -1 for none. */
	next(from: number): number {
		if (this.#at >= 0 && this.#at < from) {
			this.#at = this.text.indexOf('@', from);
		}
		this.#lower = this.#wwwEnding(this.#lower, 'w.', from);
		this.#upper = this.#wwwEnding(this.#upper, 'W.', from);
		let first = this.#at;
		if (this.#lower >= 0 && (first < 0 || this.#lower - 2 < first)) {
			first = this.#lower - 2;
		}
		if (this.#upper >= 0 && (first < 0 || this.#upper - 2 < first)) {
			first = this.#upper - 2;
		}
		return first;
	}

	/** The first `ending` (`w.` or `W.`) at or after `last` that ends a `www.` starting at or after `from`. */
	#wwwEnding(last: number, ending: string, from: number): number {
		const text = this.text;
		while (last >= 0 && (last - 2 < from || !isW(text.charCodeAt(last - 1)) || !isW(text.charCodeAt(last - 2)))) {
			last = text.indexOf(ending, Math.max(last + 1, from + 2));
		}
		return last;
	}
}

/**
 * The tokens for a text token's content with links, or `undefined` when nothing in it is linked. The text
 * is linked part by part, a part being the text between two substitutions (`offsets`), as markdown-it
 * links each `text` token between its typographer's `text_special` ones. Text between links is one token:
 * markdown-it joins adjacent text anyway.
 */
function linkifyText(state: StateCore, content: string, candidates: LinkCandidates, offsets: readonly number[] | undefined, level: number,
	afterSpecial: boolean): Token[] | undefined {
	const md = state.md;
	const nodes: Token[] = [];
	let lastPos = 0;
	let part = 0;
	for (let candidate = candidates.next(0); candidate >= 0;) {
		// The part the candidate is in (no substitution is `@` or a `w`, so it is whole in one part).
		while (offsets && part < offsets.length && offsets[part] < candidate) {
			part++;
		}
		const partStart = part === 0 ? 0 : offsets![part - 1] + 1;
		const partEnd = offsets && part < offsets.length ? offsets[part] : content.length;
		// `mayLinkify` of the part, from its candidates: an `@`, or a `www.` at its start or not after `/`.
		let linkable = false;
		for (; candidate >= 0 && candidate < partEnd && !linkable; candidate = candidates.next(candidate + 1)) {
			linkable = content.charCodeAt(candidate) === 0x40 || candidate === partStart || content.charCodeAt(candidate - 1) !== 0x2F;
		}
		if (candidate >= 0 && candidate < partEnd) {
			candidate = partEnd < content.length ? candidates.next(partEnd + 1) : -1;
		}
		if (!linkable) {
			continue;
		}
		const text = partStart === 0 && partEnd === content.length ? content : content.slice(partStart, partEnd);
		let links: readonly LinkMatch[] = quickLinks(text) ?? md.linkify.match(text) ?? [];
		// A link right after an escape, an entity or a substitution is not one (markdown-it's rule).
		if (links.length > 0 && links[0].index === 0 && (part > 0 || afterSpecial)) {
			links = links.slice(1);
		}
		for (const link of links) {
			const target = link.asWritten ? link : normalizedLink(md, link);
			if (!target) {
				continue;
			}
			const linkStart = partStart + link.index;
			if (linkStart > lastPos) {
				nodes.push(textToken(state, content.slice(lastPos, linkStart), level));
			}
			const autolink = new state.Token(AUTOLINK, 'a', 0);
			autolink.level = level;
			setAutolink(autolink, target.url, target.text);
			nodes.push(autolink);
			lastPos = partStart + link.lastIndex;
		}
	}
	if (nodes.length === 0) {
		return undefined;
	}
	if (lastPos < content.length) {
		nodes.push(textToken(state, content.slice(lastPos), level));
	}
	return nodes;
}

/** A link's URL and text as markdown-it's linkify pass normalizes them, or `undefined` for an invalid URL. */
function normalizedLink(md: MarkdownIt, link: LinkMatch): { url: string; text: string } | undefined {
	const url = md.normalizeLink(link.url);
	if (!md.validateLink(url)) {
		return undefined;
	}
	let text = link.text;
	if (!link.schema) {
		text = md.normalizeLinkText(`http://${text}`).replace(HTTP_PREFIX, '');
	} else if (link.schema === 'mailto:' && !MAILTO_PREFIX.test(text)) {
		text = md.normalizeLinkText(`mailto:${text}`).replace(MAILTO_EXACT_PREFIX, '');
	} else {
		text = md.normalizeLinkText(text);
	}
	return { url, text };
}

function textToken(state: StateCore, content: string, level: number): Token {
	const token = new state.Token('text', '', 0);
	token.content = content;
	token.level = level;
	return token;
}
