/**
 * What Hugo 0.111.3's YAML reader (gopkg.in/yaml.v2) refuses although the YAML library we parse with
 * accepts it, found by one pass over the text. Each rule was measured with hugo on the yaml-test-suite
 * and on posts written to probe it (test/unit/frontMatter/yamlV2.test.ts):
 * - a tab where yaml.v2 expects indentation: at the start of a line, after leading spaces before
 *   content, inside a block scalar's indentation, and after a `-` that starts a list item;
 * - the escape `\/` in a double-quoted string (YAML 1.2 added it; yaml.v2 is YAML 1.1);
 * - flow collections (`[`, `{`) nested more than 10000 deep.
 *
 * The scan also finds where flow nesting gets deep, so that the caller can hand the library a copy it
 * can parse without exhausting the stack.
 */
export interface YamlV2Problem {
	readonly start: number;
	readonly end: number;
	readonly message: string;
}

export interface YamlV2Scan {
	readonly problem: YamlV2Problem | undefined;
	/** Flow collections that open at depth `DEEP_FLOW_DEPTH`: [start, end) of each, end after its closing bracket. */
	readonly deepFlows: ReadonlyArray<readonly [number, number]>;
}

/** yaml.v2's limit on nesting. */
const MAX_DEPTH = 10_000;
/** Past this depth the YAML library's recursion is not safe; the caller replaces what lies deeper. */
const DEEP_FLOW_DEPTH = 200;

const TAB = 9, LF = 10, CR = 13, SPACE = 32;

function isBlank(code: number): boolean {
	return code === SPACE || code === TAB;
}

function isBreakOrEnd(code: number): boolean {
	return code !== code || code === LF || code === CR;
}

class Scanner {
	readonly deepFlows: Array<[number, number]> = [];
	#i = 0;
	#flowDepth = 0;
	#deepOpen = -1;
	/** Inside a block scalar: the indentation of the line that opened it, and of its content once known. */
	#block: { parent: number; indent: number } | undefined;
	#lineIndent = 0;
	#blockHeaderOnLine: number | undefined;
	/** The last line ended inside a plain scalar, which a more indented line continues. */
	#plainRunsOn = false;

	constructor(readonly src: string) { }

	scan(): YamlV2Problem | undefined {
		const src = this.src;
		while (this.#i < src.length) {
			const problem = this.#line();
			if (problem) {
				return problem;
			}
		}
		return undefined;
	}

	/** One line, from its first character to past its line break. */
	#line(): YamlV2Problem | undefined {
		const src = this.src;
		const lineStart = this.#i;
		let i = lineStart;
		while (src.charCodeAt(i) === SPACE) {
			i++;
		}
		const spaces = i - lineStart;
		if (this.#block) {
			const code = src.charCodeAt(i);
			const blank = isBreakOrEnd(code) || (code === TAB && this.#restIsBlank(i));
			if (blank && code !== TAB) {
				return this.#nextLine(i);
			}
			if (spaces > this.#block.parent || code === TAB) {
				if (code === TAB && (this.#block.indent < 0 || spaces < this.#block.indent)) {
					return { start: i, end: i + 1, message: 'a tab where yaml.v2 expects the block\'s indentation spaces ("found a tab character where an indentation space is expected"): indent with spaces' };
				}
				if (this.#block.indent < 0) {
					this.#block.indent = spaces;
				}
				return this.#nextLine(i);
			}
			this.#block = undefined;
		}
		this.#lineIndent = spaces;
		const continuesPlain = this.#plainRunsOn && spaces > 0;
		this.#plainRunsOn = false;
		if (this.#flowDepth === 0 && src.charCodeAt(i) === TAB) {
			if (spaces === 0 || !(continuesPlain || this.#restIsBlankOrComment(i))) {
				return { start: i, end: i + 1, message: 'a tab cannot indent YAML ("found a tab character that violates indentation"): indent with spaces' };
			}
		}
		this.#i = i;
		return this.#tokens();
	}

	#nextLine(from: number): undefined {
		let i = from;
		const src = this.src;
		while (!isBreakOrEnd(src.charCodeAt(i))) {
			i++;
		}
		this.#i = src.charCodeAt(i) === CR && src.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
		return undefined;
	}

	#restIsBlank(from: number): boolean {
		let i = from;
		while (isBlank(this.src.charCodeAt(i))) {
			i++;
		}
		return isBreakOrEnd(this.src.charCodeAt(i));
	}

	#restIsBlankOrComment(from: number): boolean {
		let i = from;
		while (isBlank(this.src.charCodeAt(i))) {
			i++;
		}
		return isBreakOrEnd(this.src.charCodeAt(i)) || this.src[i] === '#';
	}

	/** The tokens of the rest of a line (a quoted string may run on over the next lines). */
	#tokens(): YamlV2Problem | undefined {
		const src = this.src;
		this.#blockHeaderOnLine = undefined;
		let atTokenStart = true;
		for (;;) {
			const code = src.charCodeAt(this.#i);
			if (isBreakOrEnd(code)) {
				if (this.#blockHeaderOnLine !== undefined && this.#flowDepth === 0) {
					this.#block = { parent: this.#lineIndent, indent: this.#blockHeaderOnLine > 0 ? this.#lineIndent + this.#blockHeaderOnLine : -1 };
				}
				return this.#nextLine(this.#i);
			}
			if (isBlank(code)) {
				this.#i++;
				atTokenStart = true;
				continue;
			}
			const ch = src[this.#i];
			if (ch === '#' && atTokenStart) {
				return this.#nextLine(this.#i);
			}
			if (this.#flowDepth > 0 && (ch === ',' || ch === '[' || ch === '{' || ch === ']' || ch === '}')) {
				const problem = this.#flowIndicator(ch);
				if (problem) {
					return problem;
				}
				atTokenStart = true;
				continue;
			}
			if (!atTokenStart) {
				this.#i++;
				continue;
			}
			atTokenStart = false;
			if (ch === '"' || ch === '\'') {
				const problem = this.#quoted(ch);
				if (problem) {
					return problem;
				}
			} else if (ch === '[' || ch === '{') {
				const problem = this.#flowIndicator(ch);
				if (problem) {
					return problem;
				}
				atTokenStart = true;
			} else if ((ch === '-' || ch === '?' || ch === ':') && (isBlank(src.charCodeAt(this.#i + 1)) || isBreakOrEnd(src.charCodeAt(this.#i + 1)))) {
				if (ch === '-' && this.#flowDepth === 0 && src.charCodeAt(this.#i + 1) === TAB) {
					return { start: this.#i + 1, end: this.#i + 2, message: 'a tab after the \'-\' of a list item ("found character that cannot start any token"): use a space' };
				}
				this.#i++;
				atTokenStart = true;
			} else if ((ch === '|' || ch === '>') && this.#flowDepth === 0) {
				const header = /^[|>]([1-9]?)[+-]?([1-9]?)(?=[ \t]|#|\r|\n|$)/.exec(src.slice(this.#i, this.#i + 4));
				if (header) {
					this.#blockHeaderOnLine = Number(header[1] || header[2] || 0);
				}
				this.#i++;
			} else {
				this.#plain();
			}
		}
	}

	#flowIndicator(ch: string): YamlV2Problem | undefined {
		if (ch === '[' || ch === '{') {
			this.#flowDepth++;
			if (this.#flowDepth === DEEP_FLOW_DEPTH) {
				this.#deepOpen = this.#i;
			}
			if (this.#flowDepth > MAX_DEPTH) {
				return { start: this.#i, end: this.#i + 1, message: `flow collections nest more than ${MAX_DEPTH} deep ("exceeded max depth of ${MAX_DEPTH}")` };
			}
		} else if (ch === ']' || ch === '}') {
			if (this.#flowDepth === DEEP_FLOW_DEPTH && this.#deepOpen >= 0) {
				this.deepFlows.push([this.#deepOpen, this.#i + 1]);
				this.#deepOpen = -1;
			}
			this.#flowDepth = Math.max(0, this.#flowDepth - 1);
		}
		this.#i++;
		return undefined;
	}

	/** A plain scalar (spaces and quotes included), to where it ends on this line. */
	#plain(): void {
		const src = this.src;
		for (;;) {
			const code = src.charCodeAt(this.#i);
			if (isBreakOrEnd(code)) {
				this.#plainRunsOn = true;
				return;
			}
			if (isBlank(code) && src[this.#i + 1] === '#') {
				return;
			}
			const ch = src[this.#i];
			if (ch === ':' && (isBlank(src.charCodeAt(this.#i + 1)) || isBreakOrEnd(src.charCodeAt(this.#i + 1)))) {
				return;
			}
			if (this.#flowDepth > 0 && (ch === ',' || ch === '[' || ch === ']' || ch === '{' || ch === '}')) {
				return;
			}
			this.#i++;
		}
	}

	/** A quoted string, across lines if need be. */
	#quoted(quote: string): YamlV2Problem | undefined {
		const src = this.src;
		for (let i = this.#i + 1; i < src.length; i++) {
			const ch = src[i];
			if (quote === '"' && ch === '\\') {
				if (src[i + 1] === '/') {
					return { start: i, end: i + 2, message: '\'\\/\' is not an escape in YAML 1.1, which Hugo reads ("found unknown escape character"): write / alone' };
				}
				i++;
			} else if (ch === quote) {
				if (quote === '\'' && src[i + 1] === '\'') {
					i++;
					continue;
				}
				this.#i = i + 1;
				return undefined;
			}
		}
		// Never closed: the YAML library reports it.
		this.#i = src.length;
		return undefined;
	}
}

export function scanForYamlV2(src: string): YamlV2Scan {
	const scanner = new Scanner(src);
	const problem = scanner.scan();
	return { problem, deepFlows: scanner.deepFlows };
}

/**
 * `src` with each deep flow collection's inside replaced by a plain scalar of the same length (line
 * breaks kept), so offsets hold and the YAML library parses it without deep recursion.
 */
export function flattenDeepFlows(src: string, deepFlows: ReadonlyArray<readonly [number, number]>): string {
	let result = '';
	let last = 0;
	for (const [start, end] of deepFlows) {
		result += src.slice(last, start + 1) + src.slice(start + 1, end - 1).replace(/[^\r\n]/g, 'x') + src.slice(end - 1, end);
		last = end;
	}
	return result + src.slice(last);
}
