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

/** The front matter block at the top of `text`, or `undefined` when the file has none. */
export function splitFrontMatter(text: string): FrontMatterBlock | undefined {
	let i = 0;
	for (; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch !== 32 && ch !== 9 && ch !== LF && ch !== CR && ch !== BOM) {
			break;
		}
	}
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
 * A first character Hugo takes for a front matter delimiter that is not one (`- item`, `+ note`, `--`):
 * Hugo 0.111.3 fails the build ("invalid YAML delimiter"). Returns its offset, or `undefined`.
 */
export function findInvalidDelimiter(text: string): { start: number; end: number; format: 'toml' | 'yaml' } | undefined {
	let i = 0;
	while (i < text.length && ' \t\r\n\ufeff'.includes(text[i])) {
		i++;
	}
	const ch = text[i];
	if ((ch === '+' || ch === '-') && !text.startsWith(ch.repeat(3), i)) {
		let end = i;
		while (end < text.length && text[end] !== '\n' && text[end] !== '\r') {
			end++;
		}
		return { start: i, end, format: ch === '+' ? 'toml' : 'yaml' };
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
