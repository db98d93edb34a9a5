// What a site and a code fence ask of the highlighter: kept apart from the highlighter itself, so that
// reading a site's configuration does not load the grammars.

/** A site's `[markup.highlight]`, with Hugo 0.111.3's defaults. */
export interface HighlightSettings {
	readonly style: string;
	readonly noClasses: boolean;
	readonly lineNos: boolean;
	readonly lineNumbersInTable: boolean;
	/** Line ranges to highlight, 1-based within the block, inclusive (`hl_Lines = "2 4-5"`). */
	readonly hlLines: ReadonlyArray<readonly [number, number]>;
	readonly lineNoStart: number;
	readonly codeFences: boolean;
	readonly guessSyntax: boolean;
	readonly tabWidth: number;
}

export const DEFAULT_HIGHLIGHT: HighlightSettings = {
	style: 'monokai',
	noClasses: true,
	lineNos: false,
	lineNumbersInTable: true,
	hlLines: [],
	lineNoStart: 1,
	codeFences: true,
	guessSyntax: false,
	tabWidth: 4,
};

/** `hl_lines` as Hugo reads it: `"2 4-5"`, or a list of numbers and ranges. */
export function parseLineRanges(value: unknown): Array<[number, number]> {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,]+/);
	const ranges: Array<[number, number]> = [];
	for (const part of parts) {
		const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
		if (match) {
			ranges.push([Number(match[1]), Number(match[2] ?? match[1])]);
		}
	}
	return ranges;
}

/**
 * The settings a code fence's attributes make of the site's (`{linenos=table,hl_lines=[2,"4-5"]}`, or
 * Hugo's older `linenos=table,hl_lines=2 4-5` form of the `highlight` shortcode's options).
 */
export function withAttributes(site: HighlightSettings, attributes: Readonly<Record<string, string>>): HighlightSettings {
	let settings = { ...site };
	for (const [key, value] of Object.entries(attributes)) {
		switch (key.toLowerCase()) {
			case 'linenos':
				if (value === 'table' || value === 'inline') {
					settings = { ...settings, lineNos: true, lineNumbersInTable: value === 'table' };
				} else {
					settings = { ...settings, lineNos: value === 'true' };
				}
				break;
			case 'hl_lines':
				settings = { ...settings, hlLines: parseLineRanges(value.startsWith('[') ? parseList(value) : value) };
				break;
			case 'linenostart':
				settings = { ...settings, lineNoStart: Number(value) || 1 };
				break;
			case 'style':
				settings = { ...settings, style: value };
				break;
			case 'noclasses':
				settings = { ...settings, noClasses: value === 'true' };
				break;
			case 'linenumbersintable':
				settings = { ...settings, lineNumbersInTable: value === 'true' };
				break;
		}
	}
	return settings;
}

function parseList(value: string): string[] {
	return value.slice(1, -1).split(',').map(item => item.trim().replace(/^"(.*)"$/, '$1'));
}

/** Reads `{key=value, key2="v w", list=[1,"2-3"]}` (or the same without braces). */
export function parseAttributeList(text: string): Record<string, string> {
	const attributes: Record<string, string> = {};
	const body = text.trim().replace(/^\{/, '').replace(/\}$/, '');
	for (const match of body.matchAll(/([A-Za-z_][\w-]*)\s*=\s*("[^"]*"|\[[^\]]*\]|[^,\s}]+)/g)) {
		attributes[match[1]] = match[2].startsWith('"') ? match[2].slice(1, -1) : match[2];
	}
	return attributes;
}
