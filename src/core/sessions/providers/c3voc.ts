import { htmlToText } from '../html';
import { asArray, asRecord, asText, uniqueNames, type ProviderResult } from './context';

/** Which event of a schedule is meant: any given key that matches selects it. */
export interface ScheduleEventKey {
	id?: string;
	slug?: string;
	code?: string;
	url?: string;
}

function matches(event: Record<string, unknown>, key: ScheduleEventKey): boolean {
	const same = (value: unknown, wanted: string | undefined) =>
		wanted !== undefined && value !== undefined && value !== null && String(value).toLowerCase() === wanted.toLowerCase();
	const url = asText(event.url) ?? asText(event.origin_url);
	return same(event.id, key.id) || same(event.slug, key.slug) || same(event.code, key.code)
		|| (key.url !== undefined && url !== undefined && url.replace(/\/$/, '') === key.url.replace(/\/$/, ''));
}

/** Every event of a C3VOC `schedule.json`: v1 (`conference.days[].rooms`) or v2 (flat `events[]`). */
export function scheduleEvents(value: unknown): Array<Record<string, unknown>> {
	const schedule = asRecord(asRecord(value)?.schedule);
	if (!schedule) {
		return [];
	}
	const events: Array<Record<string, unknown>> = [];
	for (const day of asArray(asRecord(schedule.conference)?.days)) {
		const rooms = asRecord(asRecord(day)?.rooms) ?? {};
		for (const roomEvents of Object.values(rooms)) {
			events.push(...asArray(roomEvents).map(asRecord).filter(e => e !== undefined));
		}
	}
	events.push(...asArray(schedule.events).map(asRecord).filter(e => e !== undefined));
	return events;
}

/** One event of a C3VOC schedule as a session; undefined when no event matches. */
export function findScheduleEvent(value: unknown, key: ScheduleEventKey): ProviderResult | undefined {
	const event = scheduleEvents(value).find(e => matches(e, key));
	const title = asText(event?.title);
	if (!event || !title) {
		return undefined;
	}
	const subtitle = asText(event.subtitle);
	const persons = asArray(event.persons).map(p => {
		const person = asRecord(p);
		return person ? asText(person.public_name) ?? asText(person.name) : asText(p);
	});
	const participants = asArray(event.participants).map(asRecord)
		.filter(p => p !== undefined && (p.role === undefined || p.role === 'speaker'))
		.map(p => asText(p?.name) ?? asText(p?.public_name));
	const abstract = asText(event.abstract) ?? asText(event.description);
	const room = asRecord(event.room);
	return {
		title,
		...(subtitle ? { subtitle } : {}),
		speakers: uniqueNames([...persons, ...participants]),
		abstract: abstract ? htmlToText(abstract) : undefined,
		start: asText(event.date) ?? asText(event.start),
		room: room ? asText(room.name) : asText(event.room),
		source: 'c3voc-schedule',
	};
}
