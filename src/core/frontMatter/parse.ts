import { parseJson } from './json';
import type { FrontMatterEntry, SyntaxProblem } from './model';
import { splitFrontMatter, type FrontMatterBlock } from './split';
import { parseToml } from './toml';
import { parseYaml } from './yaml';

export type { FrontMatterEntry, FrontMatterValue, QuoteStyle, SyntaxProblem, ValueKind } from './model';

export interface ParsedFrontMatter {
	readonly block: FrontMatterBlock;
	/** The decoded front matter; `undefined` on a syntax error (see `problems`). */
	readonly data: Record<string, unknown> | undefined;
	/** Every key/value pair with source offsets, in source order (nested tables included). */
	readonly entries: readonly FrontMatterEntry[];
	/** Syntax errors (at most one: Hugo stops at the first), unterminated blocks and duplicate keys. */
	readonly problems: readonly SyntaxProblem[];
	/**
	 * Where a new top-level key can be inserted (offset): for TOML before the first `[table]` (a key
	 * after it would land in that table), for YAML the end of the content, for JSON after the last member.
	 */
	readonly insertOffset: number;
}

/**
 * Finds and parses the front matter of a Markdown document. Reads only the block, never the body.
 * Returns `undefined` when the document has no front matter.
 */
export function parseFrontMatter(text: string, invalidUtf8Offsets: readonly number[] = []): ParsedFrontMatter | undefined {
	const block = splitFrontMatter(text);
	if (!block) {
		return undefined;
	}
	if (!block.terminated) {
		const name = block.format.toUpperCase();
		const message = block.format === 'json'
			? 'JSON front matter is never closed: its braces do not balance. Hugo fails the build.'
			: `${name} front matter is never closed: add a line '${block.format === 'toml' ? '+++' : '---'}' after the last field. Hugo fails the build ("EOF looking for end ${name} front matter delimiter").`;
		return {
			block, data: undefined, entries: [], insertOffset: block.start + 3,
			problems: [{ code: 'fm-unterminated', message, start: block.start, end: block.format === 'json' ? block.start + 1 : block.start + 3, severity: 'error' }],
		};
	}
	const result = block.format === 'toml' ? parseToml(block.content, block.contentStart, text.slice(0, block.contentStart).split('\n').length - 1)
		: block.format === 'yaml' ? parseYaml(block.content, block.contentStart)
			: parseJson(block.content, block.contentStart);
	let problems = result.problems;
	// Hugo's TOML and YAML readers check every byte they read, comments included; its JSON reader
	// replaces what is not UTF-8 (measured with hugo 0.111.3).
	const invalidByte = block.format === 'json' ? undefined : invalidUtf8Offsets.find(offset => offset >= block.contentStart && offset < block.contentStart + block.content.length);
	if (invalidByte !== undefined) {
		problems = [{
			code: 'fm-syntax', severity: 'error', start: invalidByte, end: invalidByte + 1,
			message: `This character is not UTF-8 in the file (a byte of another encoding, such as Latin-1): Hugo's ${block.format.toUpperCase()} reader fails the build. Save the file as UTF-8.`,
		}];
	}
	if (block.format === 'json' && block.content.startsWith('{{') && result.data === undefined) {
		// A post that opens with a shortcode: Hugo's lexer takes the `{` for JSON front matter.
		problems = [{
			code: 'fm-syntax', severity: 'error', start: block.start, end: block.start + 2,
			message: 'A post cannot start with a shortcode: Hugo reads the first \'{\' as JSON front matter and fails the build. Add front matter above it.',
		}];
	}
	return { block, data: result.data, entries: result.entries, problems, insertOffset: result.insertOffset };
}
