import type { MarkdownIt, StateCore } from 'markdown-it';

/**
 * The heading anchor Hugo 0.111.3 generates with `autoHeadingIDType = "github"`: the heading's source text,
 * trimmed, lowercased; spaces and hyphens become `-`, letters, digits and `_` are kept (any script), the
 * rest is dropped. Hugo slugs the raw source, so a link's URL and inline HTML tags count as text
 * (`## A [b](https://x.org)` → `a-bhttpsxorg`).
 */
export function githubHeadingId(source: string): string {
	let id = '';
	for (const ch of source.trim()) {
		const code = ch.charCodeAt(0);
		if (ch === ' ' || ch === '-') {
			id += '-';
		} else if (code < 0x80) {
			// ASCII, most headings: letters, digits and `_` without a Unicode class test.
			if ((code >= 0x61 && code <= 0x7A) || (code >= 0x30 && code <= 0x39) || code === 0x5F) {
				id += ch;
			} else if (code >= 0x41 && code <= 0x5A) {
				id += String.fromCharCode(code + 0x20);
			}
		} else if (/[\p{L}\p{Nd}_]/u.test(ch)) {
			// Lowercased rune by rune, as Go's unicode.ToLower does (no final-sigma rule).
			id += ch.toLowerCase();
		}
	}
	return id;
}

/** Hands out unique anchors as Hugo does: `x`, `x-1`, `x-2`; an empty one becomes `heading`. */
export class HeadingIdFactory {
	readonly #used = new Set<string>();
	/** The next suffix to try per base id, so a post with thousands of equal headings stays linear. */
	readonly #nextSuffix = new Map<string, number>();

	generate(source: string): string {
		return this.claim(githubHeadingId(source) || 'heading');
	}

	claim(id: string): string {
		let unique = id;
		let n = this.#nextSuffix.get(id) ?? 1;
		while (this.#used.has(unique)) {
			unique = `${id}-${n++}`;
		}
		this.#nextSuffix.set(id, n);
		this.#used.add(unique);
		return unique;
	}
}

// Goldmark's `parser.attribute.title`: `### Title {#id .class key=value}` at the end of a heading.
const TRAILING_ATTRIBUTES = /[ \t]*\{([^{}\n]*)\}[ \t]*$/;
const ATTRIBUTE = /^\s*(?:#([\w-]+)|\.([\w-]+)|([A-Za-z_:][\w:.-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))/;

interface HeadingAttributes {
	id?: string;
	classes: string[];
	others: Array<[string, string]>;
}

function parseAttributes(body: string): HeadingAttributes | undefined {
	const attributes: HeadingAttributes = { classes: [], others: [] };
	let rest = body;
	while (rest.trim() !== '') {
		const match = ATTRIBUTE.exec(rest);
		if (!match) {
			return undefined;
		}
		if (match[1] !== undefined) {
			attributes.id = match[1];
		} else if (match[2] !== undefined) {
			attributes.classes.push(match[2]);
		} else {
			attributes.others.push([match[3], match[4] ?? match[5] ?? match[6]]);
		}
		rest = rest.slice(match[0].length);
	}
	return attributes;
}

/**
 * Adds Hugo's heading anchors and heading attributes. Runs before inline parsing so the attribute block
 * never reaches the rendered text.
 */
export function headingIdsPlugin(md: MarkdownIt): void {
	md.core.ruler.before('inline', 'hugo_heading_ids', (state: StateCore) => {
		const ids = new HeadingIdFactory();
		const tokens = state.tokens;
		for (let i = 0; i + 1 < tokens.length; i++) {
			const open = tokens[i];
			if (open.type !== 'heading_open') {
				continue;
			}
			const inline = tokens[i + 1];
			let explicitId: string | undefined;
			const trailing = TRAILING_ATTRIBUTES.exec(inline.content);
			if (trailing) {
				const attributes = parseAttributes(trailing[1]);
				if (attributes) {
					inline.content = inline.content.slice(0, trailing.index);
					explicitId = attributes.id;
					if (attributes.classes.length > 0) {
						open.attrSet('class', attributes.classes.join(' '));
					}
					for (const [name, value] of attributes.others) {
						open.attrSet(name, value);
					}
				}
			}
			// Goldmark names a setext heading (underlined with `=` or `-`) after its last line only.
			const source = open.markup === '=' || open.markup === '-' ? inline.content.slice(inline.content.lastIndexOf('\n') + 1) : inline.content;
			open.attrSet('id', explicitId !== undefined ? ids.claim(explicitId) : ids.generate(source));
		}
	});
}
