import { parseHugoDateString } from '../frontMatter/dates';
import { TomlDate } from '../frontMatter/toml';

/**
 * Page addresses as Hugo 0.111.3 computes them (resources/page/permalinks.go, page_paths.go and
 * helpers/path.go): the `[permalinks]` patterns of a section with their tokens, and the sanitising
 * every page path goes through.
 */

/** The calendar day of a page's date as Hugo holds it: as written, in the zone it was written in. */
export interface CalendarDate {
	readonly year: number;
	readonly month: number;
	readonly day: number;
}

/** What a permalink pattern may name of a page. */
export interface PermalinkPage {
	readonly date: CalendarDate | undefined;
	readonly title: string | undefined;
	readonly slug: string | undefined;
	/** The file name without extension, or the bundle's folder name for `index.md`. */
	readonly fileName: string;
	/** The content folders above the page (`['post', '2017']`). */
	readonly sections: readonly string[];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A front matter date value's calendar day, as Hugo reads it; `undefined` when Hugo reads no date. */
export function calendarDateOf(value: unknown): CalendarDate | undefined {
	if (value instanceof TomlDate) {
		const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.source);
		return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
	}
	if (value instanceof Date) {
		return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
	}
	if (typeof value === 'number' && Number.isInteger(value)) {
		// Unix seconds.
		const date = new Date(value * 1000);
		return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
	}
	if (typeof value === 'string') {
		const parsed = parseHugoDateString(value.trim());
		return parsed && parsed.hasYear ? { year: parsed.year, month: parsed.month, day: parsed.day } : undefined;
	}
	return undefined;
}

/** Go's `URLize` before escaping: Unicode-sanitised, lowercased unless the site says not to. */
export function makePathSanitized(path: string, disablePathToLower: boolean): string {
	const sanitized = unicodeSanitize(path);
	return disablePathToLower ? sanitized : sanitized.toLowerCase();
}

/** The characters Hugo keeps in a page path wherever they stand. */
const KEPT = '\\p{L}\\p{N}\\p{M}./\\\\_#+~@\\-';
const KEPT_CHARACTER = new RegExp(`^[${KEPT}]$`, 'u');
/** A text Hugo keeps whole, white space aside (which it turns into hyphens). */
const KEPT_TEXT = new RegExp(`^[${KEPT}\\s]*$`, 'u');

/** Whether Hugo keeps the character at `i`: one of `KEPT`, or a `%` before two hex digits. */
function isKept(source: readonly string[], i: number): boolean {
	const ch = source[i];
	return KEPT_CHARACTER.test(ch) || (ch === '%' && i + 2 < source.length && /^[\da-fA-F]$/.test(source[i + 1]) && /^[\da-fA-F]$/.test(source[i + 2]));
}

/** The characters of `text` Hugo drops from a page path, each once, white space aside. */
export function droppedFromPath(text: string): string[] {
	if (KEPT_TEXT.test(text)) {
		return [];
	}
	const source = [...text];
	return [...new Set(source.filter((ch, i) => !/^\s$/u.test(ch) && !isKept(source, i)))];
}

/**
 * Hugo's `UnicodeSanitize`: keeps letters, digits, marks and `. / \ _ # + ~ - @` (and `%` before two
 * hex digits), drops everything else, and turns white space between kept characters into one hyphen.
 */
export function unicodeSanitize(text: string): string {
	const source = [...text];
	let result = '';
	let prependHyphen = false;
	let wasHyphen = false;
	for (let i = 0; i < source.length; i++) {
		const ch = source[i];
		if (isKept(source, i)) {
			wasHyphen = ch === '-';
			if (prependHyphen) {
				if (!wasHyphen) {
					result += '-';
				}
				prependHyphen = false;
			}
			result += ch;
		} else if (result.length > 0 && !wasHyphen && /^\s$/u.test(ch)) {
			prependHyphen = true;
		}
	}
	return result;
}

/** The permalink pattern of a section (`[permalinks] post = "/:year/:title/"`), if the site sets one. */
export function permalinkPattern(permalinks: unknown, section: string): string | undefined {
	if (typeof permalinks !== 'object' || permalinks === null || Array.isArray(permalinks)) {
		return undefined;
	}
	for (const [key, pattern] of Object.entries(permalinks)) {
		if (key.replace(/^[ /]+|[ /]+$/g, '').toLowerCase() === section.toLowerCase() && typeof pattern === 'string') {
			return pattern;
		}
	}
	return undefined;
}

/**
 * A permalink pattern with the page's values in place of its tokens (`/:year/:month/:slug/` →
 * `/2017/05/kolla/`), before Hugo sanitises the whole path. `undefined` when the pattern holds a token
 * this reader does not know (a Go date layout such as `:2006`), whose value is then unknown.
 */
export function expandPermalink(pattern: string, page: PermalinkPage, disablePathToLower: boolean): string | undefined {
	const urlize = (text: string) => makePathSanitized(text, disablePathToLower);
	let unknown = false;
	const expanded = pattern.replace(/:(\w+)(\[.+?\])?/g, (token: string, name: string, slice: string | undefined) => {
		const value = tokenValue(name, slice, page, urlize);
		if (value === undefined) {
			unknown = true;
			return token;
		}
		return value;
	});
	return unknown ? undefined : queryUnescape(expanded);
}

/**
 * Go's `url.QueryUnescape`, which Hugo applies to an expanded pattern: `%XX` decoded and `+` read as a
 * space (so `slug = "burnout++"` ends in spaces, which sanitising then drops or hyphenates). Hugo drops
 * a pattern that does not unescape, as this returns `undefined` for.
 */
function queryUnescape(text: string): string | undefined {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return undefined;
	}
}

function tokenValue(name: string, slice: string | undefined, page: PermalinkPage, urlize: (text: string) => string): string | undefined {
	if (name === 'sections' && page.sections.length > 1) {
		// Only folders with an _index.md are sections below the top one: not known from the path alone.
		return undefined;
	}
	if (slice !== undefined) {
		return name === 'sections' ? sliceOf(page.sections, slice).join('/') : undefined;
	}
	// A page without a date is dated year 1, January 1st (a Monday), as Go's zero time.
	const date = page.date ?? { year: 1, month: 1, day: 1 };
	const day = new Date(Date.UTC(2000, date.month - 1, date.day));
	day.setUTCFullYear(date.year);
	const title = () => urlize(page.title ?? '');
	const fileName = () => urlize(page.fileName);
	switch (name) {
		case 'year': return String(date.year);
		case 'month': return String(date.month).padStart(2, '0');
		case 'monthname': return MONTH_NAMES[date.month - 1];
		case 'day': return String(date.day).padStart(2, '0');
		case 'weekday': return String(day.getUTCDay());
		case 'weekdayname': return WEEKDAY_NAMES[day.getUTCDay()];
		case 'yearday': return String(Math.round((day.getTime() - new Date(day).setUTCMonth(0, 1)) / 86_400_000) + 1);
		case 'section': return page.sections[0] ?? '';
		case 'sections': return page.sections.join('/');
		case 'title': return title();
		case 'slug': return page.slug ? urlize(page.slug) : title();
		case 'slugorfilename': return page.slug ? urlize(page.slug) : fileName();
		case 'filename': return fileName();
		default: return undefined;
	}
}

/** Hugo's `sections[from:to]`, `sections[n]` and `sections[last]`. */
function sliceOf(sections: readonly string[], slice: string): string[] {
	const inner = slice.slice(1, -1).trim().toLowerCase();
	const index = (text: string, low: boolean): number => {
		if (text === '') {
			return low ? 0 : sections.length;
		}
		if (text === 'last') {
			return sections.length - 1;
		}
		const n = Math.max(0, Number.parseInt(text, 10) || 0);
		return Math.min(n, sections.length);
	};
	if (!inner.includes(':')) {
		const value = sections.length === 0 ? undefined : sections[index(inner, true)];
		return value ? [value] : [];
	}
	const [from, to] = inner.split(':');
	const start = index(from, true);
	const end = index(to, false);
	return start < end ? sections.slice(start, end) : [];
}
