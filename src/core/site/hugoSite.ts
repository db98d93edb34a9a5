import type { IFileReader } from '../fs/fileReader';
import type { HighlightSettings } from '../markdown/highlight/settings';
import { highlightSettingsOf } from './highlightConfig';
import { basename, dirname, join, normalize, resolve } from '../fs/posixPath';
import { configAt, isRecord, loadProjectConfig, ROOT_CONFIG_NAMES, stringList, stringValue, type ConfigMap } from './config';
import { readLanguages, type SiteLanguages } from './languages';
import { readSiteShortcodes, type ShortcodeInners } from './shortcodes';

/** A folder Hugo publishes under a sub-path of the site: `static/` → `''` (the root), `extra/images` → `pics`. */
export interface StaticMount {
	/** Absolute folder. */
	readonly source: string;
	/** Publish sub-path without slashes at either end; `''` for the site root. */
	readonly target: string;
	/** A mount's `includeFiles` glob patterns (Hugo's glob syntax, relative to `source`); absent or empty: every file. */
	readonly includeFiles?: readonly string[];
	/** A mount's `excludeFiles` glob patterns. */
	readonly excludeFiles?: readonly string[];
	/** A content folder's language (a language's `contentDir`, a mount's `lang`): its pages are in it unless their name says otherwise. */
	readonly lang?: string;
}

/** What Event Write-up needs to know about a Hugo site to resolve paths as Hugo publishes them. */
export interface HugoSite {
	/** Absolute project folder (where the configuration is). */
	readonly root: string;
	/** The root configuration file, when there is one (a site may use only `config/_default/`). */
	readonly configFile?: string;
	/** Absolute main content folder (`contentDir`, or the project's first content mount). */
	readonly contentDir: string;
	/** Every content folder, highest precedence first; the target is the sub-path inside the content tree. */
	readonly contentMounts: readonly StaticMount[];
	/** Static folders, HIGHEST precedence first: project over themes, later `staticDir` entries and later mounts first. */
	readonly staticMounts: readonly StaticMount[];
	/** Theme names in precedence order (the left-most theme wins). */
	readonly themes: readonly string[];
	/** Absolute themes folder. */
	readonly themesDir: string;
	/** `markup.goldmark.renderer.unsafe`: raw HTML passes through instead of being omitted. */
	readonly unsafeHtml: boolean;
	/** `[markup.highlight]`: how code blocks are highlighted. */
	readonly highlight: HighlightSettings;
	readonly timeZone?: string;
	/** Whether pages publish as `/section/page.html` instead of `/section/page/`. */
	readonly uglyUrls: boolean;
	/** The merged raw configuration, keys lowercased as Hugo reads them. */
	readonly config: ConfigMap;
	readonly languages: SiteLanguages;
	/** What of each shortcode's inner text reaches the page (`highlight`, and the site's and themes' own). */
	readonly shortcodes: ShortcodeInners;
	/** The folders whose templates define `shortcodes` (`layouts/shortcodes` of the project and of each theme), absolute. */
	readonly shortcodeDirs: readonly string[];
	/** The path of `baseURL` (`/blog/` for `https://example.org/blog/`), the folder every page is requested under; `/` for none. */
	readonly basePath: string;
}

const MAX_THEME_DEPTH = 5;

/**
 * Finds the Hugo site a document belongs to: the nearest enclosing folder with a root configuration
 * file (`hugo.toml|yaml|json`, `config.*`) or a `config/_default/` folder, and reads its configuration.
 */
export async function findHugoSite(documentPath: string, files: IFileReader): Promise<HugoSite | undefined> {
	const root = await findSiteRoot(documentPath, files);
	return root === undefined ? undefined : loadHugoSite(root, files);
}

/**
 * The nearest folder at or above `documentPath`'s folder that holds a Hugo configuration. Every folder up
 * the path is asked at once, by name: a post's folder may list thousands of posts, and over a remote or
 * virtual file system each request is a round trip, so one round of small requests beats a listing per
 * folder, one folder after the other.
 */
export async function findSiteRoot(documentPath: string, files: IFileReader, answers?: SiteRootAnswers): Promise<string | undefined> {
	const folders: string[] = [];
	for (let dir = dirname(normalize(documentPath)); ; dir = dirname(dir)) {
		folders.push(dir);
		if (dir === '/' || dir === '.') {
			break;
		}
	}
	const ask = (dir: string) => {
		let answer = answers?.get(dir);
		if (answer === undefined) {
			answer = isSiteRoot(dir, files);
			answers?.set(dir, answer);
		}
		return answer;
	};
	const roots = await Promise.all(folders.map(ask));
	return folders.find((_, i) => roots[i]);
}

/**
 * Whether each folder asked about holds a site configuration, kept by a caller that looks up many posts:
 * thousands of page bundles share their parent folders.
 */
export type SiteRootAnswers = Map<string, Promise<boolean>>;

/** The folder whose presence makes a site root without a root configuration file. */
const DEFAULT_CONFIG_FOLDER = 'config/_default';

async function isSiteRoot(dir: string, files: IFileReader): Promise<boolean> {
	const kinds = await Promise.all([...ROOT_CONFIG_NAMES, DEFAULT_CONFIG_FOLDER].map(name => files.stat(join(dir, name))));
	return kinds.slice(0, -1).includes('file') || kinds[kinds.length - 1] === 'directory';
}

/**
 * The folders that a file at `relPath` (a path relative to some folder) makes site roots by being there, as
 * `isSiteRoot` would find them on disk: the folder of a root configuration file, the one holding
 * `config/_default/`. Relative to the same folder (`''` for that folder itself); none for any other file.
 */
export function siteRootsMarkedBy(relPath: string): string[] {
	const roots: string[] = [];
	if (ROOT_CONFIG_NAMES.includes(basename(relPath))) {
		const folder = dirname(relPath);
		roots.push(folder === '.' ? '' : folder);
	}
	const defaults = relPath.startsWith(`${DEFAULT_CONFIG_FOLDER}/`) ? 0 : relPath.indexOf(`/${DEFAULT_CONFIG_FOLDER}/`);
	if (defaults >= 0) {
		roots.push(relPath.slice(0, defaults));
	}
	return roots;
}

/** The path part of a `baseURL`, with slashes at both ends: `https://example.org/blog` → `/blog/`. */
export function basePathOf(baseUrl: string | undefined): string {
	const path = baseUrl === undefined ? '' : /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)?/i.exec(baseUrl)?.[1] ?? (baseUrl.startsWith('/') ? baseUrl : '');
	const trimmed = path.replace(/^\/+|\/+$/g, '');
	return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Reads the site at `root` (which must hold a configuration); `undefined` when it has none. */
export async function loadHugoSite(root: string, files: IFileReader): Promise<HugoSite | undefined> {
	const loaded = await loadProjectConfig(root, files);
	if (!loaded) {
		return undefined;
	}
	const { config, configFile } = loaded;
	const themesDir = resolve(root, stringValue(config.themesdir) ?? 'themes');
	const languages = readLanguages(root, config);
	const project = projectMounts(root, config, languages);
	const themes = await collectThemes(themesDir, themeNamesOf(config), files);
	const shortcodeDirs = [resolve(root, stringValue(config.layoutdir) ?? 'layouts'), ...themes.map(t => join(themesDir, t.name, 'layouts'))].map(dir => join(dir, 'shortcodes'));
	const shortcodes = await readSiteShortcodes(shortcodeDirs, files);
	const staticMounts = [...project.staticMounts];
	const contentMounts = [...project.contentMounts];
	for (const theme of themes) {
		staticMounts.push(...theme.staticMounts);
		contentMounts.push(...theme.contentMounts);
	}
	return {
		root,
		configFile,
		contentDir: project.contentMounts.find(m => m.target === '' && (m.lang === undefined || m.lang === languages.defaultCode))?.source
			?? project.contentMounts.find(m => m.target === '')?.source ?? resolve(root, 'content'),
		contentMounts,
		staticMounts,
		themes: themes.map(t => t.name),
		themesDir,
		unsafeHtml: configAt(config, 'markup.goldmark.renderer.unsafe') === true,
		highlight: highlightSettingsOf(config),
		timeZone: stringValue(config.timezone),
		uglyUrls: config.uglyurls === true,
		config,
		languages,
		shortcodes,
		shortcodeDirs,
		basePath: basePathOf(stringValue(config.baseurl)),
	};
}

interface ModuleMounts {
	readonly staticMounts: StaticMount[];
	readonly contentMounts: StaticMount[];
}

interface ConfiguredMount extends StaticMount {
	readonly component: string;
}

/** `[[module.mounts]]` entries, in the order they are written. */
function configuredMounts(moduleDir: string, config: ConfigMap): ConfiguredMount[] {
	const mounts = configAt(config, 'module.mounts');
	if (!Array.isArray(mounts)) {
		return [];
	}
	const result: ConfiguredMount[] = [];
	for (const mount of mounts) {
		if (!isRecord(mount)) {
			continue;
		}
		const source = stringValue(mount.source);
		const target = stringValue(mount.target);
		if (source === undefined || target === undefined) {
			continue;
		}
		const [component, ...rest] = normalize(target).replace(/^\/+/, '').split('/');
		const includeFiles = patternList(mount.includefiles);
		const excludeFiles = patternList(mount.excludefiles);
		const lang = stringValue(mount.lang)?.toLowerCase();
		result.push({
			source: resolve(moduleDir, source), component, target: rest.join('/'),
			...(includeFiles.length > 0 ? { includeFiles } : {}),
			...(excludeFiles.length > 0 ? { excludeFiles } : {}),
			...(lang ? { lang } : {}),
		});
	}
	return result;
}

/**
 * `includeFiles`/`excludeFiles`: one pattern or a list. Unlike other lists an empty string counts: on
 * 0.111.3 `excludeFiles = ""` matches the mount's own folder and so publishes nothing from it.
 */
function patternList(value: unknown): string[] {
	if (typeof value === 'string') {
		return [value];
	}
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Reverses a list of mounts into precedence order: with Hugo, the last of two mounts for one path wins. */
function byPrecedence(mounts: ConfiguredMount[], component: string): StaticMount[] {
	return mounts.filter(m => m.component === component).map(({ component: _component, ...mount }) => mount).reverse();
}

/**
 * The project's static and content folders. A mount targeting a component replaces that component's
 * default (so with a static mount the project's `static/` and `staticDir` are no longer published);
 * otherwise `staticDir` (string or list) then `staticDir0` … `staticDir10` apply, the last one winning.
 */
function projectMounts(root: string, config: ConfigMap, languages: SiteLanguages): ModuleMounts {
	const mounts = configuredMounts(root, config);
	const hasStatic = mounts.some(m => m.component === 'static');
	const hasContent = mounts.some(m => m.component === 'content');
	let staticMounts = byPrecedence(mounts, 'static');
	if (!hasStatic) {
		const dirs = stringList(config.staticdir ?? 'static');
		for (let i = 0; i <= 10; i++) {
			dirs.push(...stringList(config[`staticdir${i}`]));
		}
		staticMounts = dirs.map(dir => ({ source: resolve(root, dir), target: '' })).reverse();
	}
	const contentMounts = hasContent ? byPrecedence(mounts, 'content') : languageContentMounts(root, config, languages);
	return { staticMounts, contentMounts };
}

/**
 * The content folders without `[[module.mounts]]`: each language's own `contentDir`, in language order,
 * and the site's `contentDir` for the languages without one (its pages are in the default language
 * unless their name says otherwise).
 */
function languageContentMounts(root: string, config: ConfigMap, { languages }: SiteLanguages): StaticMount[] {
	const shared = resolve(root, stringValue(config.contentdir) ?? 'content');
	const mounts: StaticMount[] = [];
	for (const language of languages) {
		const source = language.contentDir ?? shared;
		if (!mounts.some(m => m.source === source)) {
			mounts.push(language.contentDir !== undefined && language.contentDir !== shared ? { source, target: '', lang: language.code } : { source, target: '' });
		}
	}
	return mounts;
}

/** `theme` (string or list) plus locally available `[[module.imports]]`, in precedence order. */
function themeNamesOf(config: ConfigMap): string[] {
	const names = stringList(config.theme);
	const imports = configAt(config, 'module.imports');
	if (Array.isArray(imports)) {
		for (const entry of imports) {
			const path = isRecord(entry) ? stringValue(entry.path) : undefined;
			if (path !== undefined && !names.includes(path)) {
				names.push(path);
			}
		}
	}
	return names;
}

interface Theme extends ModuleMounts {
	readonly name: string;
}

/**
 * Themes and the themes they name themselves, depth first, each once. In a theme's own configuration any
 * mount removes all of that theme's default mounts.
 */
async function collectThemes(themesDir: string, names: readonly string[], files: IFileReader): Promise<Theme[]> {
	const result: Theme[] = [];
	const seen = new Set<string>();
	const visit = async (name: string, depth: number): Promise<void> => {
		if (seen.has(name) || depth > MAX_THEME_DEPTH) {
			return;
		}
		seen.add(name);
		const dir = join(themesDir, name);
		if (await files.stat(dir) !== 'directory') {
			return;
		}
		const config = (await loadProjectConfig(dir, files))?.config ?? {};
		const mounts = configuredMounts(dir, config);
		result.push(mounts.length > 0
			? { name, staticMounts: byPrecedence(mounts, 'static'), contentMounts: byPrecedence(mounts, 'content') }
			: { name, staticMounts: [{ source: join(dir, 'static'), target: '' }], contentMounts: [{ source: join(dir, 'content'), target: '' }] });
		for (const child of themeNamesOf(config)) {
			await visit(child, depth + 1);
		}
	};
	for (const name of names) {
		await visit(name, 0);
	}
	return result;
}
