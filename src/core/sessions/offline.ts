import { slugToTitle } from './casing';
import { classifySessionUrl, type ClassifiedUrl } from './classify';
import type { CasingOptions, SessionInfo } from './types';

export { slugToTitle } from './casing';

/** Sessionize cuts slugs at this many characters, so a slug this long lost the end of its title. */
export const SESSIONIZE_SLUG_LIMIT = 50;

/** The CCC hub cuts a self-organised session's slug at this many characters before its `_xxxx` suffix. */
const CCC_HUB_SLUG_LIMIT = 45;

/** FOSDEM 2026+: the pretalx code, then a slug the editors chose (`DBGZAU-rust-cel`). */
const FOSDEM_CODE_SLUG = /^[A-Z0-9]{6}-/;

/** Said whenever a Sessionize speaker comes from the handle in the URL rather than from a page. */
export const HANDLE_SPEAKER_WARNING = 'The speaker is guessed from the Sessionize handle of the session owner.';

/** A Sessionize handle (`jane-doe`) as a name: words capitalized, nothing lowercased or looked up. */
export function speakerFromHandle(handle: string): string {
	return slugToTitle(handle, 'generic', { dictionary: {}, smallWords: 'none' });
}

const CHECK_TITLE = 'Title derived from the URL: punctuation, casing and accents may differ from the original.';

/**
 * Builds the entry from the URL alone, for writing on a plane or when the schedule site is down.
 * Throws `SessionUrlError` for a URL that is not http(s).
 */
export function deriveSessionOffline(url: string, casing?: CasingOptions): SessionInfo {
	return deriveFromClassified(classifySessionUrl(url), url.trim(), casing);
}

/** `deriveSessionOffline` for an already classified URL. */
export function deriveFromClassified(c: ClassifiedUrl, pasted: string, casing?: CasingOptions): SessionInfo {
	const info: SessionInfo = { title: '', speakers: [], url: pasted, source: 'offline', derived: true, warnings: [] };
	const fromSlug = (slug: string | undefined) => slug ? slugToTitle(slug, c.platform, casing) : '';
	switch (c.platform) {
		case 'openstack-schedule':
		case 'openstack-video':
			info.title = fromSlug(c.slug) || `OpenStack ${c.event} session ${c.id ?? ''}`.trim();
			break;
		case 'sched':
			info.title = fromSlug(c.slug) || `${c.event} session ${c.id}`;
			if (c.slug) {
				// Nothing in the slug tells where the title ends and the names begin: the entry says so.
				info.warnings.push('Sched slugs can end with the speakers and their companies: check the end of the title.');
				info.derivedCaveat = 'which may end with the speakers and their company';
			}
			break;
		case 'sched-short':
			info.title = `Sched session ${c.id}`;
			break;
		case 'pretalx':
			info.title = `${c.event} talk ${c.id}`;
			info.warnings.push('pretalx URLs carry no title: fill it in.');
			break;
		case 'sessionize': {
			const title = fromSlug(c.slug);
			// A slug at the limit may be a whole title; one cut mid-way keeps the hyphen before the lost word.
			const atLimit = (c.slug?.length ?? 0) >= SESSIONIZE_SLUG_LIMIT;
			const cut = atLimit && c.slug!.endsWith('-');
			info.title = title ? `${title}${cut ? '…' : ''}` : `Sessionize session ${c.id}`;
			if (cut) {
				info.warnings.push('Sessionize cuts slugs at 50 characters: the end of the title is missing.');
			} else if (atLimit) {
				info.warnings.push('Sessionize cuts slugs at 50 characters: the end of the title may be missing.');
			}
			if (c.handle) {
				info.speakers = [speakerFromHandle(c.handle)];
				info.warnings.push(HANDLE_SPEAKER_WARNING);
			}
			break;
		}
		case 'fosdem':
			if (c.slug && /^fosdem-\d{4}-\d+-/i.test(c.slug)) {
				info.title = fromSlug(c.slug);
			} else if (c.slug && FOSDEM_CODE_SLUG.test(c.slug)) {
				info.title = fromSlug(c.slug.replace(FOSDEM_CODE_SLUG, ''));
				info.warnings.push('Since 2026 a FOSDEM URL ends in a short slug the editors chose, not always the title: check it.');
			} else {
				// Up to 2023, FOSDEM slugs were short editor-chosen keys ("osi"), not titles.
				info.title = `FOSDEM ${c.event} event ${c.slug}`;
				info.warnings.push('FOSDEM URLs before 2024 carry no title: fill it in.');
			}
			break;
		case 'ccc-hub': {
			// A self-organised session's slug is the title cut at 45 characters plus `_` and four characters.
			const suffixed = /^(.*)_[a-z0-9]{4}$/.exec(c.slug ?? '');
			const base = suffixed?.[1] ?? c.slug;
			const cut = suffixed !== null && base!.length >= CCC_HUB_SLUG_LIMIT;
			info.title = `${fromSlug(base)}${cut ? '…' : ''}`;
			if (cut) {
				info.warnings.push('The hub cuts the slugs of self-organised sessions at 45 characters: the end of the title is missing.');
			}
			break;
		}
		case 'frab':
			info.title = `${c.event ?? 'frab'} event ${c.id}`;
			info.warnings.push('frab URLs carry no title: fill it in.');
			break;
		case 'generic':
			info.title = fromSlug(c.slug) || c.url.hostname;
			break;
	}
	info.warnings.unshift(CHECK_TITLE);
	return info;
}
