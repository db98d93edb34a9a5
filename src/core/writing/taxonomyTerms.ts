import { parseTomlData } from '../frontMatter/toml';
import * as YAML from 'yaml';
import { splitFrontMatter } from '../frontMatter/split';

export interface RankedTerm {
	/** The spelling most posts use. */
	readonly term: string;
	/** How many posts use the term (a post counts once, however it spells it). */
	readonly posts: number;
}

/** The taxonomies Hugo has when the site configures none. */
export const DEFAULT_TAXONOMIES: readonly string[] = ['tags', 'categories'];

/**
 * The front matter of one post as plain data, or `undefined` when it has none or does not parse (a
 * broken post must not hide the terms of the others).
 */
export function readFrontMatterData(text: string): Record<string, unknown> | undefined {
	const block = splitFrontMatter(text);
	if (!block || !block.terminated) {
		return undefined;
	}
	try {
		const data: unknown = block.format === 'toml' ? parseTomlData(block.content)
			: block.format === 'yaml' ? YAML.parse(block.content)
			: JSON.parse(block.content);
		return typeof data === 'object' && data !== null && !Array.isArray(data) ? data as Record<string, unknown> : undefined;
	} catch {
		return undefined;
	}
}

/** The terms one post gives a taxonomy: field names are case-insensitive, a single string is one term (as Hugo does). */
export function termsOf(data: Record<string, unknown>, taxonomy: string): string[] {
	const wanted = taxonomy.toLowerCase();
	const key = Object.keys(data).find(k => k.toLowerCase() === wanted);
	const value = key === undefined ? undefined : data[key];
	const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
	return values.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
		.map(v => String(v).trim()).filter(v => v !== '');
}

/**
 * Ranks the terms of each taxonomy by the number of posts that use them, most used first, then
 * alphabetically. Hugo folds terms that differ only in case into one page (`/tags/kolla/`), so they
 * count as one term, shown in the spelling most posts use.
 */
export function rankTerms(posts: Iterable<Record<string, unknown>>, taxonomies: readonly string[]): Map<string, RankedTerm[]> {
	const counts = new Map<string, Map<string, { posts: number; spellings: Map<string, number> }>>(taxonomies.map(t => [t, new Map()]));
	for (const data of posts) {
		for (const taxonomy of taxonomies) {
			const seen = new Set<string>();
			const terms = counts.get(taxonomy)!;
			for (const term of termsOf(data, taxonomy)) {
				const folded = term.toLowerCase();
				let entry = terms.get(folded);
				if (!entry) {
					entry = { posts: 0, spellings: new Map() };
					terms.set(folded, entry);
				}
				entry.spellings.set(term, (entry.spellings.get(term) ?? 0) + 1);
				if (!seen.has(folded)) {
					seen.add(folded);
					entry.posts++;
				}
			}
		}
	}
	const ranked = new Map<string, RankedTerm[]>();
	for (const [taxonomy, terms] of counts) {
		const list = [...terms.values()].map(entry => ({ term: favouriteSpelling(entry.spellings), posts: entry.posts }));
		list.sort((a, b) => b.posts - a.posts || a.term.localeCompare(b.term));
		ranked.set(taxonomy, list);
	}
	return ranked;
}

function favouriteSpelling(spellings: ReadonlyMap<string, number>): string {
	let best = '';
	let bestCount = -1;
	for (const [spelling, count] of spellings) {
		if (count > bestCount || (count === bestCount && spelling < best)) {
			best = spelling;
			bestCount = count;
		}
	}
	return best;
}

/** The taxonomies a site configures (`[taxonomies] tag = "tags"` → `tags`), or Hugo's defaults. */
export function configuredTaxonomies(config: Readonly<Record<string, unknown>> | undefined): string[] {
	const taxonomies = config?.['taxonomies'];
	if (typeof taxonomies !== 'object' || taxonomies === null || Array.isArray(taxonomies)) {
		return [...DEFAULT_TAXONOMIES];
	}
	const plural = Object.values(taxonomies).filter((v): v is string => typeof v === 'string' && v !== '');
	// `disableKinds = ["taxonomy"]` aside, an empty table switches taxonomies off; keep the defaults for completions.
	return plural.length > 0 ? plural : [...DEFAULT_TAXONOMIES];
}
