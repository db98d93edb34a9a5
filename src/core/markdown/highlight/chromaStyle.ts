import chromaData from './chromaData.json';

/**
 * Chroma's styles as Hugo 0.111.3 applies them: the XML definitions of Chroma (chromaData.json, written by
 * scripts/buildChromaData.mjs), with Chroma's inheritance (a token type takes what its sub-category,
 * category, `Text` and `Background` define unless it says `noinherit`), its synthesised line number and
 * line highlight colours, and its HTML formatter's CSS for each token type.
 */

/**
 * Token type names (aliases included: `String` is `LiteralString`) to Chroma's numbers (`Keyword` 1000,
 * `NameFunction` 2009…) and CSS classes (`null` for a type Chroma's formatter gives no class of its own).
 */
const TOKEN_TYPES = new Map<string, { value: number; cssClass: string | null }>(
	(chromaData.tokenTypes as Array<[string, number, string | null]>).map(([name, value, cssClass]) => [name, { value, cssClass }]));
/** Each number's declared name (listed before its aliases). */
const NAMES_BY_VALUE = new Map<number, string>();
for (const [name, { value }] of TOKEN_TYPES) {
	if (!NAMES_BY_VALUE.has(value)) {
		NAMES_BY_VALUE.set(value, name);
	}
}
/** The token types Chroma's formatter writes CSS for (its `StandardTypes`). */
const STANDARD_TYPES = [...NAMES_BY_VALUE.keys()].filter(value => TOKEN_TYPES.get(NAMES_BY_VALUE.get(value)!)!.cssClass !== null);

export function tokenTypeValue(name: string): number {
	const type = TOKEN_TYPES.get(name);
	if (!type) {
		throw new Error(`unknown Chroma token type ${name}`);
	}
	return type.value;
}

const BACKGROUND = tokenTypeValue('Background');
const TEXT = tokenTypeValue('Text');

export const TokenTypes = {
	Background: BACKGROUND,
	PreWrapper: tokenTypeValue('PreWrapper'),
	Line: tokenTypeValue('Line'),
	LineNumbers: tokenTypeValue('LineNumbers'),
	LineNumbersTable: tokenTypeValue('LineNumbersTable'),
	LineHighlight: tokenTypeValue('LineHighlight'),
	LineTable: tokenTypeValue('LineTable'),
	LineTableTD: tokenTypeValue('LineTableTD'),
	CodeLine: tokenTypeValue('CodeLine'),
	Text: TEXT,
} as const;

const category = (type: number) => type < 0 ? type : Math.floor(type / 1000) * 1000;
const subCategory = (type: number) => type < 0 ? type : Math.floor(type / 100) * 100;
/** Chroma's `TokenType.Parent`: the sub-category, then the category, then none (0). */
function parentOf(type: number): number {
	if (type % 100 !== 0) {
		return subCategory(type);
	}
	if (type % 1000 !== 0) {
		return category(type);
	}
	return 0;
}

/** The CSS class Chroma's formatter gives a token type (`k`, `nf`…), from the type or its nearest parent. */
export function cssClassOf(type: number): string {
	for (let t = type; ; t = parentOf(t)) {
		const name = NAMES_BY_VALUE.get(t);
		const cssClass = name !== undefined ? TOKEN_TYPES.get(name)!.cssClass : null;
		if (cssClass !== null) {
			return cssClass;
		}
		if (t === 0) {
			return '';
		}
	}
}

type Tristate = 'pass' | 'yes' | 'no';

interface StyleEntry {
	colour: number;
	background: number;
	border: number;
	bold: Tristate;
	italic: Tristate;
	underline: Tristate;
	noInherit: boolean;
}

const EMPTY_ENTRY: StyleEntry = { colour: 0, background: 0, border: 0, bold: 'pass', italic: 'pass', underline: 'pass', noInherit: false };

const ANSI_COLOURS: Record<string, string> = {
	ansiblack: '000000', ansidarkred: '7f0000', ansidarkgreen: '007f00', ansibrown: '7f7fe0', ansidarkblue: '00007f',
	ansipurple: '7f007f', ansiteal: '007f7f', ansilightgray: 'e5e5e5', ansidarkgray: '555555', ansired: 'ff0000',
	ansigreen: '00ff00', ansiyellow: 'ffff00', ansiblue: '0000ff', ansifuchsia: 'ff00ff', ansiturquoise: '00ffff', ansiwhite: 'ffffff',
};

/** A colour as Chroma holds it: RGB plus one, so 0 means "not set". */
function parseColour(text: string): number {
	const name = text.replace(/^#/, '');
	let hex = ANSI_COLOURS[name] ?? ANSI_COLOURS[`ansi${name}`] ?? name;
	if (hex.length === 3) {
		hex = hex.replace(/./g, ch => ch + ch);
	}
	return /^[0-9a-fA-F]{1,8}$/.test(hex) ? parseInt(hex, 16) + 1 : 0;
}

const colourString = (colour: number) => `#${(colour - 1).toString(16).padStart(6, '0')}`;

function parseEntry(text: string): StyleEntry {
	const entry = { ...EMPTY_ENTRY };
	for (const part of text.split(/\s+/).filter(Boolean)) {
		if (part === 'italic' || part === 'noitalic') {
			entry.italic = part === 'italic' ? 'yes' : 'no';
		} else if (part === 'bold' || part === 'nobold') {
			entry.bold = part === 'bold' ? 'yes' : 'no';
		} else if (part === 'underline' || part === 'nounderline') {
			entry.underline = part === 'underline' ? 'yes' : 'no';
		} else if (part === 'noinherit' || part === 'inherit') {
			entry.noInherit = part === 'noinherit';
		} else if (part.startsWith('bg:')) {
			entry.background = part === 'bg:' ? 0 : parseColour(part.slice(3));
		} else if (part.startsWith('border:')) {
			entry.border = parseColour(part.slice(7));
		} else if (part.startsWith('#')) {
			entry.colour = parseColour(part);
		}
	}
	return entry;
}

const isZero = (e: StyleEntry) => e.colour === 0 && e.background === 0 && e.border === 0 && e.bold === 'pass' &&
	e.italic === 'pass' && e.underline === 'pass' && !e.noInherit;

function inherit(entry: StyleEntry, ancestors: StyleEntry[]): StyleEntry {
	const out = { ...entry };
	for (let i = ancestors.length - 1; i >= 0; i--) {
		if (out.noInherit) {
			return out;
		}
		const ancestor = ancestors[i];
		out.colour ||= ancestor.colour;
		out.background ||= ancestor.background;
		out.border ||= ancestor.border;
		out.bold = out.bold === 'pass' ? ancestor.bold : out.bold;
		out.italic = out.italic === 'pass' ? ancestor.italic : out.italic;
		out.underline = out.underline === 'pass' ? ancestor.underline : out.underline;
	}
	return out;
}

/** What `entry` sets differently from `base`. */
function subtract(entry: StyleEntry, base: StyleEntry): StyleEntry {
	return {
		colour: base.colour !== entry.colour ? entry.colour : 0,
		background: base.background !== entry.background ? entry.background : 0,
		border: base.border !== entry.border ? entry.border : 0,
		bold: base.bold !== entry.bold ? entry.bold : 'pass',
		italic: base.italic !== entry.italic ? entry.italic : 'pass',
		underline: base.underline !== entry.underline ? entry.underline : 'pass',
		noInherit: false,
	};
}

/** Chroma's `Colour.BrightenOrDarken`; an unset colour (0) counts as white, as Chroma's arithmetic makes it. */
function brightenOrDarken(colour: number, factor: number): number {
	const rgb = colour - 1;
	let r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
	const brightness = (r + g + b) / 255 / 3;
	if (brightness < 0.5) {
		r = (255 - r) * factor + r;
		g = (255 - g) * factor + g;
		b = (255 - b) * factor + b;
	} else {
		const keep = 1 - factor;
		r *= keep;
		g *= keep;
		b *= keep;
	}
	return ((Math.trunc(r) & 0xFF) << 16 | (Math.trunc(g) & 0xFF) << 8 | (Math.trunc(b) & 0xFF)) + 1;
}

function entryToCss(e: StyleEntry): string {
	const styles: string[] = [];
	if (e.colour) {
		styles.push(`color: ${colourString(e.colour)}`);
	}
	if (e.background) {
		styles.push(`background-color: ${colourString(e.background)}`);
	}
	if (e.bold === 'yes') {
		styles.push('font-weight: bold');
	}
	if (e.italic === 'yes') {
		styles.push('font-style: italic');
	}
	if (e.underline === 'yes') {
		styles.push('text-decoration: underline');
	}
	return styles.join('; ');
}

/** Chroma's `compressStyle`: the inline form of a rule (`color:#fff`). */
function compressStyle(css: string): string {
	return css.split(';').map(part => {
		let p = part.split(/\s+/).filter(Boolean).join(' ').replace(': ', ':');
		if (p.includes('#')) {
			const c = p.slice(-6);
			if (c[0] === c[1] && c[2] === c[3] && c[4] === c[5]) {
				p = p.slice(0, -6) + c[0] + c[2] + c[4];
			}
		}
		return p;
	}).join(';');
}

/** Chroma's fallback for a style it does not know. */
export const FALLBACK_STYLE = 'swapoff';

export interface ChromaCss {
	/** The style Chroma used (the fallback for an unknown name). */
	readonly style: string;
	/** CSS of each token type the style colours (and the layout types), as Chroma's `styleToCSS` makes it. */
	readonly rules: ReadonlyMap<number, string>;
	/** `rules` compressed for `style` attributes. */
	readonly inline: ReadonlyMap<number, string>;
}

const cssCache = new Map<string, ChromaCss>();

/**
 * The CSS of each token type for a style, as Chroma's HTML formatter computes it for Hugo: `tabWidth` as
 * configured, `highlighted` when some lines are highlighted (the wrapper becomes a grid).
 */
export function chromaCss(styleName: string, tabWidth: number, highlighted: boolean): ChromaCss {
	const key = `${styleName}\n${tabWidth}\n${highlighted}`;
	const cached = cssCache.get(key);
	if (cached) {
		return cached;
	}
	const style = (chromaData.styles as Record<string, Record<string, string>>)[styleName] ? styleName : FALLBACK_STYLE;
	const definitions = (chromaData.styles as Record<string, Record<string, string>>)[style];
	const entries = new Map<number, StyleEntry>();
	for (const [name, text] of Object.entries(definitions)) {
		if (TOKEN_TYPES.has(name)) {
			entries.set(tokenTypeValue(name), parseEntry(text));
		}
	}
	const get = (type: number): StyleEntry => {
		const entry = entries.get(type);
		if (entry && !isZero(entry)) {
			return entry;
		}
		if (type === TokenTypes.LineHighlight || type === TokenTypes.LineNumbers || type === TokenTypes.LineNumbersTable) {
			const bg = get(BACKGROUND);
			return type === TokenTypes.LineHighlight
				? { ...EMPTY_ENTRY, background: brightenOrDarken(bg.background, 0.1) }
				: { ...EMPTY_ENTRY, colour: brightenOrDarken(bg.colour, 0.5) };
		}
		return EMPTY_ENTRY;
	};
	const resolved = (type: number) => inherit(get(type), [get(BACKGROUND), get(TEXT), get(category(type)), get(subCategory(type))]);
	const background = resolved(BACKGROUND);
	const rules = new Map<number, string>();
	for (const value of STANDARD_TYPES) {
		const entry = value === BACKGROUND ? background : subtract(resolved(value), background);
		if (isZero(entry)) {
			continue;
		}
		rules.set(value, entryToCss(entry));
	}
	const tabWidthCss = tabWidth !== 0 && tabWidth !== 8 ? `-moz-tab-size: ${tabWidth}; -o-tab-size: ${tabWidth}; tab-size: ${tabWidth};` : '';
	const prefix = (type: number, css: string) => rules.set(type, css + (rules.get(type) ?? ''));
	rules.set(BACKGROUND, `${rules.get(BACKGROUND) ?? ''};${tabWidthCss}`);
	rules.set(TokenTypes.PreWrapper, (rules.get(TokenTypes.PreWrapper) ?? '') + rules.get(BACKGROUND) + (highlighted ? 'display: grid;' : ''));
	const lineNumbers = 'white-space: pre; -webkit-user-select: none; user-select: none; margin-right: 0.4em; padding: 0 0.4em 0 0.4em;';
	prefix(TokenTypes.Line, 'display: flex;');
	prefix(TokenTypes.LineNumbers, lineNumbers);
	prefix(TokenTypes.LineNumbersTable, lineNumbers);
	prefix(TokenTypes.LineTable, 'border-spacing: 0; padding: 0; margin: 0; border: 0;');
	prefix(TokenTypes.LineTableTD, 'vertical-align: top; padding: 0; margin: 0; border: 0;');
	prefix(tokenTypeValue('LineLink'), 'outline: none; text-decoration: none; color: inherit');
	const inline = new Map([...rules].map(([type, css]) => [type, compressStyle(css)]));
	const result = { style, rules, inline };
	cssCache.set(key, result);
	return result;
}

/** The rule of a token type, or of its sub-category or category when it has none (Chroma's `styleAttr`). */
export function ruleFor(rules: ReadonlyMap<number, string>, type: number): string | undefined {
	return rules.get(type) ?? rules.get(subCategory(type)) ?? rules.get(category(type));
}

/** The stylesheet `hugo gen chromastyles` writes for a style (for sites with `noClasses = false`). */
export function chromaStylesheet(styleName: string, tabWidth: number): string {
	const { rules } = chromaCss(styleName, tabWidth, false);
	const lines = [`/* Background */ .bg { ${rules.get(BACKGROUND)} }`, `/* PreWrapper */ .chroma { ${rules.get(TokenTypes.PreWrapper)} }`];
	for (const type of [...rules.keys()].sort((a, b) => a - b)) {
		const cssClass = cssClassOf(type);
		if (type === BACKGROUND || type === TokenTypes.PreWrapper || cssClass === '') {
			continue;
		}
		lines.push(`/* ${NAMES_BY_VALUE.get(type)} */ .chroma .${cssClass} { ${rules.get(type)} }`);
	}
	return lines.join('\n') + '\n';
}
