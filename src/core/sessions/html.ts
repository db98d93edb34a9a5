import { parseDocument } from 'htmlparser2';
import { selectAll, selectOne } from 'css-select';
import { getAttributeValue, textContent } from 'domutils';
import type { AnyNode, Document, Element } from 'domhandler';

export type { Document, Element } from 'domhandler';

/** Parses a page with a forgiving HTML parser (entities decoded, no scripts run). */
export function parseHtml(body: string): Document {
	return parseDocument(body, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

export function all(root: AnyNode | AnyNode[], selector: string): Element[] {
	return selectAll<AnyNode, Element>(selector, root);
}

export function first(root: AnyNode | AnyNode[], selector: string): Element | undefined {
	return selectOne<AnyNode, Element>(selector, root) ?? undefined;
}

/** The element's text with runs of whitespace collapsed. */
export function text(node: AnyNode | AnyNode[] | undefined): string {
	return node ? cleanText(textContent(node)) : '';
}

export function attr(element: Element | undefined, name: string): string | undefined {
	return element ? getAttributeValue(element, name) : undefined;
}

export function cleanText(value: string): string {
	return value.replace(/\s+/g, ' ').trim();
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
