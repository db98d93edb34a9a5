import { parseTomlData } from '../frontMatter/toml';
import { parse as parseYaml } from 'yaml';
import type { IFileReader } from '../fs/fileReader';
import { join } from '../fs/posixPath';

/** A configuration map with every key lowercased, the way Hugo reads configuration (`staticDir` = `staticdir`). */
export type ConfigMap = Record<string, unknown>;

/** The extensions Hugo accepts for configuration files, in the order it looks for them. */
export const CONFIG_EXTENSIONS = ['toml', 'yaml', 'yml', 'json'] as const;

/**
 * Root configuration file names in Hugo's lookup order: `hugo.*` (0.110+) before the legacy `config.*`.
 * Measured on 0.111.3: with both `hugo.toml` and `config.toml`, only `hugo.toml` is read.
 */
export const ROOT_CONFIG_NAMES: readonly string[] = ['hugo', 'config'].flatMap(name => CONFIG_EXTENSIONS.map(ext => `${name}.${ext}`));

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Parses configuration text by file extension; `undefined` when it does not parse (Hugo would refuse to build). */
export function parseConfigText(text: string, fileName: string): ConfigMap | undefined {
	const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
	let value: unknown;
	try {
		if (ext === 'toml') {
			value = parseTomlData(text);
		} else if (ext === 'yaml' || ext === 'yml') {
			value = parseYaml(text);
		} else if (ext === 'json') {
			value = JSON.parse(text);
		} else {
			return undefined;
		}
	} catch {
		return undefined;
	}
	if (value === null || value === undefined) {
		return {};
	}
	return isRecord(value) ? lowercaseKeys(value) : undefined;
}

/** Lowercases map keys at every depth (lists of maps too), as Hugo's configuration loader does. */
export function lowercaseKeys(value: Record<string, unknown>): ConfigMap {
	const result: ConfigMap = {};
	for (const [key, child] of Object.entries(value)) {
		result[key.toLowerCase()] = lowercaseValue(child);
	}
	return result;
}

function lowercaseValue(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(lowercaseValue);
	}
	return isRecord(value) ? lowercaseKeys(value) : value;
}

/** Deep-merges `overlay` onto `base`: maps merge key by key, anything else in `overlay` replaces. */
export function mergeConfig(base: ConfigMap, overlay: ConfigMap): ConfigMap {
	const result: ConfigMap = { ...base };
	for (const [key, value] of Object.entries(overlay)) {
		const existing = result[key];
		result[key] = isRecord(existing) && isRecord(value) ? mergeConfig(existing, value) : value;
	}
	return result;
}

export interface LoadedConfig {
	/** The root configuration file that was read, if any. */
	readonly configFile?: string;
	readonly config: ConfigMap;
}

/**
 * Reads a project's configuration: the first root file in Hugo's order, then `config/_default/` merged on
 * top, then the environment's folder (`config/production/`: `hugo` builds as production, and that build
 * is what gets published). Measured on 0.111.3: on the same key, the `config/_default` value wins over the
 * root file, and the environment's value over both.
 */
export async function loadProjectConfig(root: string, files: IFileReader, environment = 'production'): Promise<LoadedConfig | undefined> {
	let configFile: string | undefined;
	let config: ConfigMap = {};
	// One listing instead of a read per candidate name: over a remote file system each miss is a round trip.
	const present = new Set((await files.readDirectory(root)).filter(([, kind]) => kind === 'file').map(([name]) => name));
	for (const name of ROOT_CONFIG_NAMES.filter(n => present.has(n))) {
		const path = join(root, name);
		const text = await files.readText(path);
		if (text !== undefined) {
			configFile = path;
			config = parseConfigText(text, name) ?? {};
			break;
		}
	}
	const defaults = await readConfigFolder(join(root, 'config', '_default'), files);
	if (configFile === undefined && defaults === undefined) {
		return undefined;
	}
	for (const overlay of [defaults, await readConfigFolder(join(root, 'config', environment), files)]) {
		if (overlay) {
			config = mergeConfig(config, overlay);
		}
	}
	return { configFile, config };
}

/**
 * The configuration held by a folder such as `config/_default/`: `hugo.*`/`config.*` hold root keys and
 * any other `name.ext` holds the `name` key. A language-suffixed file holds that language's settings, as
 * Hugo 0.111.3 reads it: `menus.en.toml` and `params.en.toml` under `languages.en.menus|params`, any other
 * (`languages.de.toml`) as `languages.de` itself. `undefined` when the folder holds no configuration file.
 */
async function readConfigFolder(dir: string, files: IFileReader): Promise<ConfigMap | undefined> {
	const names = (await files.readDirectory(dir))
		.filter(([name, kind]) => kind === 'file' && CONFIG_EXTENSIONS.some(ext => name.endsWith(`.${ext}`)))
		.map(([name]) => name)
		.sort();
	if (names.length === 0) {
		return undefined;
	}
	let config: ConfigMap = {};
	for (const name of names) {
		const text = await files.readText(join(dir, name));
		const parsed = text === undefined ? undefined : parseConfigText(text, name);
		const stem = name.slice(0, name.lastIndexOf('.')).toLowerCase();
		if (!parsed) {
			continue;
		}
		const dot = stem.lastIndexOf('.');
		if (dot >= 0) {
			const [key, language] = [stem.slice(0, dot), stem.slice(dot + 1)];
			const settings = key === 'menu' || key === 'menus' ? { menus: parsed } : key === 'params' ? { params: parsed } : parsed;
			config = mergeConfig(config, { languages: { [language]: settings } });
		} else {
			config = stem === 'hugo' || stem === 'config' ? mergeConfig(config, parsed) : mergeConfig(config, { [stem]: parsed });
		}
	}
	return config;
}

/** A configuration value that may be one string or a list of strings (`theme`, `staticDir`). */
export function stringList(value: unknown): string[] {
	if (typeof value === 'string') {
		return value === '' ? [] : [value];
	}
	if (Array.isArray(value)) {
		return value.filter((v): v is string => typeof v === 'string' && v !== '');
	}
	return [];
}

export function stringValue(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Follows a dotted path of lowercase keys (`markup.goldmark.renderer.unsafe`). */
export function configAt(config: ConfigMap, dottedPath: string): unknown {
	let current: unknown = config;
	for (const key of dottedPath.split('.')) {
		if (!isRecord(current)) {
			return undefined;
		}
		current = current[key];
	}
	return current;
}
