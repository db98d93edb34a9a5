import type * as vscode from 'vscode';
import { learnSiteCasing, postHeadings } from '../../core/sessions/siteCasing';
import type { SiteTermsCache } from '../../services/siteTerms';
import { withTimeout } from '../../util/async';

/** A large site is read once in the background; a lookup does not wait longer than this for it. */
const SITE_CASING_WAIT_MS = 1_500;

/** How the writer's own site spells words, for titles derived from URLs (`CasingOptions.site`). */
export class SiteCasing {
	readonly #terms: SiteTermsCache;

	constructor(terms: SiteTermsCache) {
		this.#terms = terms;
	}

	/**
	 * The spellings of the post being written (its headings as they are in the editor) and of its site's
	 * posts; only the post's own while a large site is still read, or outside a Hugo site.
	 */
	async for(document: vscode.TextDocument): Promise<Record<string, string>> {
		const own = postHeadings(document.getText());
		let site: { headings: string[]; tags: string[] } = { headings: [], tags: [] };
		try {
			site = await withTimeout(SITE_CASING_WAIT_MS, this.#terms.casingSourcesFor(document.uri), 'reading the site\'s titles');
		} catch {
			// The post's own headings still count.
		}
		return learnSiteCasing({ headings: [...site.headings, ...own], tags: site.tags });
	}
}
