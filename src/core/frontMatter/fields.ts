/** Reading decoded front matter as Hugo reads it. */
import { isTable } from './model';

/** Front matter keys are case-insensitive in Hugo (`Title`, `DRAFT`): the value of `name`, given in lowercase. */
export function fieldOf(data: Record<string, unknown>, name: string): unknown {
	for (const key of Object.keys(data)) {
		if (key.toLowerCase() === name) {
			return data[key];
		}
	}
	return undefined;
}

/** A field, or else the same key under `params`: themes read `cover`, `images` and the like from either place. */
export function fieldOrParam(data: Record<string, unknown>, name: string): unknown {
	const value = fieldOf(data, name);
	if (value !== undefined) {
		return value;
	}
	const params = fieldOf(data, 'params');
	return isTable(params) ? fieldOf(params, name) : undefined;
}

/** Go's strconv.ParseBool: what Hugo's cast.ToBool accepts in a string. */
export const GO_TRUE: ReadonlySet<unknown> = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
export const GO_FALSE: ReadonlySet<unknown> = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** A real boolean, or a string Go's strconv.ParseBool reads (as Hugo does for strings); else `undefined`. */
export function parseBoolField(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') {
		return value;
	}
	return GO_TRUE.has(value) ? true : GO_FALSE.has(value) ? false : undefined;
}
