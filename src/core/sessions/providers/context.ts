import type { ClassifiedUrl } from '../classify';
import { collapseAsciiWhitespace } from '../../text';
import { parseHtml, parseXml, type Document } from '../html';
import { FetchError, type CasingOptions, type HttpFetcher } from '../types';

/** What a provider found: the fields of `SessionInfo` that come from the network. */
export interface ProviderResult {
	title: string;
	/** A frab or pretalx subtitle: its own placeholder, never part of the heading. */
	subtitle?: string;
	speakers: string[];
	abstract?: string;
	start?: string;
	room?: string;
	source: string;
	warnings?: string[];
}

export interface HtmlPage {
	url: string;
	doc: Document;
}

/** What every provider gets: the classified URL and fetch helpers bound to the lookup's signal. */
export class ProviderContext {
	readonly classified: ClassifiedUrl;
	readonly pasted: string;
	readonly casing: CasingOptions | undefined;
	readonly #fetcher: HttpFetcher;
	readonly #signal: AbortSignal;

	constructor(classified: ClassifiedUrl, pasted: string, fetcher: HttpFetcher, signal: AbortSignal, casing?: CasingOptions) {
		this.classified = classified;
		this.pasted = pasted;
		this.casing = casing;
		this.#fetcher = fetcher;
		this.#signal = signal;
	}

	get signal(): AbortSignal {
		return this.#signal;
	}

	async html(url: string, headers?: Record<string, string>): Promise<HtmlPage> {
		const response = await this.#fetcher.get(url, {
			accept: 'text/html,application/xhtml+xml', signal: this.#signal, headers, namedBy: this.pasted,
		});
		return { url: response.url, doc: parseHtml(response.body) };
	}

	async xml(url: string): Promise<Document> {
		const response = await this.#fetcher.get(url, { accept: 'application/xml,text/xml', signal: this.#signal, namedBy: this.pasted });
		return parseXml(response.body);
	}

	async json(url: string): Promise<unknown> {
		const response = await this.#fetcher.get(url, { accept: 'application/json', signal: this.#signal, namedBy: this.pasted });
		try {
			return JSON.parse(response.body) as unknown;
		} catch {
			throw new FetchError('content-type', `${response.url} did not return valid JSON`);
		}
	}
}

export type Provider = (context: ProviderContext) => Promise<ProviderResult | undefined>;

/** A result needs a title; without one the step found nothing. */
function usable(result: ProviderResult | undefined): result is ProviderResult {
	return result !== undefined && result.title.trim() !== '';
}

/**
 * Tries each way of reading the session in order and returns the first that yields a title. When
 * all fail, throws the first failure (usually the most telling: the API's 404, Sched's challenge).
 */
export async function firstOf(context: ProviderContext, steps: ReadonlyArray<() => Promise<ProviderResult | undefined>>): Promise<ProviderResult | undefined> {
	const errors: unknown[] = [];
	for (const step of steps) {
		if (context.signal.aborted) {
			break;
		}
		try {
			const result = await step();
			if (usable(result)) {
				return result;
			}
		} catch (error) {
			throwIfCancelled(error);
			errors.push(error);
		}
	}
	if (errors.length > 0) {
		throw errors[0];
	}
	return undefined;
}

/** A cancelled lookup ends at once; any other failure of a step leaves the next way to try. */
function throwIfCancelled(error: unknown): void {
	if (error instanceof FetchError && error.kind === 'cancelled') {
		throw error;
	}
}

/** Runs a step the lookup can do without: its failure gives `fallback`, but cancelling still ends the lookup. */
export async function optionalStep<T>(step: () => Promise<T>, fallback: T): Promise<T> {
	try {
		return await step();
	} catch (error) {
		throwIfCancelled(error);
		return fallback;
	}
}

/** A JSON value as a record, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}

/** A string, or the English (else first) value of a `{ "en": "…" }` translation object. */
export function asText(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return collapseAsciiWhitespace(value) || undefined;
	}
	if (typeof value === 'number') {
		return String(value);
	}
	const record = asRecord(value);
	if (record) {
		return asText(record.en) ?? asText(Object.values(record).find(v => typeof v === 'string'));
	}
	return undefined;
}

export function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** Names in order, blanks and repeats dropped. */
export function uniqueNames(names: ReadonlyArray<string | undefined>): string[] {
	const out: string[] = [];
	for (const name of names) {
		addUniqueName(out, name === undefined ? undefined : collapseAsciiWhitespace(name));
	}
	return out;
}

/**
 * Adds a clean name (layout already collapsed) unless it is blank or already there in any letter case. A
 * talk's speakers are a handful: a scan, no set.
 */
export function addUniqueName(names: string[], name: string | undefined): void {
	if (name && !names.some(known => known === name || known.toLowerCase() === name.toLowerCase())) {
		names.push(name);
	}
}
