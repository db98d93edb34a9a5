// Reduces HTML to what a reader sees and what the structure is: elements with the attributes that carry
// meaning, text with whitespace collapsed and entities decoded, comments. Used to compare our render with
// Hugo's output without caring about indentation or attribute order.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

const KEPT_ATTRIBUTES = ['id', 'href', 'src', 'alt', 'title', 'type', 'checked', 'disabled', 'width', 'height', 'target', 'rel', 'role', 'style'];

export interface ShapeOptions {
	/** Attributes to keep besides the default ones. */
	readonly attributes?: readonly string[];
}

/** One line per element boundary, text run or comment. */
export function htmlShape(html: string, options: ShapeOptions = {}): string[] {
	const kept = new Set([...KEPT_ATTRIBUTES, ...(options.attributes ?? [])]);
	const lines: string[] = [];
	let text = '';
	const flush = () => {
		const collapsed = text.replace(/\s+/g, ' ').trim();
		if (collapsed !== '') {
			lines.push(`text: ${collapsed}`);
		}
		text = '';
	};
	const visit = (nodes: ChildNode[], inHighlight: boolean) => {
		for (const node of nodes) {
			if (node.type === 'text') {
				text += node.data;
			} else if (node.type === 'comment') {
				flush();
				lines.push(`<!--${node.data.trim()}-->`);
			} else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
				const element = node as Element;
				// Hugo's highlighter wraps every token in a coloured <span>; only the code text matters.
				if (inHighlight && element.name === 'span') {
					visit(element.children, inHighlight);
					continue;
				}
				flush();
				const attributes = Object.entries(element.attribs)
					.filter(([name]) => kept.has(name) && !(inHighlight || element.attribs.class === 'highlight') || name === 'class' && kept.has('class'))
					.filter(([name]) => !(name === 'style' && (element.name === 'pre' || element.name === 'code')))
					.sort(([a], [b]) => a.localeCompare(b))
					.map(([name, value]) => ` ${name}="${value}"`).join('');
				lines.push(`<${element.name}${attributes}>`);
				visit(element.children, inHighlight || element.attribs.class === 'highlight');
				flush();
				lines.push(`</${element.name}>`);
			}
		}
	};
	visit(parseDocument(html, { decodeEntities: true }).children, false);
	flush();
	return lines;
}
