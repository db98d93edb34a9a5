import { SessionUrlError, type SessionPlatform } from './types';

/** A pasted URL with the parts its platform puts in it. */
export interface ClassifiedUrl {
	platform: SessionPlatform;
	url: URL;
	/** The title-bearing slug, when the URL has one. */
	slug?: string;
	/** Event, summit, conference or year key, by platform. */
	event?: string;
	/** Session ID or pretalx code. */
	id?: string;
	/** pretalx: everything before `/{event}/talk/`, e.g. `https://host/congress/2024`. */
	base?: string;
	/** Sessionize: the owning speaker's handle. */
	handle?: string;
}

// Regexes from the platform reference; first match wins, the generic reader is last.
const OPENSTACK_SCHEDULE = /^https?:\/\/(?:www\.)?openstack\.org\/summit\/(?<summit>[a-z0-9-]+)\/summit-schedule\/events\/(?<id>\d+)(?:\/(?<slug>[A-Za-z0-9-]*))?\/?(?:[?#].*)?$/;
const OPENSTACK_VIDEO = /^https?:\/\/(?:www\.)?openstack\.org\/videos\/(?:summits\/)?(?<summit>[a-z0-9-]+)\/(?<slug>[A-Za-z0-9-]+)\/?(?:[?#].*)?$/;
const SCHED = /^https?:\/\/(?<conf>[a-z0-9-]+)\.sched\.com\/event\/(?<id>[A-Za-z0-9]+)(?:\/(?<slug>[A-Za-z0-9-]*))?\/?(?:[?#].*)?$/;
const SCHED_SHORT = /^https?:\/\/sched\.co\/(?<id>[A-Za-z0-9]+)/;
const SESSIONIZE = /^https?:\/\/(?:www\.)?sessionize\.com\/s\/(?<handle>[a-z0-9-]+)\/(?<slug>[a-z0-9-]*)\/(?<id>\d+)\/?$/;
const FOSDEM = /^https?:\/\/(?:archive\.)?fosdem\.org\/(?<year>\d{4})\/schedule\/event\/(?<slug>[A-Za-z0-9_-]+)\/?$/;
const CCC_HUB = /^https?:\/\/events\.ccc\.de\/congress\/(?<year>\d{4})\/hub\/(?:[a-z]{2}\/)?event\/(?<slug>[a-z0-9_-]+)\/?$/;
const PRETALX = /^(?<origin>https?:\/\/[^/?#]+)(?<prefix>(?:\/[^/?#]+)*?)\/(?<event>[A-Za-z0-9._-]+)\/talk\/(?<code>[A-Za-z0-9]+)\/?(?:[?#].*)?$/;
const FRAB_PUBLIC = /^https?:\/\/[^/?#]+(?:\/[^/?#]+)*?\/(?:[a-z]{2}\/)?(?<acronym>[^/?#]+)\/public\/events\/(?<id>\d+)\/?(?:[?#].*)?$/i;
const FRAB_STATIC = /^https?:\/\/[^/?#]+(?<prefix>(?:\/[^/?#]+)*?)\/fahrplan\/events\/(?<id>\d+)\.html(?:[?#].*)?$/i;

/** Parses a pasted URL; throws `SessionUrlError` for anything but an absolute http(s) URL. */
export function parseSessionUrl(text: string): URL {
	const trimmed = text.trim();
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		throw new SessionUrlError(`Not a URL: '${trimmed.slice(0, 200)}'`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new SessionUrlError(`Only http and https URLs can be looked up (got '${url.protocol}')`);
	}
	if (url.username || url.password) {
		throw new SessionUrlError('A schedule URL must not carry a user name or password');
	}
	return url;
}

/** Recognises the platform of a session URL and pulls out its slug, IDs and event key. */
export function classifySessionUrl(text: string): ClassifiedUrl {
	const url = parseSessionUrl(text);
	const href = text.trim();
	let m: RegExpMatchArray | null;
	if ((m = OPENSTACK_SCHEDULE.exec(href))) {
		return { platform: 'openstack-schedule', url, event: m.groups!.summit, id: m.groups!.id, slug: m.groups!.slug || undefined };
	}
	if ((m = OPENSTACK_VIDEO.exec(href))) {
		return { platform: 'openstack-video', url, event: m.groups!.summit, slug: m.groups!.slug };
	}
	if ((m = SCHED.exec(href))) {
		return { platform: 'sched', url, event: m.groups!.conf, id: m.groups!.id, slug: m.groups!.slug || undefined };
	}
	if ((m = SCHED_SHORT.exec(href))) {
		return { platform: 'sched-short', url, id: m.groups!.id };
	}
	if ((m = SESSIONIZE.exec(href))) {
		return { platform: 'sessionize', url, handle: m.groups!.handle, slug: m.groups!.slug || undefined, id: m.groups!.id };
	}
	if ((m = FOSDEM.exec(href))) {
		return { platform: 'fosdem', url, event: m.groups!.year, slug: m.groups!.slug };
	}
	if ((m = CCC_HUB.exec(href))) {
		return { platform: 'ccc-hub', url, event: m.groups!.year, slug: m.groups!.slug };
	}
	if ((m = PRETALX.exec(href)) && !/\/talk\/review\//.test(url.pathname)) {
		return {
			platform: 'pretalx', url, event: m.groups!.event, id: m.groups!.code.toUpperCase(),
			base: `${m.groups!.origin}${m.groups!.prefix}`,
		};
	}
	if ((m = FRAB_PUBLIC.exec(href))) {
		return { platform: 'frab', url, event: m.groups!.acronym, id: m.groups!.id };
	}
	if ((m = FRAB_STATIC.exec(href))) {
		return { platform: 'frab', url, event: lastSegment(m.groups!.prefix), id: m.groups!.id };
	}
	return { platform: 'generic', url, slug: genericSlug(url) };
}

function lastSegment(path: string): string | undefined {
	return path.split('/').filter(Boolean).pop();
}

/**
 * Path words that name a page type or a listing, never a session (`/event/12/contributions/34/`).
 * Scoring candidates against one of them rejects every real title.
 */
const GENERIC_PATH_WORDS = new Set([
	'event', 'events', 'session', 'sessions', 'talk', 'talks', 'contribution', 'contributions', 'program',
	'programme', 'schedule', 'agenda', 'presentation', 'presentations', 'lecture', 'lectures', 'track',
	'tracks', 'speaker', 'speakers', 'detail', 'details', 'view', 'show', 'index', 'item', 'node', 'post',
	'posts', 'page', 'pages', 'timetable', 'fahrplan', 'conference', 'conferences', 'paper', 'papers',
	'abstract', 'abstracts', 'ld', 'id',
]);

/** A numeric or alphanumeric ID (`34`, `ke3a`) or a date part. */
function isId(segment: string): boolean {
	return !/[A-Za-z]{2}/.test(segment) || /^(?=[A-Za-z]*\d)[A-Za-z0-9]+$/.test(segment);
}

/** An ID or a page-type word carries no title. */
function isIdOrGenericWord(segment: string): boolean {
	return isId(segment) || GENERIC_PATH_WORDS.has(segment.toLowerCase());
}

/**
 * The path segment most likely to carry the title: the last hyphenated one with letters that only IDs
 * follow (file extension dropped), else the last segment. A hyphenated segment followed by a page-type
 * word names a container (`/events/summer-conf-2025/sessions/123`: the event, not the session). Without a
 * title segment, a path ending in an ID or a page-type word has no slug, so the title is chosen by source
 * priority instead of against words that name no session.
 */
export function genericSlug(url: URL): string | undefined {
	const segments = url.pathname.split('/').filter(Boolean).map(s => {
		try {
			return decodeURIComponent(s);
		} catch {
			return s;
		}
	}).map(s => s.replace(/\.(?:html?|php|aspx?|jsp)$/i, '')).filter(Boolean);
	for (let i = segments.length - 1; i >= 0; i--) {
		if (/[-_]/.test(segments[i]) && /[A-Za-z]{2}/.test(segments[i])) {
			return segments.slice(i + 1).every(isId) ? segments[i] : undefined;
		}
	}
	const last = segments[segments.length - 1];
	return last === undefined || isIdOrGenericWord(last) ? undefined : last;
}
