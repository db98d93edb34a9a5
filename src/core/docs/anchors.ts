/** The 0-based line of each `<a id="…">` anchor in a Markdown document (the README's rule entries). */
export function anchorLines(markdown: string): Map<string, number> {
	const lines = new Map<string, number>();
	markdown.split(/\r?\n/).forEach((line, index) => {
		for (const match of line.matchAll(/<a id="([^"]+)"><\/a>/g)) {
			if (!lines.has(match[1])) {
				lines.set(match[1], index);
			}
		}
	});
	return lines;
}
