import { all, first, htmlToText, meta, text, type Document } from '../html';
import { asArray, asRecord, asText, firstOf, uniqueNames, type ProviderContext, type ProviderResult } from './context';
import { readGenericPage } from './generic';

/** Summit slug → numeric summit ID, which the summit API needs (OpenStackweb/openstack-org). */
export const OPENSTACK_SUMMIT_IDS: Readonly<Record<string, number>> = {
	'hong-kong-2013': 1, 'paris-2014': 3, 'vancouver-2015': 4, 'tokio-2015': 5, 'tokyo-2015': 5,
	'austin-2016': 6, 'barcelona-2016': 7, 'boston-2017': 22, 'sydney-2017': 23,
};

export const SUMMIT_API = 'https://openstackid-resources.openstack.org/api/public/v1/summits';
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Reads the summit API's published event: epoch-second start (UTC), speakers as first + last names. */
export function parseSummitEvent(value: unknown): ProviderResult | undefined {
	const event = asRecord(value);
	const title = asText(event?.title);
	if (!event || !title) {
		return undefined;
	}
	const startSeconds = typeof event.start_date === 'number' ? event.start_date : undefined;
	const description = asText(event.description);
	return {
		title,
		speakers: uniqueNames(asArray(event.speakers).map(s => {
			const speaker = asRecord(s);
			return [asText(speaker?.first_name), asText(speaker?.last_name)].filter(Boolean).join(' ');
		})),
		abstract: description ? htmlToText(description) : undefined,
		start: startSeconds !== undefined ? new Date(startSeconds * 1000).toISOString().replace('.000Z', 'Z') : undefined,
		room: asText(asRecord(event.location)?.name),
		source: 'openstack-api',
	};
}

/**
 * `Tuesday, May 9, 2:50pm-3:30pm` has no year and no zone: the year comes from the summit slug and
 * the result is summit-local time without an offset.
 */
export function parseOpenStackTime(value: string, year: string | undefined): string | undefined {
	const m = /^\s*\w+,\s+(\w+)\s+(\d{1,2}),\s+(\d{1,2}):(\d{2})\s*([ap]m)/i.exec(value);
	const month = m ? MONTHS.indexOf(m[1].toLowerCase()) : -1;
	if (!m || month < 0 || !year) {
		return undefined;
	}
	let hour = Number(m[3]) % 12;
	if (m[5].toLowerCase() === 'pm') {
		hour += 12;
	}
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${year}-${pad(month + 1)}-${pad(Number(m[2]))}T${pad(hour)}:${m[4]}`;
}

/** The 2017 event page: `og:title`, speakers in `.speaker_box .speaker_name > a`. */
export function readOpenStackEventPage(doc: Document, summit: string | undefined): ProviderResult | undefined {
	const title = meta(doc, 'og:title') ?? text(first(doc, '.title'));
	if (!title) {
		return undefined;
	}
	// The icon and its text are siblings in the same info item, possibly one wrapper apart.
	const infoText = (icon: string, selector: string) => {
		for (let item = first(doc, icon)?.parent, depth = 0; item && depth < 3; item = item.parent, depth++) {
			const found = all(item, selector)[0];
			if (found) {
				return text(found);
			}
		}
		return '';
	};
	const when = infoText('.fa-clock-o', '.info_item_text');
	return {
		title,
		speakers: uniqueNames(all(doc, '.speaker_box .speaker_name > a').map(a => text(a))),
		abstract: meta(doc, 'og:description'),
		start: when ? parseOpenStackTime(when, /(\d{4})$/.exec(summit ?? '')?.[1]) : undefined,
		room: infoText('.fa-map-marker', '.info_item_text a') || undefined,
		source: 'og',
	};
}

/** OpenStack summit schedule: the public summit API when the summit's ID is known, then the page. */
export async function readOpenStackSchedule(context: ProviderContext): Promise<ProviderResult | undefined> {
	const { event: summit, id } = context.classified;
	const summitId = summit ? OPENSTACK_SUMMIT_IDS[summit] : undefined;
	const steps: Array<() => Promise<ProviderResult | undefined>> = [];
	const publishedEvent = (summitId: number) => `${SUMMIT_API}/${summitId}/events/${id}/published?expand=speakers,location`;
	if (summitId !== undefined) {
		steps.push(async () => parseSummitEvent(await context.json(publishedEvent(summitId))));
	} else if (summit) {
		// A summit outside the table: the API finds it by its slug.
		steps.push(async () => {
			const found = asRecord(await context.json(`${SUMMIT_API}/all/${encodeURIComponent(summit)}`));
			return typeof found?.id === 'number' ? parseSummitEvent(await context.json(publishedEvent(found.id))) : undefined;
		});
	}
	steps.push(async () => readOpenStackEventPage((await context.html(context.pasted)).doc, summit));
	return firstOf(context, steps);
}

/** Reads the videos API object (also embedded in pages as `window.VideoAppConfig`). */
export function parseOpenStackVideo(value: unknown): ProviderResult | undefined {
	const video = asRecord(value);
	const title = asText(video?.title);
	if (!video || !title) {
		return undefined;
	}
	const description = asText(video.description);
	return {
		title,
		speakers: uniqueNames(asArray(video.speakers).map(s => asText(asRecord(s)?.name))),
		abstract: description ? htmlToText(description) : undefined,
		source: 'openstack-video-api',
	};
}

/** OpenStack videos: `/videos/api/video/{slug}`, then the page's meta data. */
export async function readOpenStackVideo(context: ProviderContext): Promise<ProviderResult | undefined> {
	const { slug } = context.classified;
	const origin = new URL(context.pasted).origin;
	return firstOf(context, [
		async () => parseOpenStackVideo(await context.json(`${origin}/videos/api/video/${encodeURIComponent(slug ?? '')}`)),
		async () => readGenericPage((await context.html(context.pasted)).doc, slug),
	]);
}
