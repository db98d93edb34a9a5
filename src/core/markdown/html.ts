/** HTML escaping for text and attribute values that come from documents or the network. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, ch => ESCAPES[ch]);
}

/** An attribute list (`name="value"`, escaped), skipping absent values. */
export function htmlAttributes(attributes: ReadonlyArray<readonly [string, string | undefined]>): string {
	let out = '';
	for (const [name, value] of attributes) {
		if (value !== undefined) {
			out += ` ${name}="${escapeHtml(value)}"`;
		}
	}
	return out;
}
