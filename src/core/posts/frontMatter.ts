/** Front matter text for a new post, written key by key so the result reads like a hand-written post. */

export type PostFormat = 'toml' | 'yaml';

export interface NewPostFields {
	readonly title: string;
	/** RFC 3339 with offset, written unquoted so TOML and YAML read it as a date. */
	readonly date: string;
	readonly slug: string;
	readonly tags: readonly string[];
	readonly categories: readonly string[];
	readonly draft: boolean;
}

export const DELIMITERS: Readonly<Record<PostFormat, string>> = { toml: '+++', yaml: '---' };

/** The front matter block, delimiters included, each line ending in `eol`. */
export function newPostFrontMatter(fields: NewPostFields, format: PostFormat, eol = '\n'): string {
	const assign = format === 'toml' ? ' = ' : ': ';
	const lines = [
		DELIMITERS[format],
		`title${assign}${quoteString(fields.title, format)}`,
		`date${assign}${fields.date}`,
		`draft${assign}${fields.draft ? 'true' : 'false'}`,
		`slug${assign}${quoteString(fields.slug, format)}`,
		`tags${assign}${stringList(fields.tags, format)}`,
		`categories${assign}${stringList(fields.categories, format)}`,
		DELIMITERS[format],
	];
	return lines.map(line => line + eol).join('');
}

/** A flow list of strings (`["a", "b"]`), valid in both TOML and YAML. */
export function stringList(values: readonly string[], format: PostFormat): string {
	return `[${values.map(value => quoteString(value, format)).join(', ')}]`;
}

/**
 * A double-quoted string in TOML (basic string) or YAML. Both accept the same backslash escapes for
 * quotes, backslashes and control characters; YAML also wants the Unicode line separators and other
 * non-printables escaped. Unpaired surrogates, which neither format can carry, become U+FFFD.
 */
export function quoteString(value: string, format: PostFormat): string {
	let quoted = '"';
	for (const ch of wellFormed(value)) {
		const code = ch.codePointAt(0)!;
		const simple = SIMPLE_ESCAPES[ch];
		if (simple) {
			quoted += simple;
		} else if (code < 0x20 || code === 0x7f || (format === 'yaml' && needsYamlEscape(code))) {
			quoted += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
		} else {
			quoted += ch;
		}
	}
	return `${quoted}"`;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
	'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

function needsYamlEscape(code: number): boolean {
	return (code >= 0x80 && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff;
}

function wellFormed(value: string): string {
	return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * The format most of `posts` use, judged by each post's opening delimiter; `undefined` when none
 * has TOML or YAML front matter. A tie goes to TOML, the format most write-ups use.
 */
export function detectPostFormat(posts: readonly string[]): PostFormat | undefined {
	let toml = 0;
	let yaml = 0;
	for (const text of posts) {
		const format = frontMatterFormatOf(text);
		if (format === 'toml') {
			toml++;
		} else if (format === 'yaml') {
			yaml++;
		}
	}
	if (toml === 0 && yaml === 0) {
		return undefined;
	}
	return yaml > toml ? 'yaml' : 'toml';
}

/** The format announced by a text's first non-blank line, as Hugo picks it (a BOM and trailing spaces are tolerated). */
export function frontMatterFormatOf(text: string): PostFormat | undefined {
	const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find(line => line.trim() !== '')?.trim();
	if (firstLine === DELIMITERS.toml) {
		return 'toml';
	}
	return firstLine === DELIMITERS.yaml ? 'yaml' : undefined;
}
