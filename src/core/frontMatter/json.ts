import { lineEndOf, lineStartOf } from '../text';
import type { FrontMatterEntry, FrontMatterValue, SyntaxProblem } from './model';
import { errorMessage } from '../errors';

/**
 * JSON front matter with positions. Hugo decodes it with Go's encoding/json: numbers become float64,
 * the last of two equal keys wins, a trailing comma is an error.
 */
export interface JsonResult {
	readonly data: Record<string, unknown> | undefined;
	readonly entries: FrontMatterEntry[];
	readonly problems: SyntaxProblem[];
	readonly insertOffset: number;
}

class JsonSyntaxError extends Error {
	constructor(message: string, readonly at: number, readonly length = 1) {
		super(message);
	}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * How deep objects and arrays are read value by value. Deeper ones are handed whole to `JSON.parse`,
 * which needs no stack per level, so a pathological post cannot exhaust the stack.
 */
const MAX_SCANNED_DEPTH = 64;
/** Go's encoding/json refuses deeper nesting, and Hugo fails the build. */
const GO_MAX_DEPTH = 10_000;

/** Whether a parsed value holds a number beyond float64 (which Go refuses), looked for without recursion. */
function holdsInfinity(value: unknown): boolean {
	const pending = [value];
	while (pending.length > 0) {
		const next = pending.pop();
		if (next === Infinity || next === -Infinity) {
			return true;
		}
		if (typeof next === 'object' && next !== null) {
			for (const child of Object.values(next)) {
				pending.push(child);
			}
		}
	}
	return false;
}

class JsonScanner {
	readonly entries: FrontMatterEntry[] = [];
	readonly duplicates: SyntaxProblem[] = [];
	#i = 0;
	#depth = 0;
	readonly #src: string;
	readonly #base: number;

	constructor(src: string, base: number) {
		this.#src = src;
		this.#base = base;
	}

	get position(): number {
		return this.#i;
	}

	parseDocument(): FrontMatterValue {
		this.#skip();
		const value = this.#value([]);
		return value;
	}

	#skip(): void {
		const src = this.#src;
		while (this.#i < src.length && ' \t\r\n'.includes(src[this.#i])) {
			this.#i++;
		}
	}

	#describe(at: number): string {
		const ch = this.#src[at];
		return ch === undefined ? 'end of front matter' : `character '${ch}'`;
	}

	#value(path: readonly string[]): FrontMatterValue {
		const src = this.#src;
		const start = this.#i;
		const ch = src[start];
		if ((ch === '{' || ch === '[') && this.#depth >= MAX_SCANNED_DEPTH) {
			return this.#deepValue();
		}
		if (ch === '{' || ch === '[') {
			this.#depth++;
			try {
				return ch === '{' ? this.#object(path) : this.#array(path);
			} finally {
				this.#depth--;
			}
		}
		if (ch === '"') {
			const text = this.#string();
			return { kind: 'string', value: text, start: this.#base + start, end: this.#base + this.#i, quote: 'double' };
		}
		for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
			if (src.startsWith(word, start)) {
				this.#i += word.length;
				return { kind: value === null ? 'null' : 'boolean', value, start: this.#base + start, end: this.#base + this.#i };
			}
		}
		NUMBER.lastIndex = start;
		const match = NUMBER.exec(src);
		if (match && match[0].length > 0) {
			// Go decodes every JSON number into float64, and refuses one beyond its range.
			const value = Number(match[0]);
			if (!Number.isFinite(value)) {
				throw new JsonSyntaxError(`the number ${match[0].length > 24 ? `${match[0].slice(0, 24)}…` : match[0]} is too large for a 64-bit float`, start, match[0].length);
			}
			this.#i += match[0].length;
			return { kind: 'float', value, start: this.#base + start, end: this.#base + this.#i };
		}
		throw new JsonSyntaxError(`invalid ${this.#describe(start)} looking for the beginning of a value`, start);
	}

	/** A deeply nested object or array: its end found by counting brackets, its syntax and data left to `JSON.parse`. */
	#deepValue(): FrontMatterValue {
		const src = this.#src;
		const start = this.#i;
		let open = 0;
		for (let j = start; j < src.length; j++) {
			const ch = src[j];
			if (ch === '"') {
				for (j++; j < src.length && src[j] !== '"'; j++) {
					if (src[j] === '\\') {
						j++;
					}
				}
			} else if (ch === '[' || ch === '{') {
				open++;
				if (this.#depth + open > GO_MAX_DEPTH) {
					throw new JsonSyntaxError(`more than ${GO_MAX_DEPTH} nested arrays and objects (Go's "exceeded max depth")`, j);
				}
			} else if ((ch === ']' || ch === '}') && --open === 0) {
				this.#i = j + 1;
				let value: unknown;
				try {
					value = JSON.parse(src.slice(start, j + 1));
				} catch (error) {
					const reason = errorMessage(error);
					throw new JsonSyntaxError(`invalid JSON in this deeply nested value (${reason})`, start);
				}
				if (holdsInfinity(value)) {
					throw new JsonSyntaxError('a number in this deeply nested value is too large for a 64-bit float', start);
				}
				return { kind: Array.isArray(value) ? 'array' : 'table', value, start: this.#base + start, end: this.#base + this.#i };
			}
		}
		throw new JsonSyntaxError(`this ${src[start] === '[' ? 'array' : 'object'} is never closed`, start);
	}

	#string(): string {
		const src = this.#src;
		const start = this.#i;
		for (let j = start + 1; j < src.length; j++) {
			const ch = src.charCodeAt(j);
			if (ch === 92 /* \ */) {
				j++;
			} else if (ch === 34 /* " */) {
				this.#i = j + 1;
				try {
					return JSON.parse(src.slice(start, j + 1)) as string;
				} catch {
					throw new JsonSyntaxError('invalid escape or control character in string', start, j + 1 - start);
				}
			} else if (ch < 32) {
				throw new JsonSyntaxError('invalid control character in string (a line break must be written \\n)', j);
			}
		}
		throw new JsonSyntaxError('this string is never closed', start);
	}

	#object(path: readonly string[]): FrontMatterValue {
		const src = this.#src;
		const start = this.#i;
		this.#i++;
		const data: Record<string, unknown> = {};
		const seen = new Set<string>();
		this.#skip();
		if (src[this.#i] === '}') {
			this.#i++;
			return { kind: 'table', value: data, start: this.#base + start, end: this.#base + this.#i };
		}
		for (;;) {
			this.#skip();
			const keyStart = this.#i;
			if (src[keyStart] !== '"') {
				throw new JsonSyntaxError(`invalid ${this.#describe(keyStart)} looking for the beginning of an object key string${src[keyStart] === '}' ? ' (remove the trailing comma)' : ''}`, keyStart);
			}
			const key = this.#string();
			const keyEnd = this.#i;
			this.#skip();
			if (src[this.#i] !== ':') {
				throw new JsonSyntaxError(`invalid ${this.#describe(this.#i)} after object key: expected ':'`, this.#i);
			}
			this.#i++;
			this.#skip();
			const keyPath = [...path, key];
			const value = this.#value(keyPath);
			if (seen.has(key)) {
				this.duplicates.push({
					code: 'fm-duplicate-key',
					message: `'${keyPath.join('.')}' is already set above; Hugo keeps only this last value. Remove one of them.`,
					start: this.#base + keyStart, end: this.#base + keyEnd, severity: 'warning',
				});
			}
			seen.add(key);
			data[key] = value.value;
			this.entries.push({
				key, path: keyPath, topLevel: path.length === 0,
				keyStart: this.#base + keyStart, keyEnd: this.#base + keyEnd,
				lineStart: this.#base + lineStartOf(src, keyStart), lineEnd: this.#base + lineEndOf(src, value.end - this.#base),
				value,
			});
			this.#skip();
			if (src[this.#i] === ',') {
				this.#i++;
				continue;
			}
			if (src[this.#i] === '}') {
				this.#i++;
				return { kind: 'table', value: data, start: this.#base + start, end: this.#base + this.#i };
			}
			throw new JsonSyntaxError(`invalid ${this.#describe(this.#i)} after object key:value pair: expected ',' or '}'`, this.#i);
		}
	}

	#array(path: readonly string[]): FrontMatterValue {
		const src = this.#src;
		const start = this.#i;
		this.#i++;
		const items: FrontMatterValue[] = [];
		this.#skip();
		if (src[this.#i] === ']') {
			this.#i++;
			return { kind: 'array', value: [], start: this.#base + start, end: this.#base + this.#i, items };
		}
		for (;;) {
			this.#skip();
			if (src[this.#i] === ']') {
				throw new JsonSyntaxError('invalid character \']\' looking for the beginning of a value (remove the trailing comma)', this.#i);
			}
			items.push(this.#value([...path, String(items.length)]));
			this.#skip();
			if (src[this.#i] === ',') {
				this.#i++;
				continue;
			}
			if (src[this.#i] === ']') {
				this.#i++;
				return { kind: 'array', value: items.map(i => i.value), start: this.#base + start, end: this.#base + this.#i, items };
			}
			throw new JsonSyntaxError(`invalid ${this.#describe(this.#i)} after array element: expected ',' or ']'`, this.#i);
		}
	}
}

/** Parses JSON front matter: `content` is the whole `{…}` object, starting at `base` in the whole text. */
export function parseJson(content: string, base: number): JsonResult {
	const scanner = new JsonScanner(content, base);
	// A new key goes right after the last member's value (or inside an empty object).
	let insertOffset = base + Math.max(0, content.lastIndexOf('}'));
	try {
		const root = scanner.parseDocument();
		const topLevel = scanner.entries.filter(e => e.topLevel);
		if (topLevel.length > 0) {
			insertOffset = topLevel[topLevel.length - 1].value.end;
		}
		return { data: root.value as Record<string, unknown>, entries: scanner.entries, problems: scanner.duplicates, insertOffset };
	} catch (error) {
		if (!(error instanceof JsonSyntaxError)) {
			throw error;
		}
		return {
			data: undefined, entries: scanner.entries, insertOffset,
			problems: [{
				code: 'fm-syntax', message: `JSON syntax error: ${error.message}. Hugo fails the build.`,
				start: base + error.at, end: base + Math.min(content.length, error.at + error.length), severity: 'error',
			}],
		};
	}
}
