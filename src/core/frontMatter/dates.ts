import { parseGoTime, type GoTime } from './goTime';

/**
 * The string layouts spf13/cast (`StringToDateInDefaultLocation`) tries, in order: exactly the strings
 * Hugo reads as dates. Anything else becomes the zero date in Hugo 0.111 and fails the build in 0.135+.
 */
const CAST_LAYOUTS: readonly string[] = [
	'2006-01-02T15:04:05Z07:00', // RFC 3339
	'2006-01-02T15:04:05',
	'Mon, 02 Jan 2006 15:04:05 -0700', // RFC 1123Z
	'Mon, 02 Jan 2006 15:04:05 MST', // RFC 1123
	'02 Jan 06 15:04 -0700', // RFC 822Z
	'02 Jan 06 15:04 MST', // RFC 822
	'Monday, 02-Jan-06 15:04:05 MST', // RFC 850
	'2006-01-02 15:04:05.999999999 -0700 MST', // Go's Time.String()
	'2006-01-02T15:04:05-0700',
	'2006-01-02 15:04:05Z0700',
	'2006-01-02 15:04:05',
	'Mon Jan _2 15:04:05 2006', // ANSI C
	'Mon Jan _2 15:04:05 MST 2006', // Unix date
	'Mon Jan 02 15:04:05 -0700 2006', // Ruby date
	'2006-01-02 15:04:05Z07:00',
	'2006-01-02',
	'02 Jan 2006',
	'2006-01-02 15:04:05 -07:00',
	'2006-01-02 15:04:05 -0700',
	'3:04PM', // Kitchen: no date
	'Jan _2 15:04:05', // Stamp: no year
	'Jan _2 15:04:05.000',
	'Jan _2 15:04:05.000000',
	'Jan _2 15:04:05.000000000',
];

/** Parses a date string as Hugo does, or returns `undefined` when Hugo cannot. */
export function parseHugoDateString(value: string): GoTime | undefined {
	for (const layout of CAST_LAYOUTS) {
		const parsed = parseGoTime(layout, value);
		if (parsed) {
			return parsed;
		}
	}
	return undefined;
}

/** A date read from what a writer typed, for fixes: more forgiving than Hugo, never ambiguous. */
export interface LenientDate {
	readonly year: number;
	readonly month: number;
	readonly day: number;
	/** `undefined` when only a date was written. */
	readonly time?: { readonly hour: number; readonly minute: number; readonly second: number; readonly fraction: string };
	/** Minutes east of UTC, when the text gives an offset or a known zone abbreviation. */
	readonly offsetMinutes?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Offsets of the zone abbreviations people write in North America and Europe (unambiguous ones only). */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
	UTC: 0, GMT: 0, Z: 0,
	EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
	AKST: -540, AKDT: -480, HST: -600,
	WET: 0, WEST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
	JST: 540, KST: 540, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

/**
 * `GMT+3` and `GMT-11` after a time: Hugo 0.111.3 reads them as no offset at all, but moves the clock by
 * the hours they name (10:00 GMT+3 is read as 13:00 in the site's time zone; measured with hugo).
 * Returns that shift in minutes, or `undefined` for any other zone name.
 */
export function hugoGmtClockShift(zoneName: string | undefined): number | undefined {
	const match = zoneName === undefined ? null : /^GMT([+-]\d{1,2})$/.exec(zoneName);
	return match ? Number(match[1]) * 60 : undefined;
}

function validDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) {
		return false;
	}
	const days = month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
	return day <= days;
}

function monthIndex(name: string): number | undefined {
	const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
	return index < 0 ? undefined : index + 1;
}

/**
 * Reads what a date string says in the common ways people write dates (`May 9, 2017`, `9 May 2017`,
 * `2017/05/09`, `2017-5-9`, `20170509`, `2017-05-09 10:00`, `…[Europe/Berlin]`), or `undefined` when
 * it is unclear: `09/05/2017` could be May or September, so no fix is offered for it.
 */
export function parseLenientDate(input: string): LenientDate | undefined {
	let text = input.trim().replace(/\[[^\]]*\]$/, '').trim();
	let offsetMinutes: number | undefined;
	let time: LenientDate['time'];

	// A trailing zone: offset, `Z` or a known abbreviation.
	const zone = /(?:\s*(Z|[+-]\d{2}:?\d{2})|\s+([A-Z]{1,5}))$/.exec(text);
	if (zone) {
		if (zone[1]) {
			const digits = zone[1].replace(':', '');
			offsetMinutes = zone[1] === 'Z' ? 0 : (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
			text = text.slice(0, zone.index).trim();
		} else if (zone[2] in ZONE_ABBREVIATIONS) {
			offsetMinutes = ZONE_ABBREVIATIONS[zone[2]];
			text = text.slice(0, zone.index).trim();
		} else if (!/^(AM|PM)$/i.test(zone[2])) {
			return undefined;
		}
	}
	// A time of day: `10:00`, `10:00:00`, `10:00:00.123`, `3:04PM`, `3:04 pm`.
	const clock = /(?:^|[\sT,])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([AaPp][Mm])?$/.exec(text);
	if (clock) {
		let hour = Number(clock[1]);
		const minute = Number(clock[2]);
		const second = clock[3] === undefined ? 0 : Number(clock[3]);
		if (clock[5]) {
			if (hour < 1 || hour > 12) {
				return undefined;
			}
			const pm = clock[5].toLowerCase() === 'pm';
			hour = pm && hour < 12 ? hour + 12 : !pm && hour === 12 ? 0 : hour;
		}
		if (hour > 23 || minute > 59 || second > 59) {
			return undefined;
		}
		time = { hour, minute, second, fraction: clock[4] ?? '' };
		text = text.slice(0, clock.index).replace(/[\sT,]+$/, '').trim();
	}
	// Drop a leading weekday (`Tue, `, `Tuesday `).
	text = text.replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');

	let year: number, month: number | undefined, day: number;
	let match: RegExpExecArray | null;
	if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text))) {
		[year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	} else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) {
		[year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	} else if ((match = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text))) {
		[month, day, year] = [monthIndex(match[1]), Number(match[2]), Number(match[3])];
	} else if ((match = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$/.exec(text))) {
		[day, month, year] = [Number(match[1]), monthIndex(match[2]), Number(match[3])];
	} else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) {
		const [a, b] = [Number(match[1]), Number(match[2])];
		// Only unambiguous numeric dates: one part must be above 12.
		if (a > 12 && b <= 12) {
			[day, month] = [a, b];
		} else if (b > 12 && a <= 12) {
			[month, day] = [a, b];
		} else {
			return undefined;
		}
		year = Number(match[3]);
	} else {
		return undefined;
	}
	if (month === undefined || !validDate(year, month, day)) {
		return undefined;
	}
	return { year, month, day, time, offsetMinutes };
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

export function formatOffset(minutes: number): string {
	if (minutes === 0) {
		return 'Z';
	}
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** RFC 3339 text for a date (`2017-05-09`, `2017-05-09T10:00:00`, `2017-05-09T10:00:00-04:00`). */
export function formatRfc3339(date: LenientDate): string {
	const day = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
	if (!date.time && date.offsetMinutes === undefined) {
		return day;
	}
	const t = date.time ?? { hour: 0, minute: 0, second: 0, fraction: '' };
	const clock = `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.fraction ? `.${t.fraction}` : ''}`;
	return `${day}T${clock}${date.offsetMinutes === undefined ? '' : formatOffset(date.offsetMinutes)}`;
}

/** `now` as RFC 3339 with the machine's UTC offset, to the second. */
export function formatNow(now: Date): string {
	const offset = -now.getTimezoneOffset();
	const local = new Date(now.getTime() + offset * 60_000);
	return formatRfc3339({
		year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(),
		time: { hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds(), fraction: '' },
		offsetMinutes: offset,
	});
}
