/** The parsed shape of a front matter block, with source offsets for every key and value. */

/**
 * What a value is, as Hugo's decoder for the block's format hands it to Hugo. `date`,
 * `localDatetime`, `datetime` and `time` are native TOML date/time values.
 */
export type ValueKind =
	| 'string' | 'integer' | 'float' | 'boolean' | 'null'
	| 'date' | 'localDatetime' | 'datetime' | 'time'
	| 'array' | 'table';

/** How a string is written, so fixes can keep the writer's quoting. */
export type QuoteStyle = 'double' | 'single' | 'multiline' | 'plain' | 'block';

export interface FrontMatterValue {
	readonly kind: ValueKind;
	/**
	 * The value as Hugo receives it: strings, numbers, booleans, arrays, objects, and for native dates a
	 * JavaScript `Date`. YAML timestamps stay strings, as Hugo 0.111.3's YAML decoder (yaml.v2) keeps them.
	 */
	readonly value: unknown;
	/** Offsets of the value's source in the whole text (quotes and brackets included). */
	readonly start: number;
	readonly end: number;
	/** For strings. */
	readonly quote?: QuoteStyle;
	/** For arrays: the elements, in order. */
	readonly items?: readonly FrontMatterValue[];
}

export interface FrontMatterEntry {
	/** The key as written, unquoted (`Date`, `publishDate`). */
	readonly key: string;
	/** The full key path, tables included (`['params', 'cover']`). */
	readonly path: readonly string[];
	/** `true` for keys of the front matter's root table: the ones Hugo interprets. */
	readonly topLevel: boolean;
	readonly keyStart: number;
	readonly keyEnd: number;
	/** Start of the line holding the key, and the end of the line holding the value's end (line break excluded). */
	readonly lineStart: number;
	readonly lineEnd: number;
	readonly value: FrontMatterValue;
}

export interface SyntaxProblem {
	readonly code: 'fm-syntax' | 'fm-duplicate-key' | 'fm-unterminated';
	readonly message: string;
	/** Offsets in the whole text. */
	readonly start: number;
	readonly end: number;
	/** Duplicate keys that Hugo tolerates (the last one wins) are warnings; everything else fails the build. */
	readonly severity: 'error' | 'warning';
}

export function isTable(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
