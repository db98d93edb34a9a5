import * as vscode from 'vscode';
import { basename, dirname, relativeInside } from '../core/fs/posixPath';
import { CONFIG_EXTENSIONS } from '../core/site/config';
import { findSiteRoot, loadHugoSite, type SiteRootAnswers } from '../core/site/hugoSite';
import { explainMissingImage } from '../core/site/problems';
import { findImageReferences, lazyPageAddress, readPageAddress, type ImageReference } from '../core/site/references';
import { resolveImage, writtenPathOf, type ResolvedImage, type SiteContext } from '../core/site/resolve';
import { StaticFileIndex } from '../core/site/staticIndex';
import { KeyedDelayer } from '../util/async';
import { Disposable } from '../util/dispose';
import { workspaceFileReaders, type FileReaderFactory, type WorkspaceFileReader } from '../util/workspaceFileReader';

export type { SiteContext };

/** One image reference of a document and what it resolves to. */
export interface ResolvedReference {
	readonly reference: ImageReference;
	readonly image: ResolvedImage;
}

interface SiteEntry {
	readonly key: string;
	readonly root: vscode.Uri;
	readonly files: WorkspaceFileReader;
	readonly context: Promise<SiteContext | undefined>;
	/** Set once `context` has settled. */
	loaded?: SiteContext;
	settled: boolean;
	/** A file event arrived while the index was being built: the result may miss it, so it is rebuilt. */
	stale: boolean;
}

/** Waits out typing in a configuration file before reloading its site. */
const CONFIG_EDIT_DELAY_MS = 300;

/** Names whose creation, deletion or change can change which folder is a site root or how it is set up. */
const CONFIG_NAMES = new Set(['hugo', 'config'].flatMap(name => CONFIG_EXTENSIONS.map(ext => `${name}.${ext}`)));

/**
 * The Hugo sites of the workspace, read through VS Code's file system API: for any document, its site
 * model and an in-memory index of the files the site publishes, kept current from file-system events so
 * that resolving an image path never waits on the disk. Sites are loaded on first use and shared.
 */
export class WorkspaceSiteIndex extends Disposable {
	readonly #onDidChange = this._register(new vscode.EventEmitter<void>());
	/** Fires when a site's configuration or published files changed: resolved paths may differ now. */
	readonly onDidChange = this.#onDidChange.event;
	readonly #onDidSeeFileEvent = this._register(new vscode.EventEmitter<void>());
	/**
	 * Fires for every file event in a loaded site's static and content folders, whether or not it changed
	 * the index: activity after which the disk is worth checking, since a watcher drops events in bursts.
	 */
	readonly onDidSeeFileEvent = this.#onDidSeeFileEvent.event;
	/** Document folder → its site root (or none); cleared whenever a configuration file appears or goes. */
	readonly #roots = new Map<string, Promise<string | undefined>>();
	/** The same, for the lookups that have finished: what synchronous callers can use. */
	readonly #knownRoots = new Map<string, string | undefined>();
	/** Per file system (`scheme://authority`): whether each folder looked at holds a site configuration. */
	readonly #rootAnswers = new Map<string, SiteRootAnswers>();
	readonly #sites = new Map<string, SiteEntry>();
	readonly #readers = new Map<string, WorkspaceFileReader>();

	readonly #configEdits = this._register(new KeyedDelayer(CONFIG_EDIT_DELAY_MS));

	readonly #makeReader: FileReaderFactory;

	/** @param readers how files are read: through VS Code's file service unless the host has a faster way. */
	constructor(readers: FileReaderFactory = workspaceFileReaders) {
		super();
		this.#makeReader = readers;
		const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*'));
		this._register(watcher.onDidCreate(uri => {
			this.#noteFileEvent(uri);
			void this.#onDidCreate(uri);
		}));
		this._register(watcher.onDidDelete(uri => {
			this.#noteFileEvent(uri);
			this.#onDidDelete(uri);
		}));
		this._register(watcher.onDidChange(uri => {
			this.#noteFileEvent(uri);
			this.#onDidChangeFile(uri);
		}));
		// Configuration is read from open documents first (unsaved edits count), and an open document is
		// refreshed from disk after the watcher reports the change: its text changing must reload the site too.
		this._register(vscode.workspace.onDidChangeTextDocument(event => {
			if (event.contentChanges.length > 0 && this.#sitesContaining(event.document.uri).some(e => this.#isConfiguration(e, event.document.uri))) {
				this.#configEdits.schedule(event.document.uri.toString(), () => this.#onDidChangeFile(event.document.uri));
			}
		}));
	}

	/** The site model and file index for a document, or `undefined` when it is not inside a Hugo site. */
	async siteFor(documentUri: vscode.Uri): Promise<SiteContext | undefined> {
		const entry = await this.#entryFor(documentUri);
		return entry?.context;
	}

	/**
	 * Starts loading the sites of workspace folders that are Hugo sites themselves (a configuration at the
	 * folder's root), now and as folders are added: the first post opened then finds its site indexed.
	 * Sites deeper in a folder still load when one of their documents first asks.
	 */
	warmWorkspaceSites(): void {
		const warm = (folders: readonly vscode.WorkspaceFolder[]) => {
			for (const folder of folders) {
				// A document directly in the folder: its site root is the folder when the folder holds a configuration.
				void this.siteFor(vscode.Uri.joinPath(folder.uri, 'index.md'));
			}
		};
		warm(vscode.workspace.workspaceFolders ?? []);
		this._register(vscode.workspace.onDidChangeWorkspaceFolders(event => warm(event.added)));
	}

	/**
	 * The site of a document only when it is already loaded, for callers that must not wait (rendering,
	 * synchronous checks). Otherwise starts loading it and answers `undefined`; `onDidChange` fires once
	 * it is ready.
	 */
	loadedSiteFor(documentUri: vscode.Uri): SiteContext | undefined {
		const root = this.#knownRoots.get(folderKeyOf(documentUri));
		const entry = root ? this.#sites.get(this.toUri(documentUri, root).toString()) : undefined;
		if (entry?.settled) {
			return entry.loaded;
		}
		void this.siteFor(documentUri);
		return undefined;
	}

	/**
	 * Whether an image path written in a document resolves to a published file: `undefined` while the site
	 * is loading, for remote URLs and outside a Hugo site. For the front matter's `cover`/`images` check.
	 */
	imageExists(document: { readonly uri: vscode.Uri; getText(): string }, src: string): boolean | undefined {
		const context = this.loadedSiteFor(document.uri);
		if (!context) {
			return undefined;
		}
		const image = resolveImage(context, document.uri.path, src, () => readPageAddress(document.getText()), 'frontMatter');
		return image.remote ? undefined : image.resolved !== undefined;
	}

	/** For a path `imageExists` denies: where Hugo looked, and what it publishes nearby. */
	describeMissingImage(document: { readonly uri: vscode.Uri; getText(): string }, src: string): string | undefined {
		const context = this.loadedSiteFor(document.uri);
		return context ? explainMissingImage(context, document.uri.path, resolveImage(context, document.uri.path, src, () => readPageAddress(document.getText()), 'frontMatter')) : undefined;
	}

	/** Resolves one image path written in a document (whose text supplies its `slug`/`url`). */
	async resolveImage(documentUri: vscode.Uri, src: string, documentText?: string): Promise<ResolvedImage> {
		const context = await this.siteFor(documentUri);
		const text = documentText ?? await this.readerFor(documentUri).readText(documentUri.path) ?? '';
		return resolveImage(context, documentUri.path, src, lazyPageAddress(text));
	}

	/** Every image reference of a document with what it resolves to, in document order. */
	async resolveReferences(document: { readonly uri: vscode.Uri; getText(): string }): Promise<{ context: SiteContext | undefined; references: ResolvedReference[] }> {
		const text = document.getText();
		const context = await this.siteFor(document.uri);
		const page = lazyPageAddress(text);
		const references = findImageReferences(text, context?.site).map(reference => ({ reference, image: resolveImage(context, document.uri.path, reference.src, page, reference.kind === 'frontMatter' ? 'frontMatter' : 'body') }));
		return { context, references };
	}

	/**
	 * Checks files the index answers for against the disk and corrects it where a file event never came (a
	 * watcher can drop events, in a folder created moments before or on a remote or mounted file system).
	 * `paths` are absolute paths of the document's file system; returns whether the index changed, in
	 * which case `onDidChange` has fired.
	 */
	async reconcile(documentUri: vscode.Uri, paths: readonly string[]): Promise<boolean> {
		const entry = await this.#entryFor(documentUri);
		const index = entry?.settled ? entry.loaded?.index : undefined;
		if (!entry || !index) {
			return false;
		}
		const kinds = await Promise.all(paths.map(path => entry.files.stat(path)));
		let changed = false;
		for (const [i, path] of paths.entries()) {
			// The entry may have been replaced while the disk answered: its index is no longer the site's.
			if (this.#sites.get(entry.key) !== entry || !index.covers(path)) {
				continue;
			}
			if (kinds[i] === 'file' && !index.has(path)) {
				changed = await this.#addTree(entry.files, index, path) || changed;
			} else if (kinds[i] === undefined && index.has(path)) {
				changed = index.remove(path) || changed;
			}
		}
		if (changed && !this.isDisposed) {
			this.#onDidChange.fire();
		}
		return changed;
	}

	/** Every site path (`/images/x.jpg`) the document's site publishes, for completions. */
	async staticPaths(documentUri: vscode.Uri): Promise<string[]> {
		const context = await this.siteFor(documentUri);
		return context?.index.list().map(path => writtenPathOf(context.site, path)) ?? [];
	}

	/** The URI of an absolute core path, on the file system of `documentUri`. */
	toUri(documentUri: vscode.Uri, path: string): vscode.Uri {
		return documentUri.with({ path, query: '', fragment: '' });
	}

	/** The reader for the file system `uri` is on, shared by every feature that reads the site. */
	readerFor(uri: vscode.Uri): WorkspaceFileReader {
		const key = fileSystemOf(uri);
		let reader = this.#readers.get(key);
		if (!reader) {
			reader = this.#makeReader(uri);
			this.#readers.set(key, reader);
		}
		return reader;
	}

	async #entryFor(documentUri: vscode.Uri): Promise<SiteEntry | undefined> {
		const files = this.readerFor(documentUri);
		const folderKey = folderKeyOf(documentUri);
		let root = this.#roots.get(folderKey);
		if (!root) {
			const fileSystem = fileSystemOf(documentUri);
			let answers = this.#rootAnswers.get(fileSystem);
			if (!answers) {
				answers = new Map();
				this.#rootAnswers.set(fileSystem, answers);
			}
			const lookup = findSiteRoot(documentUri.path, files, answers).catch(() => undefined);
			root = lookup;
			this.#roots.set(folderKey, lookup);
			void lookup.then(found => {
				if (this.#roots.get(folderKey) === lookup) {
					this.#knownRoots.set(folderKey, found);
				}
			});
		}
		const rootPath = await root;
		if (rootPath === undefined) {
			return undefined;
		}
		const rootUri = this.toUri(documentUri, rootPath);
		const key = rootUri.toString();
		let entry = this.#sites.get(key);
		if (!entry) {
			entry = this.#load(key, rootUri, files);
			this.#sites.set(key, entry);
		}
		return entry;
	}

	#load(key: string, root: vscode.Uri, files: WorkspaceFileReader): SiteEntry {
		const context = (async () => {
			const site = await loadHugoSite(root.path, files);
			if (!site) {
				return undefined;
			}
			// The index answers once the folders are walked, ahead of the pages of the site's leaf bundles (a
			// thousand reads on a large blog): those can only move or withhold their own bundle's resources,
			// and when one does, whatever resolved a path checks again.
			const index = await StaticFileIndex.walk(site, files);
			void index.readBundlePages().then(changed => {
				if (changed && this.#sites.get(key) === entry && !this.isDisposed) {
					this.#onDidChange.fire();
				}
			}, () => undefined);
			return { site, index };
		})().catch(() => undefined);
		const entry: SiteEntry = { key, root, files, context, settled: false, stale: false };
		void context.then(loaded => {
			entry.settled = true;
			entry.loaded = loaded;
			if (entry.stale && this.#sites.get(key) === entry) {
				this.#invalidate(entry);
			} else if (!this.isDisposed) {
				if (loaded && this.#sites.get(key) === entry) {
					this.#noteContentFolders(root, loaded.index.contentFoldersOf(root.path));
				}
				// Synchronous callers that got no answer while it loaded ask again now.
				this.#onDidChange.fire();
			}
		});
		return entry;
	}

	/**
	 * Records the folders the walk found to be in the site at `root`: the first post opened in one then finds
	 * its site without a lookup on disk, which on a window still opening waits behind other extensions' work.
	 */
	#noteContentFolders(root: vscode.Uri, folders: readonly string[]): void {
		for (const folder of folders) {
			const folderKey = `${fileSystemOf(root)}${folder}`;
			if (!this.#roots.has(folderKey)) {
				this.#roots.set(folderKey, Promise.resolve(root.path));
				this.#knownRoots.set(folderKey, root.path);
			}
		}
	}

	#clearRoots(): void {
		this.#roots.clear();
		this.#rootAnswers.clear();
		this.#knownRoots.clear();
	}

	#invalidate(entry: SiteEntry): void {
		if (this.#sites.get(entry.key) === entry) {
			this.#sites.delete(entry.key);
		}
		this.#onDidChange.fire();
	}

	/** Sites an event may concern: on the same file system, with the path inside the root or an indexed folder. */
	#sitesContaining(uri: vscode.Uri): SiteEntry[] {
		return [...this.#sites.values()].filter(e => sameAuthority(e.root, uri)
			&& (relativeInside(e.root.path, uri.path) !== undefined || e.loaded?.index.covers(uri.path) === true));
	}

	#noteFileEvent(uri: vscode.Uri): void {
		// Only the folders the index covers publish images: a version control folder's churn is no reason to look.
		if (this.#sitesContaining(uri).some(entry => entry.loaded?.index.covers(uri.path))) {
			this.#onDidSeeFileEvent.fire();
		}
	}

	#isConfiguration(entry: SiteEntry, uri: vscode.Uri): boolean {
		const rel = relativeInside(entry.root.path, uri.path) ?? '';
		if (CONFIG_NAMES.has(rel) || rel === 'config' || rel.startsWith('config/')) {
			return true;
		}
		// A shortcode template decides what of its inner text reaches the page.
		if (entry.loaded?.site.shortcodeDirs.includes(dirname(uri.path))) {
			return true;
		}
		// A theme's own configuration may add mounts or themes.
		const themesDir = entry.loaded?.site.themesDir;
		const inThemes = themesDir === undefined ? undefined : relativeInside(themesDir, uri.path);
		return inThemes !== undefined && (!inThemes.includes('/') || (CONFIG_NAMES.has(basename(uri.path)) && inThemes.split('/').length === 2));
	}

	#configurationEvent(uri: vscode.Uri): boolean {
		const name = basename(uri.path);
		if (CONFIG_NAMES.has(name) || name === 'config' || name === '_default') {
			// A configuration file appeared or went: any folder may now belong to another site.
			this.#clearRoots();
			return true;
		}
		return false;
	}

	async #onDidCreate(uri: vscode.Uri): Promise<void> {
		const rootsChanged = this.#configurationEvent(uri);
		let changed = false;
		for (const entry of this.#sitesContaining(uri)) {
			if (!entry.settled) {
				entry.stale = true;
				continue;
			}
			if (rootsChanged || this.#isConfiguration(entry, uri)) {
				this.#invalidate(entry);
				continue;
			}
			const index = entry.loaded?.index;
			if (!index || !index.covers(uri.path)) {
				continue;
			}
			changed = await this.#addTree(entry.files, index, uri.path) || changed;
		}
		if (rootsChanged && this.#sitesContaining(uri).length === 0) {
			this.#onDidChange.fire();
		}
		if (changed) {
			this.#onDidChange.fire();
		}
	}

	/** Adds a created file, or every file below a created (or moved-in) folder. */
	async #addTree(files: WorkspaceFileReader, index: StaticFileIndex, path: string): Promise<boolean> {
		const kind = await files.stat(path);
		if (kind === 'file') {
			const added = index.add(path);
			// A new leaf bundle page: its front matter decides where its resources are published.
			const moved = await index.update(path);
			return added || moved;
		}
		if (kind !== 'directory') {
			return false;
		}
		let changed = false;
		for (const [name] of await files.readDirectory(path)) {
			changed = await this.#addTree(files, index, `${path}/${name}`) || changed;
		}
		return changed;
	}

	#onDidDelete(uri: vscode.Uri): void {
		const rootsChanged = this.#configurationEvent(uri);
		let changed = rootsChanged;
		for (const entry of this.#sitesContaining(uri)) {
			if (!entry.settled) {
				entry.stale = true;
			} else if (rootsChanged || this.#isConfiguration(entry, uri)) {
				this.#invalidate(entry);
			} else if (entry.loaded?.index.remove(uri.path)) {
				changed = true;
			}
		}
		const removedSites = [...this.#sites.values()].filter(e => sameAuthority(e.root, uri) && relativeInside(uri.path, e.root.path) !== undefined);
		if (removedSites.length > 0) {
			// The site folder itself (or a folder above it) went away.
			removedSites.forEach(entry => this.#invalidate(entry));
			this.#clearRoots();
		}
		if (changed) {
			this.#onDidChange.fire();
		}
	}

	#onDidChangeFile(uri: vscode.Uri): void {
		for (const entry of this.#sitesContaining(uri)) {
			if (!entry.settled) {
				entry.stale = true;
			} else if (this.#isConfiguration(entry, uri)) {
				this.#invalidate(entry);
			} else if (entry.loaded?.index.covers(uri.path)) {
				// A leaf bundle page's `slug`, `url` or `draft` may have moved or withheld its resources.
				void entry.loaded.index.update(uri.path).then(changed => {
					if (changed && !this.isDisposed) {
						this.#onDidChange.fire();
					}
				}, () => undefined);
			}
		}
	}
}

/** The file system a URI is on (`scheme://authority`): readers and folder answers are kept per file system. */
function fileSystemOf(uri: vscode.Uri): string {
	return `${uri.scheme}://${uri.authority}`;
}

function folderKeyOf(uri: vscode.Uri): string {
	return `${fileSystemOf(uri)}${dirname(uri.path)}`;
}

function sameAuthority(a: vscode.Uri, b: vscode.Uri): boolean {
	return a.scheme === b.scheme && a.authority === b.authority;
}
