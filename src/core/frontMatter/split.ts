/**
 * Finds the front matter block of a Markdown file the way Hugo 0.111.3's page lexer does: leading
 * spaces, tabs, blank lines and a UTF-8 BOM are skipped, the first other character picks the format
 * (`+++` TOML, `---` YAML, `{` JSON), and a TOML/YAML block ends at the first line that starts with
 * its delimiter. Only the block is read: the cost does not depend on the length of the body.
 */

export type FrontMatterFormat = 'toml' | 'yaml' | 'json';

export interface FrontMatterBlock {
	readonly format: FrontMatterFormat;
	/** Offsets in the whole text: the opening delimiter's start .. the closing delimiter's end (exclusive). */
	readonly start: number;
	readonly end: number;
	/**
	 * The raw text between the delimiters and its offset in the whole text. For JSON the braces are part
	 * of the content (they are part of the JSON value), so `contentStart === start`.
	 */
	readonly content: string;
	readonly contentStart: number;
	/** Where the Markdown body starts (offset), after the closing delimiter line. */
	readonly bodyStart: number;
	/** `false` when no closing delimiter was found: Hugo fails the build. */
	readonly terminated: boolean;
}

const BOM = 0xfeff;
const LF = 10;
const CR = 13;

/**
 * Where Hugo's reader looks for front matter: past white space, a BOM, and lines that open an HTML
 * comment (`<!--` hides front matter from other Markdown tools; Hugo skips the rest of that line and
 * reads on). `inComment` tells that such a line was skipped.
 */
function introStart(text: string): { offset: number; inComment: boolean } {
	let inComment = false;
	let i = 0;
	for (;;) {
		const ch = text.charCodeAt(i);
		if (ch === 32 || ch === 9 || ch === LF || ch === CR || ch === BOM) {
			i++;
		} else if (ch === 60 /* < */ && text.startsWith('<!--', i)) {
			const next = nextLineStart(text, i);
			inComment = true;
			if (next < 0) {
				return { offset: text.length, inComment };
			}
			i = next;
		} else {
			return { offset: i, inComment };
		}
	}
}

/** The front matter block at the top of `text`, or `undefined` when the file has none. */
export function splitFrontMatter(text: string): FrontMatterBlock | undefined {
	const i = introStart(text).offset;
	const first = text[i];
	if (first === '+' && text.startsWith('+++', i)) {
		return splitDelimited(text, i, 'toml', '+++');
	}
	if (first === '-' && text.startsWith('---', i)) {
		return splitDelimited(text, i, 'yaml', '---');
	}
	if (first === '{') {
		return splitJson(text, i);
	}
	return undefined;
}

/** Skips one `\n` or `\r\n` at `offset`, as Hugo's `consumeCRLF`. */
function afterLineBreak(text: string, offset: number): number {
	if (text.charCodeAt(offset) === CR && text.charCodeAt(offset + 1) === LF) {
		return offset + 2;
	}
	if (text.charCodeAt(offset) === LF) {
		return offset + 1;
	}
	return offset;
}

/**
 * Why Hugo 0.111.3 fails to build a post that has no front matter, from how the post starts:
 * - `toml-delimiter`/`yaml-delimiter`: a first `+` or `-` that does not open front matter (`- item`,
 *   `+ note`, `--`): "invalid YAML delimiter";
 * - `plain-html`: a first `<` that does not open an HTML comment: "plain HTML documents not supported";
 * - `unclosed-comment`: a first line that opens an HTML comment, and no `-->` after it: "starting HTML
 *   comment with no end".
 * `start`..`end` is the offending line (from the character). `undefined` when the start is fine.
 */
export type IntroProblemKind = 'toml-delimiter' | 'yaml-delimiter' | 'plain-html' | 'unclosed-comment';

export function findIntroProblem(text: string): { start: number; end: number; kind: IntroProblemKind } | undefined {
	const { offset: i, inComment } = introStart(text);
	const lineEnd = () => {
		const next = text.slice(i).search(/[\r\n]/);
		return next < 0 ? text.length : i + next;
	};
	const ch = text[i];
	if ((ch === '+' || ch === '-') && !text.startsWith(ch.repeat(3), i)) {
		return { start: i, end: lineEnd(), kind: ch === '+' ? 'toml-delimiter' : 'yaml-delimiter' };
	}
	if (ch === '<') {
		return { start: i, end: lineEnd(), kind: 'plain-html' };
	}
	if (inComment && i < text.length && !text.includes('-->', i)) {
		const start = text.indexOf('<!--');
		return { start, end: start + 4, kind: 'unclosed-comment' };
	}
	return undefined;
}

function splitDelimited(text: string, start: number, format: 'toml' | 'yaml', delimiter: string): FrontMatterBlock {
	// Like Hugo, the content starts right after the three delimiter characters (a fourth `+` or trailing
	// spaces become content, which is how `++++` turns into a TOML error), minus one line break.
	const contentStart = afterLineBreak(text, start + 3);
	let lineStart = contentStart;
	// A closing delimiter is only recognised at the start of a line.
	if (contentStart === start + 3) {
		lineStart = nextLineStart(text, contentStart);
	}
	while (lineStart >= 0 && lineStart < text.length) {
		if (text.startsWith(delimiter, lineStart)) {
			const end = lineStart + 3;
			return {
				format, start, end,
				content: text.slice(contentStart, lineStart), contentStart,
				bodyStart: afterLineBreak(text, end),
				terminated: true,
			};
		}
		lineStart = nextLineStart(text, lineStart);
	}
	return {
		format, start, end: text.length,
		content: text.slice(contentStart), contentStart,
		bodyStart: text.length,
		terminated: false,
	};
}

/** The start of the line after the one holding `from`, or -1 at the last line. Scans only that line. */
function nextLineStart(text: string, from: number): number {
	for (let i = from; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === LF) {
			return i + 1;
		}
		if (ch === CR) {
			return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
		}
	}
	return -1;
}

/** JSON front matter ends at the brace that balances the first one, counting outside strings only. */
function splitJson(text: string, start: number): FrontMatterBlock {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (inString) {
			if (ch === 92 /* \ */) {
				i++;
			} else if (ch === 34 /* " */) {
				inString = false;
			}
			continue;
		}
		if (ch === 34) {
			inString = true;
		} else if (ch === 123 /* { */) {
			depth++;
		} else if (ch === 125 /* } */) {
			depth--;
			if (depth === 0) {
				const end = i + 1;
				return {
					format: 'json', start, end,
					content: text.slice(start, end), contentStart: start,
					bodyStart: afterLineBreak(text, end),
					terminated: true,
				};
			}
		}
	}
	return {
		format: 'json', start, end: text.length,
		content: text.slice(start), contentStart: start,
		bodyStart: text.length,
		terminated: false,
	};
}
