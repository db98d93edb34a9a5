/**
 * Hugo's `includeFiles`/`excludeFiles` mount filters. Hugo 0.111.3 compiles each pattern with
 * gobwas/glob, `/` as the separator: `*` and `?` stop at a `/`, `**` crosses folders, `[a-z]`, `[!a]`
 * and `{png,jpg}` work, `\` escapes. Measured on 0.111.3: matching ignores case, a leading `/` changes
 * nothing (`*.png` and `/*.png` both match only files at the top of the mount), a path matching an
 * inclusion is kept even when it also matches an exclusion, and folders are filtered too, so an excluded
 * folder takes its files along and, with `includeFiles`, a folder no pattern can lead into is never
 * entered (`includeFiles = "**.jpg"` keeps only the top-level `.jpg` files).
 */

/** Tells whether a path relative to a mount's source (`sub/x.png`, no leading slash) is part of the mount. */
export type MountFileFilter = (relPath: string) => boolean;

/**
 * The filter for a mount's `includeFiles` and `excludeFiles`, or `undefined` when both are empty. A pattern
 * that does not compile (`[z-a`, an unclosed `{`) matches nothing here; Hugo stops the build on it.
 */
export function mountFileFilter(includeFiles: readonly string[], excludeFiles: readonly string[]): MountFileFilter | undefined {
	if (includeFiles.length === 0 && excludeFiles.length === 0) {
		return undefined;
	}
	const inclusions = compileAll(includeFiles);
	const exclusions = compileAll(excludeFiles);
	// Hugo also enters every folder on the way to an inclusion (`a/b/*.jpg` → `a`, `a/b`).
	const folderInclusions = compileAll(includeFiles.flatMap(folderPatternsOf));
	const matches = (patterns: readonly RegExp[], path: string) => patterns.some(p => p.test(path));
	// Hugo's order: an inclusion keeps the path, then an exclusion drops it, then only a filter without
	// inclusions keeps it. The mount's own folder is always entered unless an exclusion matches it.
	const kept = (path: string, isFolder: boolean): boolean => {
		if (matches(inclusions, path) || (isFolder && matches(folderInclusions, path))) {
			return true;
		}
		return !matches(exclusions, path) && (includeFiles.length === 0 || path === '');
	};
	const folders = new Map<string, boolean>();
	const folderKept = (dir: string): boolean => {
		let result = folders.get(dir);
		if (result === undefined) {
			const slash = dir.lastIndexOf('/');
			result = (dir === '' || folderKept(slash < 0 ? '' : dir.slice(0, slash))) && kept(dir, true);
			folders.set(dir, result);
		}
		return result;
	};
	return relPath => {
		const path = relPath.toLowerCase();
		const slash = path.lastIndexOf('/');
		return folderKept(slash < 0 ? '' : path.slice(0, slash)) && kept(path, false);
	};
}

function compileAll(patterns: readonly string[]): RegExp[] {
	return patterns.map(globToRegExp).filter((p): p is RegExp => p !== undefined);
}

/** `/a/b/*.jpg` → `''`, `a`, `a/b`, as Hugo's `filepath.Join` of each leading part of `path.Dir(pattern)`. */
function folderPatternsOf(pattern: string): string[] {
	const slash = pattern.lastIndexOf('/');
	const dir = slash < 0 ? '.' : slash === 0 ? '/' : pattern.slice(0, slash);
	const parts = dir.split('/');
	return parts.map((_, i) => parts.slice(0, i + 1).filter(p => p !== '' && p !== '.').join('/'));
}

/** A gobwas/glob pattern as an anchored, lowercased regular expression; `undefined` when it does not compile. */
export function globToRegExp(pattern: string): RegExp | undefined {
	const source = pattern.replace(/^\/+/, '').toLowerCase();
	const result = translate(source, 0, false);
	if (!result || result.end !== source.length) {
		return undefined;
	}
	return new RegExp(`^(?:${result.regex})$`, 's');
}

/** Translates from `at` up to the end, or (inside braces) up to the `,` or `}` that ends an alternative. */
function translate(pattern: string, at: number, inBraces: boolean): { regex: string; end: number } | undefined {
	let regex = '';
	let i = at;
	while (i < pattern.length) {
		const ch = pattern[i];
		if (inBraces && (ch === ',' || ch === '}')) {
			return { regex, end: i };
		}
		if (ch === '*') {
			if (pattern[i + 1] === '*') {
				regex += '.*';
				i += 2;
			} else {
				regex += '[^/]*';
				i++;
			}
		} else if (ch === '?') {
			regex += '[^/]';
			i++;
		} else if (ch === '\\') {
			if (i + 1 >= pattern.length) {
				return undefined;
			}
			regex += escapeRegExp(pattern[i + 1]);
			i += 2;
		} else if (ch === '[') {
			const close = pattern.indexOf(']', i + 1);
			if (close < 0) {
				return undefined;
			}
			const negated = pattern[i + 1] === '!';
			const body = pattern.slice(negated ? i + 2 : i + 1, close);
			const items = characterClass(body);
			if (items === undefined) {
				return undefined;
			}
			regex += `[${negated ? '^' : ''}${items}]`;
			i = close + 1;
		} else if (ch === '{') {
			const alternatives: string[] = [];
			let j = i + 1;
			for (;;) {
				const alternative = translate(pattern, j, true);
				if (!alternative || alternative.end >= pattern.length) {
					return undefined;
				}
				alternatives.push(alternative.regex);
				j = alternative.end + 1;
				if (pattern[alternative.end] === '}') {
					break;
				}
			}
			regex += `(?:${alternatives.join('|')})`;
			i = j;
		} else {
			regex += escapeRegExp(ch);
			i++;
		}
	}
	return inBraces ? undefined : { regex, end: i };
}

/** The inside of `[…]`: single characters and `a-z` ranges, escaped for a RegExp class. */
function characterClass(body: string): string | undefined {
	if (body === '') {
		return undefined;
	}
	let result = '';
	for (let i = 0; i < body.length; i++) {
		if (body[i + 1] === '-' && i + 2 < body.length) {
			if (body[i] > body[i + 2]) {
				return undefined;
			}
			result += `${escapeClass(body[i])}-${escapeClass(body[i + 2])}`;
			i += 2;
		} else {
			result += escapeClass(body[i]);
		}
	}
	return result;
}

function escapeRegExp(ch: string): string {
	return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function escapeClass(ch: string): string {
	return /[\\\]^-]/.test(ch) ? `\\${ch}` : ch;
}
