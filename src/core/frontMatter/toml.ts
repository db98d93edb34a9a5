import { LineIndex, lineEndOf, lineStartOf } from '../text';
import { isTable, type FrontMatterEntry, type FrontMatterValue, type QuoteStyle, type SyntaxProblem, type ValueKind } from './model';

/**
 * TOML 1.0 front matter, read in one pass that decides validity as Hugo 0.111.3's reader
 * (go-toml v2) does, builds the data and records where every key and value is. Checked against every
 * case of toml-test's TOML 1.0 list, each built by hugo (test/fixtures/conformance).
 *
 * Where Hugo's reader differs from the letter of TOML 1.0, Hugo wins: `\e` is an escape (ESC), and a
 * leap second (`:60`) is read as the next second.
 */
export interface TomlResult {
	readonly data: Record<string, unknown> | undefined;
	readonly entries: FrontMatterEntry[];
	readonly problems: SyntaxProblem[];
	/** Where a new top-level key goes: before the first `[table]` header, else at the end. */
	readonly insertOffset: number;
}

/**
 * A native TOML date, time or date-time. It is a `Date` (the instant; local ones read as UTC) that keeps
 * its source text: the calendar day as written, which Hugo uses for permalinks, survives an offset.
 */
export class TomlDate extends Date {
	constructor(time: number, readonly source: string) {
		super(time);
	}
}

/** A TOML syntax error, as `parseTomlData` callers that want the reason can catch it. */
export class TomlSyntaxError extends Error {
	constructor(readonly problem: SyntaxProblem) {
		super(problem.message);
	}
}

const TAB = 9, LF = 10, CR = 13, SPACE = 32, QUOTE = 34, HASH = 35, APOSTROPHE = 39, COMMA = 44, DOT = 46,
	EQUALS = 61, LBRACKET = 91, BACKSLASH = 92, RBRACKET = 93, LBRACE = 123, RBRACE = 125, DEL = 127;

/** `A-Z a-z 0-9 _ -`: the characters of a bare key. */
function isBareKeyChar(code: number): boolean {
	return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/** Where an unquoted value ends: white space, a line break, `,`, `]`, `}`, `#`, or the end of the text. */
function endsValue(code: number): boolean {
	return code !== code /* NaN: end of text */ || code === SPACE || code === TAB || code === LF || code === CR || code === COMMA || code === RBRACKET || code === RBRACE || code === HASH;
}

/** A control character TOML refuses in strings and comments: U+0000–U+001F but tab, and U+007F. */
function isControl(code: number): boolean {
	return (code < 32 && code !== TAB) || code === DEL;
}

class ParsedValue implements FrontMatterValue {
	constructor(
		readonly kind: ValueKind,
		readonly value: unknown,
		readonly start: number,
		readonly end: number,
		readonly quote?: QuoteStyle,
		readonly items?: ParsedValue[],
	) { }
}

interface Key {
	readonly parts: string[];
	readonly start: number;
	readonly end: number;
}

/**
 * How a table came to be, which decides what may add to it later: a `[header]` defines a table once;
 * a table made on the way to a deeper header (`implicit`) may still get its own header; dotted keys
 * (`a.b = 1`) define theirs for good; an inline table is closed once written.
 */
type TableOrigin = 'header' | 'implicit' | 'dotted' | 'inline';

interface ArrayFrame {
	readonly type: 'array';
	readonly start: number;
	readonly items: ParsedValue[];
	readonly data: unknown[];
	readonly path: readonly string[];
}

interface InlineTableFrame {
	readonly type: 'table';
	readonly start: number;
	readonly table: Record<string, unknown>;
	readonly path: readonly string[];
	readonly lineStart: number;
	key: Key;
}

type Frame = ArrayFrame | InlineTableFrame;

const DATE_PREFIX = /^\d{4}-/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})?)?$/;
const TIME_ONLY = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL_INTEGER = /^[+-]?(?:0|[1-9](?:_?\d)*)$/;
const PREFIXED_INTEGER = /^(?:0x[\da-fA-F](?:_?[\da-fA-F])*|0o[0-7](?:_?[0-7])*|0b[01](?:_?[01])*)$/;
const FLOAT = /^[+-]?(?:0|[1-9](?:_?\d)*)(?:\.\d(?:_?\d)*)?(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_FLOAT = /^[+-]?(?:inf|nan)$/;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

class TomlParser {
	readonly root: Record<string, unknown> = {};
	readonly entries: FrontMatterEntry[] = [];
	firstHeader = -1;
	#i = 0;
	readonly #src: string;
	readonly #base: number;
	readonly #firstLine: number;
	#table: Record<string, unknown>;
	#tablePath: readonly string[] = [];
	readonly #origins = new WeakMap<object, TableOrigin>();
	/** Arrays made by `[[header]]`, which later headers may add to (a written array is closed). */
	readonly #tableArrays = new WeakSet<unknown[]>();
	readonly #headers: Array<{ readonly path: readonly string[]; readonly start: number }> = [];

	constructor(src: string, base: number, firstLine: number) {
		this.#src = src;
		this.#base = base;
		this.#firstLine = firstLine;
		this.#table = this.root;
	}

	parse(): void {
		const src = this.#src;
		while (this.#i < src.length) {
			this.#skipSpaces();
			const code = src.charCodeAt(this.#i);
			if (code === LF || code === CR) {
				this.#newline();
				continue;
			}
			if (code === HASH) {
				this.#comment();
				continue;
			}
			if (code !== code) {
				break;
			}
			if (code === LBRACKET) {
				this.#header();
				this.#endOfLine('the table header');
			} else {
				this.#keyValue();
				this.#endOfLine('the value');
			}
		}
	}

	// ---- errors

	#fail(start: number, end: number, message: string, code: SyntaxProblem['code'] = 'fm-syntax'): never {
		throw new TomlSyntaxError({ code, message, start: this.#base + start, end: this.#base + Math.max(end, start), severity: 'error' });
	}

	#syntax(start: number, end: number, what: string): never {
		this.#fail(start, end, `TOML syntax error: ${what}. Hugo fails the build.`);
	}

	/** The word at `start` (up to white space, a line break, `,`, `]` or `}`), at least one character. */
	#wordEnd(start: number): number {
		let end = start;
		while (end < this.#src.length && !' \t\r\n,]}'.includes(this.#src[end])) {
			end++;
		}
		return end === start && start < this.#src.length ? start + 1 : end;
	}

	/** The 1-based line of `offset` in the whole text, for messages. */
	#lineOf(offset: number): number {
		return this.#firstLine + 1 + new LineIndex(this.#src.slice(0, offset)).positionAt(offset).line;
	}

	/** Where a key path was first defined, by a header or a key, for messages. */
	#firstDefinition(path: readonly string[]): number | undefined {
		const startsWith = (candidate: readonly string[]) => candidate.length >= path.length && path.every((part, k) => candidate[k] === part);
		let first: number | undefined;
		for (const header of this.#headers) {
			if (startsWith(header.path)) {
				first = Math.min(first ?? header.start, header.start);
			}
		}
		for (const entry of this.entries) {
			if (startsWith(entry.path)) {
				first = Math.min(first ?? Infinity, entry.keyStart - this.#base);
			}
		}
		return first;
	}

	#definedAt(path: readonly string[]): string {
		const first = this.#firstDefinition(path);
		return first === undefined ? 'above' : `(line ${this.#lineOf(first)})`;
	}

	// ---- white space, line breaks and comments

	#skipSpaces(): void {
		const src = this.#src;
		let code = src.charCodeAt(this.#i);
		while (code === SPACE || code === TAB) {
			code = src.charCodeAt(++this.#i);
		}
	}

	/** At a line break: LF or CR LF. */
	#newline(): void {
		if (this.#src.charCodeAt(this.#i) === CR) {
			if (this.#src.charCodeAt(this.#i + 1) !== LF) {
				this.#syntax(this.#i, this.#i + 1, 'a carriage return (CR) must be followed by a line feed: save the file with LF or CRLF line endings');
			}
			this.#i++;
		}
		this.#i++;
	}

	/** At `#`: reads to the end of the line, line break excluded. */
	#comment(): void {
		const src = this.#src;
		let i = this.#i + 1;
		for (; i < src.length; i++) {
			const code = src.charCodeAt(i);
			if (code === LF || (code === CR && src.charCodeAt(i + 1) === LF)) {
				break;
			}
			if (isControl(code)) {
				this.#controlCharacter(i, 'a comment');
			}
		}
		this.#i = i;
	}

	#controlCharacter(at: number, where: string): never {
		const hex = this.#src.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
		this.#syntax(at, at + 1, `the control character U+${hex} is not allowed in ${where}${where.endsWith('string') ? ' (write it as an escape such as \\u' + hex + ')' : ''}`);
	}

	/** Inside arrays: spaces, line breaks and comments. */
	#skipBlank(): void {
		const src = this.#src;
		for (;;) {
			const code = src.charCodeAt(this.#i);
			if (code === SPACE || code === TAB) {
				this.#i++;
			} else if (code === LF || code === CR) {
				this.#newline();
			} else if (code === HASH) {
				this.#comment();
			} else {
				return;
			}
		}
	}

	/** After a key/value or a header: spaces, an optional comment, then a line break or the end. */
	#endOfLine(after: string): void {
		this.#skipSpaces();
		const src = this.#src;
		let code = src.charCodeAt(this.#i);
		if (code === HASH) {
			this.#comment();
			code = src.charCodeAt(this.#i);
		}
		if (code === LF || code === CR) {
			this.#newline();
		} else if (code === code) {
			const end = this.#wordEnd(this.#i);
			this.#syntax(this.#i, end, `unexpected '${src.slice(this.#i, end)}' after ${after}: each line holds one key = value (comments start with #)`);
		}
	}

	// ---- keys

	#key(context: 'line' | 'header' | 'inline'): Key {
		const src = this.#src;
		const start = this.#i;
		const parts: string[] = [];
		for (;;) {
			this.#skipSpaces();
			const code = src.charCodeAt(this.#i);
			if (code === QUOTE || code === APOSTROPHE) {
				if (src.charCodeAt(this.#i + 1) === code && src.charCodeAt(this.#i + 2) === code) {
					this.#syntax(this.#i, this.#i + 3, 'a key cannot be a multi-line string: quote it with one quote on each side');
				}
				parts.push(code === QUOTE ? this.#basicString() : this.#literalString());
			} else {
				const from = this.#i;
				while (isBareKeyChar(src.charCodeAt(this.#i))) {
					this.#i++;
				}
				if (from === this.#i) {
					this.#missingKey(context);
				}
				parts.push(src.slice(from, this.#i));
			}
			const end = this.#i;
			this.#skipSpaces();
			if (src.charCodeAt(this.#i) === DOT) {
				this.#i++;
				continue;
			}
			return { parts, start, end };
		}
	}

	#missingKey(context: 'line' | 'header' | 'inline'): never {
		const src = this.#src;
		const at = this.#i;
		if (at >= src.length || src.charCodeAt(at) === LF || src.charCodeAt(at) === CR) {
			this.#syntax(Math.max(0, at - 1), at, context === 'header' ? 'a table header needs a name' : 'a key is missing here');
		}
		const end = this.#wordEnd(at);
		const word = src.slice(at, end);
		const why = context === 'header' ? 'a table name is letters, digits, _ and - (quote anything else)'
			: context === 'inline' ? 'an inline table holds key = value pairs separated by commas, with no comma after the last one'
				: 'a line holds a key = value, a [table] header or a # comment; a key is letters, digits, _ and - (quote anything else)';
		this.#syntax(at, end, `unexpected '${word}': ${why}`);
	}

	// ---- strings

	/** At `"`: a one-line basic string. */
	#basicString(): string {
		const src = this.#src;
		const start = this.#i;
		let result = '';
		let runStart = start + 1;
		for (let i = start + 1; ; i++) {
			const code = src.charCodeAt(i);
			if (code === QUOTE) {
				this.#i = i + 1;
				return result + src.slice(runStart, i);
			}
			if (code === BACKSLASH) {
				result += src.slice(runStart, i);
				const [text, length] = this.#escape(i);
				result += text;
				i += length - 1;
				runStart = i + 1;
			} else if (code !== code || code === LF || (code === CR && src.charCodeAt(i + 1) === LF)) {
				this.#syntax(start, lineEndOf(src, start), 'this string is never closed: add the closing "');
			} else if (isControl(code)) {
				this.#controlCharacter(i, 'a string');
			}
		}
	}

	/** At `'`: a one-line literal string. */
	#literalString(): string {
		const src = this.#src;
		const start = this.#i;
		for (let i = start + 1; ; i++) {
			const code = src.charCodeAt(i);
			if (code === APOSTROPHE) {
				this.#i = i + 1;
				return src.slice(start + 1, i);
			}
			if (code !== code || code === LF || (code === CR && src.charCodeAt(i + 1) === LF)) {
				this.#syntax(start, lineEndOf(src, start), 'this string is never closed: add the closing \'');
			}
			if (isControl(code)) {
				this.#controlCharacter(i, 'a string');
			}
		}
	}

	/** At `"""` or `'''`: a multi-line string. */
	#multilineString(quote: number): string {
		const src = this.#src;
		const start = this.#i;
		let i = start + 3;
		// A line break right after the opening delimiter is not part of the string.
		if (src.charCodeAt(i) === LF) {
			i++;
		} else if (src.charCodeAt(i) === CR && src.charCodeAt(i + 1) === LF) {
			i += 2;
		}
		let result = '';
		let runStart = i;
		for (; ; i++) {
			const code = src.charCodeAt(i);
			if (code === quote && src.charCodeAt(i + 1) === quote && src.charCodeAt(i + 2) === quote) {
				// Up to two quotes may stand right before the closing delimiter.
				let run = 3;
				while (src.charCodeAt(i + run) === quote) {
					run++;
				}
				if (run > 5) {
					this.#syntax(i, i + run, `too many quotes: a multi-line string ends at the first ${String.fromCharCode(quote).repeat(3)}, and at most two quotes may stand before it (escape the others)`);
				}
				this.#i = i + run;
				return result + src.slice(runStart, i + run - 3);
			}
			if (code !== code) {
				this.#syntax(start, start + 3, 'this multi-line string is never closed');
			}
			if (quote === QUOTE && code === BACKSLASH) {
				result += src.slice(runStart, i);
				const trimmed = this.#lineEndingBackslash(i);
				if (trimmed > 0) {
					i = trimmed - 1;
				} else {
					const [text, length] = this.#escape(i);
					result += text;
					i += length - 1;
				}
				runStart = i + 1;
			} else if (code === CR) {
				if (src.charCodeAt(i + 1) !== LF) {
					this.#syntax(i, i + 1, 'a carriage return (CR) must be followed by a line feed: save the file with LF or CRLF line endings');
				}
			} else if (code !== LF && isControl(code)) {
				this.#controlCharacter(i, 'a string');
			}
		}
	}

	/**
	 * A backslash that ends a line (spaces may follow it) trims the line break and the white space after
	 * it: returns where the string goes on, or 0 when this backslash is an escape.
	 */
	#lineEndingBackslash(at: number): number {
		const src = this.#src;
		let i = at + 1;
		while (src.charCodeAt(i) === SPACE || src.charCodeAt(i) === TAB) {
			i++;
		}
		const code = src.charCodeAt(i);
		if (code !== LF && !(code === CR && src.charCodeAt(i + 1) === LF)) {
			return 0;
		}
		for (;;) {
			const next = src.charCodeAt(i);
			if (next === SPACE || next === TAB || next === LF) {
				i++;
			} else if (next === CR && src.charCodeAt(i + 1) === LF) {
				i += 2;
			} else {
				return i;
			}
		}
	}

	/** At `\`: the escaped text and how many characters the escape takes. */
	#escape(at: number): [string, number] {
		const src = this.#src;
		const letter = src[at + 1];
		switch (letter) {
			case 'b': return ['\b', 2];
			case 't': return ['\t', 2];
			case 'n': return ['\n', 2];
			case 'f': return ['\f', 2];
			case 'r': return ['\r', 2];
			case 'e': return ['\u001b', 2];
			case '"': return ['"', 2];
			case '\\': return ['\\', 2];
			case 'u': case 'U': {
				const length = letter === 'u' ? 4 : 8;
				const hex = src.slice(at + 2, at + 2 + length);
				const code = /^[\da-fA-F]+$/.test(hex) && hex.length === length ? parseInt(hex, 16) : -1;
				if (code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
					this.#syntax(at, at + 2 + hex.length, `'\\${letter}${hex}' is not a Unicode character: \\${letter} takes ${length} hexadecimal digits of a code point (surrogates excluded)`);
				}
				return [String.fromCodePoint(code), 2 + length];
			}
			default: {
				const shown = letter === undefined || letter === '\n' || letter === '\r' ? '' : letter;
				this.#syntax(at, at + 1 + shown.length, `'\\${shown}' is not a TOML escape: write \\\\ for a backslash (or use a 'literal string')`);
			}
		}
	}

	// ---- tables

	#header(): void {
		const src = this.#src;
		const headerStart = this.#i;
		if (this.firstHeader < 0) {
			this.firstHeader = headerStart;
		}
		const isArray = src.charCodeAt(this.#i + 1) === LBRACKET;
		this.#i += isArray ? 2 : 1;
		const key = this.#key('header');
		if (src.charCodeAt(this.#i) !== RBRACKET || (isArray && src.charCodeAt(this.#i + 1) !== RBRACKET)) {
			this.#syntax(headerStart, lineEndOf(src, headerStart), `this table header is never closed: end it with ${isArray ? ']]' : ']'}`);
		}
		this.#i += isArray ? 2 : 1;
		const name = key.parts.join('.');
		const path = key.parts;
		let table = this.root;
		for (let k = 0; k < path.length - 1; k++) {
			table = this.#descendForHeader(table, path.slice(0, k + 1), key);
		}
		const last = path[path.length - 1];
		const existing = ownValue(table, last);
		if (isArray) {
			let array: unknown[];
			if (existing === undefined) {
				array = [];
				this.#tableArrays.add(array);
				setOwn(table, last, array);
			} else if (Array.isArray(existing) && this.#tableArrays.has(existing)) {
				array = existing;
			} else {
				this.#fail(key.start, key.end, `TOML syntax error: '${name}' is already defined ${this.#definedAt(path)}, so [[${name}]] cannot add to it. Hugo fails the build. Rename one of them.`);
			}
			const element: Record<string, unknown> = {};
			this.#origins.set(element, 'header');
			array.push(element);
			this.#table = element;
		} else if (existing === undefined) {
			const created: Record<string, unknown> = {};
			this.#origins.set(created, 'header');
			setOwn(table, last, created);
			this.#table = created;
		} else if (isTable(existing) && this.#origins.get(existing) === 'implicit') {
			this.#origins.set(existing, 'header');
			this.#table = existing;
		} else if (isTable(existing) && this.#origins.get(existing) === 'header') {
			this.#fail(key.start, key.end, `'${name}' is already defined above: Hugo fails the build ("table ${name} already exists"). Merge the two [${name}] tables, or rename one.`, 'fm-duplicate-key');
		} else {
			this.#fail(key.start, key.end, `TOML syntax error: '${name}' is already defined ${this.#definedAt(path)}, so the table [${name}] cannot be defined again. Hugo fails the build. Merge the two, or rename one.`);
		}
		this.#headers.push({ path, start: key.start });
		this.#tablePath = path;
	}

	/** One step of a header's path: into a table, or the last table of a `[[array]]`. */
	#descendForHeader(table: Record<string, unknown>, path: readonly string[], key: Key): Record<string, unknown> {
		const part = path[path.length - 1];
		const existing = ownValue(table, part);
		if (existing === undefined) {
			const created: Record<string, unknown> = {};
			this.#origins.set(created, 'implicit');
			setOwn(table, part, created);
			return created;
		}
		if (Array.isArray(existing) && this.#tableArrays.has(existing)) {
			return existing[existing.length - 1] as Record<string, unknown>;
		}
		if (isTable(existing) && this.#origins.get(existing) !== 'inline') {
			return existing;
		}
		const name = path.join('.');
		const what = isTable(existing) ? 'an inline table, which cannot be extended' : 'a value, not a table';
		this.#fail(key.start, key.end, `TOML syntax error: '${name}' is ${what} ${this.#definedAt(path)}, so [${key.parts.join('.')}] cannot be defined inside it. Hugo fails the build.`);
	}

	// ---- key/value pairs

	#keyValue(): void {
		const lineStart = lineStartOf(this.#src, this.#i);
		const key = this.#key('line');
		this.#expectEquals(key);
		const value = this.#value(key, this.#tablePath);
		this.#assign(this.#table, this.#tablePath, key, value, lineStart, this.#table === this.root);
	}

	#expectEquals(key: Key): void {
		const src = this.#src;
		if (src.charCodeAt(this.#i) !== EQUALS) {
			const at = this.#i;
			if (at >= src.length || src.charCodeAt(at) === LF || src.charCodeAt(at) === CR) {
				this.#syntax(key.start, key.end, `'${key.parts.join('.')}' has no value: write ${key.parts.join('.')} = "…"`);
			}
			const end = this.#wordEnd(at);
			this.#syntax(at, end, `unexpected '${src.slice(at, end)}' after the key '${key.parts.join('.')}': a '=' and a value must follow it`);
		}
		this.#i++;
		this.#skipSpaces();
	}

	/** Sets `key` (dotted keys make or extend tables on the way) in `table`, and records the entry. */
	#assign(table: Record<string, unknown>, tablePath: readonly string[], key: Key, value: ParsedValue, lineStart: number, inRoot: boolean): void {
		const parts = key.parts;
		let target = table;
		for (let k = 0; k < parts.length - 1; k++) {
			const part = parts[k];
			const existing = ownValue(target, part);
			if (existing === undefined) {
				const created: Record<string, unknown> = {};
				this.#origins.set(created, 'dotted');
				setOwn(target, part, created);
				target = created;
				continue;
			}
			const origin = isTable(existing) ? this.#origins.get(existing) : undefined;
			if (origin === 'dotted' || origin === 'implicit') {
				target = existing as Record<string, unknown>;
				continue;
			}
			const name = [...tablePath, ...parts.slice(0, k + 1)];
			const shown = name.join('.');
			const why = origin === 'header' ? `the table [${shown}] ${this.#definedAt(name)}, which its own header defines: add the key under that header`
				: origin === 'inline' ? `an inline table ${this.#definedAt(name)}, which cannot be extended`
					: `already a value ${this.#definedAt(name)}, not a table`;
			this.#fail(key.start, key.end, `TOML syntax error: '${shown}' is ${why}. Hugo fails the build.`);
		}
		const last = parts[parts.length - 1];
		if (ownValue(target, last) !== undefined) {
			const shown = parts.join('.');
			this.#fail(key.start, key.end, `'${shown}' is already defined above: Hugo fails the build ("key ${shown} is already defined"). Remove or rename one of them.`, 'fm-duplicate-key');
		}
		setOwn(target, last, value.value);
		this.entries.push({
			key: parts.length === 1 ? parts[0] : parts.join('.'),
			path: tablePath.length === 0 && parts.length === 1 ? parts : [...tablePath, ...parts],
			topLevel: inRoot && parts.length === 1,
			keyStart: this.#base + key.start,
			keyEnd: this.#base + key.end,
			lineStart: this.#base + lineStart,
			lineEnd: this.#base + lineEndOf(this.#src, value.end - this.#base),
			value,
		});
	}

	// ---- values

	/**
	 * The value after `key =`. Arrays and inline tables are read with an explicit stack, not by
	 * recursion: Hugo reads any depth, and a deep value must not exhaust ours.
	 */
	#value(key: Key, tablePath: readonly string[]): ParsedValue {
		const code = this.#src.charCodeAt(this.#i);
		if (code !== LBRACKET && code !== LBRACE) {
			// Most values are scalars: no stack for them.
			return this.#scalar();
		}
		const stack: Frame[] = [];
		for (;;) {
			let done = this.#openOrScalar(stack, key, tablePath);
			while (done !== undefined) {
				const top = stack[stack.length - 1];
				if (top === undefined) {
					return done;
				}
				done = top.type === 'array' ? this.#afterItem(stack, top, done) : this.#afterMember(stack, top, done);
			}
		}
	}

	/**
	 * A scalar, or the opening of an array or inline table (pushed on `stack`; `undefined` until it
	 * closes). `key` and `tablePath` name the value when `stack` is empty.
	 */
	#openOrScalar(stack: Frame[], key: Key, tablePath: readonly string[]): ParsedValue | undefined {
		const src = this.#src;
		const start = this.#i;
		const code = src.charCodeAt(start);
		if (code !== LBRACKET && code !== LBRACE) {
			return this.#scalar();
		}
		// Entries inside the value are named by its path, array positions left out.
		const top = stack[stack.length - 1];
		const path = top === undefined ? [...tablePath, ...key.parts] : top.type === 'array' ? top.path : [...top.path, ...top.key.parts];
		if (code === LBRACKET) {
			this.#i++;
			const frame: ArrayFrame = { type: 'array', start, items: [], data: [], path };
			stack.push(frame);
			this.#skipBlank();
			if (src.charCodeAt(this.#i) === RBRACKET) {
				this.#i++;
				return this.#closeArray(stack);
			}
			this.#expectValue(stack);
			return undefined;
		}
		this.#i++;
		const table: Record<string, unknown> = {};
		this.#skipSpaces();
		if (src.charCodeAt(this.#i) === RBRACE) {
			this.#i++;
			this.#origins.set(table, 'inline');
			return new ParsedValue('table', table, this.#base + start, this.#base + this.#i);
		}
		const memberKey = this.#key('inline');
		this.#expectEquals(memberKey);
		stack.push({ type: 'table', start, table, path, lineStart: lineStartOf(src, start), key: memberKey });
		return undefined;
	}

	/** Inside an array, before an item: fails when the text ends or a line holds something else. */
	#expectValue(stack: Frame[]): void {
		if (this.#i >= this.#src.length) {
			this.#unclosed(stack);
		}
	}

	#unclosed(stack: Frame[]): never {
		const frame = stack[stack.length - 1];
		const what = frame.type === 'array' ? 'array' : 'inline table';
		this.#syntax(frame.start, frame.start + 1, `this ${what} is never closed`);
	}

	#closeArray(stack: Frame[]): ParsedValue {
		const frame = stack.pop() as ArrayFrame;
		return new ParsedValue('array', frame.data, this.#base + frame.start, this.#base + this.#i, undefined, frame.items);
	}

	/** After an array item: `,` and maybe the next item, or `]`. Returns the array once it closes. */
	#afterItem(stack: Frame[], frame: ArrayFrame, item: ParsedValue): ParsedValue | undefined {
		frame.items.push(item);
		frame.data.push(item.value);
		this.#skipBlank();
		const src = this.#src;
		const code = src.charCodeAt(this.#i);
		if (code === COMMA) {
			this.#i++;
			this.#skipBlank();
			if (src.charCodeAt(this.#i) === RBRACKET) {
				this.#i++;
				return this.#closeArray(stack);
			}
			if (src.charCodeAt(this.#i) === COMMA) {
				this.#syntax(this.#i, this.#i + 1, 'two commas in a row: a list item is missing between them');
			}
			this.#expectValue(stack);
			return undefined;
		}
		if (code === RBRACKET) {
			this.#i++;
			return this.#closeArray(stack);
		}
		if (code !== code) {
			this.#unclosed(stack);
		}
		const end = this.#wordEnd(this.#i);
		this.#syntax(this.#i, end, `unexpected '${src.slice(this.#i, end)}' in the list opened on line ${this.#lineOf(frame.start)}: separate items with commas and close the list with ]`);
	}

	/** After an inline table's value: `,` and the next key, or `}`. Returns the table once it closes. */
	#afterMember(stack: Frame[], frame: InlineTableFrame, value: ParsedValue): ParsedValue | undefined {
		this.#assign(frame.table, frame.path, frame.key, value, frame.lineStart, false);
		this.#skipSpaces();
		const src = this.#src;
		const code = src.charCodeAt(this.#i);
		if (code === COMMA) {
			this.#i++;
			this.#skipSpaces();
			frame.key = this.#key('inline');
			this.#expectEquals(frame.key);
			return undefined;
		}
		if (code === RBRACE) {
			this.#i++;
			stack.pop();
			this.#origins.set(frame.table, 'inline');
			return new ParsedValue('table', frame.table, this.#base + frame.start, this.#base + this.#i);
		}
		if (code !== code || code === LF || code === CR || code === HASH) {
			this.#syntax(frame.start, frame.start + 1, 'this inline table is never closed: an inline table stays on one line, and ends with }');
		}
		const end = this.#wordEnd(this.#i);
		this.#syntax(this.#i, end, `unexpected '${src.slice(this.#i, end)}' in the inline table: separate its key = value pairs with commas and close it with }`);
	}

	#scalar(): ParsedValue {
		const src = this.#src;
		const start = this.#i;
		const code = src.charCodeAt(start);
		if (code === QUOTE || code === APOSTROPHE) {
			const triple = src.charCodeAt(start + 1) === code && src.charCodeAt(start + 2) === code;
			const text = triple ? this.#multilineString(code) : code === QUOTE ? this.#basicString() : this.#literalString();
			return new ParsedValue('string', text, this.#base + start, this.#base + this.#i, triple ? 'multiline' : code === QUOTE ? 'double' : 'single');
		}
		let end = start;
		while (!endsValue(src.charCodeAt(end))) {
			end++;
		}
		// A date and a time separated by one space are one value (`2017-05-09 10:00:00-04:00`).
		if (src.charCodeAt(end) === SPACE && end - start === 10 && isDigit(src.charCodeAt(end + 1)) && isDigit(src.charCodeAt(end + 2)) && src.charCodeAt(end + 3) === 58 /* : */
			&& DATE_ONLY.test(src.slice(start, end))) {
			end++;
			while (!endsValue(src.charCodeAt(end))) {
				end++;
			}
		}
		if (end === start) {
			const at = code === LF || code === CR || code !== code ? Math.max(0, start - 1) : start;
			this.#syntax(at, this.#wordEnd(at), code === LF || code === CR || code !== code ? 'a value is missing after \'=\'' : `unexpected '${src[start]}': a value is missing here`);
		}
		this.#i = end;
		const raw = src.slice(start, end);
		const [kind, value] = this.#scalarValue(raw, start, end);
		return new ParsedValue(kind, value, this.#base + start, this.#base + end);
	}

	#scalarValue(raw: string, start: number, end: number): [ValueKind, unknown] {
		if (raw === 'true') {
			return ['boolean', true];
		}
		if (raw === 'false') {
			return ['boolean', false];
		}
		const first = raw.charCodeAt(0);
		if (isDigit(first) && (DATE_PREFIX.test(raw) || raw.charCodeAt(2) === 58 /* : */)) {
			return this.#dateValue(raw, start, end);
		}
		if (DECIMAL_INTEGER.test(raw) || PREFIXED_INTEGER.test(raw)) {
			return ['integer', this.#integerValue(raw, start, end)];
		}
		if (FLOAT.test(raw)) {
			const value = Number(raw.replace(/_/g, ''));
			if (!Number.isFinite(value)) {
				this.#syntax(start, end, `${raw} is too large for a 64-bit float`);
			}
			return ['float', value];
		}
		if (SPECIAL_FLOAT.test(raw)) {
			return ['float', raw.endsWith('nan') ? NaN : raw.startsWith('-') ? -Infinity : Infinity];
		}
		this.#syntax(start, end, explainValue(raw));
	}

	#integerValue(raw: string, start: number, end: number): number | bigint {
		const digits = raw.includes('_') ? raw.replace(/_/g, '') : raw;
		if (digits.length < 16 && !PREFIXED_INTEGER.test(raw)) {
			return Number(digits) + 0; // -0 is the integer 0
		}
		const value = BigInt(digits.startsWith('+') ? digits.slice(1) : digits);
		if (value > INT64_MAX || value < INT64_MIN) {
			this.#fail(start, end, `Invalid TOML integer ${raw}: it does not fit in 64 bits (-9223372036854775808 to 9223372036854775807). Hugo fails the build. Quote it to keep it as text.`);
		}
		return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
	}

	#dateValue(raw: string, start: number, end: number): [ValueKind, TomlDate] {
		const invalid = (reason: string): never => this.#fail(start, end, `Invalid TOML date '${raw}': ${reason}. Hugo fails the build.`);
		const date = DATE_TIME.exec(raw);
		if (date) {
			const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
			if (month < 1 || month > 12) {
				invalid(`month ${date[2]} does not exist`);
			}
			if (day < 1 || day > daysInMonth(year, month)) {
				invalid(`day ${date[3]} does not exist in ${year}-${date[2]}`);
			}
			if (date[4] === undefined) {
				return ['date', new TomlDate(utc(year, month, day, 0, 0, 0, 0), raw)];
			}
			const [hour, minute, second] = this.#checkTime(date[4], date[5], date[6], invalid);
			const local = utc(year, month, day, hour, minute, second, milliseconds(date[7]));
			const zone = date[8];
			if (zone === undefined) {
				return ['localDatetime', new TomlDate(local, raw)];
			}
			let offset = 0;
			if (zone !== 'Z' && zone !== 'z') {
				const [offsetHours, offsetMinutes] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
				if (offsetHours > 23 || offsetMinutes > 59) {
					invalid(`the offset ${zone} does not exist`);
				}
				offset = (zone[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
			}
			return ['datetime', new TomlDate(local - offset * 60_000, raw)];
		}
		const time = TIME_ONLY.exec(raw);
		if (time) {
			const [hour, minute, second] = this.#checkTime(time[1], time[2], time[3], invalid);
			return ['time', new TomlDate(utc(1970, 1, 1, hour, minute, second, milliseconds(time[4])), raw)];
		}
		return invalid(DATE_PREFIX.test(raw)
			? 'it is not a TOML date (YYYY-MM-DD), date-time (YYYY-MM-DDTHH:MM:SS with an optional offset) or time'
			: 'it is not a TOML time (HH:MM:SS)');
	}

	#checkTime(hour: string, minute: string, second: string, invalid: (reason: string) => never): [number, number, number] {
		if (Number(hour) > 23) {
			invalid(`hour ${hour} does not exist`);
		}
		if (Number(minute) > 59) {
			invalid(`minute ${minute} does not exist`);
		}
		if (Number(second) > 60) {
			invalid(`second ${second} does not exist`);
		}
		return [Number(hour), Number(minute), Number(second)];
	}
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** Milliseconds from the digits after a time's dot: Hugo keeps nanoseconds, a JavaScript date milliseconds. */
function milliseconds(fraction: string | undefined): number {
	return fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
}

/** A time from UTC fields; years below 100 stay as written (`Date.UTC` would move them to the 1900s). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
	const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
	return date.setUTCFullYear(year, month - 1, day);
}

/** Says what is wrong with a word where a value should be, in a writer's terms. */
function explainValue(word: string): string {
	if (/^[+-]?0\d[\d_]*$/.test(word)) {
		return `${word}: a TOML number cannot start with 0 (write ${word.replace(/^([+-]?)0+(?=\d)/, '$1')}, or quote it as text)`;
	}
	if (/^[+-]?[\d_]+\.(?!\d)/.test(word)) {
		return `${word}: a dot in a TOML number needs a digit after it (write ${word.replace(/\.(?!\d)/, '.0')})`;
	}
	if (/^[+-]?[\d.]/.test(word) && /\d/.test(word)) {
		return `${word} is not a TOML number: digits may be grouped by single underscores between digits, with a digit on each side of a dot (quote it to keep it as text)`;
	}
	return `${word} is not a TOML value: quote text ("${word.replace(/["\\]/g, '\\$&')}"), or write a number, true/false, a date, [list] or {table}`;
}

/** A key's value in a table, own properties only (`constructor` is a key like any other). */
function ownValue(table: Record<string, unknown>, key: string): unknown {
	const value = table[key];
	return value === undefined || Object.prototype.hasOwnProperty.call(table, key) ? value : undefined;
}

function setOwn(table: Record<string, unknown>, key: string, value: unknown): void {
	if (key === '__proto__') {
		Object.defineProperty(table, key, { value, enumerable: true, writable: true, configurable: true });
	} else {
		table[key] = value;
	}
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
	if (month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) {
		return 29;
	}
	return DAYS_IN_MONTH[month - 1];
}

/**
 * Parses TOML front matter content that starts at `base` in the whole text, on line `firstLine`
 * (0-based; messages name lines 1-based).
 */
export function parseToml(content: string, base: number, firstLine = 0): TomlResult {
	const parser = new TomlParser(content, base, firstLine);
	const insertOffset = () => base + (parser.firstHeader >= 0 ? parser.firstHeader : content.length);
	try {
		parser.parse();
	} catch (error) {
		if (error instanceof TomlSyntaxError) {
			return { data: undefined, entries: parser.entries, problems: [error.problem], insertOffset: insertOffset() };
		}
		throw error;
	}
	return { data: parser.root, entries: parser.entries, problems: [], insertOffset: insertOffset() };
}

/** A whole TOML document (a configuration file) as data; throws `TomlSyntaxError` where Hugo would fail. */
export function parseTomlData(text: string): Record<string, unknown> {
	const result = parseToml(text, 0);
	if (result.data === undefined) {
		throw new TomlSyntaxError(result.problems[0]);
	}
	return result.data;
}
