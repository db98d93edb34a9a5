import type { IFileReader } from '../fs/fileReader';
import { join } from '../fs/posixPath';

/**
 * What a shortcode template does with its inner text, measured on Hugo 0.111.3:
 * - `nothing`: shows it as code (`highlight`, `htmlEscape`) or never prints it: an `<img>` or `![]()`
 *   there is a sample or dropped, not a picture;
 * - `verbatim`: prints `.Inner` as written: called with `{{< >}}`, Markdown there stays text while raw HTML
 *   reaches the page even where Goldmark would omit it;
 * - `markdown`: renders it as Markdown (`markdownify`, `RenderString`), or not known: treated like the post.
 */
export type InnerRendering = 'nothing' | 'verbatim' | 'markdown';

export interface ShortcodeTemplate {
	readonly inner: InnerRendering;
	/**
	 * The output opens with an HTML tag. Called with `{{% %}}`, the output is Markdown source, so it is an HTML
	 * block: Goldmark omits all of it without `unsafe`, and Markdown printed verbatim inside stays text.
	 */
	readonly htmlBlock: boolean;
}

/** Shortcode name → what its template does with the inner text; names not in it render theirs as Markdown. */
export type ShortcodeInners = ReadonlyMap<string, ShortcodeTemplate>;

/** Hugo's own shortcodes that take inner text. */
export const BUILT_IN_SHORTCODES: ShortcodeInners = new Map([['highlight', { inner: 'nothing', htmlBlock: false }]]);

/** What a shortcode template does with its inner text, read from the template's source. */
export function readShortcodeTemplate(template: string): ShortcodeTemplate {
	// The text the template prints around its actions.
	const htmlBlock = template.replace(/\{\{[\s\S]*?\}\}/g, '').trimStart().startsWith('<');
	if (/\bhighlight\s|\bhtmlEscape\b/i.test(template)) {
		return { inner: 'nothing', htmlBlock };
	}
	// A partial given the shortcode may print the inner text any way: not known.
	if (/\bmarkdownify\b|\bRenderString\b|\bpartial\b/i.test(template)) {
		return { inner: 'markdown', htmlBlock };
	}
	return { inner: /\.Inner\b/.test(template) ? 'verbatim' : 'nothing', htmlBlock };
}

/**
 * The shortcodes a site defines in its shortcode folders (`layouts/shortcodes/` of the project, then of
 * each theme: the first folder that defines a name decides it), over Hugo's own. A template name's first
 * part is the shortcode's name (`code.html`, `code.en.html`, `code.amp.html` all define `code`); when a
 * folder has several templates of one name, the one that lets most through counts.
 */
export async function readSiteShortcodes(shortcodeDirs: readonly string[], files: IFileReader): Promise<ShortcodeInners> {
	const decided = new Map<string, ShortcodeTemplate>();
	const rank: Record<InnerRendering, number> = { nothing: 0, verbatim: 1, markdown: 2 };
	for (const dir of shortcodeDirs) {
		const inDir = new Map<string, ShortcodeTemplate>();
		for (const [fileName, kind] of await files.readDirectory(dir)) {
			const name = fileName.split('.')[0];
			if (kind !== 'file' || decided.has(name)) {
				continue;
			}
			const template = await files.readText(join(dir, fileName));
			const read = template === undefined ? { inner: 'markdown' as const, htmlBlock: false } : readShortcodeTemplate(template);
			const earlier = inDir.get(name);
			inDir.set(name, earlier !== undefined && rank[earlier.inner] > rank[read.inner] ? earlier : read);
		}
		for (const [name, read] of inDir) {
			decided.set(name, read);
		}
	}
	for (const [name, read] of BUILT_IN_SHORTCODES) {
		if (!decided.has(name)) {
			decided.set(name, read);
		}
	}
	return decided;
}
