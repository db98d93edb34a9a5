import ICAL from 'ical.js';
import { errorMessage } from '../errors';
import { htmlToText } from '../sessions/html';
import { FrabXmlReader, type FrabXmlEvent } from './frabXml';
import { asArray, asRecord, asText, addUniqueName, uniqueNames } from '../sessions/providers/context';
import { scheduleEvents } from '../sessions/providers/c3voc';
import { collapseAsciiWhitespace } from '../text';
import { addDuration, inStartOrder, localTimeAt, parseLocalTime, type LocalTime, type Schedule, type ScheduleSession } from './schedule';

/** A schedule export that is none of the formats read here, or holds no session. */
export class ScheduleFormatError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ScheduleFormatError';
	}
}

/** Reads any supported export from its text: frab/Pentabarf XML, C3VOC/pretalx JSON, Sessionize's API views, or iCalendar. */
export function readSchedule(body: string, name?: string): Schedule {
	const reader = new ScheduleTextReader(name);
	reader.write(body);
	return reader.end();
}

/** An export that is not XML, read whole: JSON (frab, pretalx, Sessionize) or iCalendar. */
function readWholeSchedule(body: string, name: string | undefined): Schedule {
	const text = body.replace(/^\uFEFF/, '').trimStart();
	if (text.startsWith('BEGIN:VCALENDAR')) {
		return readICalendar(body, name);
	}
	if (text.startsWith('{') || text.startsWith('[')) {
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (error) {
			throw new ScheduleFormatError(`The schedule is not valid JSON: ${errorMessage(error)}`);
		}
		return isSessionizeView(value) ? readSessionize(value, name) : readScheduleJson(value);
	}
	throw new ScheduleFormatError('This is not a schedule export (frab or pretalx XML or JSON, a Sessionize API view, or an iCalendar file).');
}

/**
 * Reads an export as it arrives (`write` each chunk, then `end`): XML is parsed chunk by chunk, so a big
 * frab export is never held whole; JSON and iCalendar, which their parsers take whole, are gathered first.
 */
export class ScheduleTextReader {
	#head = '';
	#xml: ScheduleXmlReader | undefined;
	readonly #parts: string[] = [];

	constructor(private readonly name?: string) {}

	write(chunk: string): void {
		if (this.#xml) {
			this.#xml.write(chunk);
			return;
		}
		if (this.#parts.length > 0) {
			this.#parts.push(chunk);
			return;
		}
		// Which format it is shows at the first character that is not a byte-order mark or white space.
		this.#head += chunk;
		const start = this.#head.replace(/^\uFEFF/, '').trimStart();
		if (start === '') {
			return;
		}
		if (start.startsWith('<')) {
			this.#xml = new ScheduleXmlReader();
			this.#xml.write(this.#head);
		} else {
			this.#parts.push(this.#head);
		}
		this.#head = '';
	}

	end(): Schedule {
		return this.#xml ? this.#xml.end() : readWholeSchedule([...this.#parts, this.#head].join(''), this.name);
	}
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A session from what an export gives, fields it leaves empty left out; the abstract as plain text. */
function sessionOf(fields: Pick<ScheduleSession, 'id' | 'title' | 'speakers' | 'start'> & { [K in 'end' | 'subtitle' | 'room' | 'track' | 'url' | 'abstract']?: ScheduleSession[K] | undefined }): ScheduleSession {
	const session: Mutable<ScheduleSession> = { id: fields.id, title: fields.title, speakers: fields.speakers, start: fields.start };
	if (fields.subtitle) {
		session.subtitle = fields.subtitle;
	}
	if (fields.end) {
		session.end = fields.end;
	}
	if (fields.room) {
		session.room = fields.room;
	}
	if (fields.track) {
		session.track = fields.track;
	}
	if (fields.url) {
		session.url = fields.url;
	}
	if (fields.abstract) {
		session.abstract = htmlToText(fields.abstract);
	}
	return session;
}

function nonEmpty(schedule: Schedule, what: string): Schedule {
	if (schedule.sessions.length === 0) {
		throw new ScheduleFormatError(`The ${what} holds no sessions.`);
	}
	return schedule;
}

/** A frab/Pentabarf `schedule.xml` (FOSDEM, CCC, pretalx's XML export), whole. */
export function readScheduleXml(body: string): Schedule {
	const reader = new ScheduleXmlReader();
	reader.write(body);
	return reader.end();
}

/** A frab/Pentabarf `schedule.xml` read as it arrives (`write` each chunk, then `end`). */
export class ScheduleXmlReader {
	readonly #sessions: ScheduleSession[] = [];
	readonly #reader = new FrabXmlReader(event => {
		const session = sessionOfXmlEvent(event);
		if (session) {
			this.#sessions.push(session);
		}
	});

	write(chunk: string): void {
		this.#reader.write(chunk);
	}

	end(): Schedule {
		const head = this.#reader.end();
		if (!head.isSchedule) {
			throw new ScheduleFormatError('The XML is not a frab or Pentabarf schedule (no <schedule> element).');
		}
		const name = collapseAsciiWhitespace(head.title) || 'Conference';
		const timeZone = collapseAsciiWhitespace(head.timeZone) || undefined;
		return nonEmpty({ name, ...(timeZone ? { timeZone } : {}), sessions: inStartOrder(this.#sessions), format: 'frab-xml' }, 'XML schedule');
	}
}

function sessionOfXmlEvent({ attributes, dayDate, fields, persons }: FrabXmlEvent): ScheduleSession | undefined {
	const value = (tag: string) => collapseAsciiWhitespace(fields.get(tag) ?? '') || undefined;
	const title = value('title');
	const start = parseLocalTime(value('date') ?? '') ?? (dayDate && value('start') ? parseLocalTime(`${dayDate}T${value('start')}`) : undefined);
	if (!title || !start) {
		return undefined;
	}
	const duration = value('duration');
	return sessionOf({
		id: attributes.guid || attributes.id || value('slug') || `${start.date}T${start.time} ${title}`,
		title, speakers: uniqueNames(persons), start, end: duration ? addDuration(start, duration) : undefined,
		subtitle: value('subtitle'), room: value('room'), track: value('track'), url: value('url'), abstract: value('abstract'),
	});
}

/** A C3VOC `schedule.json` (frab's and pretalx's JSON export): v1 days and rooms, or v2 events. */
export function readScheduleJson(value: unknown): Schedule {
	const schedule = asRecord(asRecord(value)?.schedule);
	if (!schedule) {
		throw new ScheduleFormatError('The JSON is not a frab or pretalx schedule export (no "schedule" object).');
	}
	const conference = asRecord(schedule.conference);
	const name = asText(conference?.title) ?? asText(conference?.acronym) ?? 'Conference';
	const timeZone = asText(conference?.time_zone_name);
	const sessions: ScheduleSession[] = [];
	for (const event of scheduleEvents(value)) {
		const title = asText(event.title);
		const start = parseLocalTime(asText(event.date) ?? asText(event.start) ?? '');
		if (!title || !start) {
			continue;
		}
		const duration = asText(event.duration);
		const end = duration ? addDuration(start, duration) : undefined;
		const session: Mutable<ScheduleSession> = {
			id: idOf(event.guid) ?? idOf(event.id) ?? idOf(event.code) ?? `${start.date}T${start.time} ${title}`,
			title, speakers: speakersOf(event), start,
		};
		if (end) {
			session.end = end;
		}
		const room = nameOf(event.room), track = nameOf(event.track), subtitle = asText(event.subtitle), abstract = asText(event.abstract);
		const url = idOf(event.url) ?? idOf(event.origin_url);
		if (room) {
			session.room = room;
		}
		if (track) {
			session.track = track;
		}
		if (subtitle) {
			session.subtitle = subtitle;
		}
		if (url) {
			session.url = url;
		}
		if (abstract) {
			session.abstract = htmlToText(abstract);
		}
		sessions.push(session);
	}
	return nonEmpty({ name, ...(timeZone ? { timeZone } : {}), sessions: inStartOrder(sessions), format: 'c3voc-json' }, 'JSON schedule');
}

/** Whether JSON is one of Sessionize's API views: `Sessions` (groups of sessions) or `All` (sessions, speakers, rooms). */
function isSessionizeView(value: unknown): boolean {
	if (Array.isArray(value)) {
		return value.length > 0 && value.every(group => Array.isArray(asRecord(group)?.sessions));
	}
	const record = asRecord(value);
	return record !== undefined && Array.isArray(record.sessions) && (Array.isArray(record.speakers) || Array.isArray(record.rooms));
}

/**
 * Sessionize's public API views (`/api/v2/{id}/view/Sessions` or `/view/All`): times are the event's local
 * time without an offset; breaks and other service sessions are left out. `All` names speakers and rooms
 * by id, resolved from its lists.
 */
export function readSessionize(value: unknown, name = 'Conference'): Schedule {
	const record = asRecord(value);
	const groups = Array.isArray(value) ? value.map(asRecord) : [record];
	const speakerNames = new Map(asArray(record?.speakers).map(asRecord).filter(s => s !== undefined)
		.map(s => [String(s.id), asText(s.fullName) ?? [asText(s.firstName), asText(s.lastName)].filter(Boolean).join(' ')]));
	const roomNames = new Map(asArray(record?.rooms).map(asRecord).filter(r => r !== undefined).map(r => [String(r.id), asText(r.name)]));
	const sessions: ScheduleSession[] = [];
	for (const group of groups) {
		for (const session of asArray(group?.sessions).map(asRecord)) {
			const title = asText(session?.title);
			const start = parseLocalTime(asText(session?.startsAt) ?? '');
			if (!session || !title || !start || session.isServiceSession === true) {
				continue;
			}
			const end = parseLocalTime(asText(session.endsAt) ?? '');
			const speakers = asArray(session.speakers).map(speaker => asRecord(speaker) ? asText(asRecord(speaker)!.name) : speakerNames.get(String(speaker)));
			sessions.push(sessionOf({
				id: asText(session.id) ?? `${start.date}T${start.time} ${title}`,
				title, speakers: uniqueNames(speakers), start, end,
				room: asText(session.room) ?? (session.roomId !== undefined && session.roomId !== null ? roomNames.get(String(session.roomId)) : undefined),
				abstract: asText(session.description),
			}));
		}
	}
	return nonEmpty({ name, sessions: inStartOrder(sessions), format: 'sessionize' }, 'Sessionize view');
}

/** An identifier or address as the export writes it (no layout to collapse in one). */
function idOf(value: unknown): string | undefined {
	return typeof value === 'string' ? value.trim() || undefined : typeof value === 'number' ? String(value) : undefined;
}

/** A room or track: a name, or an object with one. */
function nameOf(value: unknown): string | undefined {
	const record = asRecord(value);
	return record ? asText(record.name) : asText(value);
}

/** A C3VOC event's speakers: its `persons` (frab), then its `participants` whose role is speaker (the hub). */
function speakersOf(event: Record<string, unknown>): string[] {
	const names: string[] = [];
	for (const person of asArray(event.persons)) {
		const record = asRecord(person);
		addUniqueName(names, record ? asText(record.public_name) ?? asText(record.name) : asText(person));
	}
	for (const participant of asArray(event.participants)) {
		const record = asRecord(participant);
		if (record && (record.role === undefined || record.role === 'speaker')) {
			addUniqueName(names, asText(record.name) ?? asText(record.public_name));
		}
	}
	// A list grown by pushing keeps room for more; this one is kept as long as the schedule.
	return names.slice();
}

/** How far a recurring event is expanded: conference agendas repeat little. */
const MAX_OCCURRENCES = 366;

/**
 * An iCalendar file (a personal agenda exported by pretalx, Sched, Sessionize or a calendar app): each
 * event with a time (all-day events are no sessions), at its wall time in the zone it names (a VTIMEZONE
 * of the file; UTC times stay UTC), recurring events expanded with their exceptions.
 */
export function readICalendar(body: string, fallbackName?: string): Schedule {
	let calendar: ICAL.Component;
	try {
		calendar = new ICAL.Component(ICAL.parse(body));
	} catch (error) {
		throw new ScheduleFormatError(`The iCalendar file does not parse: ${errorMessage(error)}`);
	}
	for (const zone of calendar.getAllSubcomponents('vtimezone')) {
		// A zone without a TZID (some exporters write broken ones) cannot be named by an event: skipped.
		if (zone.hasProperty('tzid')) {
			ICAL.TimezoneService.register(zone);
		}
	}
	const name = asText(calendar.getFirstPropertyValue('x-wr-calname')) ?? fallbackName ?? 'Agenda';
	const timeZone = asText(calendar.getFirstPropertyValue('x-wr-timezone'));
	const vevents = calendar.getAllSubcomponents('vevent');
	// Exceptions (RECURRENCE-ID) are attached to their master event, which then yields them in place.
	const masters = new Map<string, ICAL.Event>();
	const exceptions: ICAL.Component[] = [];
	for (const vevent of vevents) {
		if (vevent.hasProperty('recurrence-id')) {
			exceptions.push(vevent);
		} else {
			const event = new ICAL.Event(vevent);
			masters.set(event.uid ?? `${masters.size}`, event);
		}
	}
	for (const exception of exceptions) {
		const master = masters.get(asText(exception.getFirstPropertyValue('uid')) ?? '');
		if (master) {
			master.relateException(exception);
		} else {
			const event = new ICAL.Event(exception);
			masters.set(`${event.uid}-${masters.size}`, event);
		}
	}
	const sessions: ScheduleSession[] = [];
	for (const [uid, event] of masters) {
		if (!event.startDate || event.startDate.isDate) {
			continue;
		}
		const occurrences: Array<{ start: ICAL.Time; end: ICAL.Time; item: ICAL.Event }> = [];
		if (event.isRecurring()) {
			try {
				const iterator = event.iterator();
				for (let next = iterator.next(), count = 0; next && count < MAX_OCCURRENCES; next = iterator.next(), count++) {
					const details = event.getOccurrenceDetails(next);
					occurrences.push({ start: details.startDate, end: details.endDate, item: details.item });
				}
			} catch {
				// A recurrence the parser cannot expand (an RDATE period, say): its first occurrence stands.
				occurrences.length = 0;
				occurrences.push({ start: event.startDate, end: event.endDate, item: event });
			}
		} else {
			occurrences.push({ start: event.startDate, end: event.endDate, item: event });
		}
		for (const { start, end, item } of occurrences) {
			const title = asText(item.summary);
			if (!title) {
				continue;
			}
			const startTime = localTimeOf(start);
			const endTime = end ? localTimeOf(end) : undefined;
			const url = asText(item.component.getFirstPropertyValue('url'));
			const description = asText(item.description);
			const categories = item.component.getAllProperties('categories').flatMap(p => p.getValues()).map(v => asText(v)).filter(v => v !== undefined);
			// Attendees are the people invited, not the speakers: an agenda names speakers in the text, if at all.
			sessions.push({
				id: occurrences.length > 1 ? `${uid}@${startTime.date}T${startTime.time}` : uid,
				title, speakers: [], start: startTime,
				...(endTime ? { end: endTime } : {}),
				...(item.location ? { room: item.location } : {}),
				...(categories.length > 0 ? { track: categories.join(', ') } : {}),
				...(url ? { url } : {}),
				...(description ? { abstract: description } : {}),
			});
		}
	}
	return nonEmpty({ name, ...(timeZone ? { timeZone } : {}), sessions: inStartOrder(sessions), format: 'icalendar' }, 'iCalendar file');
}

/** A time's wall clock in its own zone (floating times: as written, no offset). */
function localTimeOf(time: ICAL.Time): LocalTime {
	if (time.zone === ICAL.Timezone.localTimezone) {
		const pad = (n: number) => String(n).padStart(2, '0');
		return { date: `${time.year}-${pad(time.month)}-${pad(time.day)}`, time: `${pad(time.hour)}:${pad(time.minute)}` };
	}
	const offsetMinutes = Math.round(time.utcOffset() / 60);
	return localTimeAt(time.toUnixTime() * 1000, offsetMinutes);
}
