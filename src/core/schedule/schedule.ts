/**
 * A conference schedule, whichever platform published it: its sessions with their local times in the
 * event's time zone, grouped by day; and the half-day write-up made from the sessions a writer attended.
 */

/** A moment as the schedule gives it: the local wall time in the event's zone, and its UTC offset. */
export interface LocalTime {
	/** `YYYY-MM-DD` */
	readonly date: string;
	/** `HH:MM` */
	readonly time: string;
	/** Minutes east of UTC; `undefined` when the schedule gives local time only. */
	readonly offsetMinutes?: number;
}

export interface ScheduleSession {
	/** Unique within the schedule (the platform's id, guid or code). */
	readonly id: string;
	readonly title: string;
	readonly subtitle?: string;
	readonly speakers: readonly string[];
	readonly room?: string;
	readonly track?: string;
	readonly start: LocalTime;
	readonly end?: LocalTime;
	readonly url?: string;
	readonly abstract?: string;
}

export interface Schedule {
	readonly name: string;
	/** IANA zone (`Europe/Brussels`) when the schedule names one. */
	readonly timeZone?: string;
	/** Every session, in start order. */
	readonly sessions: readonly ScheduleSession[];
	/** Where the schedule came from (`frab-xml`, `c3voc-json`, `icalendar`). */
	readonly format: string;
}

/** Sorts sessions by day and time; sessions at one time keep the export's order (its rooms in order). */
export function inStartOrder(sessions: ScheduleSession[]): ScheduleSession[] {
	// `YYYY-MM-DD` and `HH:MM` order as strings do; exports are mostly in order already, so look before sorting.
	if (sessions.every((session, i) => i === 0 || compareStarts(sessions[i - 1].start, session.start) <= 0)) {
		return sessions;
	}
	// The sort is stable: sessions at one time stay in the export's order.
	return [...sessions].sort((a, b) => compareStarts(a.start, b.start));
}

function compareStarts(a: LocalTime, b: LocalTime): number {
	return a.date < b.date ? -1 : a.date > b.date ? 1 : a.time < b.time ? -1 : a.time > b.time ? 1 : 0;
}

/** The schedule's days (`YYYY-MM-DD`), in order. */
export function scheduleDays(schedule: Schedule): string[] {
	return [...new Set(schedule.sessions.map(s => s.start.date))].sort();
}

export interface SessionFilter {
	/** `YYYY-MM-DD` */
	readonly day?: string;
	/** `HH:MM`, inclusive */
	readonly from?: string;
	/** `HH:MM`, exclusive */
	readonly to?: string;
}

/** The sessions of a day (and time range), in start order. */
export function sessionsOf(schedule: Schedule, filter: SessionFilter): ScheduleSession[] {
	return schedule.sessions.filter(s => (filter.day === undefined || s.start.date === filter.day)
		&& (filter.from === undefined || s.start.time >= filter.from)
		&& (filter.to === undefined || s.start.time < filter.to));
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The weekday of a `YYYY-MM-DD` date (a calendar date: no zone involved). */
export function weekdayOf(date: string): string {
	const [year, month, day] = date.split('-').map(Number);
	return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

/** Noon splits a day's sessions into the morning and the afternoon write-up. */
export const NOON = '12:00';

/** `<Event> - <Weekday> Sessions AM|PM`, as the founding write-ups are titled. */
export function proposedTitle(schedule: Schedule, sessions: readonly ScheduleSession[]): string {
	const day = sessions[0]?.start.date;
	if (!day) {
		return schedule.name;
	}
	const morning = sessions.every(s => s.start.time < NOON);
	const afternoon = sessions.every(s => s.start.time >= NOON);
	const half = morning ? ' AM' : afternoon ? ' PM' : '';
	return `${schedule.name} - ${weekdayOf(day)} Sessions${half}`;
}

/** `2026-01-31T09:30:00+01:00`, or without an offset when the schedule gives none. */
export function formatLocalTime(time: LocalTime): string {
	if (time.offsetMinutes === undefined) {
		return `${time.date}T${time.time}:00`;
	}
	const sign = time.offsetMinutes < 0 ? '-' : '+';
	const minutes = Math.abs(time.offsetMinutes);
	return `${time.date}T${time.time}:00${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A session's slot as an HTML comment: kept in the post for placing photos, never shown on the page. */
export function slotComment(session: ScheduleSession): string {
	const end = session.end ? ` end=${formatLocalTime(session.end)}` : '';
	return `<!-- session start=${formatLocalTime(session.start)}${end} -->`;
}

/** Reads the slot comments back (start and end, as written), in document order. */
export function readSlotComments(text: string): Array<{ offset: number; start: string; end?: string }> {
	return [...text.matchAll(/<!-- session start=(\S+)(?: end=(\S+))? -->/g)].map(m => ({ offset: m.index, start: m[1], ...(m[2] ? { end: m[2] } : {}) }));
}

/** A local time; a schedule without offsets makes times without the key, not with it set to `undefined`. */
function localTime(date: string, time: string, offsetMinutes: number | undefined): LocalTime {
	return offsetMinutes === undefined ? { date, time } : { date, time, offsetMinutes };
}

/** Local time of a UTC instant in a zone given by its offset. */
export function localTimeAt(utcMillis: number, offsetMinutes: number): LocalTime {
	const shifted = new Date(utcMillis + offsetMinutes * 60_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
		time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
		offsetMinutes,
	};
}

/** Reads `2026-01-31T09:30:00+01:00` (offset optional) as written. */
export function parseLocalTime(text: string): LocalTime | undefined {
	// Most exports write exactly this shape: read by position, making no strings but the two kept.
	if (text.length === 25 && FULL_LOCAL_TIME.test(text)) {
		const sign = text[19] === '-' ? -1 : 1;
		return { date: text.slice(0, 10), time: text.slice(11, 16), offsetMinutes: sign * (twoDigitsAt(text, 20) * 60 + twoDigitsAt(text, 23)) };
	}
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
	if (!match) {
		return undefined;
	}
	const zone = match[3];
	let offsetMinutes: number | undefined;
	if (zone === 'Z') {
		offsetMinutes = 0;
	} else if (zone) {
		const digits = zone.replace(':', '');
		offsetMinutes = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
	}
	return localTime(match[1], match[2], offsetMinutes);
}

const FULL_LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const CLOCK_DURATION = /^\d{2}:\d{2}(?::\d{2})?$/;
const DURATION = /^\s*(\d+):(\d+)(?::\d+)?\s*$/;

/** The number written by the two ASCII digits at `index` (checked by the caller). */
function twoDigitsAt(text: string, index: number): number {
	return (text.charCodeAt(index) - 0x30) * 10 + text.charCodeAt(index + 1) - 0x30;
}

/** The minutes of a `HH:MM` or `HH:MM:SS` duration (hours of any length, seconds dropped). */
function durationMinutes(duration: string): number | undefined {
	if (CLOCK_DURATION.test(duration)) {
		// Most exports: `00:50`, read by position.
		return twoDigitsAt(duration, 0) * 60 + twoDigitsAt(duration, 3);
	}
	const match = DURATION.exec(duration);
	return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

const CLOCK_FIELDS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/** The end of a slot from its start and a `HH:MM` or `HH:MM:SS` duration (the wall clock moves on as written). */
export function addDuration(start: LocalTime, duration: string): LocalTime | undefined {
	const minutes = durationMinutes(duration);
	if (minutes === undefined) {
		return undefined;
	}
	const hour = twoDigitsAt(start.time, 0), minute = twoDigitsAt(start.time, 3);
	const endOfDay = hour * 60 + minute + minutes;
	if (endOfDay < 1440) {
		// Within the day, most slots: no date arithmetic.
		return localTime(start.date, `${CLOCK_FIELDS[Math.floor(endOfDay / 60)]}:${CLOCK_FIELDS[endOfDay % 60]}`, start.offsetMinutes);
	}
	const [year, month, day] = start.date.split('-').map(Number);
	const wall = Date.UTC(year, month - 1, day, hour, minute) + minutes * 60_000;
	const end = localTimeAt(wall, 0);
	return localTime(end.date, end.time, start.offsetMinutes);
}
