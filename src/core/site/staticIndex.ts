import type { IFileReader } from '../fs/fileReader';
import { basename, dirname, join, normalize, relativeInside } from '../fs/posixPath';
import { mountFileFilter, type MountFileFilter } from './glob';
import { siteRootsMarkedBy, type HugoSite, type StaticMount } from './hugoSite';
import { bundleKind, isContentFile, locateContentFile, pageFolders } from './pages';
import { readPagePublishing, type PagePublishing } from './references';

/** Bounds a walk so that a symlink loop or a vast folder cannot hang the index. */
const MAX_DEPTH = 32;
const MAX_FILES = 200_000;

/** Derived answers kept at once: enough for every missing image of the posts open together. */
const MAX_DERIVED_KEPT = 1_000;

/**
 * A leaf bundle: a folder whose `index.*` page owns every other file in it and below. Translations by file
 * name (`index.md`, `index.fr.md`) are pages of one bundle, each publishing all of its resources.
 */
interface LeafBundle {
	/** The bundle's pages (absolute paths), each with where it publishes the resources. */
	readonly pages: Map<string, BundlePage>;
}

interface BundlePage {
	/**
	 * Where Hugo publishes the page's resources (`post/renamed`, no slashes at either end; `''` for the
	 * site root), following its `slug` and `url`; `undefined` when it publishes none (a draft) or the
	 * address cannot be known (a section with a `permalinks` pattern).
	 */
	published: string | undefined;
	/** Counts front matter reads, so that a slower, older read cannot overwrite a newer one. */
	reads: number;
}

interface IndexedMount extends StaticMount {
	/** Paths relative to `source`, only those the mount's `includeFiles`/`excludeFiles` let through. */
	readonly files: Set<string>;
	/** The mount's `includeFiles`/`excludeFiles`, compiled; absent when it has none. */
	readonly filter?: MountFileFilter;
	/** Whether the folder exists: messages name only the folders that do. */
	exists: boolean;
}

/**
 * The files a Hugo site publishes from its static folders and its content tree, held in memory so that
 * resolving a path is synchronous and never waits on the file system. Kept current by `add`/`remove`
 * from file-system events.
 */
export class StaticFileIndex {
	readonly #static: IndexedMount[];
	readonly #content: IndexedMount[];
	readonly #site: HugoSite;
	/** Reads leaf bundle pages, whose front matter decides where their resources are published. */
	readonly #files: IFileReader;
	/** Absolute folders holding an `index.*` page: their files are resources of that page only. */
	readonly #leafBundles = new Map<string, LeafBundle>();
	/** Published folder → bundle folder, rebuilt on first use after a change. */
	#bundlesByAddress: Map<string, string> | undefined;
	#list: string[] | undefined;
	/** The names (lower case) of the files `list` holds, built with it. */
	#names: Set<string> | undefined;
	#generation = 0;
	/**
	 * Answers for site paths already asked about, until the index changes: a preview re-renders the whole
	 * post on every keystroke, and a write-up references the same few photos over and over.
	 */
	readonly #lookups = new Map<string, { resolved: string | undefined; candidates?: readonly string[] }>();
	/** What callers derived from the index (`derived`), until it changes. */
	readonly #derived = new Map<string, unknown>();

	/** Whether the walk listed every folder, short of its file budget: the listing then tells what is not there. */
	readonly #listedWhole: boolean;

	private constructor(site: HugoSite, files: IFileReader, staticMounts: IndexedMount[], contentMounts: IndexedMount[], listedWhole: boolean) {
		this.#site = site;
		this.#listedWhole = listedWhole;
		this.#files = files;
		this.#static = staticMounts;
		this.#content = contentMounts;
		for (const mount of contentMounts) {
			for (const file of mount.files) {
				this.#noteContentFile(join(mount.source, file), true);
			}
		}
	}

	/** Walks every static and content folder of `site`, then reads the page of every leaf bundle. */
	static async build(site: HugoSite, files: IFileReader): Promise<StaticFileIndex> {
		const index = await StaticFileIndex.walk(site, files);
		await index.readBundlePages();
		return index;
	}

	/**
	 * Walks every static and content folder of `site`: the index answers from then on, each leaf bundle
	 * publishing its resources by its place in the content tree until `readBundlePages` (or `update`) has
	 * read its page, whose `slug`, `url` or `draft` may move or withhold them.
	 */
	static async walk(site: HugoSite, files: IFileReader): Promise<StaticFileIndex> {
		const budget = { remaining: MAX_FILES };
		const walked = new Map<string, Promise<Set<string>>>();
		const walk = (source: string): Promise<Set<string>> => {
			let result = walked.get(source);
			if (!result) {
				result = listFiles(source, files, budget);
				walked.set(source, result);
			}
			return result;
		};
		const indexMounts = (mounts: readonly StaticMount[]) => Promise.all(mounts.map(async (m): Promise<IndexedMount> => {
			const filter = mountFileFilter(m.includeFiles ?? [], m.excludeFiles ?? []);
			const walked = await walk(m.source);
			return {
				...m, files: filter ? new Set([...walked].filter(filter)) : walked, exists: await files.stat(m.source) === 'directory',
				...(filter ? { filter } : {}),
			};
		}));
		const [staticMounts, contentMounts] = await Promise.all([indexMounts(site.staticMounts), indexMounts(site.contentMounts)]);
		return new StaticFileIndex(site, files, staticMounts, contentMounts, budget.remaining > 0);
	}

	/**
	 * The folders of the content tree that belong to the site at `root` by the walk's listing alone: no
	 * configuration file (nor a `config/_default/` holding files: a listing shows no empty folder) in them or
	 * between them and `root`, so finding their site asks the disk nothing. Only content folders directly in
	 * `root` whose every file is indexed count, and none when the walk stopped at its file budget, which may
	 * have left a configuration file out.
	 */
	contentFoldersOf(root: string): string[] {
		if (!this.#listedWhole) {
			return [];
		}
		const folders = new Set<string>();
		const configured = new Set<string>();
		for (const mount of this.#content) {
			if (mount.filter || dirname(mount.source) !== root) {
				continue;
			}
			folders.add(mount.source);
			for (const rel of mount.files) {
				for (const marked of siteRootsMarkedBy(rel)) {
					configured.add(join(mount.source, marked));
				}
				for (let folder = dirname(join(mount.source, rel)); folder !== mount.source && !folders.has(folder); folder = dirname(folder)) {
					folders.add(folder);
				}
			}
		}
		const ownSite = (folder: string): boolean => {
			for (let at = folder; at !== root; at = dirname(at)) {
				if (configured.has(at)) {
					return false;
				}
			}
			return true;
		};
		return [...folders].filter(ownSite);
	}

	/** Reads the page of every leaf bundle (`update` on each); whether what the index publishes changed. */
	async readBundlePages(): Promise<boolean> {
		const pages = [...this.#leafBundles.values()].flatMap(bundle => [...bundle.pages.keys()]);
		const changed = await Promise.all(pages.map(page => this.update(page)));
		return changed.includes(true);
	}

	/** Grows by one on every change, so that callers can tell a stale result. */
	get generation(): number {
		return this.#generation;
	}

	/** The file Hugo publishes at `sitePath` (`/images/x.jpg`), by precedence; `undefined` when none. */
	resolve(sitePath: string): string | undefined {
		const known = this.#lookups.get(sitePath);
		if (known) {
			return known.resolved;
		}
		const resolved = this.#resolveUncached(sitePath);
		this.#lookups.set(sitePath, { resolved });
		return resolved;
	}

	#resolveUncached(sitePath: string): string | undefined {
		const path = toRelativeSitePath(sitePath);
		// When a static file and a bundle resource share an address, 0.111.3 copies both at once and the
		// last write wins: measured, the bundle resource won 7 builds out of 8, so it is the better guess.
		const resource = this.#bundleResourceAt(path);
		if (resource !== undefined && this.has(resource)) {
			return resource;
		}
		for (const mount of this.#static) {
			const rel = insideTarget(mount.target, path);
			if (rel !== undefined && mount.files.has(rel)) {
				return join(mount.source, rel);
			}
		}
		for (const mount of this.#content) {
			const rel = insideTarget(mount.target, path);
			if (rel !== undefined && mount.files.has(rel) && this.#isPublishedContentFile(join(mount.source, rel))) {
				return join(mount.source, rel);
			}
		}
		return undefined;
	}

	/**
	 * Every absolute path where a file published at `sitePath` could come from, highest precedence first,
	 * in the folders that exist (in the static folders when none does).
	 */
	candidates(sitePath: string): readonly string[] {
		const known = this.#lookups.get(sitePath) ?? { resolved: this.resolve(sitePath) };
		if (!known.candidates) {
			const path = toRelativeSitePath(sitePath);
			const result: string[] = [];
			const resource = this.#bundleResourceAt(path);
			if (resource !== undefined) {
				result.push(resource);
			}
			const mounts = [...this.#static, ...this.#content].filter(m => m.exists);
			for (const mount of mounts.length > 0 ? mounts : this.#static) {
				const rel = insideTarget(mount.target, path);
				if (rel !== undefined && rel !== '') {
					result.push(join(mount.source, rel));
				}
			}
			// Shared by every later caller: frozen so no caller can change another's answer.
			known.candidates = Object.freeze([...new Set(result)]);
			this.#lookups.set(sitePath, known);
		}
		return known.candidates;
	}

	/**
	 * The site path Hugo publishes `absPath` at (`/images/x.jpg`), when it is a static file, a content
	 * resource or a resource of a leaf bundle that publishes its resources, and no file of higher precedence
	 * hides it; else `undefined`.
	 */
	sitePathOf(absPath: string): string | undefined {
		const path = normalize(absPath);
		const bundled = this.#bundleSitePathOf(path);
		if (bundled !== undefined) {
			return this.has(path) && this.resolve(bundled) === path ? bundled : undefined;
		}
		for (const [mount, rel] of this.#mountsOf(path)) {
			if (rel === '' || !mount.files.has(rel)) {
				continue;
			}
			const sitePath = `/${join(mount.target, rel)}`;
			if (this.resolve(sitePath) === path) {
				return sitePath;
			}
		}
		return undefined;
	}

	/** Every indexed file inside the folder `absDir` (at any depth), absolute and sorted. */
	filesUnder(absDir: string): string[] {
		const result = new Set<string>();
		for (const mount of [...this.#static, ...this.#content]) {
			const relDir = relativeInside(mount.source, absDir);
			if (relDir === undefined) {
				continue;
			}
			const prefix = relDir === '' ? '' : `${relDir}/`;
			for (const file of mount.files) {
				if (file.startsWith(prefix)) {
					result.add(join(mount.source, file));
				}
			}
		}
		return [...result].sort();
	}

	/** Whether `absPath` is a file of one of the indexed folders. */
	has(absPath: string): boolean {
		return this.#mountsOf(absPath).some(([mount, rel]) => mount.files.has(rel));
	}

	/** Whether `absPath` is in the content tree but outside any leaf bundle (`index.md`) folder. */
	isOutsideLeafBundle(absPath: string): boolean {
		return this.#leafBundleOf(absPath) === undefined;
	}

	/** Every site path the static folders, content resources and leaf bundles publish (`/images/x.jpg`), sorted. */
	list(): string[] {
		if (!this.#list) {
			const paths = new Set<string>();
			for (const mount of this.#static) {
				for (const rel of mount.files) {
					paths.add(`/${join(mount.target, rel)}`);
				}
			}
			for (const mount of this.#content) {
				for (const rel of mount.files) {
					const file = join(mount.source, rel);
					const sitePath = this.#isPublishedContentFile(file) ? `/${join(mount.target, rel)}` : this.#bundleSitePathOf(file);
					if (sitePath !== undefined) {
						paths.add(sitePath);
					}
				}
			}
			this.#list = [...paths].sort();
		}
		return this.#list;
	}

	/**
	 * What `derive` computes from the index, kept under `key` until the index changes: diagnostics are
	 * rebuilt after each pause in typing, and some answers (suggestions for a missing image) take a pass
	 * over every published path. `key` must name everything else the answer depends on.
	 */
	derived<T>(key: string, derive: () => T): T {
		if (this.#derived.has(key)) {
			return this.#derived.get(key) as T;
		}
		if (this.#derived.size >= MAX_DERIVED_KEPT) {
			this.#derived.clear();
		}
		const value = derive();
		this.#derived.set(key, value);
		return value;
	}

	/** Whether some published file is named `name`, letter case aside. */
	publishesName(name: string): boolean {
		this.#names ??= new Set(this.list().map(path => basename(path).toLowerCase()));
		return this.#names.has(name.toLowerCase());
	}

	/** Records a created file; ignored when it is outside every indexed folder. Returns whether it counted. */
	add(absPath: string): boolean {
		const path = normalize(absPath);
		let changed = false;
		for (const [mount, rel] of this.#mountsOf(path)) {
			if (rel !== '' && !mount.files.has(rel) && (!mount.filter || mount.filter(rel))) {
				mount.files.add(rel);
				mount.exists = true;
				changed = true;
			}
		}
		if (changed) {
			this.#noteContentFile(path, true);
			this.#changed();
		}
		return changed;
	}

	/**
	 * Reads the front matter of a leaf bundle's page again after it changed on disk (its `slug`, `url` or
	 * `draft` moves or withholds the bundle's resources). Returns whether what the index publishes changed;
	 * any other file is ignored.
	 */
	async update(absPath: string): Promise<boolean> {
		const path = normalize(absPath);
		const page = this.#leafBundles.get(dirname(path))?.pages.get(path);
		if (!page) {
			return false;
		}
		const read = ++page.reads;
		const text = await this.#files.readText(path);
		// The page may have gone, or been read again, while this read was pending.
		if (text === undefined || this.#leafBundles.get(dirname(path))?.pages.get(path) !== page || read !== page.reads) {
			return false;
		}
		const published = publishedFolder(this.#site, path, readPagePublishing(text));
		if (published === page.published) {
			return false;
		}
		page.published = published;
		this.#changed();
		return true;
	}

	/** Forgets a deleted file, or everything below a deleted folder. Returns whether anything was indexed there. */
	remove(absPath: string): boolean {
		const path = normalize(absPath);
		let changed = false;
		for (const [mount, rel] of this.#mountsOf(path)) {
			const prefix = rel === '' ? '' : `${rel}/`;
			for (const file of [...mount.files]) {
				if (file === rel || file.startsWith(prefix)) {
					mount.files.delete(file);
					this.#noteContentFile(join(mount.source, file), false);
					changed = true;
				}
			}
		}
		if (changed) {
			this.#changed();
		}
		return changed;
	}

	/** Whether `absPath` lies inside one of the indexed folders (created files there matter). */
	covers(absPath: string): boolean {
		return this.#mountsOf(normalize(absPath)).length > 0;
	}

	#changed(): void {
		this.#list = undefined;
		this.#names = undefined;
		this.#bundlesByAddress = undefined;
		this.#lookups.clear();
		this.#derived.clear();
		this.#generation++;
	}

	#mountsOf(absPath: string): Array<[IndexedMount, string]> {
		const result: Array<[IndexedMount, string]> = [];
		for (const mount of [...this.#static, ...this.#content]) {
			const rel = relativeInside(mount.source, absPath);
			if (rel !== undefined) {
				result.push([mount, rel]);
			}
		}
		return result;
	}

	#noteContentFile(absPath: string, added: boolean): void {
		if (bundleKind(absPath) !== 'leaf') {
			return;
		}
		const dir = dirname(absPath);
		const bundle = this.#leafBundles.get(dir);
		if (added) {
			if (!bundle?.pages.has(absPath) && this.#content.some(m => relativeInside(m.source, absPath) !== undefined)) {
				const pages = bundle?.pages ?? new Map<string, BundlePage>();
				// Published by its place in the content tree until `update` has read its front matter.
				pages.set(absPath, { published: publishedFolder(this.#site, absPath, { withholdsResources: false }), reads: 0 });
				this.#leafBundles.set(dir, { pages });
			}
		} else if (bundle?.pages.delete(absPath) && bundle.pages.size === 0) {
			this.#leafBundles.delete(dir);
		}
	}

	/** The resource file a leaf bundle publishes at `path` (relative site path), whether or not it exists. */
	#bundleResourceAt(path: string): string | undefined {
		if (this.#leafBundles.size === 0) {
			return undefined;
		}
		if (!this.#bundlesByAddress) {
			this.#bundlesByAddress = new Map();
			for (const [dir, bundle] of this.#leafBundles) {
				for (const { published } of bundle.pages.values()) {
					if (published !== undefined && !this.#bundlesByAddress.has(published)) {
						this.#bundlesByAddress.set(published, dir);
					}
				}
			}
		}
		for (let slash = path.lastIndexOf('/'); ; slash = path.lastIndexOf('/', slash - 1)) {
			const dir = this.#bundlesByAddress.get(slash < 0 ? '' : path.slice(0, slash));
			if (dir !== undefined) {
				const rest = path.slice(slash + 1);
				const file = join(dir, rest);
				if (isContentFile(file) || this.#leafBundleOf(file) !== dir) {
					return undefined;
				}
				return this.has(file) ? file : this.#translatedResource(dir, rest) ?? file;
			}
			if (slash <= 0) {
				return undefined;
			}
		}
	}

	/**
	 * A resource a translation of the bundle in `dir` holds and it does not: Hugo publishes the resources of
	 * translated bundles (the same folder in another language's content folder) with every translation,
	 * a bundle's own file first. Measured on 0.111.3 with the Kubernetes blog.
	 */
	#translatedResource(dir: string, rest: string): string | undefined {
		const own = this.#content.find(m => relativeInside(m.source, dir) !== undefined);
		const relDir = own && relativeInside(own.source, dir);
		if (own === undefined || relDir === undefined) {
			return undefined;
		}
		for (const mount of this.#content) {
			const translation = join(mount.source, relDir);
			if (mount !== own && mount.target === own.target && this.#leafBundles.has(translation) && mount.files.has(join(relDir, rest))) {
				return join(translation, rest);
			}
		}
		return undefined;
	}

	/** Where a leaf bundle publishes `absPath`, one of its resources; `undefined` outside bundles or when withheld. */
	#bundleSitePathOf(absPath: string): string | undefined {
		const dir = this.#leafBundleOf(absPath);
		const published = dir === undefined ? undefined : this.#publishedFolderOf(dir);
		if (dir === undefined || published === undefined || isContentFile(absPath)) {
			return undefined;
		}
		return `/${join(published, absPath.slice(dir.length + 1))}`;
	}

	/** Where a bundle's resources are published: by its default-language page when it has one, else by its first page. */
	#publishedFolderOf(dir: string): string | undefined {
		const pages = [...this.#leafBundles.get(dir)?.pages ?? []];
		const defaultCode = this.#site.languages.defaultCode;
		const inDefault = ([page]: [string, BundlePage]) => locateContentFile(this.#site, page)?.language.code === defaultCode;
		return [...pages.filter(inDefault), ...pages.filter(p => !inDefault(p))].find(([, page]) => page.published !== undefined)?.[1].published;
	}

	#leafBundleOf(absPath: string): string | undefined {
		for (let dir = dirname(absPath); dir !== '/' && dir !== '.'; dir = dirname(dir)) {
			if (this.#leafBundles.has(dir)) {
				return dir;
			}
		}
		return undefined;
	}

	/**
	 * A content file Hugo copies to its path in the content tree: a resource (not a page) outside any leaf
	 * bundle. Measured on 0.111.3: `content/images/2017/05/y.jpg` is published at `/images/2017/05/y.jpg`.
	 */
	#isPublishedContentFile(absPath: string): boolean {
		return !isContentFile(absPath) && this.#leafBundleOf(absPath) === undefined;
	}
}

/** The folder a leaf bundle's resources are published in, without slashes at either end. */
function publishedFolder(site: HugoSite, page: string, publishing: PagePublishing): string | undefined {
	if (publishing.withholdsResources) {
		return undefined;
	}
	const base = pageFolders(site, page, publishing)?.resources;
	return base === undefined ? undefined : base.replace(/^\/+|\/+$/g, '');
}

/** `/images/../x.jpg` → `x.jpg`: a site path cannot climb above the site root. */
function toRelativeSitePath(sitePath: string): string {
	return normalize(`/${sitePath}`).slice(1);
}

function insideTarget(target: string, path: string): string | undefined {
	if (target === '') {
		return path;
	}
	return relativeInside(target, path);
}

async function listFiles(root: string, files: IFileReader, budget: { remaining: number }): Promise<Set<string>> {
	const result = new Set<string>();
	const walked = new Set<string>();
	const visit = async (dir: string, rel: string, depth: number): Promise<void> => {
		if (depth > MAX_DEPTH || budget.remaining <= 0) {
			return;
		}
		// A folder reached again through a symbolic link (one to a parent folder) would fill the budget with copies.
		const real = files.realPath ? await files.realPath(dir) : dir;
		if (real === undefined || walked.has(real)) {
			return;
		}
		walked.add(real);
		// A folder that cannot be listed (gone since its parent was, no permission) publishes nothing we can see.
		const entries = await files.readDirectory(dir).catch(() => []);
		const subdirs: Array<Promise<void>> = [];
		for (const [name, kind] of entries) {
			const childRel = rel === '' ? name : `${rel}/${name}`;
			if (kind === 'file') {
				if (budget.remaining-- > 0) {
					result.add(childRel);
				}
			} else {
				subdirs.push(visit(join(dir, name), childRel, depth + 1));
			}
		}
		await Promise.all(subdirs);
	};
	await visit(root, '', 0);
	return result;
}
