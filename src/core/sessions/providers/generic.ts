import { cleanText, htmlToText, PageSummary, text, type Document } from '../html';
import { trimAsciiWhitespace } from '../../text';
import { chooseTitle, META_PRIORITY, STRUCTURED_PRIORITY, type TitleCandidate } from '../score';
import { asArray, asRecord, asText, uniqueNames, type ProviderContext, type ProviderResult } from './context';
import { pretalxApiLink, readPretalxApi } from './pretalx';

/** Source priorities for a tie in slug score: structured data beats page furniture. */
export const PRIORITY = { api: STRUCTURED_PRIORITY + 1, jsonLd: STRUCTURED_PRIORITY, meta: META_PRIORITY, h1: 2, title: 1 } as const;

const EVENT_TYPE = /Event$/;

interface JsonLdEvent {
	name?: string;
	description?: string;
	startDate?: string;
	location?: string;
	performers: string[];
}

/** Every schema.org `*Event` in the page's JSON-LD blocks, walking `@graph` and arrays. */
export function jsonLdEvents(page: Document | PageSummary): JsonLdEvent[] {
	const summary = page instanceof PageSummary ? page : new PageSummary(page);
	const events: JsonLdEvent[] = [];
	const visit = (value: unknown, depth: number) => {
		if (depth > 6) {
			return;
		}
		if (Array.isArray(value)) {
			value.forEach(v => visit(v, depth + 1));
			return;
		}
		const record = asRecord(value);
		if (!record) {
			return;
		}
		const types = asArray(record['@type']).filter((t): t is string => typeof t === 'string');
		if (types.some(t => EVENT_TYPE.test(t))) {
			const location = asRecord(record.location);
			events.push({
				name: asText(record.name),
				description: typeof record.description === 'string' ? htmlToText(record.description) : undefined,
				startDate: asText(record.startDate),
				location: location ? asText(location.name) : asText(record.location),
				performers: uniqueNames(asArray(record.performer).map(p => asText(asRecord(p)?.name) ?? asText(p))),
			});
		}
		if (record['@graph'] !== undefined) {
			visit(record['@graph'], depth + 1);
		}
	};
	for (const script of summary.jsonLdScripts) {
		try {
			visit(JSON.parse(text(script.children)) as unknown, 0);
		} catch {
			// A broken JSON-LD block is skipped; the page has other sources.
		}
	}
	return events;
}

/** Removes the `og:site_name` from either end of a title, with the separator next to it. */
function withoutSiteName(title: string, siteName: string | undefined): string {
	if (!siteName || siteName === title) {
		return title;
	}
	const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const stripped = title
		.replace(new RegExp(`^${escaped}\\s*[|·–—:-]+\\s*`, 'i'), '')
		.replace(new RegExp(`\\s*[|·–—:-]+\\s*${escaped}$`, 'i'), '');
	return trimAsciiWhitespace(stripped);
}

/** Title candidates and details from the structured and meta data any event page may carry. */
export function readGenericPage(doc: Document | PageSummary, slug: string | undefined, options: { trim?: boolean } = {}): ProviderResult | undefined {
	const page = doc instanceof PageSummary ? doc : new PageSummary(doc);
	const candidates: TitleCandidate[] = [];
	const events = jsonLdEvents(page);
	for (const event of events) {
		if (event.name) {
			candidates.push({ title: event.name, source: 'json-ld', priority: PRIORITY.jsonLd });
		}
	}
	const siteName = page.meta('og:site_name');
	for (const [key, source] of [['og:title', 'og'], ['twitter:title', 'twitter'], ['DC.Title', 'dc-title'], ['title', 'meta-title']] as const) {
		const value = page.meta(key);
		if (value) {
			candidates.push({ title: withoutSiteName(value, siteName), source, priority: PRIORITY.meta });
		}
	}
	for (const h1 of page.headings.slice(0, 3)) {
		candidates.push({ title: text(h1), source: 'h1', priority: PRIORITY.h1 });
	}
	const pageTitle = page.title;
	if (pageTitle) {
		candidates.push({ title: withoutSiteName(pageTitle, siteName), source: 'title', priority: PRIORITY.title });
	}
	const chosen = chooseTitle(candidates, slug, options);
	if (!chosen) {
		return undefined;
	}
	const event = events.find(e => e.name && cleanText(e.name) === chosen.title) ?? events[0];
	return {
		title: chosen.title,
		speakers: event?.performers ?? [],
		abstract: event?.description || page.meta('og:description') || page.meta('description'),
		start: event?.startDate,
		room: event?.location,
		source: chosen.source,
		...(chosen.unlikeSlug ? { warnings: ['The title is the page\'s own and does not resemble the URL: check that the page is the session.'] } : {}),
	};
}

/** Any page: a pretalx instance through its API, otherwise JSON-LD, meta tags, `h1` and `<title>` scored against the slug. */
export async function readGeneric(context: ProviderContext): Promise<ProviderResult | undefined> {
	const { doc, url } = await context.html(context.pasted);
	const page = new PageSummary(doc);
	const apiLink = pretalxApiLink(page, url);
	if (apiLink) {
		try {
			const fromApi = await readPretalxApi(context, apiLink);
			if (fromApi) {
				return fromApi;
			}
		} catch {
			// The page itself is still there to read.
		}
	}
	return readGenericPage(page, context.classified.slug);
}
