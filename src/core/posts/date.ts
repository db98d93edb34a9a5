/** Post dates as Hugo reads them best: RFC 3339 with an explicit offset, so no site `timeZone` can shift them. */

/**
 * `date` as RFC 3339 wall-clock time at `offsetMinutes` east of UTC, to the second:
 * `2017-05-09T14:50:00-04:00`. The default offset is the local time zone's at that instant, which
 * follows daylight saving time.
 */
export function formatRfc3339(date: Date, offsetMinutes = -date.getTimezoneOffset()): string {
	if (Number.isNaN(date.getTime())) {
		throw new RangeError('Cannot format an invalid date');
	}
	const wallClock = new Date(date.getTime() + offsetMinutes * 60_000);
	const day = `${pad(wallClock.getUTCFullYear(), 4)}-${pad(wallClock.getUTCMonth() + 1)}-${pad(wallClock.getUTCDate())}`;
	const time = `${pad(wallClock.getUTCHours())}:${pad(wallClock.getUTCMinutes())}:${pad(wallClock.getUTCSeconds())}`;
	return `${day}T${time}${formatOffset(offsetMinutes)}`;
}

/** `+HH:MM` / `-HH:MM`; UTC is `+00:00` rather than `Z`, so it reads as deliberate. */
export function formatOffset(offsetMinutes: number): string {
	const rounded = Math.round(offsetMinutes);
	const sign = rounded < 0 ? '-' : '+';
	const absolute = Math.abs(rounded);
	return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}
