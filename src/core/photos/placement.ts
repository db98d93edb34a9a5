import { slugify } from '../posts/slug';
import { errorMessage } from '../errors';
import { parseLocalTime, readSlotComments, type LocalTime, type Schedule } from '../schedule/schedule';
import { captureTimeOf, type CaptureTime } from './captureTime';

/** A session of the post with the slot its entry keeps (`<!-- session start=… end=… -->`). */
export interface PostSession {
	readonly title: string;
	/** UTC milliseconds. */
	readonly start: number;
	readonly end: number;
	/** The slot's offset: the event's time zone that day. */
	readonly offsetMinutes: number;
	/** Where the section's content ends (before the blank lines that close it): photos go here. */
	readonly insertOffset: number;
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;

/** Wall clock `YYYY-MM-DD` and `HH:MM[:SS]` at an offset, as UTC milliseconds. */
function instant(date: string, time: string, offsetMinutes: number): number {
	const [year, month, day] = date.split('-').map(Number);
	const [hour, minute, second = 0] = time.split(':').map(Number);
	return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
}

/**
 * The sessions of a post whose entries keep their slot, in document order; a session without an end runs
 * until the next one starts (or for an hour).
 */
export function postSessions(text: string): PostSession[] {
	const lines = linesOf(text);
	const lineAt = (offset: number) => {
		let index = 0;
		while (index + 1 < lines.length && lines[index + 1].start <= offset) {
			index++;
		}
		return index;
	};
	const found: Array<Omit<PostSession, 'end'> & { end?: number }> = [];
	for (const slot of readSlotComments(text)) {
		const start = parseLocalTime(slot.start);
		if (!start) {
			continue;
		}
		const offsetMinutes = start.offsetMinutes ?? 0;
		const end = slot.end ? parseLocalTime(slot.end) : undefined;
		// The heading the slot is under, and where its section ends: the next heading of its level or above.
		let headingLine = lineAt(slot.offset);
		while (headingLine > 0 && !HEADING.test(lines[headingLine].text)) {
			headingLine--;
		}
		const heading = HEADING.exec(lines[headingLine].text);
		const level = heading ? heading[1].length : 6;
		let last = lines.length - 1;
		for (let line = lineAt(slot.offset) + 1; line < lines.length; line++) {
			const next = HEADING.exec(lines[line].text);
			if (next && next[1].length <= level) {
				last = line - 1;
				break;
			}
		}
		while (last > headingLine && lines[last].text.trim() === '') {
			last--;
		}
		found.push({
			title: heading ? heading[2] : 'Session',
			start: instant(start.date, start.time, offsetMinutes),
			...(end ? { end: instant(end.date, end.time, end.offsetMinutes ?? offsetMinutes) } : {}),
			offsetMinutes,
			insertOffset: lines[last].end,
		});
	}
	return found.map((session, i) => ({ ...session, end: session.end ?? found[i + 1]?.start ?? session.start + 3_600_000 }));
}

interface Line {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

function linesOf(text: string): Line[] {
	const lines: Line[] = [];
	for (let start = 0; start <= text.length;) {
		const newline = text.indexOf('\n', start);
		const end = newline < 0 ? text.length : newline;
		lines.push({ start, end, text: text.slice(start, end).replace(/\r$/, '') });
		if (newline < 0) {
			break;
		}
		start = newline + 1;
	}
	return lines;
}

/** The first schedule URL of the post's entries (a link under a heading), for a post whose entries keep no slot. */
export function firstEntryUrl(text: string): string | undefined {
	return /^#{1,6}[ \t][\s\S]*?(https?:\/\/[^\s)\]>]+)/m.exec(text)?.[1];
}

/** A slot given for an entry from outside the post: the schedule, or the writer. */
export interface GivenSlot {
	readonly start: LocalTime;
	readonly end?: LocalTime;
}

/** The entries of a post (its headings) with the text of each section, in document order. */
export function postEntries(text: string): Array<{ readonly title: string; readonly section: string }> {
	return sections(text).map(({ title, section }) => ({ title, section }));
}

function sections(text: string): Array<{ title: string; section: string; first: number; last: number; lines: Line[] }> {
	const lines = linesOf(text);
	const found: Array<{ title: string; section: string; first: number; last: number; lines: Line[] }> = [];
	for (let line = 0; line < lines.length; line++) {
		const heading = HEADING.exec(lines[line].text);
		if (!heading) {
			continue;
		}
		let last = lines.length - 1;
		for (let next = line + 1; next < lines.length; next++) {
			const other = HEADING.exec(lines[next].text);
			if (other && other[1].length <= heading[1].length) {
				last = next - 1;
				break;
			}
		}
		found.push({ title: heading[2], section: text.slice(lines[line].start, lines[last].end), first: line, last, lines });
		line = last;
	}
	return found;
}

/** The sessions of a post timed by `slotOf` (from the schedule, or as the writer gave them), in document order. */
export function postSessionsWith(text: string, slotOf: (title: string, section: string) => GivenSlot | undefined): PostSession[] {
	const sessions: PostSession[] = [];
	for (const { title, section, first, lines, ...rest } of sections(text)) {
		const slot = slotOf(title, section);
		if (!slot) {
			continue;
		}
		const offsetMinutes = slot.start.offsetMinutes ?? 0;
		const start = instant(slot.start.date, slot.start.time, offsetMinutes);
		let last = rest.last;
		while (last > first && lines[last].text.trim() === '') {
			last--;
		}
		sessions.push({
			title,
			start,
			end: slot.end ? instant(slot.end.date, slot.end.time, slot.end.offsetMinutes ?? offsetMinutes) : start + 3_600_000,
			offsetMinutes,
			insertOffset: lines[last].end,
		});
	}
	return sessions;
}

/**
 * The sessions of a post whose entries keep no slot (written by hand, or by Insert Session), timed from the
 * event's schedule: an entry is the schedule's session whose URL it links, or whose title is its heading.
 */
export function postSessionsFromSchedule(text: string, schedule: Schedule): PostSession[] {
	const byUrl = new Map(schedule.sessions.filter(s => s.url).map(s => [s.url!.replace(/\/$/, ''), s]));
	const byTitle = new Map(schedule.sessions.map(s => [s.title.toLowerCase(), s]));
	return postSessionsWith(text, (title, section) => {
		const linked = [...section.matchAll(/https?:\/\/[^\s)\]>]+/g)].map(m => byUrl.get(m[0].replace(/\/$/, ''))).find(s => s !== undefined);
		const match = linked ?? byTitle.get(title.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1').toLowerCase());
		return match && match.start.offsetMinutes !== undefined ? { start: match.start, ...(match.end ? { end: match.end } : {}) } : undefined;
	});
}

/** `14:00-14:40` (or `14:00–14:40`, `14:00`) on a day at an offset, as the writer types a slot. */
export function parseTypedSlot(text: string, date: string, offsetMinutes: number): GivenSlot | undefined {
	const match = /^\s*(\d{1,2}):(\d{2})\s*(?:[-–]\s*(\d{1,2}):(\d{2}))?\s*$/.exec(text);
	if (!match || Number(match[1]) > 23 || Number(match[2]) > 59 || (match[3] !== undefined && (Number(match[3]) > 23 || Number(match[4]) > 59))) {
		return undefined;
	}
	const at = (hour: string, minute: string): LocalTime => ({ date, time: `${hour.padStart(2, '0')}:${minute}`, offsetMinutes });
	return { start: at(match[1], match[2]), ...(match[3] !== undefined ? { end: at(match[3], match[4]) } : {}) };
}

/** `+00:03:20`, `-1:00`, `+90` (seconds): what to add to the camera's clock to get the real time. */
export function parseClockOffset(text: string): number | undefined {
	const match = /^([+-])?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
	if (match) {
		const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
		return (match[1] === '-' ? -1 : 1) * seconds;
	}
	const plain = /^([+-]?\d+)$/.exec(text.trim());
	return plain ? Number(plain[1]) : undefined;
}

export interface PhotoToPlace {
	readonly name: string;
	readonly capture?: CaptureTime;
	/** Why the photo cannot be placed (damaged, not a photo): reported, never placed. */
	readonly problem?: string;
}

export interface PhotoPlacement {
	readonly photo: number;
	readonly session: number;
	/** The real capture time (camera offset applied), UTC milliseconds. */
	readonly takenAt: number;
	/** What to name the copy: the session's slug and the local time (`kuryr-lab-1419.jpg`). */
	readonly fileName: string;
}

export interface PhotoPlan {
	readonly sessions: readonly PostSession[];
	/** In capture order. */
	readonly placed: readonly PhotoPlacement[];
	readonly unplaced: ReadonlyArray<{ readonly photo: number; readonly reason: string }>;
}

/** A copy's name: the session's slug and the local time it was taken (`kuryr-lab-1419.jpg`), the photo's extension. */
export function photoFileName(sessionTitle: string, time: string, photoName: string): string {
	const extension = /\.([A-Za-z0-9]+)$/.exec(photoName)?.[1].toLowerCase().replace(/^jpeg$/, 'jpg') ?? 'jpg';
	return `${slugify(sessionTitle) || 'session'}-${time.slice(0, 2)}${time.slice(3, 5)}.${extension}`;
}

/**
 * The post's sessions: the slots its entries keep, else the times of the schedule `loadSchedule` reads for
 * its first linked entry (`undefined` when it could not be read).
 */
export async function postSessionsOrSchedule(text: string, loadSchedule: (url: string) => Promise<Schedule | undefined>): Promise<PostSession[]> {
	const kept = postSessions(text);
	const url = kept.length === 0 ? firstEntryUrl(text) : undefined;
	const schedule = url ? await loadSchedule(url) : undefined;
	return schedule ? postSessionsFromSchedule(text, schedule) : kept;
}

/**
 * Assigns each photo to the session whose slot holds its capture time (`cameraOffsetSeconds` applied): the
 * slots the entries keep, or `sessions` when given (timed from the schedule).
 */
export function planPhotoPlacement(text: string, photos: readonly PhotoToPlace[], cameraOffsetSeconds = 0, sessions: readonly PostSession[] = postSessions(text)): PhotoPlan {
	const placed: PhotoPlacement[] = [];
	const unplaced: Array<{ photo: number; reason: string }> = [];
	photos.forEach((photo, index) => {
		if (photo.problem || !photo.capture) {
			unplaced.push({ photo: index, reason: photo.problem ?? 'no capture time (no EXIF date, no time in its name)' });
			return;
		}
		if (sessions.length === 0) {
			unplaced.push({ photo: index, reason: 'the post has no session with a time slot' });
			return;
		}
		const capture = photo.capture;
		// A date without a year (from a file name) takes the year of the post's sessions.
		const date = capture.yearUnknown ? `${new Date(sessions[0].start).getUTCFullYear()}${capture.date.slice(4)}` : capture.date;
		const slotOf = (offsetMinutes: number) => instant(date, capture.time, capture.offsetMinutes ?? offsetMinutes) + cameraOffsetSeconds * 1000;
		const session = sessions.findIndex(s => { const t = slotOf(s.offsetMinutes); return t >= s.start && t < s.end; });
		if (session < 0) {
			unplaced.push({ photo: index, reason: `taken at ${date} ${capture.time.slice(0, 5)}, in no session's slot` });
			return;
		}
		const takenAt = slotOf(sessions[session].offsetMinutes);
		const local = new Date(takenAt + sessions[session].offsetMinutes * 60_000).toISOString();
		placed.push({ photo: index, session, takenAt, fileName: photoFileName(sessions[session].title, local.slice(11, 16), photo.name) });
	});
	placed.sort((a, b) => a.takenAt - b.takenAt || a.photo - b.photo);
	return { sessions, placed, unplaced };
}

/** The Markdown of a placed photo: an image with empty alt text marked for the writer, or Hugo's figure. */
export function photoMarkup(reference: string, markup: 'markdown' | 'figure'): string {
	return markup === 'figure'
		? `{{< figure src="${reference.replace(/"/g, '%22')}" alt="" >}} <!-- alt text: describe the photo -->`
		: `![](${reference.replace(/[()\s]/g, ch => encodeURIComponent(ch))}) <!-- alt text: describe the photo -->`;
}

/** Insertions (offset and text) putting each session's photos after its notes, in capture order. */
export function photoInsertions(plan: PhotoPlan, markupOf: (placement: PhotoPlacement) => string): Array<{ offset: number; text: string }> {
	const bySession = new Map<number, string[]>();
	for (const placement of plan.placed) {
		bySession.set(placement.session, [...bySession.get(placement.session) ?? [], markupOf(placement)]);
	}
	return [...bySession].map(([session, lines]) => ({ offset: plan.sessions[session].insertOffset, text: `\n\n${lines.join('\n\n')}` }));
}

/** A photo file as read from disk or the workspace. */
export interface PhotoFile {
	readonly name: string;
	readonly bytes: Uint8Array;
	readonly modifiedMillis?: number;
}

/** Reads each photo's capture time (a damaged or unsupported one becomes a problem to report) and plans. */
export function planPhotos(text: string, files: readonly PhotoFile[], cameraOffsetSeconds = 0, sessions: readonly PostSession[] = postSessions(text)): PhotoPlan & { readonly photos: readonly PhotoToPlace[] } {
	const offset = sessions[0]?.offsetMinutes;
	const photos = files.map((file): PhotoToPlace => {
		try {
			const capture = captureTimeOf(file, offset);
			return capture ? { name: file.name, capture } : { name: file.name };
		} catch (error) {
			return { name: file.name, problem: errorMessage(error) };
		}
	});
	return { ...planPhotoPlacement(text, photos, cameraOffsetSeconds, sessions), photos };
}
