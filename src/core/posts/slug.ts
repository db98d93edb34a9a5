/** File names and URL slugs for new posts. */

/** Letters that Unicode decomposition does not reduce to ASCII but that readers expect transliterated. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
	'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i',
};

/** Longer slugs make unwieldy URLs; cut at a word boundary below this length. */
const MAX_SLUG_LENGTH = 80;

/** The slug used when a title has no letters or digits at all. */
export const FALLBACK_SLUG = 'post';

/**
 * The slug for a post title: lowercase words joined by `-`, accents folded to ASCII (`Michał` →
 * `michal`), `&` spelled `and`, apostrophes dropped (`What's` → `whats`), every other run of
 * punctuation or spaces one `-`. Letters of other scripts are kept, as Hugo serves them fine.
 */
export function slugify(title: string): string {
	const folded = title
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[ßæœøłđðþı]/g, ch => TRANSLITERATIONS[ch] ?? ch)
		.replace(/&/g, ' and ')
		.replace(/['’`]/g, '');
	const words = folded.split(/[^\p{L}\p{N}]+/u).filter(word => word.length > 0);
	let slug = '';
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > MAX_SLUG_LENGTH && slug) {
			break;
		}
		slug = next;
	}
	return slug.slice(0, MAX_SLUG_LENGTH) || FALLBACK_SLUG;
}
