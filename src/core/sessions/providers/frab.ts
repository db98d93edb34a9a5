import { all, first, htmlToText, meta, rawText, text, type Document } from '../html';
import { trimAsciiWhitespace } from '../../text';
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
	const title = trimAsciiWhitespace(text(first(doc, 'title')).split(' | ')[0]);
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
	const title = meta(doc, 'DC.Title') ?? trimAsciiWhitespace((meta(doc, 'og:title') ?? text(first(doc, 'title'))).replace(FOSDEM_PREFIX, ''));
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

/**
 * One event of a Pentabarf-style `schedule.xml` (FOSDEM's export), found by its `<url>` or its `<slug>`
 * (`SFKNTZ-welcome_to_fosdem_2026`, `fosdem-2025-6210-…`, the slug of older years).
 */
export function findXmlScheduleEvent(doc: Document, key: { url: string; slug?: string }): ProviderResult | undefined {
	// The same event under another host alias (`archive.`) or language folder (the hub's `/de/event/…`).
	const address = (url: string) => url.replace(/^https?:\/\/(?:archive\.)?/i, '').replace(/\/(?:[a-z]{2}\/)?event\//i, '/event/').replace(/\/$/, '');
	const sameUrl = (url: string) => address(url) === address(key.url);
	const event = all(doc, 'event').find(e => sameUrl(rawText(first(e, 'url'))) || (key.slug !== undefined && rawText(first(e, 'slug')).toLowerCase() === key.slug.toLowerCase()));
	const title = event && text(first(event, 'title'));
	if (!event || !title) {
		return undefined;
	}
	const subtitle = text(first(event, 'subtitle'));
	const abstract = rawText(first(event, 'abstract'));
	const start = text(first(event, 'date'));
	const room = text(first(event, 'room'));
	return {
		title,
		...(subtitle ? { subtitle } : {}),
		speakers: uniqueNames(all(event, 'persons > person').map(p => text(p))),
		...(abstract ? { abstract: htmlToText(abstract) } : {}),
		...(start ? { start } : {}),
		...(room ? { room } : {}),
		source: 'schedule-xml',
	};
}

/**
 * FOSDEM: the event page, then the schedule export FOSDEM publishes for the year (every URL shape: the
 * pretalx code first since 2026, `fosdem-2025-6210-…`, older slugs), then (2024+) the pretalx export,
 * matched by the pretalx ID in the slug.
 */
export async function readFosdem(context: ProviderContext): Promise<ProviderResult | undefined> {
	const { event: year, slug } = context.classified;
	const pretalxId = /^fosdem-\d{4}-(\d+)-/i.exec(slug ?? '')?.[1];
	return firstOf(context, [
		async () => readFosdemPage((await context.html(context.pasted)).doc),
		async () => findXmlScheduleEvent(await context.xml(`https://fosdem.org/${year}/schedule/xml`), { url: context.pasted, slug }),
		async () => pretalxId
			? findScheduleEvent(await context.json(`https://pretalx.fosdem.org/fosdem-${year}/schedule/export/schedule.json`), { id: pretalxId })
			: undefined,
	]);
}

/**
 * CCC hub (37C3+): the page's meta data scored against the slug, then the congress's schedule export
 * on the hub (`/hub/api/c/{acronym}/schedule.xml`, the path the camp 2023 hub serves its export at;
 * the hub began with 37C3 in 2023, one Congress a year since: 2024 is 38C3).
 */
export async function readCccHub(context: ProviderContext): Promise<ProviderResult | undefined> {
	const year = Number(context.classified.event);
	const origin = /^https?:\/\/[^/]+\/congress\/\d{4}\/hub/i.exec(context.pasted)?.[0];
	return firstOf(context, [
		async () => readGenericPage((await context.html(context.pasted)).doc, context.classified.slug),
		async () => origin && year >= 2023
			? findXmlScheduleEvent(await context.xml(`${origin}/api/c/${year - 1986}c3/schedule.xml`), { url: context.pasted })
			: undefined,
	]);
}
