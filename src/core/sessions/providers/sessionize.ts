import { all, attr, first, text, type Document } from '../html';
import { HANDLE_SPEAKER_WARNING, SESSIONIZE_SLUG_LIMIT, speakerFromHandle } from '../offline';
import { firstOf, optionalStep, uniqueNames, type ProviderContext, type ProviderResult } from './context';
import { readGenericPage } from './generic';

/** The session's card on the speaker's profile page (`.c-s-session` with a link to the session ID). */
export function readSessionizeProfile(doc: Document, sessionId: string): ProviderResult | undefined {
	const card = all(doc, '.c-s-session').find(c => all(c, 'a[href]').some(a => new RegExp(`/${sessionId}/?(?:[?#]|$)`).test(attr(a, 'href') ?? '')));
	if (!card) {
		return undefined;
	}
	const title = text(first(card, '.c-s-session__title')) || text(all(card, 'a[href]')[0]);
	return title ? {
		title,
		speakers: uniqueNames(all(doc, '.c-s-speaker-info__name').map(e => text(e)).slice(0, 1)),
		abstract: text(first(card, '.c-s-session__summary')) || undefined,
		source: 'sessionize-profile',
	} : undefined;
}

/** The profile owner's name: the speaker who owns every session under `/s/{handle}/`. */
async function profileSpeakers(context: ProviderContext, handle: string): Promise<string[]> {
	return optionalStep(async () => {
		const { doc } = await context.html(`https://sessionize.com/${handle}`);
		return uniqueNames(all(doc, '.c-s-speaker-info__name').map(e => text(e)).slice(0, 1));
	}, []);
}

/**
 * Sessionize: the session page's meta data, then the owning speaker's profile page. A session page
 * that names no speaker borrows the profile owner's name, else the name guessed from the handle.
 */
export async function readSessionize(context: ProviderContext): Promise<ProviderResult | undefined> {
	const { slug, handle, id } = context.classified;
	// A slug cut at 50 characters lacks the title's end, so no candidate may be trimmed down to it.
	const trim = (slug?.length ?? 0) < SESSIONIZE_SLUG_LIMIT;
	return firstOf(context, [
		async () => {
			const { doc } = await context.html(context.pasted);
			const result = readGenericPage(doc, slug, { trim });
			if (result && result.speakers.length === 0) {
				result.speakers = uniqueNames(all(doc, '.c-s-speaker-info__name').map(e => text(e)));
			}
			if (result && result.speakers.length === 0 && handle) {
				result.speakers = await profileSpeakers(context, handle);
				if (result.speakers.length === 0) {
					result.speakers = [speakerFromHandle(handle)];
					result.warnings = [...result.warnings ?? [], HANDLE_SPEAKER_WARNING];
				}
			}
			return result;
		},
		async () => handle && id ? readSessionizeProfile((await context.html(`https://sessionize.com/${handle}`)).doc, id) : undefined,
	]);
}
