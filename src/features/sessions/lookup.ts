import * as vscode from 'vscode';
import { deriveSessionOffline } from '../../core/sessions/offline';
import { resolveSession } from '../../core/sessions/resolve';
import type { HttpFetcher, SessionInfo } from '../../core/sessions/types';
import type { SiteCasing } from './siteCasing';
import { withTimeout } from '../../util/async';
import type { SessionSettings } from './settings';
import { errorMessage } from '../../core/errors';

/** Several sessions are fetched at once, but not so many that a schedule site sees a burst. */
const CONCURRENCY = 4;
/** One request (or redirect hop) never waits longer than this, even with a generous overall timeout. */
const MAX_REQUEST_MS = 5_000;
/** Grace on top of the writer's timeout for the resolver to notice the abort and return. */
const ABORT_GRACE_MS = 1_000;

export interface SessionLookup {
	/** One entry per URL, in the order given; a failed fetch yields the entry derived from the URL. */
	readonly sessions: SessionInfo[];
	/** `url: reason` for every URL whose details could not be fetched. */
	readonly failures: string[];
}

/**
 * Decides whether to go online: the setting, the caller's wish, and in an untrusted workspace the
 * writer's answer. `undefined` when the writer dismissed the question (the command stops).
 */
export async function decideFetch(settings: SessionSettings, requested: boolean | undefined): Promise<boolean | undefined> {
	if (!settings.fetch || requested === false) {
		return false;
	}
	if (vscode.workspace.isTrusted) {
		return true;
	}
	const fetch = 'Fetch';
	const urlOnly = 'Use URL only';
	const answer = await vscode.window.showWarningMessage('This workspace is not trusted. Fetch the session details from the schedule site?',
		{ modal: true, detail: 'Without fetching, the title is derived from the URL and marked for checking.' }, fetch, urlOnly);
	return answer === undefined ? undefined : answer === fetch;
}

/**
 * Makes the HTTP client of the host the extension runs in (Node's, or the browser's `fetch`), with the limits
 * of one lookup: per request and for the whole of it.
 */
export type MakeHttpFetcher = (limits: { readonly timeoutMs: number; readonly totalTimeoutMs: number; readonly maxBytes?: number }) => HttpFetcher;

/** What the session commands need from their surroundings. */
export interface SessionLookupHost {
	/** How the writer's site spells words, for titles derived from URLs. */
	readonly casing: SiteCasing;
	readonly makeFetcher: MakeHttpFetcher;
}

/**
 * Resolves every URL, online with a cancellable progress notification when `fetch` is set, else from
 * the URLs alone. `undefined` when the writer cancelled: then nothing should be inserted.
 */
export async function lookUpSessions(urls: readonly string[], settings: SessionSettings, fetch: boolean, makeFetcher: MakeHttpFetcher): Promise<SessionLookup | undefined> {
	if (!fetch) {
		return { sessions: urls.map(url => deriveSessionOffline(url, settings.casing)), failures: [] };
	}
	const fetcher = makeFetcher({ timeoutMs: Math.min(MAX_REQUEST_MS, settings.timeoutMs), totalTimeoutMs: settings.timeoutMs });
	return vscode.window.withProgress({
		location: vscode.ProgressLocation.Notification,
		title: urls.length === 1 ? 'Fetching the session details' : `Fetching the details of ${urls.length} sessions`,
		cancellable: true,
	}, async (progress, token) => {
		const cancel = new AbortController();
		const subscription = token.onCancellationRequested(() => cancel.abort());
		try {
			const sessions: SessionInfo[] = new Array(urls.length);
			const failures: Array<string | undefined> = new Array(urls.length);
			let next = 0;
			let done = 0;
			const worker = async () => {
				while (next < urls.length && !cancel.signal.aborted) {
					const index = next++;
					const result = await lookUpOne(urls[index], fetcher, settings, cancel.signal);
					sessions[index] = result.session;
					failures[index] = result.failure;
					done++;
					if (urls.length > 1) {
						progress.report({ message: `${done} of ${urls.length}`, increment: 100 / urls.length });
					}
				}
			};
			await Promise.all(Array.from({ length: Math.min(CONCURRENCY, urls.length) }, worker));
			if (token.isCancellationRequested) {
				return undefined;
			}
			return { sessions, failures: failures.filter((failure): failure is string => failure !== undefined) };
		} finally {
			subscription.dispose();
		}
	});
}

async function lookUpOne(url: string, fetcher: HttpFetcher, settings: SessionSettings, cancel: AbortSignal): Promise<{ session: SessionInfo; failure?: string }> {
	// Each URL has its own controller: the writer's cancel stops every lookup, a stuck one stops only itself.
	const controller = new AbortController();
	const onCancel = () => controller.abort();
	cancel.addEventListener('abort', onCancel);
	try {
		const session = await withTimeout(settings.timeoutMs + ABORT_GRACE_MS, resolveSession(url, {
			fetcher, signal: controller.signal, casing: settings.casing, timeoutMs: settings.timeoutMs, fallback: false,
		}), `Looking up ${url}`);
		return { session };
	} catch (error) {
		controller.abort();
		const reason = cancel.aborted ? 'cancelled' : errorMessage(error);
		return { session: deriveSessionOffline(url, settings.casing), failure: `${url}: ${reason}` };
	} finally {
		cancel.removeEventListener('abort', onCancel);
	}
}
