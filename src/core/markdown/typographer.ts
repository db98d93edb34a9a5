import type { MarkdownIt, StateInline, Token } from 'markdown-it';
import { pushAutolink } from './autolinks';
import { linkAt, linkMayStartAt, mayLink } from './linkify';
import { isAsciiDigitCode, isAsciiLetterCode, isAsciiPunctCode } from './characters';

/**
 * Goldmark's typographer extension (v1.5, Hugo 0.111.3), as an inline rule so it sees the same source
 * positions Goldmark does: `--` → –, `---` → —, `...` → …, `<<` → «, `>>` → », and quotes decided one by
 * one from the characters around them (Goldmark does not pair quotes as markdown-it's smartquotes does).
 * markdown-it's own `replacements` (`(c)` → ©, `+-` → ±) are not Goldmark's and stay off.
 */
export function typographerPlugin(md: MarkdownIt): void {
	md.disable(['replacements', 'smartquotes'], true);
	// Each render is a document of its own (the inner Markdown of a `{{% %}}` shortcode too, as in Hugo).
	md.core.ruler.before('normalize', 'hugo_typographer_counters', state => {
		(state.env as { [COUNTERS]?: QuoteCounters })[COUNTERS] = { single: 0, double: 0 };
	});
	// The default text rule swallows `.`, `'`, `"` and `>`; stop there too so the typographer gets a look.
	md.inline.ruler.at('text', textUntilTypographerTrigger);
	// No other rule matches at the characters the typographer substitutes (`<<` is neither an autolink nor a
	// tag), so it comes right after text: a quote then skips the rest of the chain.
	md.inline.ruler.after('text', 'hugo_typographer', typographer);
	const Inline = md.inline.State;
	md.inline.State = class extends Inline {
		/** The length of the pending text just after its last substitution; -1 when it holds none. */
		substitutionEnd: number;

		constructor(...args: ConstructorParameters<typeof Inline>) {
			super(...args);
			this.substitutionEnd = -1;
		}

		override pushPending(): Token {
			const token = super.pushPending();
			if (this.substitutionEnd >= 0) {
				flatten(token.content);
				this.substitutionEnd = -1;
			}
			return token;
		}
	};
}

/**
 * Text with substitutions is built from many pieces, which V8 keeps as a tree of them until the text is
 * read as a whole (when it is rendered). Reading it as a number makes it one string at once: the pieces
 * then die young instead of surviving every collection while a long post is parsed.
 */
function flatten(text: string): void {
	void ((text as unknown as number) | 0);
}

/*
 * markdown-it's typographer makes each substitution a token of its own (`text_special`, as escapes and
 * entities are). Two tokens per quote or dash are most of the cost of rendering prose, though, so a
 * substitution is written into the pending text like any other character. Where the last one ends is
 * kept: to Goldmark a substitution is an inline element, after which a link may start.
 */
interface SubstitutingState extends StateInline {
	substitutionEnd: number;
}

/** How many characters of the pending text follow the last substitution in it (all of them if none). */
export function textSinceSubstitution(state: StateInline): number {
	const end = (state as SubstitutingState).substitutionEnd;
	return end >= 0 ? state.pending.length - end : state.pending.length;
}

const LEFT_DOUBLE = '\u201C', RIGHT_DOUBLE = '\u201D', LEFT_SINGLE = '\u2018', RIGHT_SINGLE = '\u2019';
const EN_DASH = '\u2013', EM_DASH = '\u2014', ELLIPSIS = '\u2026', LEFT_ANGLE = '\u00AB', RIGHT_ANGLE = '\u00BB';
/*
 * What the typographer makes of a character, as one number so that the text run asks without allocating:
 * -1 for nothing, else the substitution's index in SUBSTITUTIONS times four plus the length of source it
 * replaces (one to three characters).
 */
const SUBSTITUTIONS = [LEFT_DOUBLE, RIGHT_DOUBLE, LEFT_SINGLE, RIGHT_SINGLE, EN_DASH, EM_DASH, ELLIPSIS, LEFT_ANGLE, RIGHT_ANGLE];
const NONE = -1;
const substitution = (text: string, length: number) => SUBSTITUTIONS.indexOf(text) * 4 + length;
const OPEN_DOUBLE = substitution(LEFT_DOUBLE, 1), CLOSE_DOUBLE = substitution(RIGHT_DOUBLE, 1);
const OPEN_SINGLE = substitution(LEFT_SINGLE, 1), APOSTROPHE = substitution(RIGHT_SINGLE, 1);
const EN = substitution(EN_DASH, 2), EM = substitution(EM_DASH, 3), DOTS = substitution(ELLIPSIS, 3);
const OPEN_ANGLE = substitution(LEFT_ANGLE, 2), CLOSE_ANGLE = substitution(RIGHT_ANGLE, 2);
// markdown-it's terminators and the typographer's triggers (`" ' . >`), as a table: the text run tests
// every character.
const TERMINATORS = new Uint8Array(128);
for (const ch of '\n!#$%&*+-:<=@[\\]^_`{}~"\'.>') {
	TERMINATORS[ch.charCodeAt(0)] = 1;
}
/** And where a link may follow (a space, `(`): the run asks the linkify rule there. */
const LINK_LEAD = 2;
TERMINATORS[0x20] = LINK_LEAD;
TERMINATORS[0x28] = LINK_LEAD;

/**
 * A `.` or `>` is a substitution only as `...` or `>>`; alone (URLs, file names, sentence ends) it stays
 * text, so the text run goes on instead of trying every inline rule there.
 */
function startsSubstitution(src: string, pos: number, max: number): boolean {
	const ch = src.charCodeAt(pos);
	if (ch === 0x2E) {
		return pos + 2 < max && src.charCodeAt(pos + 1) === 0x2E && src.charCodeAt(pos + 2) === 0x2E;
	}
	if (ch === 0x3E) {
		return pos + 1 < max && src.charCodeAt(pos + 1) === 0x3E;
	}
	return true;
}

/**
 * Whether the text run stops at the terminator at `pos`. markdown-it's terminators include characters for
 * rules this parser does not have (`# $ % + : = @ }`), and `!` and `^` start something only before `[`
 * (an image, an inline footnote): elsewhere no rule matches there and the
 * tokenizer would only add the character to the text, after trying every rule. `[` and `]` always stop the
 * run: link labels are found from token to token.
 */
function stopsText(src: string, pos: number, max: number): boolean {
	switch (src.charCodeAt(pos)) {
		case 0x23: case 0x24: case 0x25: case 0x2B: case 0x3A: case 0x3D: case 0x40: case 0x7D:
			return false;
		case 0x21: case 0x5E:
			return src.charCodeAt(pos + 1) === 0x5B;
		default:
			return startsSubstitution(src, pos, max);
	}
}

// `" ' - . >`: where no inline rule but the typographer's can match, so the text rule asks it in place.
const isTypographerOnlyCode = (code: number) => code === 0x22 || code === 0x27 || code === 0x2D || code === 0x2E || code === 0x3E;

/**
 * markdown-it's text rule, stopping also where the typographer may substitute. Where nothing but the
 * typographer can match, it is asked right here, and a character it leaves is text (as the tokenizer would
 * make it after trying every other rule): prose full of quotes and dashes is read in one run. It stops
 * before a space or `(` that a link follows, for the linkify rule.
 */
function textUntilTypographerTrigger(state: StateInline, silent: boolean): boolean {
	const src = state.src;
	const max = state.posMax;
	const begin = state.pos;
	let start = begin;
	let pos = begin;
	const linking = !silent && mayLink(state);
	for (;;) {
		for (; pos < max; pos++) {
			const code = src.charCodeAt(pos);
			const kind = code < 128 ? TERMINATORS[code] : 0;
			if (kind !== 0 && (kind === LINK_LEAD ? linking && linkMayStartAt(src, pos + 1, max) : stopsText(src, pos, max))) {
				break;
			}
		}
		if (pos >= max) {
			break;
		}
		const code = src.charCodeAt(pos);
		if (code === 0x20 || code === 0x28) {
			// A link after a space or `(` (which stays text), taken here rather than in the chain's rule.
			const link = linkAt(state, pos + 1);
			if (link) {
				state.pending += src.slice(start, pos + 1);
				pushAutolink(state, link);
				pos = start = link.end;
			} else {
				pos++;
			}
			continue;
		}
		if (!isTypographerOnlyCode(code)) {
			break;
		}
		const found = substitutionAt(state, pos);
		if (found === NONE) {
			// Left as it is: the character is text.
			pos++;
			continue;
		}
		if (!silent) {
			if (pos > start) {
				state.pending += src.slice(start, pos);
			}
			pushSubstitution(state, found);
		}
		pos = start = pos + (found & 3);
		if (linking && pos < max && linkMayStartAt(src, pos, max)) {
			// A substitution is an inline element of its own to Goldmark: a link may start right after it.
			const link = linkAt(state, pos);
			if (link) {
				pushAutolink(state, link);
				pos = start = link.end;
			}
		}
	}
	if (!silent && pos > start) {
		state.pending += src.slice(start, pos);
	}
	state.pos = pos;
	return pos !== begin;
}

/** The chain's typographer rule, for the characters the text run leaves to the chain (`<<`). */
function typographer(state: StateInline, silent: boolean): boolean {
	const found = substitutionAt(state, state.pos);
	if (found === NONE) {
		return false;
	}
	if (!silent) {
		pushSubstitution(state, found);
	}
	state.pos += found & 3;
	return true;
}

function pushSubstitution(state: StateInline, found: number): void {
	state.pending += SUBSTITUTIONS[found >> 2];
	(state as SubstitutingState).substitutionEnd = state.pending.length;
}

// Goldmark counts unclosed quotes per document, not per block: a quote left open in one paragraph makes a
// closing quote of a later one's `b"/`. markdown-it has no per-document inline state, so keep it in env.
const COUNTERS = Symbol('hugoTypographerCounters');
interface QuoteCounters { single: number; double: number }

function counters(state: StateInline): QuoteCounters {
	const env = state.env as { [COUNTERS]?: QuoteCounters };
	return env[COUNTERS] ??= { single: 0, double: 0 };
}

// Every quote asks these of its neighbours, mostly ASCII: answered without a Unicode class test there.
const SPACE = /\s/u, PUNCT_OR_SYMBOL = /[\p{P}\p{S}]/u, PUNCT = /\p{P}/u, LETTER = /\p{L}/u, DIGIT = /\p{Nd}/u;
// Code points: a lone surrogate counts as itself, as Go reads invalid UTF-8 as one rune at a time.
function isSpaceCode(code: number): boolean {
	return code < 0x80 ? code === 0x20 || (code >= 0x09 && code <= 0x0D) : SPACE.test(String.fromCodePoint(code));
}
function isPunctCode(code: number): boolean {
	return code < 0x80 ? isAsciiPunctCode(code) : PUNCT_OR_SYMBOL.test(String.fromCodePoint(code));
}
// ASCII symbols (`$ + < = > ^ \` | ~`) are not punctuation to Unicode.
const ASCII_SYMBOL_CODES = new Set([...'$+<=>^`|~'].map(ch => ch.charCodeAt(0)));
function isUnicodePunctCode(code: number): boolean {
	return code < 0x80 ? isAsciiPunctCode(code) && !ASCII_SYMBOL_CODES.has(code) : PUNCT.test(String.fromCodePoint(code));
}
function isLetterCode(code: number): boolean {
	return code < 0x80 ? isAsciiLetterCode(code) : LETTER.test(String.fromCodePoint(code));
}
function isDigitCode(code: number): boolean {
	return code < 0x80 ? isAsciiDigitCode(code) : DIGIT.test(String.fromCodePoint(code));
}
// Goldmark's byte tests (util.IsPunct, util.IsSpace) only know ASCII.
const isAsciiSpaceCode = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0D);
const isAsciiPunctOrSpaceCode = (code: number) => isAsciiPunctCode(code) || isAsciiSpaceCode(code);

/** The code point at `index` of `text`, a surrogate pair only when both halves are before `limit`. */
function codePointWithin(text: string, index: number, limit: number): number {
	const code = text.charCodeAt(index);
	if (code >= 0xD800 && code <= 0xDBFF && index + 1 < limit) {
		const low = text.charCodeAt(index + 1);
		if (low >= 0xDC00 && low <= 0xDFFF) {
			return (code - 0xD800) * 0x400 + low - 0xDC00 + 0x10000;
		}
	}
	return code;
}

/** The code point that ends just before `index` (a newline at the start). */
function codePointEndingAt(text: string, index: number): number {
	if (index === 0) {
		return 0x0A;
	}
	const low = text.charCodeAt(index - 1);
	return low >= 0xDC00 && low <= 0xDFFF && index >= 2 ? text.codePointAt(index - 2)! : low;
}

/**
 * What Goldmark's typographer makes of the character at `pos` (see SUBSTITUTIONS for the number). It counts
 * the quotes it opens and closes, also while a link label is only being skipped over, as it always has.
 */
function substitutionAt(state: StateInline, pos: number): number {
	const src = state.src;
	const c = src.charCodeAt(pos);
	if (c !== 0x2D && c !== 0x2E && c !== 0x3C && c !== 0x3E && c !== 0x27 && c !== 0x22) {
		return NONE;
	}
	const max = state.posMax;
	// The commonest case, an apostrophe between ASCII letters (it's, don't) or after a digit, decided as the
	// rules below decide it: it can close, so it is no decade or elision, and sits between two letters.
	if (c === 0x27 && pos > 0 && pos + 1 < max && isAsciiLetterCode(src.charCodeAt(pos + 1))) {
		const before = src.charCodeAt(pos - 1);
		if (isAsciiLetterCode(before) || isAsciiDigitCode(before)) {
			return APOSTROPHE;
		}
	}
	// The commonest double quotes, decided as the rules below decide them: one after a space and before an
	// ASCII letter or digit opens; one after an ASCII letter or digit and before a space, an ASCII
	// punctuation mark other than `"` or the end closes, if one is open.
	if (c === 0x22) {
		const before = pos > 0 ? src.charCodeAt(pos - 1) : 0x0A;
		const next = pos + 1 < max ? src.charCodeAt(pos + 1) : -1;
		if (isAsciiSpaceCode(before) && (isAsciiLetterCode(next) || isAsciiDigitCode(next))) {
			counters(state).double++;
			return OPEN_DOUBLE;
		}
		if ((isAsciiLetterCode(before) || isAsciiDigitCode(before)) && (next === -1 || isAsciiSpaceCode(next) || (isAsciiPunctCode(next) && next !== 0x22))) {
			const counter = counters(state);
			if (counter.double === 0) {
				return NONE;
			}
			counter.double--;
			return CLOSE_DOUBLE;
		}
	}
	// Goldmark looks at the rest of the current line (with its newline), but only the run of `c` and the
	// few characters after it decide anything: reading no further keeps long lines from being scanned to
	// their end at every quote, which made a long one-line paragraph quadratic. The line is read in place.
	let runLimit = pos + 1;
	while (runLimit < max && src.charCodeAt(runLimit) === c) {
		runLimit++;
	}
	let lineLimit = Math.min(max, runLimit + 4);
	for (let i = runLimit; i < lineLimit; i++) {
		if (src.charCodeAt(i) === 0x0A) {
			lineLimit = i + 1;
		}
	}
	const length = lineLimit - pos;
	// The line's characters after the first, as codes; -1 past its end.
	const c1 = length > 1 ? src.charCodeAt(pos + 1) : -1, c2 = length > 2 ? src.charCodeAt(pos + 2) : -1;
	const c3 = length > 3 ? src.charCodeAt(pos + 3) : -1;
	if (length > 2) {
		if (c === 0x2D && c1 === 0x2D && c2 === 0x2D) {
			return EM;
		}
		if (c === 0x2E) {
			return c1 === 0x2E && c2 === 0x2E ? DOTS : NONE;
		}
	}
	if (length > 1) {
		if (c === 0x3C) {
			return c1 === 0x3C ? OPEN_ANGLE : NONE;
		}
		if (c === 0x3E) {
			return c1 === 0x3E ? CLOSE_ANGLE : NONE;
		}
		if (c === 0x2D && c1 === 0x2D) {
			return EN;
		}
	}
	if (c !== 0x27 && c !== 0x22) {
		return NONE;
	}
	const before = codePointEndingAt(src, pos);
	const runEnd = runLimit - pos;
	const after = runEnd < length ? codePointWithin(src, runLimit, lineLimit) : 0x20;
	const beforeIsSpace = isSpaceCode(before), beforeIsPunct = isPunctCode(before);
	const afterIsSpace = isSpaceCode(after), afterIsPunct = isPunctCode(after);
	const canOpen = !afterIsSpace && (!afterIsPunct || beforeIsSpace || beforeIsPunct);
	const canClose = !beforeIsSpace && (!beforeIsPunct || afterIsSpace || afterIsPunct);
	const counter = counters(state);
	const next = length > 1 ? codePointWithin(src, pos + 1, lineLimit) : 0x20;
	if (c === 0x27) {
		// Decades such as '90s.
		if (canOpen && !canClose && length > 3 && isAsciiDigitCode(c1) && isAsciiDigitCode(c2) && c3 === 0x73) {
			const afterDecade = length > 4 ? codePointWithin(src, pos + 4, lineLimit) : 0x20;
			if (isSpaceCode(afterDecade) || isPunctCode(afterDecade)) {
				return APOSTROPHE;
			}
		}
		// 'twas, 'em, 'net
		if (length > 1 && (isUnicodePunctCode(before) || isSpaceCode(before)) && (c1 === 0x74 || c1 === 0x65 || c1 === 0x6E || c1 === 0x6C)) {
			return APOSTROPHE;
		}
		// An apostrophe between two letters (or a digit and a letter).
		if (length > 1 && (isDigitCode(before) || isLetterCode(before)) && isLetterCode(next)) {
			return APOSTROPHE;
		}
		if (canOpen && !canClose) {
			let closing = false;
			// Alice's, I'm, Don't, You'd
			if (length > 1 && (c1 === 0x73 || c1 === 0x6D || c1 === 0x74 || c1 === 0x64) && (length < 3 || isAsciiPunctOrSpaceCode(c2))) {
				closing = true;
			}
			// I've, I'll, You're
			if (length > 2 && ((c1 === 0x76 && c2 === 0x65) || (c1 === 0x6C && c2 === 0x6C) || (c1 === 0x72 && c2 === 0x65)) &&
				(length < 4 || isAsciiPunctOrSpaceCode(c3))) {
				closing = true;
			}
			if (!closing) {
				counter.single++;
			}
			return closing ? APOSTROPHE : OPEN_SINGLE;
		}
		// Plural possessives and abbreviations (Smiths', doin'); Goldmark's condition, operator precedence included.
		if (length > 2 && !isDigitCode(next)) {
			return APOSTROPHE;
		}
		if (counter.single > 0 && closes(canOpen, canClose, length, next, c2)) {
			counter.single--;
			return APOSTROPHE;
		}
		return NONE;
	}
	if (canOpen && !canClose) {
		counter.double++;
		return OPEN_DOUBLE;
	}
	if (counter.double > 0 && closes(canOpen, canClose, length, next, c2)) {
		// "Monitor 21"": inches, not a closing quote.
		if (length > 1 && c1 === 0x22 && isDigitCode(before)) {
			return NONE;
		}
		counter.double--;
		return CLOSE_DOUBLE;
	}
	return NONE;
}

/** Goldmark's test for a quote that closes; `c2` is the line's third character (-1 past its end). */
function closes(canOpen: boolean, canClose: boolean, length: number, next: number, c2: number): boolean {
	const isClose = canClose && !canOpen;
	const maybeClose = canClose && canOpen && length > 1 && isUnicodePunctCode(next) &&
		(length === 2 || (length > 2 && isAsciiPunctCode(c2)) || isAsciiSpaceCode(c2));
	return isClose || maybeClose;
}
