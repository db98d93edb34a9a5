import { all, attr, first, htmlToText, meta, PageSummary, text } from '../html';
import { trimAsciiWhitespace } from '../../text';
import { asArray, asRecord, asText, firstOf, optionalStep, uniqueNames, type ProviderContext, type ProviderResult } from './context';

const EXPAND = 'expand=speakers,slots.room&lang=en';

/** Reads a pretalx submission or legacy talk object (either API generation). */
export function parsePretalxTalk(value: unknown, source: string): ProviderResult | undefined {
	const talk = asRecord(value);
	const title = asText(talk?.title);
	if (!talk || !title) {
		return undefined;
	}
	const slot = asRecord(asArray(talk.slots)[0]) ?? asRecord(talk.slot);
	const room = asRecord(slot?.room);
	const abstract = asText(talk.abstract) ?? asText(talk.description);
	return {
		title,
		// Without `expand`, speakers are bare codes: those are no names.
		speakers: uniqueNames(asArray(talk.speakers).map(s => asText(asRecord(s)?.name))),
		abstract: abstract ? htmlToText(abstract) : undefined,
		start: asText(slot?.start),
		room: room ? asText(room.name) : asText(slot?.room),
		source,
	};
}

/** pretalx instances say so in `<meta name="generator">` and link their talk API as an alternate. */
export function pretalxApiLink(page: PageSummary, pageUrl: string): string | undefined {
	const generator = page.meta('generator') ?? '';
	const link = page.alternateLinks.find(l => (attr(l, 'type') ?? '').toLowerCase() === 'application/json');
	const href = attr(link, 'href');
	if (!href || !/^pretalx\b/i.test(generator) && !/\/api\/events\/[^/]+\/(?:talks|submissions)\//.test(href)) {
		return undefined;
	}
	try {
		return new URL(href, pageUrl).href;
	} catch {
		return undefined;
	}
}

/** Fetches a pretalx API URL; a legacy `/talks/` link is first tried as the expanded `/submissions/` call. */
export async function readPretalxApi(context: ProviderContext, apiUrl: string): Promise<ProviderResult | undefined> {
	const match = /^(.*\/api\/events\/[^/]+)\/(?:talks|submissions)\/([A-Za-z0-9]+)/.exec(apiUrl);
	const urls = match ? [`${match[1]}/submissions/${match[2]}/?${EXPAND}`, apiUrl] : [apiUrl];
	return firstOf(context, urls.map(url => async () => parsePretalxTalk(await context.json(url), 'pretalx-api')));
}

/**
 * The talk page: first the API it links as an alternate (an instance whose API is not where the
 * talk URL puts it), then `<title> Title :: Event:: pretalx` and speakers in `.talk-speaker-name`.
 */
async function readPretalxPage(context: ProviderContext, triedApi: string): Promise<ProviderResult | undefined> {
	const { doc, url } = await context.html(context.pasted);
	const apiLink = pretalxApiLink(new PageSummary(doc), url);
	if (apiLink && !apiLink.startsWith(`${triedApi}/`)) {
		// When the linked API fails, the page itself is still there to read.
		const fromApi = await optionalStep(() => readPretalxApi(context, apiLink), undefined);
		if (fromApi) {
			return fromApi;
		}
	}
	const pageTitle = trimAsciiWhitespace(text(first(doc, 'title')).split('::')[0]);
	const title = text(first(doc, 'h3.talk-title')) || pageTitle;
	if (!title) {
		return undefined;
	}
	return {
		title,
		speakers: uniqueNames(all(doc, '.talk-speaker-name, .speaker-name').map(e => text(e))),
		abstract: text(first(doc, 'section.abstract')) || meta(doc, 'og:description'),
		source: 'pretalx-page',
	};
}

/** pretalx on any host: the v1 submissions API, the legacy talks API, then the talk page and the API it links. */
export async function readPretalx(context: ProviderContext): Promise<ProviderResult | undefined> {
	const { base, event, id } = context.classified;
	const api = `${base}/api/events/${event}`;
	return firstOf(context, [
		async () => parsePretalxTalk(await context.json(`${api}/submissions/${id}/?${EXPAND}`), 'pretalx-api'),
		async () => parsePretalxTalk(await context.json(`${api}/talks/${id}/`), 'pretalx-api'),
		() => readPretalxPage(context, api),
	]);
}
