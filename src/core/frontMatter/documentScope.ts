// Which Markdown files get front matter checks, decided from the path alone: shared by the editor's
// diagnostics and `event-writeup check`, so both check the same posts.

/**
 * Folders whose Markdown Hugo does not render as pages, the same ones `event-writeup check` does not
 * search: archetypes are Go templates (`date = {{ .Date }}` is right there and a TOML error anywhere
 * else), static files are copied as they are, and the rest is output, templates, data or dependencies.
 * Hidden folders (`.github` issue templates carry their own front matter) are skipped too.
 */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'public', 'resources', 'archetypes', 'layouts', 'static', 'assets', 'data', 'i18n']);

/**
 * Whether a Markdown file, given by its path relative to its workspace folder, is checked. The path is
 * relative so that the folders above the workspace (a home under `/data/`) do not count.
 */
export function isCheckedMarkdownPath(relativePath: string): boolean {
	const folders = relativePath.split('/').filter(segment => segment !== '').slice(0, -1);
	return folders.every(isSearchedFolder);
}

/** The extensions Hugo renders as Markdown (`.markdown` is common in blogs that began on Jekyll). */
const MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set(['md', 'markdown', 'mdown', 'mkd', 'mkdn']);

/** Whether a file name is a Markdown post by its extension. */
export function isMarkdownFileName(name: string): boolean {
	const dot = name.lastIndexOf('.');
	return dot > 0 && MARKDOWN_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/** Whether posts are looked for inside a folder of this name. */
export function isSearchedFolder(name: string): boolean {
	return !SKIPPED_FOLDERS.has(name) && !name.startsWith('.');
}

/**
 * `_index.md` is a list page (home, section, taxonomy): Hugo titles it from its folder and dates it from
 * its newest content, so neither a title nor the required-fields setting, written with posts in mind,
 * applies to it (as in `event-writeup check`).
 */
export function isListPagePath(path: string): boolean {
	const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
	return name === '_index.md' || name === '_index.markdown';
}
