import { parseDocument } from 'htmlparser2';
import { collapseAsciiWhitespace } from '../text';
import { selectAll, selectOne } from 'css-select';
import { getAttributeValue, textContent } from 'domutils';
import type { AnyNode, Document, Element } from 'domhandler';

export type { Document, Element } from 'domhandler';

/** Parses a page with a forgiving HTML parser (entities decoded, no scripts run). */
export function parseHtml(body: string): Document {
	return parseDocument(body, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** Parses an XML export (a Pentabarf/frab `schedule.xml`): tag names kept as written, entities decoded. */
export function parseXml(body: string): Document {
	return parseDocument(body, { xmlMode: true, decodeEntities: true });
}

export function all(root: AnyNode | AnyNode[], selector: string): Element[] {
	return selectAll<AnyNode, Element>(selector, root);
}

export function first(root: AnyNode | AnyNode[], selector: string): Element | undefined {
	return selectOne<AnyNode, Element>(selector, root) ?? undefined;
}

/** The element's text as written, whitespace included (an abstract is HTML escaped into an XML export). */
export function rawText(node: AnyNode | undefined): string {
	return node ? textContent(node) : '';
}

/** The element's text with runs of whitespace collapsed. */
export function text(node: AnyNode | AnyNode[] | undefined): string {
	return node ? cleanText(textContent(node)) : '';
}

export function attr(element: Element | undefined, name: string): string | undefined {
	return element ? getAttributeValue(element, name) : undefined;
}

export function cleanText(value: string): string {
	return collapseAsciiWhitespace(value);
}

/** The `content` of the first `<meta>` whose `property` or `name` is `key` (case-insensitive). */
export function meta(doc: Document, key: string): string | undefined {
	const lower = key.toLowerCase();
	for (const element of all(doc, 'meta[content]')) {
		const name = (attr(element, 'property') ?? attr(element, 'name') ?? '').toLowerCase();
		if (name === lower) {
			const content = cleanText(attr(element, 'content') ?? '');
			if (content) {
				return content;
			}
		}
	}
	return undefined;
}

/** Text of an HTML fragment (API descriptions come as HTML): tags dropped, entities decoded. */
export function htmlToText(fragment: string): string {
	return text(parseHtml(fragment));
}

const SUMMARY_ELEMENTS: ReadonlySet<string> = new Set(['meta', 'h1', 'title', 'script', 'link']);

/** Elements with one of `names`, in document order; a plain walk, several times faster than a selector list. */
function elementsNamed(root: Document, names: ReadonlySet<string>): Element[] {
	const found: Element[] = [];
	const stack: AnyNode[] = [...root.children].reverse();
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
			const element = node as Element;
			if (names.has(element.name)) {
				found.push(element);
			}
			for (let i = element.children.length - 1; i >= 0; i--) {
				stack.push(element.children[i]);
			}
		}
	}
	return found;
}

/**
 * The parts of a page the generic reader looks at, collected in one walk of the document: on a
 * 2 MB schedule page every extra full-document query costs about as much as the parse.
 */
export class PageSummary {
	readonly #meta = new Map<string, string>();
	readonly headings: Element[] = [];
	readonly jsonLdScripts: Element[] = [];
	readonly alternateLinks: Element[] = [];
	readonly title: string;

	constructor(doc: Document) {
		let title = '';
		for (const element of elementsNamed(doc, SUMMARY_ELEMENTS)) {
			switch (element.name) {
				case 'meta': {
					const key = (attr(element, 'property') ?? attr(element, 'name') ?? '').toLowerCase();
					const content = cleanText(attr(element, 'content') ?? '');
					if (key && content && !this.#meta.has(key)) {
						this.#meta.set(key, content);
					}
					break;
				}
				case 'h1':
					this.headings.push(element);
					break;
				case 'title':
					title ||= text(element);
					break;
				case 'script':
					if ((attr(element, 'type') ?? '').trim().toLowerCase() === 'application/ld+json') {
						this.jsonLdScripts.push(element);
					}
					break;
				case 'link':
					if ((attr(element, 'rel') ?? '').toLowerCase().split(/\s+/).includes('alternate') && attr(element, 'href')) {
						this.alternateLinks.push(element);
					}
					break;
			}
		}
		this.title = title;
	}

	/** Like `meta(doc, key)`. */
	meta(key: string): string | undefined {
		return this.#meta.get(key.toLowerCase());
	}
}
