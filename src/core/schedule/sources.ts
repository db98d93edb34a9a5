import { errorMessage } from '../errors';
import { classifySessionUrl } from '../sessions/classify';
import { scheduleJsonUrl } from '../sessions/providers/frab';
import { FetchError, type HttpFetcher } from '../sessions/types';
import { fetchOpenStackSchedule, openStackSummitOf } from './openstack';
import { ScheduleFormatError, ScheduleTextReader } from './readers';
import type { Schedule } from './schedule';

/** Schedule exports are far bigger than a session page: FOSDEM's XML is close to 2 MB. */
export const SCHEDULE_MAX_BYTES = 32 * 1024 * 1024;

/** What an editor command allows a schedule download: a big export may take a while to arrive. */
export const SCHEDULE_FETCH_LIMITS = { timeoutMs: 10_000, totalTimeoutMs: 60_000, maxBytes: SCHEDULE_MAX_BYTES } as const;

const ACCEPT = 'application/json, application/xml, text/xml, text/calendar, text/plain;q=0.5';

/**
 * Where the whole schedule of the event a URL belongs to is exported, most exact first: the URL itself
 * when it is an export, FOSDEM's yearly XML and its pretalx export, a pretalx event's JSON export (any
 * host), a frab site's `schedule.json` and `schedule.xml`, the CCC hub's XML, Sched's public `all.ics`.
 */
export function scheduleExportUrls(text: string): string[] {
	const href = text.trim();
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return [];
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return [];
	}
	const candidates: string[] = [];
	if (/\.(?:json|xml|ics)$|\/(?:xml|ical|ics)\/?$|\/schedule\/export\/|^\/api\/v2\/[^/]+\/view\//i.test(url.pathname)) {
		candidates.push(href);
	}
	const fosdem = /^\/(\d{4})\//.exec(url.pathname);
	if (/(^|\.)fosdem\.org$/i.test(url.hostname) && fosdem && url.hostname.toLowerCase() !== 'pretalx.fosdem.org') {
		candidates.push(`https://fosdem.org/${fosdem[1]}/schedule/xml`);
		candidates.push(`https://pretalx.fosdem.org/fosdem-${fosdem[1]}/schedule/export/schedule.json`);
	}
	const pretalx = /^(.*?\/[^/]+)\/(?:talk|speaker|schedule|featured|sneak)(?:\/|$)/.exec(url.pathname);
	const classified = safeClassify(href);
	if (classified?.platform === 'pretalx' && classified.base && classified.event) {
		candidates.push(`${classified.base}/${classified.event}/schedule/export/schedule.json`);
	} else if (pretalx && !/fosdem\.org$/i.test(url.hostname)) {
		candidates.push(`${url.origin}${pretalx[1]}/schedule/export/schedule.json`);
	}
	const frabJson = scheduleJsonUrl(href);
	if (frabJson) {
		candidates.push(frabJson, frabJson.replace(/\.json$/, '.xml'));
	}
	const hub = /^\/congress\/(\d{4})\/hub\//.exec(url.pathname);
	if (url.hostname.toLowerCase() === 'events.ccc.de' && hub) {
		// The congress of a year is the (year - 1986)th: 2024 is 38C3.
		candidates.push(`https://events.ccc.de/congress/${hub[1]}/hub/api/c/${Number(hub[1]) - 1986}c3/schedule.xml`);
	}
	if (/\.sched\.com$/i.test(url.hostname)) {
		candidates.push(`${url.origin}/all.ics`);
	}
	return [...new Set(candidates)];
}

function safeClassify(href: string): ReturnType<typeof classifySessionUrl> | undefined {
	try {
		return classifySessionUrl(href);
	} catch {
		return undefined;
	}
}

/** No export of the schedule could be read; `reasons` says why for each address tried. */
export class ScheduleNotFoundError extends Error {
	constructor(readonly url: string, readonly reasons: readonly string[]) {
		super(reasons.length === 0
			? `${url} is not a schedule or a session of a schedule this extension can read (pretalx, frab, FOSDEM, CCC, OpenStack summits, Sched, Sessionize views, iCalendar).`
			: `No schedule could be read for ${url}: ${reasons.join('; ')}`);
		this.name = 'ScheduleNotFoundError';
	}
}

/** Fetches and reads the schedule a URL (a session or a schedule export) belongs to. */
export async function fetchSchedule(fetcher: HttpFetcher, url: string, signal?: AbortSignal): Promise<Schedule> {
	const candidates = scheduleExportUrls(url);
	const reasons: string[] = [];
	// An OpenStack summit publishes no export: its schedule comes from the summit API, page by page.
	const summit = openStackSummitOf(url);
	if (summit) {
		try {
			const schedule = await fetchOpenStackSchedule(fetcher, summit, signal);
			if (schedule.sessions.length > 0) {
				return schedule;
			}
			reasons.push(`the summit API lists no published session of summit ${summit.slug}`);
		} catch (error) {
			if (error instanceof FetchError && error.kind === 'cancelled') {
				throw error;
			}
			reasons.push(`the summit API: ${errorMessage(error)}`);
		}
	}
	for (const candidate of candidates) {
		try {
			// Read while it downloads; a reader that fails mid-way is said once the download ends.
			const reader = new ScheduleTextReader();
			let streamed = false;
			let readFailure: unknown;
			const onText = (chunk: string) => {
				streamed = true;
				if (readFailure === undefined) {
					try {
						reader.write(chunk);
					} catch (error) {
						readFailure = error;
					}
				}
			};
			const response = await fetcher.get(candidate, { accept: ACCEPT, onText, ...(signal ? { signal } : {}) });
			if (readFailure !== undefined) {
				throw readFailure;
			}
			// A fetcher that cannot stream gives the whole body.
			if (!streamed) {
				reader.write(response.body);
			}
			return reader.end();
		} catch (error) {
			if (error instanceof FetchError && error.kind === 'cancelled') {
				throw error;
			}
			if (error instanceof FetchError || error instanceof ScheduleFormatError) {
				reasons.push(`${candidate}: ${error.message}`);
				continue;
			}
			throw error;
		}
	}
	throw new ScheduleNotFoundError(url, reasons);
}
