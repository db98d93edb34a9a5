import * as vscode from 'vscode';
import { formatRfc3339 } from '../../core/posts/date';
import { completionItems, findCompletionSite, TRIGGER_CHARACTERS, type CompletionData, type CompletionItemKind, type CompletionSite, type WritingCompletionItem } from '../../core/writing/completions';
import { DEFAULT_TAXONOMIES } from '../../core/writing/taxonomyTerms';
import type { SiteTermsCache, SiteTerms } from '../../services/siteTerms';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { withTimeout } from '../../util/async';

/** Reading a large site for the first time may take a moment; a completion list must not wait longer. */
const SITE_DATA_TIMEOUT_MS = 5_000;

const ITEM_KINDS: Readonly<Record<CompletionItemKind, vscode.CompletionItemKind>> = {
	field: vscode.CompletionItemKind.Property,
	value: vscode.CompletionItemKind.Value,
	term: vscode.CompletionItemKind.EnumMember,
	date: vscode.CompletionItemKind.Constant,
	folder: vscode.CompletionItemKind.Folder,
	file: vscode.CompletionItemKind.File,
};

/**
 * Completions while writing a post: front matter fields Hugo knows and their values (booleans, now,
 * the site's tags and categories by use), and site-root image paths. Markdown has quick suggestions
 * off, so they come with Ctrl+Space and on the trigger characters.
 */
export function registerWritingCompletions(selector: vscode.DocumentSelector, sites: WorkspaceSiteIndex, terms: SiteTermsCache): vscode.Disposable {
	return vscode.languages.registerCompletionItemProvider(selector, new WritingCompletionProvider(sites, terms), ...TRIGGER_CHARACTERS);
}

export class WritingCompletionProvider implements vscode.CompletionItemProvider {
	readonly #sites: WorkspaceSiteIndex;
	readonly #terms: SiteTermsCache;

	constructor(sites: WorkspaceSiteIndex, terms: SiteTermsCache) {
		this.#sites = sites;
		this.#terms = terms;
	}

	async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
		const site = findCompletionSite(document.getText(), document.offsetAt(position));
		if (!site) {
			return undefined;
		}
		const { data, complete } = await this.#dataFor(document, site);
		if (token.isCancellationRequested) {
			return undefined;
		}
		const items = completionItems(site, data).map(item => toCompletionItem(document, position, item));
		// While the site is still being read, the editor asks again on the next keystroke.
		return new vscode.CompletionList(items, !complete);
	}

	/** Reads only what the site needs: terms for a value, static paths for an image path. */
	async #dataFor(document: vscode.TextDocument, site: CompletionSite): Promise<{ data: CompletionData; complete: boolean }> {
		let terms: SiteTerms | undefined;
		let sitePaths: readonly string[] = [];
		let complete = true;
		try {
			if (site.kind === 'value') {
				terms = await withTimeout(SITE_DATA_TIMEOUT_MS, this.#terms.termsFor(document), 'reading the site\'s terms');
			} else if (site.kind === 'imagePath') {
				sitePaths = await withTimeout(SITE_DATA_TIMEOUT_MS, this.#sites.staticPaths(document.uri), 'listing the site\'s static files');
			}
		} catch {
			// A slow or unreadable site still gets the completions that need no site data.
			complete = false;
		}
		const data: CompletionData = {
			now: formatRfc3339(new Date()),
			taxonomies: terms?.taxonomies ?? DEFAULT_TAXONOMIES,
			terms: terms?.terms ?? new Map(),
			sitePaths,
		};
		return { data, complete };
	}
}

function toCompletionItem(document: vscode.TextDocument, position: vscode.Position, item: WritingCompletionItem): vscode.CompletionItem {
	const result = new vscode.CompletionItem(item.label, ITEM_KINDS[item.kind]);
	result.insertText = item.snippet ? new vscode.SnippetString(item.insertText) : item.insertText;
	const start = document.positionAt(item.replaceStart);
	result.range = { inserting: new vscode.Range(start, position), replacing: new vscode.Range(start, document.positionAt(item.replaceEnd)) };
	result.sortText = item.sortText;
	result.detail = item.detail;
	result.filterText = item.filterText;
	if (item.documentation) {
		result.documentation = new vscode.MarkdownString(item.documentation);
	}
	if (item.retrigger) {
		result.command = { command: 'editor.action.triggerSuggest', title: 'Suggest the next path segment' };
	}
	return result;
}
