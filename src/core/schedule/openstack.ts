import { htmlToText } from '../sessions/html';
import { classifySessionUrl } from '../sessions/classify';
import { asArray, asRecord, asText, uniqueNames } from '../sessions/providers/context';
import { OPENSTACK_SUMMIT_IDS, SUMMIT_API } from '../sessions/providers/openstack';
import type { HttpFetcher } from '../sessions/types';
import { ScheduleFormatError } from './readers';
import { inStartOrder, localTimeAt, type Schedule, type ScheduleSession } from './schedule';

/** Pages of the summit API's published events a schedule may have (100 each): 50 pages is 5,000 sessions. */
const MAX_PAGES = 50;
const JSON_ACCEPT = 'application/json';

/** A summit an OpenStack URL names: its slug (`boston-2017`), and its numeric id when it is a known one. */
export interface OpenStackSummit {
	readonly slug: string;
	readonly id?: number;
}

/** The summit an OpenStack schedule or video URL names. */
export function openStackSummitOf(url: string): OpenStackSummit | undefined {
	try {
		const classified = classifySessionUrl(url);
		if ((classified.platform !== 'openstack-schedule' && classified.platform !== 'openstack-video') || !classified.event) {
			return undefined;
		}
		const id = OPENSTACK_SUMMIT_IDS[classified.event];
		return id === undefined ? { slug: classified.event } : { slug: classified.event, id };
	} catch {
		return undefined;
	}
}

/**
 * An OpenStack summit's schedule from its public summit API: the summit (its name and time zone, with the
 * zone's offset during the summit) and every published event, page by page; times are the summit's local
 * time. A summit whose id is not known is looked up by its slug (`summits/all/{slug}`).
 */
export async function fetchOpenStackSchedule(fetcher: HttpFetcher, summitRef: OpenStackSummit, signal?: AbortSignal): Promise<Schedule> {
	const get = async (url: string) => JSON.parse((await fetcher.get(url, { accept: JSON_ACCEPT, ...(signal ? { signal } : {}) })).body) as unknown;
	const summit = asRecord(await get(summitRef.id !== undefined ? `${SUMMIT_API}/${summitRef.id}` : `${SUMMIT_API}/all/${encodeURIComponent(summitRef.slug)}`));
	const summitId = summitRef.id ?? (typeof summit?.id === 'number' ? summit.id : undefined);
	if (summitId === undefined) {
		throw new ScheduleFormatError(`its answer for summit "${summitRef.slug}" names no summit id`);
	}
	const zone = asRecord(summit?.time_zone);
	const offsetMinutes = typeof zone?.offset === 'number' ? Math.round(zone.offset / 60) : 0;
	const sessions: ScheduleSession[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const listing = asRecord(await get(`${SUMMIT_API}/${summitId}/events/published?expand=speakers,location&per_page=100&page=${page}`));
		for (const event of asArray(listing?.data).map(asRecord)) {
			const title = asText(event?.title);
			if (!event || !title || typeof event.start_date !== 'number') {
				continue;
			}
			const start = localTimeAt(event.start_date * 1000, offsetMinutes);
			const description = asText(event.description);
			const room = asText(asRecord(event.location)?.name);
			const session: ScheduleSession = {
				id: String(event.id ?? `${start.date}T${start.time} ${title}`),
				title,
				speakers: uniqueNames(asArray(event.speakers).map(s => [asText(asRecord(s)?.first_name), asText(asRecord(s)?.last_name)].filter(Boolean).join(' '))),
				start,
				...(typeof event.end_date === 'number' ? { end: localTimeAt(event.end_date * 1000, offsetMinutes) } : {}),
				...(room ? { room } : {}),
				...(description ? { abstract: htmlToText(description) } : {}),
			};
			sessions.push(session);
		}
		const lastPage = typeof listing?.last_page === 'number' ? listing.last_page : page;
		if (page >= lastPage) {
			break;
		}
	}
	const timeZone = asText(summit?.time_zone_id) ?? asText(zone?.name);
	return { name: asText(summit?.name) ?? 'OpenStack Summit', ...(timeZone ? { timeZone } : {}), sessions: inStartOrder(sessions), format: 'openstack-api' };
}
