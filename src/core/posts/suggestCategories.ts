import { rankTerms, termsOf } from '../writing/taxonomyTerms';

/**
 * The categories to offer for a new post: those that at least half of the site's categorised posts
 * use, most used first. A site whose categories are all occasional gets none, so the writer is not
 * handed a guess to delete.
 */
export function suggestedCategories(posts: Iterable<Record<string, unknown>>, limit = 3): string[] {
	const list = [...posts];
	const categorised = list.filter(data => termsOf(data, 'categories').length > 0).length;
	if (categorised === 0) {
		return [];
	}
	const ranked = rankTerms(list, ['categories']).get('categories') ?? [];
	return ranked.filter(term => term.posts * 2 >= categorised).slice(0, limit).map(term => term.term);
}
