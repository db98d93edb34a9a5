import { all, first, meta, text, type Document } from '../html';
import { findScheduleEvent } from './c3voc';
import { firstOf, uniqueNames, type ProviderContext, type ProviderResult } from './context';
import { jsonLdEvents, readGenericPage } from './generic';

/** A frab event page: its JSON-LD `Event`, else `<title>` as `{talk} | {schedule}`. */
export function readFrabPage(doc: Document): ProviderResult | undefined {
	const event = jsonLdEvents(doc).find(e => e.name);
	if (event?.name) {
		return {
			title: event.name, speakers: event.performers, abstract: event.description,
			start: event.startDate, room: event.location, source: 'json-ld',
		};
	}
	const title = text(first(doc, 'title')).split(' | ')[0].trim();
	return title ? { title, speakers: [], source: 'title' } : undefined;
}

/** The schedule export next to an event page: `…/events/123.html` → `…/schedule.json`. */
export function scheduleJsonUrl(pageUrl: string): string | undefined {
	const url = new URL(pageUrl);
	const path = url.pathname.replace(/\/events\/\d+(?:\.html)?\/?$/i, '/schedule.json');
	return path === url.pathname ? undefined : `${url.origin}${path}`;
}

/** frab (live and static exports, CCC congresses up to 36C3): the page, then `schedule.json`. */
export async function readFrab(context: ProviderContext): Promise<ProviderResult | undefined> {
	const scheduleUrl = scheduleJsonUrl(context.pasted);
	return firstOf(context, [
		async () => readFrabPage((await context.html(context.pasted)).doc),
		async () => scheduleUrl ? findScheduleEvent(await context.json(scheduleUrl), { id: context.classified.id }) : undefined,
	]);
}

const FOSDEM_PREFIX = /^FOSDEM \d{4} - /;

/** A FOSDEM event page: `DC.Title` is exact; `og:title` and `<title>` carry a `FOSDEM 2024 - ` prefix. */
export function readFosdemPage(doc: Document): ProviderResult | undefined {
	const title = meta(doc, 'DC.Title') ?? (meta(doc, 'og:title') ?? text(first(doc, 'title'))).replace(FOSDEM_PREFIX, '').trim();
	if (!title) {
		return undefined;
	}
	// Speakers are in the table that follows `<h3>Speakers</h3>`.
	let speakers: string[] = [];
	const heading = all(doc, 'h3').find(h => text(h).toLowerCase() === 'speakers');
	let sibling = heading?.nextSibling;
	while (sibling && sibling.type !== 'tag') {
		sibling = sibling.nextSibling;
	}
	if (sibling && sibling.type === 'tag') {
		const links = all(sibling, 'a').map(a => text(a));
		speakers = uniqueNames(links.length > 0 ? links : all(sibling, 'td:first-child').map(td => text(td)));
	}
	let room: string | undefined;
	for (const item of all(doc, 'ul.side-box li')) {
		const line = text(item);
		if (/^room:/i.test(line)) {
			room = line.replace(/^room:\s*/i, '') || undefined;
		}
	}
	return {
		title, speakers, room,
		abstract: text(first(doc, 'div.event-abstract')) || undefined,
		source: meta(doc, 'DC.Title') ? 'dc-title' : 'og',
	};
}

/** FOSDEM: the event page, then (2024+) the pretalx schedule export, matched by the pretalx ID in the slug. */
export async function readFosdem(context: ProviderContext): Promise<ProviderResult | undefined> {
	const { event: year, slug } = context.classified;
	const pretalxId = /^fosdem-\d{4}-(\d+)-/i.exec(slug ?? '')?.[1];
	return firstOf(context, [
		async () => readFosdemPage((await context.html(context.pasted)).doc),
		async () => pretalxId
			? findScheduleEvent(await context.json(`https://pretalx.fosdem.org/fosdem-${year}/schedule/export/schedule.json`), { id: pretalxId })
			: undefined,
	]);
}

/** CCC hub (37C3+): the page's meta data scored against the slug. */
export async function readCccHub(context: ProviderContext): Promise<ProviderResult | undefined> {
	return readGenericPage((await context.html(context.pasted)).doc, context.classified.slug);
}
