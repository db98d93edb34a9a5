/** POSIX path helpers for the core, which may not use Node's `path` (it also runs in a web build). */

// An empty, `.` or `..` segment, or a trailing slash: what normalizing changes. A path without any (most
// paths, which come from the file system or from a join of normal ones) is its own normal form.
const NOT_NORMAL = /\/\/|(?:^|\/)\.\.?(?:\/|$)|.\/$/;

export function normalize(path: string): string {
	if (path !== '' && !NOT_NORMAL.test(path)) {
		return path;
	}
	const absolute = path.startsWith('/');
	const parts: string[] = [];
	for (const part of path.split('/')) {
		if (part === '' || part === '.') {
			continue;
		}
		if (part === '..') {
			if (parts.length > 0 && parts[parts.length - 1] !== '..') {
				parts.pop();
			} else if (!absolute) {
				parts.push('..');
			}
			continue;
		}
		parts.push(part);
	}
	const joined = parts.join('/');
	return absolute ? `/${joined}` : (joined || '.');
}

export function join(...segments: string[]): string {
	return normalize(segments.filter(s => s !== '').join('/'));
}

/** Resolves `path` against `base` unless it is already absolute. */
export function resolve(base: string, path: string): string {
	return path.startsWith('/') ? normalize(path) : join(base, path);
}

export function dirname(path: string): string {
	const normalized = normalize(path);
	const index = normalized.lastIndexOf('/');
	if (index <= 0) {
		return normalized.startsWith('/') ? '/' : '.';
	}
	return normalized.slice(0, index);
}

export function basename(path: string): string {
	const normalized = normalize(path);
	return normalized.slice(normalized.lastIndexOf('/') + 1);
}

export function extname(path: string): string {
	const name = basename(path);
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot) : '';
}

/** `path` relative to `from`, or `undefined` when `path` is not inside `from`. */
export function relativeInside(from: string, path: string): string | undefined {
	const base = normalize(from);
	const target = normalize(path);
	if (target === base) {
		return '';
	}
	const prefix = base.endsWith('/') ? base : `${base}/`;
	return target.startsWith(prefix) ? target.slice(prefix.length) : undefined;
}

/** Whether `path` is one of `folders` or lies inside one, by its path alone. */
export function isAtOrInsideAny(path: string, folders: ReadonlySet<string>): boolean {
	for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 1)) {
		if (folders.has(path.slice(0, end))) {
			return true;
		}
	}
	return false;
}
