// Splits highlighted code (Hugo's Chroma markup) into what must be equal and what may differ: the markup
// around the tokens (wrappers, line spans, line numbers, highlighted lines, tables), the code's text, and
// the colour of each character of the code. Token boundaries are the highlighter's own and are not compared.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

export interface HighlightShape {
	/** Every element but the token spans, with its attributes, in document order. */
	readonly markup: string[];
	/** The text of each code line span. */
	readonly text: string;
	/** The colour (or class) each character of `text` is shown in, `''` for the block's own colour. */
	readonly colours: string[];
}

/** With classes (`noClasses = false`), a class stands for its rule in the style's stylesheet. */
export type ClassRules = ReadonlyMap<string, string>;

function colourOf(element: Element, classRules?: ClassRules): string {
	if (element.attribs.class !== undefined && classRules) {
		return classRules.get(element.attribs.class)?.replace(/\s+/g, '') ?? '';
	}
	const style = element.attribs.style ?? '';
	const colour = /(?:^|;)color:([^;]+)/.exec(style)?.[1] ?? '';
	const bold = /font-weight:bold/.test(style) ? ' bold' : '';
	const italic = /font-style:italic/.test(style) ? ' italic' : '';
	return `${colour}${bold}${italic}`.trim();
}

export function highlightShape(html: string, classRules?: ClassRules): HighlightShape {
	const markup: string[] = [];
	let text = '';
	const colours: string[] = [];
	const visit = (nodes: ChildNode[], inCodeLine: boolean, colour: string) => {
		for (const node of nodes) {
			if (node.type === 'text') {
				if (inCodeLine) {
					text += node.data;
					for (let i = 0; i < node.data.length; i++) {
						colours.push(colour);
					}
				} else if (node.data.trim() !== '') {
					markup.push(`text:${node.data.trim()}`);
				}
			} else if (node.type === 'tag') {
				const element = node as Element;
				if (inCodeLine) {
					visit(element.children, true, colourOf(element, classRules) || colour);
					continue;
				}
				const attributes = Object.entries(element.attribs).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => ` ${k}="${v}"`).join('');
				markup.push(`<${element.name}${attributes}>`);
				// A line's code span: the last child span of a line span (after its line number, if any).
				const parent = element.parent as Element | null;
				const isCodeLine = element.name === 'span' && parent?.name === 'span' && parent.parent && (parent.parent as Element).name === 'code' &&
					parent.children.filter(c => c.type === 'tag').at(-1) === element;
				visit(element.children, isCodeLine === true, '');
				markup.push(`</${element.name}>`);
			}
		}
	};
	visit(parseDocument(html, { decodeEntities: true }).children, false, '');
	return { markup, text, colours };
}

/** The share of characters shown in the same colour, ignoring whitespace. */
export function colourAgreement(a: HighlightShape, b: HighlightShape): number {
	let compared = 0, same = 0;
	for (let i = 0; i < Math.min(a.text.length, b.text.length); i++) {
		if (/\s/.test(a.text[i])) {
			continue;
		}
		compared++;
		if (a.colours[i] === b.colours[i]) {
			same++;
		}
	}
	return compared === 0 ? 1 : same / compared;
}
