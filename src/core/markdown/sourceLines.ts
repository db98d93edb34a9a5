import type { MarkdownIt } from 'markdown-it';

/**
 * Marks every block the page shows with the source line it starts on (`data-line`, 0-based), so a preview
 * can scroll to the line an editor shows and tell the editor which line is at its top. Only where `wanted`
 * says so: published HTML carries no such attributes.
 */
export function sourceLinesPlugin(md: MarkdownIt, wanted: (env: unknown) => boolean): void {
	md.core.ruler.push('hugo_source_lines', state => {
		if (!wanted(state.env)) {
			return;
		}
		for (const token of state.tokens) {
			// Closing tokens and the paragraphs of tight lists (`hidden`) put no element on the page.
			if (token.map && token.nesting !== -1 && token.type !== 'inline' && !token.hidden) {
				token.attrSet('data-line', String(token.map[0]));
			}
		}
	});
}
