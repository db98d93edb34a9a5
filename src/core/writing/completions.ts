import { openBracketDepth, scanUnquoted } from '../frontMatter/quotedText';
import { splitFrontMatter, type FrontMatterFormat } from '../frontMatter/split';
import { FRONT_MATTER_FIELDS, fieldNamed, type FrontMatterField } from './frontMatterFields';
import type { RankedTerm } from './taxonomyTerms';

/** What the text around the cursor asks for. Offsets are in the whole document text. */
export type CompletionSite =
	| {
		readonly kind: 'key'; readonly format: FrontMatterFormat; readonly replaceStart: number; readonly replaceEnd: number; readonly existingKeys: ReadonlySet<string>;
		/** A JSON key whose opening quote is already typed (it is part of the replaced text). */
		readonly quoted: boolean;
	}
	| {
		readonly kind: 'value'; readonly format: FrontMatterFormat; readonly key: string; readonly replaceStart: number; readonly replaceEnd: number;
		/** The cursor is inside a quoted string: insert the bare text. */
		readonly inString: boolean;
		/** The cursor is inside a list (`[...]` or YAML `- ` items): insert one element. */
		readonly inList: boolean;
		/** Elements the list already holds (lowercased), so they are not offered again. */
		readonly listed: ReadonlySet<string>;
		/** Nothing separates the value from `=`/`:` yet: YAML needs the space, TOML reads better with it. */
		readonly needsSpace: boolean;
		/** Inside a string that no quote closes after the cursor: the quote an item must add. */
		readonly closingQuote?: string;
	}
	| { readonly kind: 'imagePath'; readonly typed: string; readonly replaceStart: number; readonly replaceEnd: number };

export type CompletionItemKind = 'field' | 'value' | 'term' | 'date' | 'folder' | 'file';

export interface WritingCompletionItem {
	readonly label: string;
	readonly kind: CompletionItemKind;
	/** Snippet syntax when `snippet` is true, plain text otherwise. */
	readonly insertText: string;
	readonly snippet: boolean;
	readonly detail?: string;
	/** Markdown. */
	readonly documentation?: string;
	/** Keeps the order computed here (most used first) whatever the editor's own ranking. */
	readonly sortText: string;
	readonly replaceStart: number;
	readonly replaceEnd: number;
	/** Ask for completions again after inserting (a folder was picked: offer its entries). */
	readonly retrigger?: boolean;
	/** What the editor filters on when it differs from the label (a typed opening quote). */
	readonly filterText?: string;
}

export interface CompletionData {
	/** The current time as RFC 3339 with the local offset. */
	readonly now: string;
	/** The taxonomies of the site (`tags`, `categories`, …). */
	readonly taxonomies: readonly string[];
	/** Terms per taxonomy, most used first, from the other posts of the site. */
	readonly terms: ReadonlyMap<string, readonly RankedTerm[]>;
	/** Site paths the site publishes (`/images/2017/05/x.jpg`). */
	readonly sitePaths: readonly string[];
}

const IMAGE_EXTENSIONS = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|ico|heic)$/i;
const WORD = /[A-Za-z0-9_-]/;
const MAX_SCAN_LINES = 200;

/** Characters that open a completion site; Markdown has quick suggestions off, so these (and Ctrl+Space) are how completions appear. */
export const TRIGGER_CHARACTERS: readonly string[] = ['/', '"', '=', '[', ',', ':'];

/**
 * Decides what to complete at `offset`: a front matter key or value, or an image path after `/` in an
 * image reference (`![alt](/`, `{{< figure src="/`). `undefined` everywhere else, including in code.
 */
export function findCompletionSite(text: string, offset: number): CompletionSite | undefined {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const lineEnd = endOfLine(text, offset);
	const before = text.slice(lineStart, offset);
	const block = splitFrontMatter(text);
	if (block) {
		const contentEnd = block.contentStart + block.content.length;
		const inside = block.format === 'json' ? offset > block.start && offset < block.end : offset >= block.contentStart && offset <= contentEnd;
		if (inside) {
			return frontMatterSite(text, offset, lineStart, lineEnd, before, block.format, block.contentStart);
		}
		if (offset < block.bodyStart) {
			return undefined;
		}
	}
	const bodyStart = block?.bodyStart ?? 0;
	if (insideCodeFence(text, bodyStart, lineStart) || insideIndentedCode(text, bodyStart, lineStart) || insideCodeSpan(before)) {
		return undefined;
	}
	const image = /!\[[^\]]*\]\(\s*(\/[^\s)]*)$/.exec(before) ?? /\{\{[<%]\s*figure\b[^}]*?\bsrc\s*=\s*"(\/[^"]*)$/.exec(before);
	return image ? imagePathSite(image[1], offset, text, lineEnd) : undefined;
}

/** The completion items for a site, in the order to show them. */
export function completionItems(site: CompletionSite, data: CompletionData): WritingCompletionItem[] {
	switch (site.kind) {
		case 'key':
			return keyItems(site);
		case 'value':
			return valueItems(site, data);
		case 'imagePath':
			return imagePathItems(site, data.sitePaths);
	}
}

function frontMatterSite(text: string, offset: number, lineStart: number, lineEnd: number, before: string, format: FrontMatterFormat, contentStart: number): CompletionSite | undefined {
	const contentBefore = text.slice(contentStart, lineStart);
	const keyMatch = format === 'json' ? /^[ \t]*"?([A-Za-z0-9_-]*)$/.exec(before) : /^([ \t]*)([A-Za-z0-9_-]*)$/.exec(before);
	const entry = currentEntry(format, before, contentBefore);
	if (entry) {
		const { key, value } = entry;
		if (inComment(value, format)) {
			return undefined;
		}
		const string = openString(value);
		const field = fieldNamed(key);
		if (string !== undefined && (field?.kind === 'imagePath' || field?.kind === 'imagePathList') && (string === '' || string.startsWith('/'))) {
			return imagePathSite(string, offset, text, lineEnd);
		}
		if (format === 'yaml' && !string && (field?.kind === 'imagePath' || field?.kind === 'imagePathList')) {
			const plain = /(?:^|[\s[,-])(\/[^\s,\]"']*)$/.exec(value);
			if (plain) {
				return imagePathSite(plain[1], offset, text, lineEnd);
			}
		}
		const inList = entry.list || openBracket(value);
		const partial = string ?? /[^\s[\],"':=]*$/.exec(value)![0];
		// Only where a value starts: not after a complete one (`date = "May 25, 2017"|`, `["a"|`), where
		// accepting an item would append junk to the line.
		const valueStart = string === undefined ? value.length - partial.length : scanUnquoted(value).lastStringStart - 1;
		const preceding = value.slice(0, valueStart).trimEnd();
		if (inList ? !(preceding === '' && entry.list) && !/[[,]$/.test(preceding) : preceding !== '') {
			return undefined;
		}
		// Markdown does not close a quote as it is typed: an item inside an open string closes it itself.
		const quote = string === undefined ? undefined : value[valueStart];
		const closed = quote !== undefined && text.slice(offset, lineEnd).includes(quote);
		const replaceEnd = offset + wordAfter(text, offset, closed);
		return {
			kind: 'value', format, key, inString: string !== undefined, inList,
			listed: new Set(listedElements(value).map(e => e.toLowerCase())),
			needsSpace: value === '' && /[=:]$/.test(before),
			replaceStart: offset - partial.length,
			replaceEnd,
			...(quote !== undefined && !closed ? { closingQuote: quote } : {}),
		};
	}
	if (!keyMatch) {
		return undefined;
	}
	// Hugo's fields live at the top level: not under a TOML [table], not indented in YAML.
	if (format === 'toml' && /^[ \t]*\[/m.test(contentBefore)) {
		return undefined;
	}
	if (format === 'yaml' && keyMatch[1] !== '') {
		return undefined;
	}
	const typed = format === 'json' ? keyMatch[1] : keyMatch[2];
	const quoteBefore = format === 'json' && before.trimStart().startsWith('"') ? 1 : 0;
	let replaceEnd = offset + wordAfter(text, offset, false);
	if (format === 'json' && text[replaceEnd] === '"') {
		replaceEnd++;
	}
	return { kind: 'key', format, replaceStart: offset - typed.length - quoteBefore, replaceEnd, existingKeys: topLevelKeys(text, contentStart, format), quoted: quoteBefore === 1 };
}

interface Entry {
	readonly key: string;
	/** The value text from after `=`/`:` up to the cursor (several lines for an open list). */
	readonly value: string;
	/** A YAML block list item (`- `) of the key. */
	readonly list: boolean;
}

/** The key whose value the cursor is in, if any: on this line, or an open list started on an earlier line. */
function currentEntry(format: FrontMatterFormat, before: string, contentBefore: string): Entry | undefined {
	const pattern = entryPattern(format);
	const here = pattern.exec(before);
	if (here) {
		return { key: here[1] ?? here[2], value: here[3], list: false };
	}
	const lines = contentBefore.split(/\r?\n/);
	if (lines[lines.length - 1] === '') {
		lines.pop();
	}
	if (format === 'yaml' && /^[ \t]*-[ \t]*/.test(before)) {
		// A block list item: the key is the nearest unindented `key:` above, with nothing after the colon.
		const items: string[] = [before.replace(/^[ \t]*-[ \t]*/, '')];
		for (let i = lines.length - 1; i >= Math.max(0, lines.length - MAX_SCAN_LINES); i--) {
			const item = /^[ \t]*-[ \t]*(.*)$/.exec(lines[i]);
			if (item) {
				items.push(item[1]);
				continue;
			}
			const owner = /^([A-Za-z0-9_-]+):[ \t]*$/.exec(lines[i]);
			return owner ? { key: owner[1], value: [...items.slice(1).map(v => `${v},`), items[0]].join(''), list: true } : undefined;
		}
		return undefined;
	}
	// A list left open on an earlier line: `tags = [` ⏎ `"a",` ⏎ cursor.
	for (let i = lines.length - 1; i >= Math.max(0, lines.length - MAX_SCAN_LINES); i--) {
		const start = pattern.exec(lines[i]);
		if (start) {
			const value = [start[3], ...lines.slice(i + 1), before].join('\n');
			return openBracket(value) ? { key: start[1] ?? start[2], value, list: true } : undefined;
		}
		if (format === 'toml' && /^[ \t]*\[[^\]]*\][ \t]*(?:#.*)?$/.test(lines[i])) {
			return undefined; // a table header: no entry is open across it
		}
	}
	return undefined;
}

function entryPattern(format: FrontMatterFormat): RegExp {
	switch (format) {
		case 'toml':
			return /^[ \t]*(?:"([^"]+)"|([A-Za-z0-9_-]+))[ \t]*=[ \t]*(.*)$/;
		case 'yaml':
			return /^(?:"([^"]+)"|([A-Za-z0-9_-]+)):[ \t]*(.*)$/;
		case 'json':
			return /^[ \t]*"([^"]+)"()[ \t]*:[ \t]*(.*)$/;
	}
}

/** The content of the string the cursor is in (`tags = ["ope` → `ope`), or `undefined` outside strings. */
function openString(value: string): string | undefined {
	const scan = scanUnquoted(value);
	return scan.openQuote ? value.slice(scan.lastStringStart) : undefined;
}

/** Whether the cursor is in a comment: a `#` outside strings (in YAML, after a space). */
function inComment(value: string, format: FrontMatterFormat): boolean {
	if (format === 'json') {
		return false;
	}
	const scan = scanUnquoted(value, (ch, i) => ch === '#' && (format === 'toml' || i === 0 || /\s/.test(value[i - 1])));
	return scan.stoppedAt !== undefined;
}

/** Whether a `[` opened in `value` is still open at its end (strings skipped). */
function openBracket(value: string): boolean {
	return openBracketDepth(value) > 0;
}

/** The complete elements of a list value typed so far (quoted or plain), the one at the cursor excluded. */
function listedElements(value: string): string[] {
	const elements: string[] = [];
	const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s[\],"']+)(?=\s*,)/g;
	for (const match of value.matchAll(pattern)) {
		const end = (match.index ?? 0) + match[0].length;
		// A plain element counts once a comma follows it; the one being typed is not listed yet.
		if (end < value.length || match[1] !== undefined || match[2] !== undefined) {
			elements.push(match[1] ?? match[2] ?? match[3]);
		}
	}
	return elements;
}

function topLevelKeys(text: string, contentStart: number, format: FrontMatterFormat): Set<string> {
	const block = splitFrontMatter(text);
	const content = block ? block.content : text.slice(contentStart);
	const keys = new Set<string>();
	const pattern = format === 'toml' ? /^[ \t]*(?:"([^"]+)"|([A-Za-z0-9_-]+))[ \t]*=/gm
		: format === 'yaml' ? /^(?:"([^"]+)"|([A-Za-z0-9_-]+)):/gm
		: /^[ \t]*"([^"]+)"()[ \t]*:/gm;
	for (const line of content.split(/\r?\n/)) {
		if (format === 'toml' && /^[ \t]*\[/.test(line)) {
			break; // keys below a table header belong to that table
		}
		pattern.lastIndex = 0;
		const match = pattern.exec(line);
		if (match) {
			keys.add((match[1] ?? match[2]).toLowerCase());
		}
	}
	return keys;
}

function keyItems(site: Extract<CompletionSite, { kind: 'key' }>): WritingCompletionItem[] {
	return FRONT_MATTER_FIELDS.filter(f => !site.existingKeys.has(f.name.toLowerCase())).map((field, index) => ({
		label: field.name,
		kind: 'field',
		insertText: keySnippet(field, site.format),
		snippet: true,
		detail: `Hugo front matter: ${describeKind(field)}`,
		documentation: field.doc,
		sortText: sortKey(index),
		replaceStart: site.replaceStart,
		replaceEnd: site.replaceEnd,
		filterText: site.quoted ? `"${field.name}` : undefined,
	}));
}

function describeKind(field: FrontMatterField): string {
	switch (field.kind) {
		case 'stringList': return 'list of strings';
		case 'imagePath': return 'image path';
		case 'imagePathList': return 'list of image paths';
		case 'tableList': return 'list of tables';
		case 'choice': return `one of ${field.choices!.join(', ')}`;
		default: return field.kind;
	}
}

/** What to insert for a key, in the syntax of the block: the key and an empty value to fill in. */
function keySnippet(field: FrontMatterField, format: FrontMatterFormat): string {
	const name = field.name;
	const choice = field.choices ? `\${1|${field.choices.join(',')}|}` : '$1';
	if (format === 'toml') {
		switch (field.kind) {
			case 'boolean': return `${name} = \${1|true,false|}`;
			case 'date': case 'integer': return `${name} = $1`;
			case 'stringList': case 'imagePathList': return `${name} = ["$1"]`;
			case 'table': return `[${name}]\n$0`;
			case 'tableList': return `[[${name}]]\n$0`;
			case 'choice': return `${name} = "${choice}"`;
			default: return `${name} = "$1"`;
		}
	}
	if (format === 'yaml') {
		switch (field.kind) {
			case 'boolean': return `${name}: \${1|true,false|}`;
			case 'date': case 'integer': return `${name}: $1`;
			case 'stringList': case 'imagePathList': return `${name}: ["$1"]`;
			case 'table': return `${name}:\n  $0`;
			case 'tableList': return `${name}:\n  - $0`;
			case 'choice': return `${name}: ${choice}`;
			default: return `${name}: "$1"`;
		}
	}
	switch (field.kind) {
		case 'boolean': return `"${name}": \${1|true,false|},`;
		case 'integer': return `"${name}": $1,`;
		case 'stringList': case 'imagePathList': return `"${name}": ["$1"],`;
		case 'table': return `"${name}": {$1},`;
		case 'tableList': return `"${name}": [{$1}],`;
		case 'choice': return `"${name}": "${choice}",`;
		default: return `"${name}": "$1",`;
	}
}

function valueItems(site: Extract<CompletionSite, { kind: 'value' }>, data: CompletionData): WritingCompletionItem[] {
	const field = fieldNamed(site.key);
	const taxonomy = data.taxonomies.find(t => t.toLowerCase() === site.key.toLowerCase());
	const space = site.needsSpace ? ' ' : '';
	const close = site.inString ? site.closingQuote ?? '' : '';
	const item = (label: string, kind: CompletionItemKind, insertText: string, index: number, detail?: string): WritingCompletionItem => ({
		label, kind, insertText: space + insertText + close, snippet: false, detail, sortText: sortKey(index), replaceStart: site.replaceStart, replaceEnd: site.replaceEnd,
	});
	if (taxonomy) {
		const terms = (data.terms.get(taxonomy) ?? []).filter(t => !site.listed.has(t.term.toLowerCase()));
		return terms.map((t, index) => {
			const element = site.inString ? t.term : quoteForFormat(t.term, site.format);
			const insertText = site.inList ? element : `[${element}]`;
			return item(t.term, 'term', insertText, index, `${taxonomy}: used by ${t.posts} post${t.posts === 1 ? '' : 's'}`);
		});
	}
	if (!field || (site.inList && field.kind !== 'stringList')) {
		return [];
	}
	switch (field.kind) {
		case 'boolean':
			return site.inString ? [] : [item('false', 'value', 'false', 0), item('true', 'value', 'true', 1)];
		case 'date': {
			// TOML and YAML read an unquoted RFC 3339 value as a native date; JSON has only strings.
			const text = site.inString ? data.now : site.format === 'json' ? `"${data.now}"` : data.now;
			return [item(data.now, 'date', text, 0, 'now, with your time zone\'s offset')];
		}
		case 'choice':
			return field.choices!.map((choice, index) => item(choice, 'value', site.inString ? choice : `"${choice}"`, index));
		default:
			return [];
	}
}

/** A string element as the block's syntax wants it. YAML takes plain scalars when they read back as the same string. */
function quoteForFormat(term: string, format: FrontMatterFormat): string {
	if (format === 'yaml' && /^[A-Za-z][A-Za-z0-9 _.-]*$/.test(term) && !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(term) && !term.endsWith(' ')) {
		return term;
	}
	return `"${term.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function imagePathSite(typed: string, offset: number, text: string, lineEnd: number): CompletionSite {
	const segmentStart = typed.lastIndexOf('/') + 1;
	let replaceEnd = offset;
	while (replaceEnd < lineEnd && /[^\s)"'\],/]/.test(text[replaceEnd])) {
		replaceEnd++;
	}
	return { kind: 'imagePath', typed, replaceStart: offset - (typed.length - segmentStart), replaceEnd };
}

/**
 * The next path segment under what is typed: folders (newest year/month first, then by name) before
 * image files. With nothing typed yet, the segments come with their leading `/`.
 */
function imagePathItems(site: Extract<CompletionSite, { kind: 'imagePath' }>, sitePaths: readonly string[]): WritingCompletionItem[] {
	const folder = site.typed.slice(0, site.typed.lastIndexOf('/') + 1);
	const lead = folder === '' ? '/' : '';
	const prefix = folder === '' ? '/' : folder;
	const folders = new Set<string>();
	const files = new Set<string>();
	for (const path of sitePaths) {
		if (!path.startsWith(prefix) || !IMAGE_EXTENSIONS.test(path)) {
			continue;
		}
		const rest = path.slice(prefix.length);
		const slash = rest.indexOf('/');
		if (slash >= 0) {
			folders.add(rest.slice(0, slash));
		} else {
			files.add(rest);
		}
	}
	const byRecency = (a: string, b: string) => /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(b) - Number(a) : a.localeCompare(b);
	const items: WritingCompletionItem[] = [];
	for (const name of [...folders].sort(byRecency)) {
		items.push({
			label: `${lead}${name}/`, kind: 'folder', insertText: `${lead}${name}/`, snippet: false, retrigger: true,
			sortText: sortKey(items.length), replaceStart: site.replaceStart, replaceEnd: site.replaceEnd,
		});
	}
	for (const name of [...files].sort((a, b) => a.localeCompare(b))) {
		items.push({
			label: `${lead}${name}`, kind: 'file', insertText: `${lead}${name}`, snippet: false, detail: `${prefix}${name}`,
			sortText: sortKey(items.length), replaceStart: site.replaceStart, replaceEnd: site.replaceEnd,
		});
	}
	return items;
}

function insideCodeFence(text: string, from: number, lineStart: number): boolean {
	let fence: string | undefined;
	for (const line of text.slice(from, lineStart).split('\n')) {
		const marker = /^[ ]{0,3}(`{3,}|~{3,})/.exec(line);
		if (!marker) {
			continue;
		}
		if (!fence) {
			fence = marker[1];
		} else if (marker[1][0] === fence[0] && marker[1].length >= fence.length && line.trim() === marker[1]) {
			fence = undefined;
		}
	}
	return fence !== undefined;
}

const INDENTED = /^(?: {4}|\t| {0,3}\t)/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Whether the line at `lineStart` belongs to an indented code block: indented by four columns, after a
 * blank line (an indented line right under a paragraph continues it), and not inside a list item, whose
 * nested paragraphs are indented too.
 */
function insideIndentedCode(text: string, from: number, lineStart: number): boolean {
	const line = text.slice(lineStart, endOfLine(text, lineStart));
	if (!INDENTED.test(line) || line.trim() === '') {
		return false;
	}
	// Walk up over the indented and blank lines to the line that opened them.
	let previousWasBlank = false;
	let start = lineStart;
	while (start > from) {
		const previousStart = Math.max(text.lastIndexOf('\n', start - 2) + 1, from);
		const previous = text.slice(previousStart, start - 1).replace(/\r$/, '');
		if (previous.trim() === '') {
			previousWasBlank = true;
		} else if (INDENTED.test(previous)) {
			previousWasBlank = false;
		} else {
			return previousWasBlank && !LIST_ITEM.test(previous);
		}
		start = previousStart;
	}
	return true;
}

/** Whether `before` (the line up to the cursor) leaves a code span open: a backtick run not yet closed by one as long. */
function insideCodeSpan(before: string): boolean {
	let open: number | undefined;
	for (const run of before.matchAll(/(?<!\\)`+/g)) {
		if (open === undefined) {
			open = run[0].length;
		} else if (run[0].length === open) {
			open = undefined;
		}
	}
	return open !== undefined;
}

function endOfLine(text: string, offset: number): number {
	const newline = text.indexOf('\n', offset);
	const end = newline < 0 ? text.length : newline;
	return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

function wordAfter(text: string, offset: number, inString: boolean): number {
	let end = offset;
	while (end < text.length && (inString ? !/["'\r\n]/.test(text[end]) : WORD.test(text[end]))) {
		end++;
	}
	return end - offset;
}

function sortKey(index: number): string {
	return String(index).padStart(5, '0');
}
