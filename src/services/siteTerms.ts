import * as vscode from 'vscode';
import { postHeadings } from '../core/sessions/siteCasing';
import { relativeInside } from '../core/fs/posixPath';
import { configuredTaxonomies, rankTerms, readFrontMatterData, type RankedTerm } from '../core/writing/taxonomyTerms';
import type { WorkspaceSiteIndex } from './workspaceSiteIndex';
import { Disposable } from '../util/dispose';

/** Enough for any blog; beyond it the ranking uses the first posts found. */
const MAX_POSTS = 10_000;
const READ_BATCH = 32;
const POST_GLOB = '**/*.{md,markdown}';

export interface SiteTerms {
	readonly taxonomies: readonly string[];
	readonly terms: ReadonlyMap<string, readonly RankedTerm[]>;
}

interface SitePosts {
	readonly contentUri: vscode.Uri;
	/** Post URI → its front matter data (`undefined` when it has none or does not parse). */
	readonly posts: Map<string, Record<string, unknown> | undefined>;
	/** Post URI → the headings of its body (`#### Kolla Deployment`), for how the writer spells words. */
	readonly headings: Map<string, string[]>;
}

interface SiteEntry extends SitePosts {
	/** Settles once every post found at first has been read. */
	readonly ready: Promise<void>;
}

/**
 * The taxonomy terms the posts of each Hugo site use, read once per site with `findFiles` and
 * `workspace.fs`, then kept current from file events, so completing a tag never rereads the site.
 */
export class SiteTermsCache extends Disposable {
	readonly #sites: WorkspaceSiteIndex;
	readonly #entries = new Map<string, SiteEntry>();

	constructor(sites: WorkspaceSiteIndex) {
		super();
		this.#sites = sites;
		const watcher = this._register(vscode.workspace.createFileSystemWatcher(POST_GLOB));
		this._register(watcher.onDidCreate(uri => void this.#reread(uri)));
		this._register(watcher.onDidChange(uri => void this.#reread(uri)));
		this._register(watcher.onDidDelete(uri => {
			const entry = this.#entryOf(uri);
			entry?.posts.delete(uri.toString());
			entry?.headings.delete(uri.toString());
		}));
		// Saving is covered by the watcher; this keeps terms typed in another open post without saving.
		this._register(vscode.workspace.onDidChangeTextDocument(event => {
			const entry = this.#entryOf(event.document.uri);
			if (entry && entry.posts.has(event.document.uri.toString())) {
				store(entry, event.document.uri.toString(), event.document.getText());
			}
		}));
	}

	/** Terms of the document's site, ranked over every post except the document itself. */
	async termsFor(document: vscode.TextDocument): Promise<SiteTerms | undefined> {
		const context = await this.#sites.siteFor(document.uri);
		if (!context) {
			return undefined;
		}
		const entry = this.#entryFor(this.#sites.toUri(document.uri, context.site.contentDir));
		await entry.ready;
		const self = document.uri.toString();
		const others = [...entry.posts].filter(([uri, data]) => uri !== self && data !== undefined).map(([, data]) => data!);
		const taxonomies = configuredTaxonomies(context.site.config);
		return { taxonomies, terms: rankTerms(others, taxonomies) };
	}

	/**
	 * How the posts of the document's site spell words: their titles and body headings, and their taxonomy
	 * terms (for `learnSiteCasing`). Empty outside a Hugo site.
	 */
	async casingSourcesFor(documentUri: vscode.Uri): Promise<{ headings: string[]; tags: string[] }> {
		const context = await this.#sites.siteFor(documentUri);
		if (!context) {
			return { headings: [], tags: [] };
		}
		const entry = this.#entryFor(this.#sites.toUri(documentUri, context.site.contentDir));
		await entry.ready;
		const headings = [...entry.headings.values()].flat();
		const tags: string[] = [];
		const taxonomies = configuredTaxonomies(context.site.config);
		for (const data of entry.posts.values()) {
			if (typeof data?.title === 'string') {
				headings.push(data.title);
			}
			for (const key of taxonomies) {
				const value = data?.[key];
				tags.push(...(Array.isArray(value) ? value : [value]).filter((term): term is string => typeof term === 'string'));
			}
		}
		return { headings, tags };
	}

	/** The front matter of every post under a site's content folder that has one. */
	async postsIn(contentUri: vscode.Uri): Promise<Array<Record<string, unknown>>> {
		const entry = this.#entryFor(contentUri);
		await entry.ready;
		return [...entry.posts.values()].filter((data): data is Record<string, unknown> => data !== undefined);
	}

	#entryFor(contentUri: vscode.Uri): SiteEntry {
		const key = contentUri.toString();
		let entry = this.#entries.get(key);
		if (!entry) {
			const posts: SitePosts = { contentUri, posts: new Map(), headings: new Map() };
			entry = { ...posts, ready: this.#readAll(posts) };
			this.#entries.set(key, entry);
		}
		return entry;
	}

	async #readAll(entry: SitePosts): Promise<void> {
		const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(entry.contentUri, POST_GLOB), undefined, MAX_POSTS);
		for (let i = 0; i < uris.length; i += READ_BATCH) {
			await Promise.all(uris.slice(i, i + READ_BATCH).map(async uri => {
				// A file event may have filled this entry meanwhile; it is newer than what we would read.
				if (!entry.posts.has(uri.toString())) {
					const text = await this.#read(uri);
					if (!entry.posts.has(uri.toString())) {
						store(entry, uri.toString(), text);
					}
				}
			}));
		}
	}

	async #reread(uri: vscode.Uri): Promise<void> {
		const entry = this.#entryOf(uri);
		if (entry) {
			store(entry, uri.toString(), await this.#read(uri));
		}
	}

	/** Reads through the shared reader: unsaved edits count, and a deleted post no longer does. */
	#read(uri: vscode.Uri): Promise<string | undefined> {
		return this.#sites.readerFor(uri).readText(uri.path);
	}

	#entryOf(uri: vscode.Uri): SiteEntry | undefined {
		for (const entry of this.#entries.values()) {
			if (entry.contentUri.scheme === uri.scheme && entry.contentUri.authority === uri.authority && relativeInside(entry.contentUri.path, uri.path) !== undefined) {
				return entry;
			}
		}
		return undefined;
	}
}

/** Records what a post says of itself: its front matter and its body's headings. */
function store(entry: SitePosts, uri: string, text: string | undefined): void {
	entry.posts.set(uri, text === undefined ? undefined : readFrontMatterData(text));
	entry.headings.set(uri, text === undefined ? [] : postHeadings(text));
}
