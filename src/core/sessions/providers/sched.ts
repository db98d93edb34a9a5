import { all, first, meta, text, type Document } from '../html';
import { trimAsciiWhitespace } from '../../text';
import { firstOf, uniqueNames, type ProviderContext, type ProviderResult } from './context';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `Tuesday November 7, 2023 11:00am - 11:35am CST` → `2023-11-07T11:00` (local: the zone abbreviation is ambiguous). */
export function parseSchedTime(value: string): string | undefined {
	const m = /(\w+)\s+(\d{1,2}),\s*(\d{4})\s+(\d{1,2}):(\d{2})\s*([ap]m)/i.exec(value);
	const month = m ? MONTHS.indexOf(m[1].toLowerCase()) : -1;
	if (!m || month < 0) {
		return undefined;
	}
	const hour = Number(m[4]) % 12 + (m[6].toLowerCase() === 'pm' ? 12 : 0);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${m[3]}-${pad(month + 1)}-${pad(Number(m[2]))}T${pad(hour)}:${m[5]}`;
}

/**
 * CNCF and Linux Foundation events append `- First Last, Company & First2 Last2, Company2` to the
 * session name. Cut it only when every parsed speaker appears in it, so a real subtitle after a
 * dash stays.
 */
export function stripSpeakerSuffix(title: string, speakers: readonly string[]): string {
	if (speakers.length === 0) {
		return title;
	}
	const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
	for (let at = title.indexOf(' - '); at > 0; at = title.indexOf(' - ', at + 1)) {
		const suffix = fold(title.slice(at + 3));
		if (speakers.every(name => suffix.includes(fold(name)))) {
			return trimAsciiWhitespace(title.slice(0, at));
		}
	}
	return title;
}

/** A Sched session page (selectors stable 2018–2025). */
export function readSchedPage(doc: Document): ProviderResult | undefined {
	const nameLink = first(doc, 'span.event a.name');
	let title = '';
	if (nameLink) {
		// The venue sits inside the title link as `span.vs`.
		title = text(nameLink.children.filter(child => !(child.type === 'tag' && /\bvs\b/.test(child.attribs.class ?? ''))));
	}
	title ||= meta(doc, 'og:title') ?? '';
	if (!title) {
		return undefined;
	}
	const speakers = uniqueNames(all(doc, 'div.sched-person-session h2 a').map(a => text(a)));
	const timeAndPlace = first(doc, '.sched-event-details-timeandplace');
	return {
		title: stripSpeakerSuffix(title, speakers),
		speakers,
		abstract: text(first(doc, 'div.tip-description')) || undefined,
		start: timeAndPlace ? parseSchedTime(text(timeAndPlace)) : undefined,
		room: timeAndPlace ? text(first(timeAndPlace, 'a')) || undefined : undefined,
		source: 'sched-page',
	};
}

/** Sched (also `sched.co` short links, which redirect to the session page). A 403 challenge fails over to the offline entry. */
export async function readSched(context: ProviderContext): Promise<ProviderResult | undefined> {
	return firstOf(context, [async () => readSchedPage((await context.html(context.pasted)).doc)]);
}
