import { collapseAsciiWhitespace } from '../text';

/** A title found on a page or in an API answer, with how much its source is trusted on a tie. */
export interface TitleCandidate {
	title: string;
	source: string;
	/** Higher wins a tie: API > JSON-LD > meta > h1 > title. */
	priority: number;
}

/** Headings that name a page type, never a session. */
const GENERIC_HEADINGS = new Set(['event details', 'schedule', 'session', 'session details', 'talk', 'details', 'agenda', 'program', 'programme', 'event']);

/** Site-name separators between a title and what a page adds around it. */
const SEPARATOR = /\s+[|·–—-]\s+|\s*::?\s+|\s*[|·]\s*/;

/** Candidates from JSON-LD and APIs have at least this priority. */
export const STRUCTURED_PRIORITY = 5;

/** Candidates from the page's metadata (`og:title`, `DC.Title`, …) have at least this priority. */
export const META_PRIORITY = 3;

/** Below this share of slug tokens a candidate is about something else ("OpenStack Summit | Schedule"). */
const MIN_SCORE = 0.34;

/** Letters that Unicode decomposition does not reduce to ASCII but slugifiers transliterate. */
const TRANSLITERATION: Readonly<Record<string, string>> = {
	'ł': 'l', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ı': 'i',
};

/** Fragments a `\W+` slugifier splits off contractions (`who's` → `who-s`). */
const CONTRACTION_FRAGMENTS = new Set(['s', 't', 're', 'll', 've', 'd', 'm']);

/**
 * Slugifies like the platforms do: ASCII fold, lowercase, runs of non-alphanumerics as separators.
 * Apostrophes are deleted, as OpenStack does (`whats`); a split contraction in a slug (`who-s`)
 * is joined back, so both kinds of slug meet the same token.
 */
export function slugTokens(text: string): string[] {
	const tokens = text.toLowerCase().replace(/[łøđðßæœþı]/g, ch => TRANSLITERATION[ch])
		.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
		.replace(/['’]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
	const joined: string[] = [];
	for (const token of tokens) {
		if (joined.length > 0 && CONTRACTION_FRAGMENTS.has(token)) {
			joined[joined.length - 1] += token;
		} else {
			joined.push(token);
		}
	}
	return joined;
}

/** Share of the slug's tokens found in the candidate in order (longest common subsequence). */
export function slugScore(candidate: string, slugTokenList: readonly string[]): number {
	if (slugTokenList.length === 0) {
		return 0;
	}
	const tokens = slugTokens(candidate);
	let previous = new Array<number>(tokens.length + 1).fill(0);
	for (const slugToken of slugTokenList) {
		const row = [0];
		for (let j = 1; j <= tokens.length; j++) {
			row[j] = tokens[j - 1] === slugToken ? previous[j - 1] + 1 : Math.max(previous[j], row[j - 1]);
		}
		previous = row;
	}
	return previous[tokens.length] / slugTokenList.length;
}

export function isGenericHeading(title: string): boolean {
	return GENERIC_HEADINGS.has(title.trim().toLowerCase());
}

/**
 * Cuts site names off either end: the shortest run of separator-delimited parts that scores as well
 * as the whole title.
 */
export function trimToSlug(title: string, slugTokenList: readonly string[]): string {
	const parts = title.split(new RegExp(SEPARATOR.source, 'g'));
	if (parts.length < 2 || slugTokenList.length === 0) {
		return title;
	}
	const full = slugScore(title, slugTokenList);
	let best = title;
	for (let start = 0; start < parts.length; start++) {
		for (let end = start + 1; end <= parts.length; end++) {
			const span = spanText(title, parts, start, end);
			if (span.length < best.length && slugScore(span, slugTokenList) >= full) {
				best = span;
			}
		}
	}
	return best;
}

/** The original text from part `start` to part `end`, separators between them kept. */
function spanText(title: string, parts: readonly string[], start: number, end: number): string {
	let offset = 0;
	const positions: Array<[number, number]> = [];
	for (const part of parts) {
		const at = title.indexOf(part, offset);
		positions.push([at, at + part.length]);
		offset = at + part.length;
	}
	return title.slice(positions[start][0], positions[end - 1][1]).trim();
}

/**
 * Picks the title: with a slug, the candidate sharing most of its tokens (site names trimmed, near
 * misses rejected), ties to the more structured source; without one, source priority alone. The slug
 * ranks candidates but does not veto the page's own metadata: when none resembles it (an editor-chosen
 * slug, an ID), the most structured one of JSON-LD and the meta tags is taken, marked `unlikeSlug`.
 */
export function chooseTitle(candidates: readonly TitleCandidate[], slug: string | undefined, options: { trim?: boolean } = {}): (TitleCandidate & { unlikeSlug?: true }) | undefined {
	const usable = candidates
		.map(c => ({ ...c, title: collapseAsciiWhitespace(c.title) }))
		.filter(c => c.title && !isGenericHeading(c.title));
	const slugTokenList = slug ? slugTokens(slug) : [];
	if (slugTokenList.length === 0) {
		return [...usable].sort((a, b) => b.priority - a.priority)[0];
	}
	let best: { candidate: TitleCandidate; score: number } | undefined;
	for (const candidate of usable) {
		// A truncated slug (Sessionize) lacks the title's end, so trimming would cut a real subtitle.
		// Structured sources name the event alone, so their subtitles are kept; page titles and meta tags
		// carry site names.
		const trim = options.trim !== false && candidate.priority < STRUCTURED_PRIORITY;
		const trimmed = trim ? trimToSlug(candidate.title, slugTokenList) : candidate.title;
		const score = slugScore(trimmed, slugTokenList);
		if (score < MIN_SCORE) {
			continue;
		}
		if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && candidate.priority > best.candidate.priority)) {
			best = { candidate: { ...candidate, title: trimmed }, score };
		}
	}
	if (best) {
		return best.candidate;
	}
	const described = usable.filter(c => c.priority >= META_PRIORITY).sort((a, b) => b.priority - a.priority)[0];
	return described ? { ...described, unlikeSlug: true } : undefined;
}
