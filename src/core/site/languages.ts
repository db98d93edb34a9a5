import { resolve } from '../fs/posixPath';
import { configAt, isRecord, stringList, stringValue, type ConfigMap } from './config';

/** One language of a site, as Hugo 0.111.3 reads `[languages]`. */
export interface SiteLanguage {
	/** The language key, lowercased as Hugo reads it (`zh-cn`). */
	readonly code: string;
	/** Absolute content folder of its own (`languages.fr.contentDir`), when it has one. */
	readonly contentDir?: string;
	/** The folder its pages are published under (`fr`), without slashes; `''` for the site root. */
	readonly urlPrefix: string;
}

export interface SiteLanguages {
	/** `defaultContentLanguage`, lowercased; `en` when unset. */
	readonly defaultCode: string;
	/** The enabled languages, the default first, then by `weight` as Hugo sorts them. */
	readonly languages: readonly SiteLanguage[];
}

/**
 * The site's languages. A page of a non-default language is published under its language code, and so is
 * the default language's with `defaultContentLanguageInSubdir`, but only on a multilingual site; with a
 * `baseURL` per language (one host each) no page carries a prefix. `disableLanguages` leaves languages out.
 */
export function readLanguages(root: string, config: ConfigMap): SiteLanguages {
	const defaultCode = (stringValue(config.defaultcontentlanguage) ?? 'en').toLowerCase() || 'en';
	const configured = configAt(config, 'languages');
	const disabled = new Set(stringList(config.disablelanguages).map(code => code.toLowerCase()));
	const entries = isRecord(configured)
		? Object.entries(configured).filter(([code, settings]) => isRecord(settings) && (code === defaultCode || !disabled.has(code)))
		: [];
	if (entries.length === 0) {
		return { defaultCode, languages: [{ code: defaultCode, urlPrefix: '' }] };
	}
	const sorted = entries
		.map(([code, settings]) => ({ code, settings: settings as ConfigMap, weight: weightOf((settings as ConfigMap).weight) }))
		// Hugo sorts by weight, unweighted last, then by code; the default language always comes first.
		.sort((a, b) => Number(b.code === defaultCode) - Number(a.code === defaultCode) || a.weight - b.weight || a.code.localeCompare(b.code));
	const multilingual = sorted.length > 1;
	const multihost = sorted.some(({ settings }) => stringValue(settings.baseurl) !== undefined);
	const inSubdir = config.defaultcontentlanguageinsubdir === true;
	const languages = sorted.map(({ code, settings }): SiteLanguage => {
		const contentDir = stringValue(settings.contentdir);
		const prefixed = multilingual && !multihost && (code !== defaultCode || inSubdir);
		return { code, urlPrefix: prefixed ? code : '', ...(contentDir !== undefined ? { contentDir: resolve(root, contentDir) } : {}) };
	});
	return { defaultCode, languages };
}

function weightOf(value: unknown): number {
	const weight = typeof value === 'number' ? value : Number.NaN;
	// Unweighted languages sort after weighted ones.
	return Number.isFinite(weight) && weight !== 0 ? weight : Number.MAX_SAFE_INTEGER;
}

/** A language-suffixed content file name (`index.fr.md`, `about.zh-cn.md`): the name without the code, and the code. */
export function splitLanguageSuffix(stem: string, languages: SiteLanguages): { stem: string; code?: string } {
	const dot = stem.lastIndexOf('.');
	if (dot > 0) {
		const code = stem.slice(dot + 1).toLowerCase();
		if (languages.languages.some(l => l.code === code)) {
			return { stem: stem.slice(0, dot), code };
		}
	}
	return { stem };
}

/** The language a content file belongs to: its file name's suffix, else its content folder's language, else the default. */
export function languageOf(languages: SiteLanguages, mountLanguage: string | undefined, suffixCode: string | undefined): SiteLanguage {
	const code = suffixCode ?? mountLanguage ?? languages.defaultCode;
	return languages.languages.find(l => l.code === code) ?? languages.languages[0];
}
