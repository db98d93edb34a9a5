/**
 * The subset of Go's `time.Parse` that Hugo's date strings go through (spf13/cast's layouts): numbers
 * with Go's digit rules (`01` needs two digits, `15` takes one or two, `_2` an optional space), month
 * and weekday names in any case, a space in the layout matching one or more spaces, fractional seconds
 * accepted after the seconds field, range checks on every field, no text left over.
 */

export interface GoTime {
	readonly year: number;
	readonly month: number;
	readonly day: number;
	readonly hour: number;
	readonly minute: number;
	readonly second: number;
	/** Fractional seconds as written after the dot (digits only), or ''. */
	readonly fraction: string;
	/** Minutes east of UTC when the value has a numeric offset or `Z`. */
	readonly offsetMinutes?: number;
	/** The zone abbreviation as written (`EDT`), when the layout has one. */
	readonly zoneName?: string;
	/** `false` for layouts without a date (`3:04PM`): Go gives year 0. */
	readonly hasYear: boolean;
}

const SHORT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const LONG_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const LONG_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Layout elements, longest first where one is a prefix of another. */
const ELEMENTS = [
	'January', 'Monday', 'Z07:00', 'Z0700', '-07:00', '-0700', '.000000000', '.000000', '.000', '.999999999',
	'2006', 'Jan', 'Mon', 'MST', '_2', '01', '02', '03', '04', '05', '06', '15', 'PM', '3',
] as const;

type Element = typeof ELEMENTS[number];

function tokenize(layout: string): Array<{ element: Element } | { literal: string }> {
	const tokens: Array<{ element: Element } | { literal: string }> = [];
	let literal = '';
	for (let i = 0; i < layout.length;) {
		const element = ELEMENTS.find(e => layout.startsWith(e, i));
		if (element) {
			if (literal) {
				tokens.push({ literal });
				literal = '';
			}
			tokens.push({ element });
			i += element.length;
		} else {
			literal += layout[i++];
		}
	}
	if (literal) {
		tokens.push({ literal });
	}
	return tokens;
}

const tokenCache = new Map<string, ReturnType<typeof tokenize>>();

function isDigit(ch: string | undefined): boolean {
	return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Go's `time.Parse(layout, value)` for the layouts Hugo uses, or `undefined` when Go would fail. */
export function parseGoTime(layout: string, value: string): GoTime | undefined {
	let tokens = tokenCache.get(layout);
	if (!tokens) {
		tokens = tokenize(layout);
		tokenCache.set(layout, tokens);
	}
	let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, fraction = '';
	let hasYear = false, hasDay = false, pm: boolean | undefined;
	let offsetMinutes: number | undefined;
	let zoneName: string | undefined;
	let v = value;

	const number = (fixed: boolean): number | undefined => {
		if (!isDigit(v[0])) {
			return undefined;
		}
		if (!isDigit(v[1])) {
			if (fixed) {
				return undefined;
			}
			const n = Number(v[0]);
			v = v.slice(1);
			return n;
		}
		const n = Number(v.slice(0, 2));
		v = v.slice(2);
		return n;
	};
	const lookup = (names: readonly string[]): number | undefined => {
		const lower = v.toLowerCase();
		const index = names.findIndex(n => lower.startsWith(n));
		if (index < 0) {
			return undefined;
		}
		v = v.slice(names[index].length);
		return index;
	};
	const offset = (colon: boolean, allowZ: boolean): boolean => {
		if (allowZ && v[0] === 'Z') {
			v = v.slice(1);
			offsetMinutes = 0;
			return true;
		}
		const match = (colon ? /^([+-])(\d{2}):(\d{2})/ : /^([+-])(\d{2})(\d{2})/).exec(v);
		if (!match) {
			return false;
		}
		offsetMinutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
		v = v.slice(match[0].length);
		return true;
	};

	for (let t = 0; t < tokens.length; t++) {
		const token = tokens[t];
		if ('literal' in token) {
			for (let i = 0; i < token.literal.length; i++) {
				const ch = token.literal[i];
				if (ch === ' ') {
					// Go: a space in the layout matches any run of spaces (at least one) in the value.
					if (v[0] !== ' ') {
						return undefined;
					}
					while (token.literal[i + 1] === ' ') {
						i++;
					}
					v = v.replace(/^ +/, '');
				} else if (v[0] === ch) {
					v = v.slice(1);
				} else {
					return undefined;
				}
			}
			continue;
		}
		switch (token.element) {
			case '2006': {
				if (v.length < 4 || !/^\d{4}/.test(v)) {
					return undefined;
				}
				year = Number(v.slice(0, 4));
				v = v.slice(4);
				hasYear = true;
				break;
			}
			case '06': {
				const n = /^\d{2}/.test(v) ? Number(v.slice(0, 2)) : undefined;
				if (n === undefined) {
					return undefined;
				}
				v = v.slice(2);
				year = n >= 69 ? 1900 + n : 2000 + n;
				hasYear = true;
				break;
			}
			case '01': {
				const n = number(true);
				if (n === undefined || n < 1 || n > 12) {
					return undefined;
				}
				month = n;
				break;
			}
			case 'Jan': case 'January': {
				const n = lookup(token.element === 'Jan' ? SHORT_MONTHS : LONG_MONTHS);
				if (n === undefined) {
					return undefined;
				}
				month = n + 1;
				break;
			}
			case 'Mon': case 'Monday': {
				if (lookup(token.element === 'Mon' ? SHORT_DAYS : LONG_DAYS) === undefined) {
					return undefined;
				}
				break;
			}
			case '02': case '_2': {
				if (token.element === '_2' && v[0] === ' ') {
					v = v.slice(1);
				}
				const n = number(token.element === '02');
				if (n === undefined) {
					return undefined;
				}
				day = n;
				hasDay = true;
				break;
			}
			case '15': case '03': case '3': {
				const n = number(token.element === '03');
				if (n === undefined || (token.element === '15' ? n > 23 : n > 12)) {
					return undefined;
				}
				hour = n;
				break;
			}
			case '04': case '05': {
				const n = number(true);
				if (n === undefined || n > 59) {
					return undefined;
				}
				if (token.element === '04') {
					minute = n;
				} else {
					second = n;
					// Go accepts fractional seconds right after the seconds field, even when the layout has none.
					const next = tokens[t + 1];
					const layoutHasFraction = next !== undefined && 'element' in next && next.element.startsWith('.');
					if (!layoutHasFraction && (v[0] === '.' || v[0] === ',') && isDigit(v[1])) {
						const match = /^[.,](\d+)/.exec(v)!;
						fraction = match[1];
						v = v.slice(match[0].length);
					}
				}
				break;
			}
			case '.000': case '.000000': case '.000000000': {
				const digits = token.element.length - 1;
				const match = new RegExp(`^[.,](\\d{${digits}})`).exec(v);
				if (!match) {
					return undefined;
				}
				fraction = match[1];
				v = v.slice(match[0].length);
				break;
			}
			case '.999999999': {
				const match = /^[.,](\d+)/.exec(v);
				if (match) {
					fraction = match[1];
					v = v.slice(match[0].length);
				}
				break;
			}
			case 'PM': {
				const marker = v.slice(0, 2).toUpperCase();
				if (marker !== 'AM' && marker !== 'PM') {
					return undefined;
				}
				pm = marker === 'PM';
				v = v.slice(2);
				break;
			}
			case 'Z07:00': case '-07:00': {
				if (!offset(true, token.element === 'Z07:00')) {
					return undefined;
				}
				break;
			}
			case 'Z0700': case '-0700': {
				if (!offset(false, token.element === 'Z0700')) {
					return undefined;
				}
				break;
			}
			case 'MST': {
				const length = zoneNameLength(v);
				if (length === 0) {
					return undefined;
				}
				zoneName = v.slice(0, length);
				v = v.slice(length);
				break;
			}
		}
	}
	if (v.length > 0) {
		return undefined;
	}
	if (pm !== undefined) {
		if (hour > 12) {
			return undefined;
		}
		hour = pm && hour < 12 ? hour + 12 : !pm && hour === 12 ? 0 : hour;
	}
	if (hasDay && (day < 1 || day > daysIn(year, month))) {
		return undefined;
	}
	return { year, month, day, hour, minute, second, fraction, offsetMinutes, zoneName, hasYear };
}

function daysIn(year: number, month: number): number {
	if (month === 2) {
		return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	}
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Go's `parseSignedOffset`: a sign and an hour from 0 to 23 (`+03`, `-4`); 0 when there is none. So
 * `-0400` is no zone name, and the UnixDate layout fails where RubyDate then reads the offset.
 */
function signedOffsetLength(value: string): number {
	const match = /^[+-](\d+)/.exec(value);
	return match && Number(match[1]) <= 23 ? match[0].length : 0;
}

/** Go's `parseTimeZone`: how many characters of `value` make a zone abbreviation (0: none). */
function zoneNameLength(value: string): number {
	if (value.length < 3) {
		return 0;
	}
	if (value.startsWith('ChST') || value.startsWith('MeST')) {
		return 4;
	}
	if (value.startsWith('GMT')) {
		return 3 + signedOffsetLength(value.slice(3));
	}
	if (value[0] === '+' || value[0] === '-') {
		return signedOffsetLength(value);
	}
	let upper = 0;
	while (upper < 6 && upper < value.length && value[upper] >= 'A' && value[upper] <= 'Z') {
		upper++;
	}
	switch (upper) {
		case 3: return 3;
		case 4: return value[3] === 'T' || value.startsWith('WITA') ? 4 : 0;
		case 5: return value[4] === 'T' ? 5 : 0;
		default: return 0;
	}
}
