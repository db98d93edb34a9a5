import { classifySessionUrl } from './classify';
import { collapseAsciiWhitespace } from '../text';
import { deriveFromClassified } from './offline';
import { ProviderContext, type Provider, type ProviderResult } from './providers/context';
import { readCccHub, readFosdem, readFrab } from './providers/frab';
import { readGeneric } from './providers/generic';
import { readOpenStackSchedule, readOpenStackVideo } from './providers/openstack';
import { readPretalx } from './providers/pretalx';
import { readSched } from './providers/sched';
import { readSessionize } from './providers/sessionize';
import { FetchError, type CasingOptions, type HttpFetcher, type SessionInfo, type SessionPlatform } from './types';
import { errorMessage } from '../errors';

export interface ResolveOptions {
	/** Without a fetcher the result is the offline one, with a warning. */
	fetcher?: HttpFetcher;
	/** Derive from the URL alone; no warning. */
	offline?: boolean;
	signal?: AbortSignal;
	casing?: CasingOptions;
	/** Bound on the whole online lookup, every request included. Default 20 s. */
	timeoutMs?: number;
	/** When the online lookup fails: false throws the error instead of returning the offline result. Default true. */
	fallback?: boolean;
}

const PROVIDERS: Readonly<Record<SessionPlatform, Provider>> = {
	'openstack-schedule': readOpenStackSchedule,
	'openstack-video': readOpenStackVideo,
	'sched': readSched,
	'sched-short': readSched,
	'pretalx': readPretalx,
	'sessionize': readSessionize,
	'frab': readFrab,
	'fosdem': readFosdem,
	'ccc-hub': readCccHub,
	'generic': readGeneric,
};

/**
 * Looks a session URL up online through its platform's provider; when that fails (or no fetcher is
 * given), returns the title derived from the URL with a warning saying why. Throws `SessionUrlError`
 * for a URL that is not http(s) and `FetchError` of kind `cancelled` when `signal` fires.
 */
export async function resolveSession(url: string, options: ResolveOptions = {}): Promise<SessionInfo> {
	const classified = classifySessionUrl(url);
	const pasted = url.trim();
	const offline = deriveFromClassified(classified, pasted, options.casing);
	if (options.offline) {
		return offline;
	}
	if (!options.fetcher) {
		offline.warnings.push('Fetching is off: the entry is derived from the URL.');
		return offline;
	}
	const controller = new AbortController();
	const timeoutMs = options.timeoutMs ?? 20_000;
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	const onAbort = () => controller.abort();
	options.signal?.addEventListener('abort', onAbort);
	try {
		if (options.signal?.aborted) {
			throw new FetchError('cancelled', 'Cancelled');
		}
		const context = new ProviderContext(classified, pasted, options.fetcher, controller.signal, options.casing);
		const result = await PROVIDERS[classified.platform](context);
		if (!result) {
			throw new Error(`No session title found at ${pasted}`);
		}
		return toSessionInfo(result, pasted);
	} catch (error) {
		if (options.signal?.aborted) {
			throw new FetchError('cancelled', 'Cancelled');
		}
		const reason = controller.signal.aborted
			? `no answer within ${Math.round(timeoutMs / 1000)} s`
			: errorMessage(error);
		if (options.fallback === false) {
			throw controller.signal.aborted ? new FetchError('timeout', `Looking up ${pasted}: ${reason}`) : error;
		}
		offline.warnings.push(`Could not read the session online (${reason}): the entry is derived from the URL.`);
		return offline;
	} finally {
		clearTimeout(timer);
		options.signal?.removeEventListener('abort', onAbort);
	}
}

/** Bounds on remote text, so a hostile or broken page cannot paste a novel into the post. */
export const LIMITS = { title: 300, speaker: 120, speakers: 30, abstract: 4_000, field: 200 } as const;

function bounded(text: string, limit: number): string {
	const clean = collapseAsciiWhitespace(text);
	return clean.length <= limit ? clean : `${clean.slice(0, limit - 1).trimEnd()}…`;
}

function toSessionInfo(result: ProviderResult, url: string): SessionInfo {
	const warnings = [...result.warnings ?? []];
	if (result.speakers.length > LIMITS.speakers) {
		warnings.push(`Only the first ${LIMITS.speakers} of ${result.speakers.length} speakers are listed.`);
	}
	const info: SessionInfo = {
		title: bounded(result.title, LIMITS.title),
		speakers: result.speakers.slice(0, LIMITS.speakers).map(name => bounded(name, LIMITS.speaker)),
		url,
		source: result.source,
		derived: false,
		warnings,
	};
	if (result.subtitle) {
		info.subtitle = bounded(result.subtitle, LIMITS.title);
	}
	if (result.abstract) {
		info.abstract = bounded(result.abstract, LIMITS.abstract);
	}
	if (result.start) {
		info.start = bounded(result.start, LIMITS.field);
	}
	if (result.room) {
		info.room = bounded(result.room, LIMITS.field);
	}
	return info;
}
