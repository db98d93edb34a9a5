/**
 * Applies a Hugo archetype (`archetypes/post.md`, `archetypes/default.md`) the way `hugo new` would for
 * the template actions archetypes commonly use, without running Go templates: `{{ .Name }}`,
 * `{{ .Date }}`, `{{ .Type }}`, `{{ replace .Name "-" " " | title }}` and their `.File.ContentBaseName`
 * spellings. Any other action is left exactly as written and reported, so nothing is silently lost.
 */
import { openBracketDepth } from '../frontMatter/quotedText';
import { DELIMITERS, frontMatterFormatOf, quoteString, stringList, type PostFormat } from './frontMatter';

export interface ArchetypeValues {
	/** The new file's base name without extension, which `hugo new` exposes as `.Name`. */
	readonly name: string;
	/** The title the writer typed: it beats Hugo's title-cased file name, which loses capitals (`OpenStack`) and punctuation. */
	readonly title: string;
	/** RFC 3339 with offset, as `.Date` prints. */
	readonly date: string;
	/** The content type (section), `.Type`. */
	readonly type: string;
}

export interface ArchetypeResult {
	readonly text: string;
	/** The format of the archetype's front matter, when it has TOML or YAML front matter. */
	readonly format: PostFormat | undefined;
	/** Template actions left as written, in order of appearance. */
	readonly unresolved: readonly string[];
}

type ValueKind = 'string' | 'date';

interface Action {
	readonly start: number;
	readonly end: number;
	readonly trimBefore: boolean;
	readonly trimAfter: boolean;
	readonly expression: string;
}

const NAME_REFERENCE = String.raw`\.(?:Name|File\.ContentBaseName|File\.BaseFileName|File\.TranslationBaseName)`;
const NAME_ONLY = new RegExp(`^${NAME_REFERENCE}$`);
const MENTIONS_NAME = new RegExp(`(?:^|[\\s(|])${NAME_REFERENCE}(?=$|[\\s)|])`);
/** Functions that turn a file name into a title; with one of them applied to the name, the typed title fits better. */
const TITLE_FUNCTION = /(?:^|[\s(|])(?:title|humanize|strings\.Title)(?=$|[\s)|])/;

/** Substitutes the common template actions of `template`, escaping each value for where it lands. */
export function applyArchetype(template: string, values: ArchetypeValues): ArchetypeResult {
	const format = frontMatterFormatOf(template);
	const frontMatterEnd = format ? frontMatterBlock(template, format)?.end ?? 0 : 0;
	const unresolved: string[] = [];
	let text = '';
	let cursor = 0;
	for (const action of findActions(template)) {
		const source = template.slice(action.start, action.end);
		const isComment = /^\/\*[\s\S]*\*\/$/.test(action.expression);
		const resolved = isComment ? undefined : resolveExpression(action.expression, values);
		let literal = template.slice(cursor, action.start);
		cursor = action.end;
		if (!isComment && !resolved) {
			// Left for the writer exactly as written, trim markers included.
			unresolved.push(source);
			text += literal + source;
			continue;
		}
		if (action.trimBefore) {
			literal = literal.replace(/\s+$/, '');
		}
		text += literal;
		if (action.trimAfter) {
			cursor += /^\s*/.exec(template.slice(cursor))![0].length;
		}
		if (!resolved) {
			continue;
		}
		const context = action.start < frontMatterEnd ? quoteContext(template, action.start) : 'body';
		text += renderValue(resolved.value, resolved.kind, context, format ?? 'toml');
	}
	text += template.slice(cursor);
	return { text, format, unresolved };
}

function resolveExpression(expression: string, values: ArchetypeValues): { value: string; kind: ValueKind } | undefined {
	const normalized = expression.replace(/\s+/g, ' ').trim();
	if (NAME_ONLY.test(normalized)) {
		return { value: values.name, kind: 'string' };
	}
	if (MENTIONS_NAME.test(normalized) && TITLE_FUNCTION.test(normalized)) {
		return { value: values.title, kind: 'string' };
	}
	switch (normalized) {
		case '.Title':
			return { value: values.title, kind: 'string' };
		case '.Date':
			return { value: values.date, kind: 'date' };
		case '.Type':
		case '.Section':
			return { value: values.type, kind: 'string' };
		default:
			return undefined;
	}
}

/** Every `{{ … }}` action, skipping `}}` inside the action's quoted strings. */
function findActions(template: string): Action[] {
	const actions: Action[] = [];
	let index = template.indexOf('{{');
	while (index >= 0) {
		let position = index + 2;
		let end = -1;
		while (position < template.length) {
			const ch = template[position];
			if (ch === '"' || ch === '`') {
				const close = findStringEnd(template, position);
				if (close < 0) {
					break;
				}
				position = close + 1;
			} else if (template.startsWith('}}', position)) {
				end = position + 2;
				break;
			} else {
				position++;
			}
		}
		if (end < 0) {
			break;
		}
		let inner = template.slice(index + 2, end - 2);
		const trimBefore = /^- /.test(inner) || inner === '-';
		const trimAfter = / -$/.test(inner);
		inner = inner.replace(/^- /, '').replace(/ -$/, '');
		actions.push({ start: index, end, trimBefore, trimAfter, expression: inner.trim() });
		index = template.indexOf('{{', end);
	}
	return actions;
}

function findStringEnd(text: string, open: number): number {
	const quote = text[open];
	for (let i = open + 1; i < text.length; i++) {
		if (quote === '"' && text[i] === '\\') {
			i++;
		} else if (text[i] === quote) {
			return i;
		} else if (text[i] === '\n') {
			return -1;
		}
	}
	return -1;
}

type QuoteContext = 'body' | 'bare' | 'double' | 'single' | 'comment';

/** Whether `offset` (in front matter) sits inside a quoted string on its line, skipping other actions. */
function quoteContext(template: string, offset: number): QuoteContext {
	const lineStart = template.lastIndexOf('\n', offset - 1) + 1;
	const prefix = template.slice(lineStart, offset).replace(/\{\{[\s\S]*?\}\}/g, '');
	let state: QuoteContext = 'bare';
	for (let i = 0; i < prefix.length; i++) {
		const ch = prefix[i];
		if (state === 'bare') {
			if (ch === '"') {
				state = 'double';
			} else if (ch === '\'') {
				state = 'single';
			} else if (ch === '#') {
				return 'comment';
			}
		} else if (state === 'double') {
			if (ch === '\\') {
				i++;
			} else if (ch === '"') {
				state = 'bare';
			}
		} else if (ch === '\'') {
			state = 'bare';
		}
	}
	return state;
}

function renderValue(value: string, kind: ValueKind, context: QuoteContext, format: PostFormat): string {
	if (kind === 'date' || context === 'body' || context === 'comment') {
		return value;
	}
	switch (context) {
		case 'double':
			return quoteString(value, format).slice(1, -1);
		case 'single':
			// A YAML single-quoted string doubles its quotes; a TOML literal string cannot hold one at all,
			// so there the typographic apostrophe stands in.
			return format === 'yaml' ? value.replace(/'/g, '\'\'') : value.replace(/'/g, '\u2019').replace(/[\u0000-\u001f\u007f]/g, ' ');
		default:
			return quoteString(value, format);
	}
}

export interface FrontMatterBlock {
	/** Line index of the opening and closing delimiters. */
	readonly openLine: number;
	readonly closeLine: number;
	/** Offset just past the closing delimiter's line break (or the end of the text). */
	readonly end: number;
}

/** The front matter block of `text` when it opens with `format`'s delimiter and is closed. */
export function frontMatterBlock(text: string, format: PostFormat): FrontMatterBlock | undefined {
	const lines = text.split('\n');
	const delimiter = DELIMITERS[format];
	const openLine = lines.findIndex(line => line.replace(/^\uFEFF/, '').trim() !== '');
	if (openLine < 0 || lines[openLine].replace(/^\uFEFF/, '').trim() !== delimiter) {
		return undefined;
	}
	let offset = 0;
	for (let i = 0; i < lines.length; i++) {
		offset += lines[i].length + 1;
		if (i > openLine && lines[i].replace(/\r$/, '').trimEnd() === delimiter) {
			return { openLine, closeLine: i, end: Math.min(offset, text.length) };
		}
	}
	return undefined;
}

/**
 * Sets a top-level list key (`tags`, `categories`) in the front matter of `text`, keeping every other
 * line as written: an existing value (one line, or a multi-line TOML array or YAML block sequence) is
 * replaced in place under its original spelling; a missing key goes after the last top-level key (in
 * TOML before the first `[table]`, where it would stop being top-level).
 */
export function setFrontMatterList(text: string, format: PostFormat, key: string, values: readonly string[]): string {
	const block = frontMatterBlock(text, format);
	if (!block) {
		return text;
	}
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const lines = text.split('\n').map(line => line.replace(/\r$/, ''));
	const assign = format === 'toml' ? ' = ' : ': ';
	const keyPattern = format === 'toml'
		? /^(\s*)("?)([A-Za-z0-9_-]+)\2\s*=(.*)$/
		: /^()()([A-Za-z0-9_-]+)\s*:(?:\s+(.*)|$)/;
	let insertAt = block.closeLine;
	for (let i = block.openLine + 1; i < block.closeLine; i++) {
		const line = lines[i];
		if (format === 'toml' && /^\s*\[/.test(line)) {
			insertAt = i;
			break;
		}
		const match = keyPattern.exec(line);
		if (!match) {
			continue;
		}
		const valueEnd = format === 'toml' ? tomlValueEnd(lines, i, block.closeLine, match[4] ?? '') : yamlValueEnd(lines, i, block.closeLine, match[4] ?? '');
		if (match[3].toLowerCase() === key.toLowerCase()) {
			const spelledKey = `${match[1]}${match[2]}${match[3]}${match[2]}`;
			lines.splice(i, valueEnd - i + 1, `${spelledKey}${assign}${stringList(values, format)}`);
			return lines.join(eol);
		}
		i = valueEnd;
	}
	lines.splice(insertAt, 0, `${key}${assign}${stringList(values, format)}`);
	return lines.join(eol);
}

/** The last line of a TOML value starting on `line`: a multi-line array runs until its brackets balance. */
function tomlValueEnd(lines: readonly string[], line: number, closeLine: number, value: string): number {
	let depth = openBracketDepth(value, { stopAtComment: true });
	let end = line;
	while (depth > 0 && end + 1 < closeLine) {
		end++;
		depth += openBracketDepth(lines[end], { stopAtComment: true });
	}
	return end;
}

/** The last line of a YAML value: an empty value continues over indented or `- ` lines (a block sequence). */
function yamlValueEnd(lines: readonly string[], line: number, closeLine: number, value: string): number {
	if (value.trim() !== '' && !value.trim().startsWith('#')) {
		return line;
	}
	let end = line;
	while (end + 1 < closeLine && /^(\s+\S|-(\s|$)|\s*$)/.test(lines[end + 1])) {
		end++;
	}
	while (end > line && lines[end].trim() === '') {
		end--;
	}
	return end;
}
