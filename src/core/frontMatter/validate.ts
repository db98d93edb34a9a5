import { LineIndex, type Range, type TextEdit } from '../text';
import { formatNow, formatRfc3339, hugoGmtClockShift, parseHugoDateString, parseLenientDate, ZONE_ABBREVIATIONS, type LenientDate } from './dates';
import { droppedFromPath, makePathSanitized } from '../site/permalinks';
import { GO_FALSE, GO_TRUE } from './fields';
import type { FrontMatterEntry, FrontMatterValue } from './model';
import { parseFrontMatter, type ParsedFrontMatter } from './parse';
import { findIntroProblem, type FrontMatterFormat, type IntroProblemKind } from './split';

export type Severity = 'error' | 'warning' | 'info';

export interface Fix {
	readonly title: string;
	readonly edits: TextEdit[];
	readonly isPreferred?: boolean;
}

export interface Finding {
	/** A rule code from `RULES` (`fm-date-unparsable`). */
	readonly code: string;
	readonly message: string;
	readonly severity: Severity;
	/** In the whole document, 0-based. */
	readonly range: Range;
	/** Text edits that fix it, touching only the offending text; empty when no safe fix exists. */
	readonly fixes: Fix[];
}

export interface ValidationOptions {
	/** Top-level fields every post must set (setting `eventWriteup.frontMatter.requiredFields`). */
	readonly requiredFields?: readonly string[];
	/**
	 * Whether an image path from `cover`/`images` exists in the site: site-root paths (`/images/x.jpg`)
	 * against the static folders, relative ones against the post's folder. `undefined` when unknown
	 * (no site found yet): the rule stays silent rather than guess.
	 */
	readonly imageExists?: (src: string) => boolean | undefined;
	/** What Hugo publishes instead of a missing image path (where it looked, where the page really is), for the message. */
	readonly describeMissingImage?: (src: string) => string | undefined;
	/** The time that fixes inserting "now" use; defaults to the current time. */
	readonly now?: Date;
	/** Where the file's bytes were not UTF-8 (`decodeUtf8`): Hugo's TOML reader fails the build there. */
	readonly invalidUtf8Offsets?: readonly number[];
}

/** Characters that end or change a plain scalar inside a YAML flow list, or a line break. */
const FLOW_UNSAFE = /[[\]{},#:&*!|>'"%@`\r\n]/;

/** Date fields Hugo reads (lowercased, aliases included), with the name to show in messages. */
const DATE_FIELDS: Readonly<Record<string, string>> = {
	date: 'date', publishdate: 'publishDate', pubdate: 'publishDate', published: 'publishDate',
	lastmod: 'lastmod', modified: 'lastmod', expirydate: 'expiryDate', unpublishdate: 'expiryDate',
};
const LIST_FIELDS = new Set(['tags', 'categories', 'aliases', 'keywords', 'images']);
const IMAGE_FIELDS = new Set(['cover', 'images', 'image']);
/** Values a writer plainly means as true or false. */
const MEANT_TRUE = new Set(['true', 'yes', 'y', 'on', '1', 't']);
const MEANT_FALSE = new Set(['false', 'no', 'n', 'off', '0', 'f']);
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const PARENT_SEGMENT = /(^|[\\/])\.\.([\\/]|$)/;
const REMOTE_IMAGE = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Checks a Markdown document's front matter as Hugo 0.111.3 reads it (and as newer Hugo fails on it).
 * Reads only the front matter block. Returns no findings when the document has no front matter.
 */
export function validateFrontMatter(text: string, options: ValidationOptions = {}): Finding[] {
	const parsed = parseFrontMatter(text, options.invalidUtf8Offsets);
	if (!parsed) {
		const problem = findIntroProblem(text);
		if (!problem) {
			return [];
		}
		const lines = new LineIndex(text.slice(0, problem.end));
		return [{
			code: 'fm-syntax', severity: 'error', range: lines.rangeOf(problem.start, problem.end), fixes: [],
			message: introProblemMessage(problem.kind, text[problem.start]),
		}];
	}
	return new Validator(text, parsed, options).run();
}

function introProblemMessage(kind: IntroProblemKind, ch: string): string {
	switch (kind) {
		case 'toml-delimiter': case 'yaml-delimiter': {
			const name = kind === 'toml-delimiter' ? 'TOML' : 'YAML';
			return `A post cannot start with '${ch}': Hugo takes it for a ${name} front matter delimiter (${ch.repeat(3)}) and fails the build ("invalid ${name} delimiter"). Add front matter above it, or start the post with something else.`;
		}
		case 'plain-html':
			return 'A post cannot start with \'<\': Hugo 0.111.3 takes it for a plain HTML document and fails the build ("plain HTML documents not supported"). Add front matter above it, or start the post with text.';
		case 'unclosed-comment':
			return 'This HTML comment opens the post but is never closed: Hugo fails the build ("starting HTML comment with no end"). Close it with -->.';
	}
}

class Validator {
	readonly #findings: Finding[] = [];
	/** Built on the first finding: a clean post never needs positions. */
	#lineIndex: LineIndex | undefined;
	readonly #format: FrontMatterFormat;
	readonly #eol: string;

	constructor(readonly text: string, readonly parsed: ParsedFrontMatter, readonly options: ValidationOptions) {
		this.#format = parsed.block.format;
		this.#eol = parsed.block.content.includes('\r\n') ? '\r\n' : '\n';
	}

	get #lines(): LineIndex {
		// Offsets never go past the block, so the index covers only the block: cost independent of the body.
		this.#lineIndex ??= new LineIndex(this.text.slice(0, this.parsed.block.end));
		return this.#lineIndex;
	}

	run(): Finding[] {
		for (const problem of this.parsed.problems) {
			this.#add(problem.code, problem.severity, problem.message, problem.start, problem.end);
		}
		if (!this.parsed.data) {
			return this.#findings;
		}
		const topLevel = this.parsed.entries.filter(e => e.topLevel);
		const byName = new Map<string, FrontMatterEntry[]>();
		for (const entry of topLevel) {
			const name = entry.key.toLowerCase();
			const list = byName.get(name);
			if (list) {
				list.push(entry);
			} else {
				byName.set(name, [entry]);
			}
		}
		for (const [name, entries] of byName) {
			if (entries.length > 1 && new Set(entries.map(e => e.key)).size > 1) {
				const last = entries[entries.length - 1];
				this.#add('fm-duplicate-key', 'warning',
					`'${entries[0].key}' and '${last.key}' are the same field to Hugo (field names ignore case): one of the two values is silently lost. Keep one.`,
					last.keyStart, last.keyEnd);
			}
			for (const entry of entries) {
				this.#checkField(name, entry);
			}
		}
		this.#checkNestedImages();
		this.#checkPresence(byName);
		return this.#findings;
	}

	#add(code: string, severity: Severity, message: string, start: number, end: number, fixes: Fix[] = []): void {
		this.#findings.push({ code, severity, message, range: this.#lines.rangeOf(start, end), fixes });
	}

	#edit(start: number, end: number, newText: string): TextEdit {
		return { range: this.#lines.rangeOf(start, end), newText };
	}

	#checkField(name: string, entry: FrontMatterEntry): void {
		if (name in DATE_FIELDS) {
			this.#checkDate(entry, DATE_FIELDS[name]);
		} else if (name === 'draft') {
			this.#checkDraft(entry);
		} else if (name === 'slug') {
			this.#checkSlug(entry);
		} else if (name === 'url') {
			this.#checkUrl(entry);
		} else if (name === 'title') {
			const value = entry.value;
			if (value.kind === 'string' && String(value.value).trim() === '' || value.kind === 'null') {
				this.#add('fm-title-missing', 'warning', 'The title is empty: Hugo lists the post without a title. Write one.', entry.keyStart, value.end);
			}
		}
		if (LIST_FIELDS.has(name)) {
			this.#checkList(entry, name);
		}
		if (name === 'aliases') {
			this.#checkAliases(entry);
		}
		if (IMAGE_FIELDS.has(name)) {
			this.#checkImages(entry.value);
		}
	}

	// ---- dates

	#checkDate(entry: FrontMatterEntry, field: string): void {
		const value = entry.value;
		const where = entry.key.toLowerCase() === field.toLowerCase() ? `'${entry.key}'` : `'${entry.key}' (Hugo's ${field})`;
		switch (value.kind) {
			case 'date': case 'localDatetime': case 'datetime': case 'integer':
				return;
			case 'time':
				this.#add('fm-date-unparsable', 'error',
					`${where} is a time of day without a date: Hugo 0.111 silently dates the post 0001-01-01 and Hugo 0.135+ fails the build. Write a full date such as 2017-05-09T10:00:00.`,
					value.start, value.end);
				return;
			case 'null':
				this.#emptyDate(entry, where);
				return;
			case 'string':
				break;
			default: {
				let fixes: Fix[] = [];
				if (value.kind === 'float' && typeof value.value === 'number' && Number.isInteger(value.value)) {
					// JSON numbers reach Hugo as decimals, which it cannot read as Unix seconds.
					const iso = new Date(value.value * 1000).toISOString().replace('.000Z', 'Z');
					fixes = [{ title: `Write ${where} as ${iso}`, edits: [this.#edit(value.start, value.end, this.#dateText(iso, value))], isPreferred: true }];
				}
				const what = value.kind === 'float' ? (this.#format === 'json' ? 'a JSON number (Hugo reads it as a decimal, not as Unix seconds)' : 'a decimal number')
					: value.kind === 'boolean' ? 'a boolean' : value.kind === 'array' ? 'a list' : 'a table';
				this.#add('fm-date-unparsable', 'error',
					`${where} is ${what}, not a date: Hugo 0.111 silently dates the post 0001-01-01 and Hugo 0.135+ fails the build. Write a date such as 2017-05-09T10:00:00Z.`,
					value.start, value.end, fixes);
				return;
			}
		}
		const text = String(value.value);
		if (text === '') {
			this.#emptyDate(entry, where);
			return;
		}
		const parsed = parseHugoDateString(text);
		if (!parsed) {
			const lenient = parseLenientDate(text);
			const fixes = lenient ? [this.#dateFix(where, lenient, value)] : [];
			this.#add('fm-date-unparsable', 'error',
				`${where} "${text}" is not a date Hugo can read: Hugo 0.111 silently dates the post 0001-01-01 and Hugo 0.135+ fails the build. Write it as RFC 3339${lenient ? `: ${formatRfc3339(lenient)}` : ', for example 2017-05-09T10:00:00-04:00'}.`,
				value.start, value.end, fixes);
			return;
		}
		if (!parsed.hasYear) {
			this.#add('fm-date-unparsable', 'error',
				`${where} "${text}" has no year: Hugo dates the post in year 0. Write a full date such as 2017-05-09T10:00:00.`,
				value.start, value.end);
			return;
		}
		if (parsed.zoneName !== undefined && parsed.offsetMinutes === undefined && parsed.zoneName !== 'UTC' && parsed.zoneName !== 'GMT') {
			const shift = hugoGmtClockShift(parsed.zoneName);
			const offset = shift ?? ZONE_ABBREVIATIONS[parsed.zoneName];
			const fixes: Fix[] = [];
			let advice = ' (for example -04:00)';
			if (offset !== undefined) {
				const fixed: LenientDate = {
					year: parsed.year, month: parsed.month, day: parsed.day,
					time: { hour: parsed.hour, minute: parsed.minute, second: parsed.second, fraction: parsed.fraction },
					offsetMinutes: offset,
				};
				fixes.push(this.#dateFix(where, fixed, value));
				advice = `: ${formatRfc3339(fixed)}`;
			}
			const reading = shift === undefined
				? 'Hugo ignores zone abbreviations and reads the time in the site\'s time zone (UTC unless timeZone is set)'
				: `Hugo 0.111.3 does not read it as an offset: it moves the clock ${Math.abs(shift / 60)} hour${Math.abs(shift) === 60 ? '' : 's'} ${shift < 0 ? 'earlier' : 'later'} and reads that time in the site's time zone`;
			this.#add('fm-date-zone-abbreviation', 'warning',
				`${where} "${text}" names its time zone as '${parsed.zoneName}': ${reading}. Write the offset instead${advice}.`,
				value.start, value.end, fixes);
		}
	}

	#emptyDate(entry: FrontMatterEntry, where: string): void {
		const value = entry.value;
		const now = formatNow(this.options.now ?? new Date());
		this.#add('fm-date-empty', 'warning',
			`${where} is empty: Hugo builds the post without a date. Set a date or remove the line.`,
			value.kind === 'null' ? entry.keyStart : value.start, value.kind === 'null' ? entry.keyEnd : value.end,
			[
				{ title: `Set ${where} to now (${now})`, edits: [this.#replaceValue(entry, this.#dateText(now, value))], isPreferred: true },
				{ title: `Remove ${where}`, edits: [this.#removeLine(entry)] },
			]);
	}

	#dateFix(where: string, date: LenientDate, value: FrontMatterValue): Fix {
		const text = formatRfc3339(date);
		return { title: `Write ${where} as ${text}`, edits: [this.#edit(value.start, value.end, this.#dateText(text, value))], isPreferred: true };
	}

	/** A date in the block's format: a native date in TOML, a string in YAML (quoted as before) and JSON. */
	#dateText(rfc3339: string, value: FrontMatterValue): string {
		switch (this.#format) {
			case 'toml': return rfc3339;
			case 'json': return JSON.stringify(rfc3339);
			case 'yaml': return value.quote === 'double' ? `"${rfc3339}"` : value.quote === 'single' ? `'${rfc3339}'` : rfc3339;
		}
	}

	#replaceValue(entry: FrontMatterEntry, newText: string): TextEdit {
		const value = entry.value;
		if (value.kind === 'null' && value.start === value.end) {
			// YAML `date:` with nothing after the colon.
			return this.#edit(entry.keyEnd, value.end, `: ${newText}`);
		}
		return this.#edit(value.start, value.end, newText);
	}

	/** Removes the entry's whole line(s), line break included. */
	#removeLine(entry: FrontMatterEntry): TextEdit {
		let end = entry.lineEnd;
		if (this.text.startsWith('\r\n', end)) {
			end += 2;
		} else if (this.text[end] === '\n' || this.text[end] === '\r') {
			end += 1;
		}
		return this.#edit(entry.lineStart, end, '');
	}

	// ---- draft

	#checkDraft(entry: FrontMatterEntry): void {
		const value = entry.value;
		if (value.kind === 'boolean') {
			return;
		}
		const raw = value.value;
		let hugoReads = false;
		let meant: boolean | undefined;
		if (typeof raw === 'string') {
			hugoReads = GO_TRUE.has(raw);
			const lower = raw.trim().toLowerCase();
			meant = MEANT_TRUE.has(lower) ? true : MEANT_FALSE.has(lower) ? false : undefined;
			if (GO_TRUE.has(raw) || GO_FALSE.has(raw)) {
				meant = GO_TRUE.has(raw);
			}
		} else if (typeof raw === 'number') {
			// cast.ToBool only converts Go `int` (YAML); TOML's int64 and JSON's float64 read as false.
			hugoReads = this.#format === 'yaml' && value.kind === 'integer' && raw !== 0;
			meant = raw === 1 ? true : raw === 0 ? false : undefined;
		}
		const shown = this.text.slice(value.start, value.end);
		const fixes: Fix[] = meant === undefined
			? [true, false].map(b => ({ title: `Set '${entry.key}' to ${b}`, edits: [this.#replaceValue(entry, String(b))] }))
			: [{ title: `Set '${entry.key}' to ${meant}`, edits: [this.#replaceValue(entry, String(meant))], isPreferred: true }];
		const agrees = meant !== undefined && hugoReads === meant;
		const message = agrees
			? `'${entry.key}' is ${shown}, not a boolean: Hugo happens to read it as ${hugoReads}. Write ${meant} without quotes.`
			: `'${entry.key}' is ${shown}, not a boolean: Hugo reads it as ${hugoReads}${hugoReads ? ' (the post is a draft and is not published)' : ' (the post is published)'}. Write true or false without quotes.`;
		this.#add('fm-draft-not-boolean', agrees ? 'warning' : 'error', message,
			value.kind === 'null' ? entry.keyStart : value.start, value.kind === 'null' ? entry.keyEnd : value.end, fixes);
	}

	// ---- lists

	#checkList(entry: FrontMatterEntry, name: string): void {
		const value = entry.value;
		if (value.kind === 'array') {
			for (const item of value.items ?? []) {
				if (item.kind !== 'string') {
					const shown = this.text.slice(item.start, item.end);
					const fixes: Fix[] = item.kind === 'table' || item.kind === 'array' ? []
						: [{ title: `Quote ${shown}`, edits: [this.#edit(item.start, item.end, JSON.stringify(shown))], isPreferred: true }];
					this.#add('fm-list-expected', 'warning',
						`'${entry.key}' entries should be strings; ${shown} is not. Quote it.`, item.start, item.end, fixes);
				}
			}
			return;
		}
		if (value.kind === 'null' || value.kind === 'table') {
			this.#add('fm-list-expected', 'warning', `'${entry.key}' should be a list of strings, such as ["one", "two"].`,
				value.kind === 'null' ? entry.keyStart : value.start, value.kind === 'null' ? entry.keyEnd : value.end);
			return;
		}
		const raw = this.text.slice(value.start, value.end);
		const asString = value.kind === 'string' ? String(value.value) : raw;
		const fixes: Fix[] = [];
		const parts = asString.split(',').map(p => p.trim()).filter(p => p !== '');
		const quoted = value.kind === 'string' && value.quote !== 'plain' && value.quote !== 'block' ? raw : JSON.stringify(asString);
		// A plain YAML scalar stays as written inside [...] only when nothing in it means something there:
		// `C# {beta}` or `x]` would break the flow list, and `a, b` would become two items.
		const keepsPlain = this.#format === 'yaml' && value.quote === 'plain' && value.kind === 'string' && !FLOW_UNSAFE.test(raw) && raw === raw.trim();
		const single = keepsPlain ? raw : quoted;
		const wrap: Fix = { title: `Make '${entry.key}' a list: [${single}]`, edits: [this.#edit(value.start, value.end, `[${single}]`)] };
		if (parts.length > 1 && name !== 'aliases' && name !== 'images') {
			const list = `[${parts.map(p => JSON.stringify(p)).join(', ')}]`;
			fixes.push({ title: `Split '${entry.key}' into a list: ${list}`, edits: [this.#edit(value.start, value.end, list)], isPreferred: true }, wrap);
		} else if (asString !== '') {
			fixes.push({ ...wrap, isPreferred: true });
		} else {
			fixes.push({ title: `Make '${entry.key}' an empty list`, edits: [this.#edit(value.start, value.end, '[]')], isPreferred: true });
		}
		const consequence = name === 'tags' || name === 'categories'
			? `Hugo makes one term${parts.length > 1 ? ` named "${asString}"` : ''}, but templates that range over .Params.${name.toLowerCase()} get its characters (or fail the build)`
			: 'templates that range over it get its characters (or fail the build)';
		this.#add('fm-list-expected', 'warning', `'${entry.key}' is a single ${value.kind === 'string' ? 'string' : value.kind}, not a list: ${consequence}. Write a list.`, value.start, value.end, fixes);
	}

	#checkAliases(entry: FrontMatterEntry): void {
		const value = entry.value;
		const items = value.kind === 'array' ? value.items ?? [] : value.kind === 'string' ? [value] : [];
		for (const item of items) {
			if (item.kind !== 'string') {
				continue;
			}
			const alias = String(item.value);
			const inner = this.#innerRange(item);
			if (alias.trim() === '') {
				this.#add('fm-alias-invalid', 'warning', 'An empty alias redirects nothing. Remove it or write the old path, such as /2017/05/old-post/.', item.start, item.end);
			} else if (URL_SCHEME.test(alias)) {
				const path = alias.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') || '/';
				this.#add('fm-alias-invalid', 'error',
					`The alias "${alias}" is a full URL: Hugo fails the build ("http* aliases not supported"). An alias is a path on this site, where Hugo writes a redirect page. Write the path: ${path}.`,
					item.start, item.end, [{ title: `Use the path ${path}`, edits: [this.#edit(inner.start, inner.end, path)], isPreferred: true }]);
			} else if (PARENT_SEGMENT.test(alias)) {
				this.#add('fm-alias-invalid', 'warning', `The alias "${alias}" contains "..": the redirect page does not land where the path says. Write a path from the site root, such as /2017/05/old-post/.`, item.start, item.end);
			} else if (/[\s?#]/.test(alias)) {
				this.#add('fm-alias-invalid', 'warning',
					`The alias "${alias}" contains ${/\s/.test(alias) ? 'spaces' : /\?/.test(alias) ? 'a query (?)' : 'a fragment (#)'}: a redirect page lives at a plain path, so visitors never reach it. Write the path only.`,
					item.start, item.end);
			}
		}
	}

	/** The range of a string value without its quotes. */
	#innerRange(value: FrontMatterValue): { start: number; end: number } {
		if (value.quote === 'double' || value.quote === 'single') {
			return { start: value.start + 1, end: value.end - 1 };
		}
		return { start: value.start, end: value.end };
	}

	// ---- slug and url

	/**
	 * A slug is reported only where Hugo publishes something else than it says: characters Hugo drops
	 * from a page path (`?`, `!`, `'`, …). A `/` (a sub-path), `+`, upper case and spaces (which become
	 * hyphens) are Hugo's to handle, as is a number (read as its text): not reported.
	 */
	#checkSlug(entry: FrontMatterEntry): void {
		const value = entry.value;
		if (value.kind !== 'string') {
			return;
		}
		const slug = String(value.value);
		if (slug.trim() === '') {
			this.#add('fm-slug-invalid', 'warning', 'The slug is empty: Hugo falls back to the file name. Write a slug or remove the line.', value.start, value.end,
				[{ title: `Remove '${entry.key}'`, edits: [this.#removeLine(entry)] }]);
			return;
		}
		const dropped = droppedFromPath(slug);
		if (dropped.length === 0) {
			return;
		}
		const published = makePathSanitized(slug, false);
		const inner = this.#innerRange(value);
		const fixes: Fix[] = published !== '' && value.quote !== 'multiline' && value.quote !== 'block'
			? [{ title: `Use the slug ${published}`, edits: [this.#edit(inner.start, inner.end, published)], isPreferred: true }] : [];
		this.#add('fm-slug-invalid', 'warning',
			`Hugo drops ${dropped.map(ch => `'${ch}'`).join(', ')} from the slug "${slug}": the page is published as '${published}'. Write the slug as Hugo publishes it, so that links to the page match.`,
			value.start, value.end, fixes);
	}

	#checkUrl(entry: FrontMatterEntry): void {
		const value = entry.value;
		if (value.kind !== 'string') {
			this.#add('fm-url-invalid', 'warning', `'${entry.key}' should be a path string such as "/custom/path/".`,
				value.start === value.end ? entry.keyStart : value.start, value.start === value.end ? entry.keyEnd : value.end);
			return;
		}
		const url = String(value.value);
		const inner = this.#innerRange(value);
		if (url.trim() === '') {
			this.#add('fm-url-invalid', 'warning', 'url is empty: Hugo ignores it. Write a path such as /custom/path/ or remove the line.', value.start, value.end,
				[{ title: `Remove '${entry.key}'`, edits: [this.#removeLine(entry)] }]);
		} else if (URL_SCHEME.test(url)) {
			const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') || '/';
			this.#add('fm-url-invalid', 'error', `url "${url}" is a full URL: Hugo fails the build ("URLs with protocol (http*) not supported"). url is a path on this site. Write the path: ${path}.`,
				value.start, value.end, [{ title: `Use the path ${path}`, edits: [this.#edit(inner.start, inner.end, path)], isPreferred: true }]);
		} else if (/\s/.test(url)) {
			const fixed = url.trim().replace(/\s+/g, '-');
			this.#add('fm-url-invalid', 'warning', `url "${url}" contains spaces: the address needs escaping. Use hyphens: ${fixed}.`,
				value.start, value.end, value.quote === 'double' || value.quote === 'single' || value.quote === 'plain'
					? [{ title: `Use ${fixed}`, edits: [this.#edit(inner.start, inner.end, fixed)], isPreferred: true }] : []);
		}
	}

	// ---- images

	#checkImages(value: FrontMatterValue): void {
		const exists = this.options.imageExists;
		if (!exists) {
			return;
		}
		// A `cover` table (`[cover] image = "…"`, as PaperMod writes it) is checked through its `image` key.
		const candidates: readonly FrontMatterValue[] = value.kind === 'array' ? value.items ?? [] : value.kind === 'table' ? [] : [value];
		for (const item of candidates) {
			if (item.kind !== 'string') {
				continue;
			}
			const src = String(item.value).trim();
			if (src === '' || REMOTE_IMAGE.test(src)) {
				continue;
			}
			if (exists(src) === false) {
				const detail = this.options.describeMissingImage?.(src);
				this.#add('fm-image-missing', 'warning',
					detail !== undefined ? `${detail} Fix the path or add the file.`
						: `The image "${src}" is not in the site: ${src.startsWith('/') ? 'no static folder (static/, the theme\'s static/) has it' : 'there is no such file next to the post'}. Fix the path or add the file.`,
					item.start, item.end);
			}
		}
	}

	#checkNestedImages(): void {
		for (const entry of this.parsed.entries) {
			const path = entry.path.map(p => p.toLowerCase());
			const underParams = path.length === 2 && path[0] === 'params' && IMAGE_FIELDS.has(path[1]);
			const coverTable = path[path.length - 1] === 'image' && (path.length === 2 && path[0] === 'cover' || path.length === 3 && path[0] === 'params' && path[1] === 'cover');
			if (underParams || coverTable) {
				this.#checkImages(entry.value);
			}
		}
	}

	// ---- presence

	#checkPresence(byName: ReadonlyMap<string, readonly FrontMatterEntry[]>): void {
		const block = this.parsed.block;
		const delimiterEnd = block.format === 'json' ? block.start + 1 : block.start + 3;
		const required = [...new Set((this.options.requiredFields ?? []).map(f => f.trim()).filter(f => f !== ''))];
		const requiresTitle = required.some(f => f.toLowerCase() === 'title');
		if (!byName.has('title') && !requiresTitle) {
			this.#add('fm-title-missing', 'warning', 'The post has no title: Hugo lists it without one. Add a title field.', block.start, delimiterEnd);
		}
		for (const field of required) {
			if (byName.has(field.toLowerCase())) {
				continue;
			}
			const fix = this.#insertField(field);
			this.#add('fm-required-field', 'warning',
				`The field '${field}' is required (setting eventWriteup.frontMatter.requiredFields) but missing.`,
				block.start, delimiterEnd, fix ? [fix] : []);
		}
	}

	#insertField(field: string): Fix | undefined {
		const lower = field.toLowerCase();
		const now = formatNow(this.options.now ?? new Date());
		const format = this.#format;
		let value: string;
		if (lower in DATE_FIELDS) {
			value = format === 'toml' ? now : format === 'json' ? JSON.stringify(now) : now;
		} else if (lower === 'draft') {
			value = 'true';
		} else if (LIST_FIELDS.has(lower)) {
			value = '[]';
		} else {
			value = '""';
		}
		const topLevel = this.parsed.entries.filter(e => e.topLevel);
		const last = topLevel.length > 0 ? topLevel[topLevel.length - 1] : undefined;
		const eol = this.#eol;
		let offset: number;
		let newText: string;
		if (format === 'json') {
			const key = JSON.stringify(field);
			if (last) {
				const lineText = this.text.slice(last.lineStart, last.keyStart);
				const indent = /^\s*$/.test(lineText) ? lineText : '  ';
				offset = last.value.end;
				newText = `,${eol}${indent}${key}: ${value}`;
			} else {
				offset = this.parsed.block.start + 1;
				newText = `${eol}  ${key}: ${value}${eol}`;
			}
		} else {
			const key = format === 'toml' ? (/^[A-Za-z0-9_-]+$/.test(field) ? field : JSON.stringify(field)) : (/^[\w-]+$/.test(field) ? field : JSON.stringify(field));
			const line = format === 'toml' ? `${key} = ${value}` : `${key}: ${value}`;
			if (last) {
				offset = last.lineEnd;
				newText = `${eol}${line}`;
			} else {
				offset = this.parsed.insertOffset;
				const content = this.parsed.block.content;
				const needsBreakBefore = offset > this.parsed.block.contentStart && !/[\r\n]$/.test(this.text.slice(this.parsed.block.contentStart, offset)) && content !== '';
				newText = `${needsBreakBefore ? eol : ''}${line}${eol}`;
			}
		}
		return { title: `Add ${field}`, edits: [this.#edit(offset, offset, newText)], isPreferred: true };
	}
}
