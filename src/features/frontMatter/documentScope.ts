// Which Markdown files get front matter checks, decided from the path alone (pure, unit-tested in Node).

/**
 * Archetypes are Go templates that Hugo expands into new posts: `date = {{ .Date }}` is correct there and a
 * TOML syntax error anywhere else, so files under an `archetypes` folder (the site's or a theme's) are skipped.
 */
export function isCheckedMarkdownPath(path: string): boolean {
	return !path.split('/').includes('archetypes');
}

/**
 * `_index.md` is a list page (home, section, taxonomy): Hugo dates it from its newest content and it usually
 * has no `date`, so the required-fields setting, written with posts in mind, does not apply to it.
 */
export function isListPagePath(path: string): boolean {
	const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
	return name === '_index.md' || name === '_index.markdown';
}
