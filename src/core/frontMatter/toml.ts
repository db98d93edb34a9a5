import * as TOML from '@iarna/toml';
import { lineEndOf, lineStartOf } from '../text';
import { isTable, type FrontMatterEntry, type FrontMatterValue, type QuoteStyle, type SyntaxProblem, type ValueKind } from './model';

/**
 * TOML front matter: `@iarna/toml` decides validity and builds the data; a light scanner over the same
 * text finds where every key and value is, because the parser reports no positions for values and
 * none at all for some errors (such as "Invalid Datetime").
 */
export interface TomlResult {
	readonly data: Record<string, unknown> | undefined;
	readonly entries: FrontMatterEntry[];
	readonly problems: SyntaxProblem[];
	/** Where a new top-level key goes: before the first `[table]` header, else at the end. */
	readonly insertOffset: number;
}

// Four digits and a dash make a date token for Hugo's TOML reader, which then wants YYYY-MM-DD exactly
// (`2017-05-9` fails the build although @iarna/toml reads it).
const DATE_PREFIX = /^\d{4}-/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;
const TIME_ONLY = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;

/** `A-Z a-z 0-9 _ -`: the characters of a bare key. */
function isBareKeyChar(code: number): boolean {
	return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/** Where an unquoted value ends: white space, a line break, `,`, `]`, `}`, `#`, or the end of the text. */
function endsValue(code: number): boolean {
	return code !== code /* NaN: end of text */ || code === 32 || code === 9 || code === 10 || code === 13 || code === 44 || code === 93 || code === 125 || code === 35;
}

/** A value found by the scanner; the parser's data and exact kind are attached once it has parsed. */
class ScannedValue implements FrontMatterValue {
	kind: ValueKind;
	value: unknown = undefined;
	readonly start: number;
	readonly end: number;
	readonly quote: QuoteStyle | undefined;
	readonly items: ScannedValue[] | undefined;

	constructor(kind: ValueKind, start: number, end: number, quote?: QuoteStyle, items?: ScannedValue[]) {
		this.kind = kind;
		this.start = start;
		this.end = end;
		this.quote = quote;
		this.items = items;
	}
}

/**
 * How deep arrays and inline tables are scanned item by item. Hugo reads any depth; past this one the
 * scanner only finds where the value ends, so a pathological value cannot exhaust the stack.
 */
const MAX_SCANNED_DEPTH = 64;

interface MutableEntry {
	key: string;
	path: string[];
	topLevel: boolean;
	keyStart: number;
	keyEnd: number;
	lineStart: number;
	lineEnd: number;
	value: ScannedValue;
}

interface DateToken {
	readonly start: number;
	readonly end: number;
	readonly raw: string;
}

class TomlScanner {
	readonly entries: MutableEntry[] = [];
	readonly duplicates: SyntaxProblem[] = [];
	/** Native date/time tokens: checked for ranges the parser lets through, patched for lowercase `t`/`z`. */
	readonly dateTokens: DateToken[] = [];
	/** Integer tokens: checked against the 64-bit range, which the parser wraps around silently. */
	readonly integerTokens: DateToken[] = [];
	/** Offsets of `\e` escapes in basic strings: Hugo reads them as ESC, the parser refuses them. */
	readonly escapeEs: number[] = [];
	/** Openings of arrays, inline tables and strings that never close. */
	readonly unclosed: Array<{ start: number; end: number; what: string }> = [];
	/** `[table]` headers, to name the one the parser refuses. */
	readonly headers: Array<{ start: number; end: number; name: string }> = [];
	/** Where each dotted name (tables, dotted-key prefixes, keys) first appears: offset of its key. */
	readonly firstDefinitions = new Map<string, number>();
	firstTableHeader = -1;
	#i = 0;
	readonly #src: string;
	readonly #base: number;
	#table: string[] = [];
	#depth = 0;
	readonly #defined = new Set<string>();
	readonly #arrayTableCounts = new Map<string, number>();

	constructor(src: string, base: number) {
		this.#src = src;
		this.#base = base;
	}

	scan(): void {
		const src = this.#src;
		while (this.#i < src.length) {
			this.#skipSpaces();
			const ch = src[this.#i];
			if (ch === undefined) {
				break;
			}
			if (ch === '\n' || ch === '\r') {
				this.#i++;
				continue;
			}
			if (ch === '#') {
				this.#skipToLineEnd();
				continue;
			}
			const lineStart = lineStartOf(this.#src, this.#i);
			if (ch === '[') {
				this.#header();
			} else {
				this.#keyValue(this.#table, this.#table.length === 0, lineStart, true);
			}
			this.#skipToLineEnd();
		}
	}

	#skipSpaces(): void {
		const src = this.#src;
		while (src[this.#i] === ' ' || src[this.#i] === '\t') {
			this.#i++;
		}
	}

	#skipToLineEnd(): void {
		this.#i = lineEndOf(this.#src, this.#i);
	}

	/** Skips spaces, line breaks and comments (inside arrays). */
	#skipBlank(): void {
		const src = this.#src;
		for (;;) {
			const ch = src[this.#i];
			if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
				this.#i++;
			} else if (ch === '#') {
				this.#skipToLineEnd();
			} else {
				return;
			}
		}
	}

	#header(): void {
		const src = this.#src;
		const headerStart = this.#i;
		if (this.firstTableHeader < 0) {
			this.firstTableHeader = headerStart;
		}
		const isArray = src[this.#i + 1] === '[';
		this.#i += isArray ? 2 : 1;
		this.#skipSpaces();
		const key = this.#key();
		if (!key) {
			this.#table = ['\u0000invalid'];
			return;
		}
		const path = this.#canonical(key.parts);
		const id = path.join('\u0000');
		const name = key.parts.join('.');
		this.headers.push({ start: key.start, end: key.end, name });
		this.#recordDefinition(name, key.start);
		if (isArray) {
			const count = (this.#arrayTableCounts.get(id) ?? 0) + 1;
			this.#arrayTableCounts.set(id, count);
			this.#table = [...path, `#${count}`];
		} else {
			if (this.#defined.has(`[${id}`)) {
				this.#duplicate(key.start, key.end, key.parts.join('.'));
			}
			this.#defined.add(`[${id}`);
			this.#table = path;
		}
	}

	/** The path with array-of-tables indices, so keys in different `[[x]]` elements do not collide. */
	#canonical(parts: readonly string[]): string[] {
		const result: string[] = [];
		for (const part of parts) {
			result.push(part);
			const count = this.#arrayTableCounts.get(result.filter(p => !p.startsWith('#')).join('\u0000'));
			if (count !== undefined) {
				result.push(`#${count}`);
			}
		}
		return result;
	}

	#recordDefinition(name: string, offset: number): void {
		if (!this.firstDefinitions.has(name)) {
			this.firstDefinitions.set(name, offset);
		}
	}

	#duplicate(start: number, end: number, name: string): void {
		this.duplicates.push({
			code: 'fm-duplicate-key',
			message: `'${name}' is already defined above: Hugo fails the build ("key ${name} is already defined"). Remove or rename one of them.`,
			start: this.#base + start, end: this.#base + end, severity: 'error',
		});
	}

	#key(): { parts: string[]; start: number; end: number } | undefined {
		const src = this.#src;
		const start = this.#i;
		const parts: string[] = [];
		for (;;) {
			this.#skipSpaces();
			const ch = src[this.#i];
			if (ch === '"' || ch === '\'') {
				const close = this.#quotedKeyEnd(ch);
				if (close < 0) {
					return undefined;
				}
				const inner = src.slice(this.#i + 1, close);
				parts.push(ch === '"' ? unescapeBasic(inner) : inner);
				this.#i = close + 1;
			} else {
				const from = this.#i;
				while (this.#i < src.length && isBareKeyChar(src.charCodeAt(this.#i))) {
					this.#i++;
				}
				if (from === this.#i) {
					return undefined;
				}
				parts.push(src.slice(from, this.#i));
			}
			const end = this.#i;
			this.#skipSpaces();
			if (src[this.#i] === '.') {
				this.#i++;
				continue;
			}
			return { parts, start, end };
		}
	}

	#quotedKeyEnd(quote: string): number {
		const src = this.#src;
		for (let j = this.#i + 1; j < src.length; j++) {
			const ch = src[j];
			if (ch === '\n' || ch === '\r') {
				return -1;
			}
			if (quote === '"' && ch === '\\') {
				j++;
			} else if (ch === quote) {
				return j;
			}
		}
		return -1;
	}

	#keyValue(prefix: readonly string[], topLevel: boolean, lineStart: number, definesPath: boolean): MutableEntry | undefined {
		const src = this.#src;
		const key = this.#key();
		if (!key) {
			return undefined;
		}
		this.#skipSpaces();
		if (src[this.#i] !== '=') {
			return undefined;
		}
		this.#i++;
		this.#skipSpaces();
		// Most keys are plain top-level keys: no arrays to build for them.
		const simple = prefix.length === 0 && key.parts.length === 1;
		const path = simple ? key.parts : [...prefix, ...key.parts];
		const value = this.#value(path);
		if (!value) {
			return undefined;
		}
		const id = simple ? key.parts[0] : path.join('\u0000');
		// `a.b.c = 1` also defines the tables `a` and `a.b`.
		const names = simple ? key.parts : [...prefix.filter(p => p.charCodeAt(0) !== 35 /* # */), ...key.parts];
		for (let n = names.length - key.parts.length + 1; n <= names.length; n++) {
			this.#recordDefinition(simple ? key.parts[0] : names.slice(0, n).join('.'), key.start);
		}
		if (definesPath) {
			if (this.#defined.has(id)) {
				this.#duplicate(key.start, key.end, key.parts.join('.'));
			}
			this.#defined.add(id);
		}
		const entry: MutableEntry = {
			key: simple ? key.parts[0] : key.parts.join('.'),
			path: simple || !this.#hasArrayParts(path) ? path : path.filter(p => !p.startsWith('#')),
			topLevel: topLevel && key.parts.length === 1,
			keyStart: this.#base + key.start,
			keyEnd: this.#base + key.end,
			lineStart: this.#base + lineStart,
			lineEnd: this.#base + lineEndOf(this.#src, value.end - this.#base),
			value,
		};
		this.entries.push(entry);
		return entry;
	}

	#hasArrayParts(path: readonly string[]): boolean {
		for (const part of path) {
			if (part.charCodeAt(0) === 35 /* # */) {
				return true;
			}
		}
		return false;
	}

	#value(path: readonly string[]): ScannedValue | undefined {
		const src = this.#src;
		const start = this.#i;
		const ch = src[start];
		if (ch === '"' || ch === '\'') {
			return this.#string(ch);
		}
		if ((ch === '[' || ch === '{') && this.#depth >= MAX_SCANNED_DEPTH) {
			return this.#skipNested();
		}
		if (ch === '[' || ch === '{') {
			this.#depth++;
			try {
				return ch === '[' ? this.#array(path) : this.#inlineTable(path);
			} finally {
				this.#depth--;
			}
		}
		let end = start;
		while (!endsValue(src.charCodeAt(end))) {
			end++;
		}
		// A date and a time separated by one space are one token (`2017-05-09 10:00:00-04:00`).
		if (src[end] === ' ' && /^\d{4}-\d{2}-\d{2}$/.test(src.slice(start, end)) && /^ \d{2}:/.test(src.slice(end, end + 4))) {
			end++;
			while (!endsValue(src.charCodeAt(end))) {
				end++;
			}
		}
		if (end === start) {
			return undefined;
		}
		this.#i = end;
		const raw = src.slice(start, end);
		const kind = scalarKind(raw);
		if (kind === 'date' || kind === 'localDatetime' || kind === 'datetime' || kind === 'time' || DATE_PREFIX.test(raw)) {
			this.dateTokens.push({ start: this.#base + start, end: this.#base + end, raw });
		} else if (kind === 'integer' && raw.length >= 18) {
			// An integer written in fewer than 18 characters always fits in 64 bits.
			this.integerTokens.push({ start: this.#base + start, end: this.#base + end, raw });
		}
		return new ScannedValue(kind, this.#base + start, this.#base + end);
	}

	#string(quote: string): ScannedValue {
		const src = this.#src;
		const start = this.#i;
		const delimiter = quote === '"' ? '"""' : '\'\'\'';
		const triple = src.startsWith(delimiter, start);
		let end = -1;
		if (triple) {
			for (let j = start + 3; j < src.length; j++) {
				if (quote === '"' && src[j] === '\\') {
					this.#escape(j);
					j++;
				} else if (src[j] === quote && src.startsWith(delimiter, j)) {
					// Up to two quotes may sit right before the closing delimiter.
					let close = j + 3;
					while (close < j + 5 && src[close] === quote) {
						close++;
					}
					end = close;
					break;
				}
			}
		} else {
			for (let j = start + 1; j < src.length; j++) {
				const ch = src[j];
				if (ch === '\n' || ch === '\r') {
					break;
				}
				if (quote === '"' && ch === '\\') {
					this.#escape(j);
					j++;
				} else if (ch === quote) {
					end = j + 1;
					break;
				}
			}
		}
		if (end < 0) {
			end = triple ? src.length : lineEndOf(this.#src, start);
			this.unclosed.push({ start: this.#base + start, end: this.#base + end, what: 'string' });
		}
		this.#i = end;
		return new ScannedValue('string', this.#base + start, this.#base + end, triple ? 'multiline' : quote === '"' ? 'double' : 'single');
	}

	#escape(at: number): void {
		if (this.#src[at + 1] === 'e') {
			this.escapeEs.push(at);
		}
	}

	#array(path: readonly string[]): ScannedValue {
		const src = this.#src;
		const start = this.#i;
		this.#i++;
		const items: ScannedValue[] = [];
		for (;;) {
			this.#skipBlank();
			const ch = src[this.#i];
			if (ch === ']') {
				this.#i++;
				break;
			}
			const item = ch === undefined ? undefined : this.#value([...path, `#${items.length}`]);
			if (!item) {
				this.unclosed.push({ start: this.#base + start, end: this.#base + start + 1, what: 'array' });
				break;
			}
			items.push(item);
			this.#skipBlank();
			if (src[this.#i] === ',') {
				this.#i++;
			} else if (src[this.#i] === ']') {
				this.#i++;
				break;
			} else {
				this.unclosed.push({ start: this.#base + start, end: this.#base + start + 1, what: 'array' });
				break;
			}
		}
		return new ScannedValue('array', this.#base + start, this.#base + this.#i, undefined, items);
	}

	/** Finds the end of an array or inline table without looking at its items (strings and comments skipped). */
	#skipNested(): ScannedValue {
		const src = this.#src;
		const start = this.#i;
		let open = 0;
		while (this.#i < src.length) {
			const ch = src[this.#i];
			if (ch === '"' || ch === '\'') {
				this.#string(ch);
				continue;
			}
			if (ch === '#') {
				this.#skipToLineEnd();
				continue;
			}
			this.#i++;
			if (ch === '[' || ch === '{') {
				open++;
			} else if ((ch === ']' || ch === '}') && --open === 0) {
				break;
			}
		}
		if (open > 0) {
			this.unclosed.push({ start: this.#base + start, end: this.#base + start + 1, what: src[start] === '[' ? 'array' : 'inline table' });
		}
		return new ScannedValue(src[start] === '[' ? 'array' : 'table', this.#base + start, this.#base + this.#i);
	}

	#inlineTable(path: readonly string[]): ScannedValue {
		const src = this.#src;
		const start = this.#i;
		this.#i++;
		const lineStart = lineStartOf(this.#src, start);
		for (;;) {
			this.#skipSpaces();
			if (src[this.#i] === '}') {
				this.#i++;
				break;
			}
			const entry = this.#keyValue(path, false, lineStart, true);
			this.#skipSpaces();
			if (entry && src[this.#i] === ',') {
				this.#i++;
			} else if (entry && src[this.#i] === '}') {
				this.#i++;
				break;
			} else {
				this.unclosed.push({ start: this.#base + start, end: this.#base + start + 1, what: 'inline table' });
				break;
			}
		}
		return new ScannedValue('table', this.#base + start, this.#base + this.#i);
	}
}

function scalarKind(raw: string): ValueKind {
	if (raw === 'true' || raw === 'false') {
		return 'boolean';
	}
	if (DATE_ONLY.test(raw)) {
		return 'date';
	}
	const dateTime = DATE_TIME.exec(raw);
	if (dateTime) {
		return dateTime[8] ? 'datetime' : 'localDatetime';
	}
	if (TIME_ONLY.test(raw)) {
		return 'time';
	}
	if (/^[+-]?(inf|nan)$/.test(raw) || (/^[+-]?[\d_]+(\.[\d_]+)?([eE][+-]?[\d_]+)?$/.test(raw) && /[.eE]/.test(raw))) {
		return 'float';
	}
	return 'integer';
}

function unescapeBasic(text: string): string {
	return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_match, esc: string) => {
		if (esc.length > 1) {
			return String.fromCodePoint(parseInt(esc.slice(1), 16));
		}
		return ({ b: '\b', t: '\t', n: '\n', f: '\f', r: '\r' } as Record<string, string>)[esc] ?? esc;
	});
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
	if (month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) {
		return 29;
	}
	return DAYS_IN_MONTH[month - 1];
}

/** Why a native TOML date/time token is not a valid date, or `undefined` when it is one. */
function invalidDateReason(raw: string): string | undefined {
	const date = DATE_ONLY.exec(raw) ?? DATE_TIME.exec(raw);
	const time = date ? undefined : TIME_ONLY.exec(raw);
	if (date) {
		const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
		if (month < 1 || month > 12) {
			return `month ${date[2]} does not exist`;
		}
		if (day < 1 || day > daysInMonth(year, month)) {
			return `day ${date[3]} does not exist in ${year}-${date[2]}`;
		}
		if (date[4] !== undefined) {
			return invalidTimeReason(date[4], date[5], date[6]);
		}
		return undefined;
	}
	if (time) {
		return invalidTimeReason(time[1], time[2], time[3]);
	}
	return DATE_PREFIX.test(raw) ? 'it is not a TOML date (YYYY-MM-DD), date-time (YYYY-MM-DDTHH:MM:SS with an optional offset) or time' : undefined;
}

function invalidTimeReason(hour: string, minute: string, second: string): string | undefined {
	if (Number(hour) > 23) {
		return `hour ${hour} does not exist`;
	}
	if (Number(minute) > 59) {
		return `minute ${minute} does not exist`;
	}
	if (Number(second) > 60) {
		return `second ${second} does not exist`;
	}
	return undefined;
}

const INT64_MAX = (1n << 63n) - 1n;
const INTEGER_SYNTAX = /^(?:[+-]?\d[\d_]*|0x[\da-fA-F_]+|0o[0-7_]+|0b[01_]+)$/;

/** Why an integer token does not fit in Go's int64, as Hugo's reader needs; `undefined` when it fits (or is no integer). */
function integerRangeReason(raw: string): string | undefined {
	if (!INTEGER_SYNTAX.test(raw)) {
		return undefined;
	}
	const digits = raw.replace(/_/g, '');
	let value: bigint;
	try {
		value = /^0[xob]/.test(digits) ? BigInt(digits) : BigInt(digits.replace(/^\+/, ''));
	} catch {
		return undefined;
	}
	if (value > INT64_MAX || value < -INT64_MAX - 1n) {
		return 'it does not fit in 64 bits (-9223372036854775808 to 9223372036854775807)';
	}
	return undefined;
}

/** Date tokens the parser refuses although they are valid TOML: lowercase `t`/`z`, a leap second. */
const NEEDS_PATCH = /[tz]|:60/;
const POSITION_SUFFIX = / at row \d+, col \d+, pos \d+:[\s\S]*$/;

/**
 * Parses TOML front matter content that starts at `base` in the whole text, on line `firstLine`
 * (0-based; messages name lines 1-based).
 */
export function parseToml(content: string, base: number, firstLine = 0): TomlResult {
	const scanner = new TomlScanner(content, base);
	scanner.scan();
	const insertOffset = base + (scanner.firstTableHeader >= 0 ? scanner.firstTableHeader : content.length);
	const problems: SyntaxProblem[] = [];

	// @iarna/toml accepts some impossible dates (2017-02-30 becomes March 2) and rejects valid lowercase
	// `t`/`z` separators: check date tokens here and hand the parser an upper-cased copy (same length, so
	// its error positions still hold).
	let parseText = content;
	for (const token of scanner.dateTokens) {
		const reason = invalidDateReason(token.raw);
		if (reason !== undefined) {
			problems.push({
				code: 'fm-syntax',
				message: `Invalid TOML date '${token.raw}': ${reason}. Hugo fails the build.`,
				start: token.start, end: token.end, severity: 'error',
			});
		} else if (NEEDS_PATCH.test(token.raw)) {
			// A leap second (:60) is valid TOML that Hugo reads (as the next second); the parser refuses it.
			const patched = token.raw.toUpperCase().replace(/^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:)60/, '$159');
			if (patched !== token.raw) {
				const from = token.start - base;
				parseText = parseText.slice(0, from) + patched + parseText.slice(token.end - base);
			}
		}
	}
	for (const token of scanner.integerTokens) {
		const reason = integerRangeReason(token.raw);
		if (reason !== undefined) {
			problems.push({
				code: 'fm-syntax',
				message: `Invalid TOML integer ${token.raw}: ${reason}. Hugo fails the build. Quote it to keep it as text.`,
				start: token.start, end: token.end, severity: 'error',
			});
		}
	}
	if (problems.length > 0) {
		problems.sort((a, b) => a.start - b.start);
		return { data: undefined, entries: scanner.entries, problems: problems.slice(0, 1), insertOffset };
	}

	// `\e` (ESC) is an escape Hugo's reader knows and the parser does not: hand it the long form. That
	// shifts what follows by 4 characters per escape, which error positions are mapped back through.
	const escapes = scanner.escapeEs;
	for (let k = escapes.length - 1; k >= 0; k--) {
		parseText = parseText.slice(0, escapes[k]) + '\\u001b' + parseText.slice(escapes[k] + 2);
	}
	let data: Record<string, unknown>;
	try {
		data = TOML.parse(parseText) as Record<string, unknown>;
	} catch (error) {
		let pos = (error as { pos?: number }).pos;
		if (typeof pos === 'number') {
			const patchedPos = pos;
			pos -= 4 * escapes.filter((offset, k) => offset + 4 * k < patchedPos).length;
		}
		problems.push(tomlErrorProblem(error, pos, content, base, firstLine, scanner));
		return { data: undefined, entries: scanner.entries, problems, insertOffset };
	}
	for (const entry of scanner.entries) {
		attachValues(entry.value, lookup(data, entry.path));
	}
	return { data, entries: scanner.entries, problems, insertOffset };
}

/** Parser errors met while reading a number, date or time: the parser has already read the line break after it. */
const TOKEN_ERROR = /digit|number|date|time|zero padded|boolean|inf"|nan"/i;

function tomlErrorProblem(error: unknown, pos: number | undefined, content: string, base: number, firstLine: number, scanner: TomlScanner): SyntaxProblem {
	const raw = error instanceof Error ? error.message : String(error);
	const detail = raw.split('\n')[0].replace(POSITION_SUFFIX, '').replace(/ at row \d+, col \d+, pos \d+:?$/, '')
		.replace(/Unknown character "(\d+)"/, (_match, code: string) => `unexpected '${String.fromCharCode(Number(code))}'`);
	if (/redefine existing key/i.test(detail) && scanner.duplicates.length > 0) {
		return scanner.duplicates[0];
	}
	if (/redefine/i.test(detail) && typeof pos === 'number') {
		const redefined = redefinedTable(content, pos, base, firstLine, scanner);
		if (redefined) {
			return redefined;
		}
	}
	if (/^Unterminated/i.test(detail) && scanner.unclosed.length > 0) {
		const opening = scanner.unclosed[0];
		return { code: 'fm-syntax', message: `TOML syntax error: this ${opening.what} is never closed. Hugo fails the build.`, start: opening.start, end: opening.end, severity: 'error' };
	}
	if (typeof pos === 'number' && pos >= 0) {
		let at = Math.min(pos, content.length);
		if (TOKEN_ERROR.test(detail) && at > 0 && content[at - 1] === '\n') {
			at -= at > 1 && content[at - 2] === '\r' ? 2 : 1;
		}
		// Errors are reported inside or one past the word that broke the value (`2017-05-09 oops` points
		// after the `o`, `title = x` at the line end): back up to the start of that word, where Hugo points.
		while (at > 0 && !' \t\r\n=[,{'.includes(content[at - 1])) {
			at--;
		}
		let end = at;
		while (end < content.length && !' \t\r\n,]}'.includes(content[end])) {
			end++;
		}
		if (end === at && at < content.length && !' \t\r\n'.includes(content[at])) {
			end++;
		} else if (end === at && at > 0 && !'\r\n'.includes(content[at - 1])) {
			// Nothing to underline here (`= 1` is missing its key): point at the character before.
			at--;
		}
		return { code: 'fm-syntax', message: `TOML syntax error: ${explain(content, at, end, detail)}. Hugo fails the build.`, start: base + at, end: base + end, severity: 'error' };
	}
	// No position from the parser ("Invalid Datetime"): find the date token it refuses on its own.
	const suspect = scanner.dateTokens.find(token => {
		try {
			TOML.parse(`x = ${token.raw}`);
			return false;
		} catch {
			return true;
		}
	});
	if (suspect) {
		return { code: 'fm-syntax', message: `TOML syntax error: ${detail} '${suspect.raw}'. Hugo fails the build.`, start: suspect.start, end: suspect.end, severity: 'error' };
	}
	return { code: 'fm-syntax', message: `TOML syntax error: ${detail}. Hugo fails the build.`, start: base, end: base + content.length, severity: 'error' };
}

/** A `[table]` header that names a table or key defined before (the parser's error is just past the header). */
function redefinedTable(content: string, pos: number, base: number, firstLine: number, scanner: TomlScanner): SyntaxProblem | undefined {
	const lineStart = lineStartOf(content, Math.max(0, Math.min(pos, content.length) - 1));
	const header = scanner.headers.find(h => h.start >= lineStart && h.start <= pos && !/[\r\n]/.test(content.slice(h.start, pos)));
	const earlier = header ? scanner.firstDefinitions.get(header.name) : undefined;
	if (!header || earlier === undefined || earlier >= header.start) {
		return undefined;
	}
	const line = firstLine + 1 + content.slice(0, earlier).split('\n').length - 1;
	return {
		code: 'fm-syntax', severity: 'error', start: base + header.start, end: base + header.end,
		message: `TOML syntax error: '${header.name}' is already defined (line ${line}), so the table [${header.name}] cannot be defined again. Hugo fails the build. Merge the two, or rename one.`,
	};
}

/** Says what is wrong with the word at `start..end` in a writer's terms, when the parser's words are vague. */
function explain(content: string, start: number, end: number, detail: string): string {
	const word = content.slice(start, end);
	let before = start - 1;
	while (before >= 0 && (content[before] === ' ' || content[before] === '\t')) {
		before--;
	}
	const previous = before >= 0 ? content[before] : '\n';
	if (word.trim() === '' || previous === '\n' || previous === '\r') {
		return detail;
	}
	if (previous === '=' || previous === '[' || previous === ',') {
		if (/^[+-]?0\d[\d_]*$/.test(word)) {
			return `${word}: a TOML number cannot start with 0 (write ${word.replace(/^([+-]?)0+(?=\d)/, '$1')}, or quote it as text)`;
		}
		if (/^[+-]?[\d_]+\.(?!\d)/.test(word)) {
			return `${word}: a dot in a TOML number needs a digit after it (write ${word.replace(/\.(?!\d)/, '.0')})`;
		}
	}
	if (previous === '=' || previous === '[' || previous === ',' || previous === '{') {
		return `${word} is not a TOML value: quote text ("${word.replace(/["\\]/g, '\\$&')}"), or write a number, true/false, a date, [list] or {table}`;
	}
	return `unexpected '${word}' after the value: each line holds one key = value (comments start with #)`;
}

function lookup(data: unknown, path: readonly string[]): unknown {
	let current = data;
	for (const part of path) {
		if (Array.isArray(current)) {
			// Keys under `[[x]]` live in the last element that was open when they were written; the
			// scanner drops array indices from `path`, so the last element is the best guess.
			current = current[current.length - 1];
		}
		if (!isTable(current)) {
			return undefined;
		}
		current = current[part];
	}
	return current;
}

/** Gives scanned values their parsed data and their exact kind (native dates from the parser's flags). */
function attachValues(scanned: ScannedValue, value: unknown): void {
	scanned.value = value;
	if (value instanceof Date) {
		const flags = value as Date & { isDate?: boolean; isFloating?: boolean; isTime?: boolean };
		scanned.kind = flags.isDate ? 'date' : flags.isTime ? 'time' : flags.isFloating ? 'localDatetime' : 'datetime';
	}
	if (scanned.items && Array.isArray(value)) {
		for (let i = 0; i < scanned.items.length; i++) {
			attachValues(scanned.items[i], value[i]);
		}
	}
}
