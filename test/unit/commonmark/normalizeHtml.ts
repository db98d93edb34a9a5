// HTML written canonically, changing only what no reader can see: entities decoded (`&ldquo;` and `“`,
// `&#34;` and `&quot;` are the same character), attributes in name order, void elements without `/`.
// Text, whitespace and the element structure are kept exactly.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function escapeText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function serialize(nodes: ChildNode[]): string {
	let html = '';
	for (const node of nodes) {
		if (node.type === 'text') {
			html += escapeText(node.data);
		} else if (node.type === 'comment') {
			html += `<!--${node.data}-->`;
		} else if (node.type === 'directive') {
			html += `<${node.data}>`;
		} else if (node.type === 'cdata') {
			html += serialize(node.children);
		} else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
			const element = node as Element;
			const attributes = Object.entries(element.attribs).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
				.map(([name, value]) => ` ${name}="${escapeText(value).replace(/"/g, '&quot;')}"`).join('');
			html += `<${element.name}${attributes}>`;
			if (!VOID.has(element.name)) {
				html += `${serialize(element.children)}</${element.name}>`;
			}
		}
	}
	return html;
}

export function normalizeHtml(html: string): string {
	return serialize(parseDocument(html, { decodeEntities: true, lowerCaseTags: false, lowerCaseAttributeNames: false, recognizeSelfClosing: false }).children);
}
