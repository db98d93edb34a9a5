/** Plans a new post: where it goes, its front matter (from an archetype when the site has one) and the cursor. */
import type { IFileReader } from '../fs/fileReader';
import { basename, join, relativeInside, resolve } from '../fs/posixPath';
import type { Position } from '../text';
import { applyArchetype, frontMatterBlock, setFrontMatterList } from './archetype';
import { detectPostFormat, newPostFrontMatter, type PostFormat } from './frontMatter';
import { slugify } from './slug';

/** The parts of a Hugo site a new post needs. */
export interface PostSiteLayout {
	/** Absolute project folder. */
	readonly root: string;
	/** Absolute content folder. */
	readonly contentDir: string;
	/** Absolute themes folder and theme names, highest precedence first, whose archetypes also count. */
	readonly themesDir: string;
	readonly themes: readonly string[];
}

export interface NewPostRequest {
	readonly title: string;
	readonly tags?: readonly string[];
	readonly categories?: readonly string[];
	/** RFC 3339 with offset (see `formatRfc3339`). */
	readonly date: string;
	/** `auto` follows the site's existing posts; an archetype's own format always wins. */
	readonly format: PostFormat | 'auto';
	/** The folder for the post, absolute or relative to the site root; default `<contentDir>/post`. */
	readonly folder?: string;
}

export interface NewPostPlan {
	/** Absolute path of the file to create; never an existing file at planning time. */
	readonly path: string;
	readonly slug: string;
	readonly text: string;
	/** Where the writer starts typing: after the front matter and a blank line. */
	readonly cursor: Position;
	readonly format: PostFormat;
	/** The archetype applied, when one was found. */
	readonly archetype?: string;
	/** Things the writer should know: unresolved archetype actions, a name taken by another post. */
	readonly warnings: readonly string[];
}

/** Reading this many of a folder's posts is enough to see which format the site uses, and stays fast in big archives. */
const FORMAT_SAMPLE_SIZE = 20;
const MAX_NAME_SUFFIX = 99;

export async function planNewPost(files: IFileReader, site: PostSiteLayout, request: NewPostRequest): Promise<NewPostPlan> {
	const folder = request.folder ? resolve(site.root, request.folder) : join(site.contentDir, 'post');
	const warnings: string[] = [];
	const baseSlug = slugify(request.title);
	const slug = await freeSlug(files, folder, baseSlug);
	if (slug !== baseSlug) {
		warnings.push(`${baseSlug}.md already exists, so the new post is ${slug}.md.`);
	}
	const section = sectionOf(site.contentDir, folder);
	const tags = request.tags ?? [];
	const categories = request.categories ?? [];

	const archetype = await findArchetype(files, site, section);
	let text: string;
	let format: PostFormat;
	if (archetype) {
		const applied = applyArchetype(archetype.text, { name: slug, title: request.title, date: request.date, type: section });
		if (applied.unresolved.length > 0) {
			warnings.push(`The archetype ${basename(archetype.path)} uses template actions left as written: ${applied.unresolved.join(' ')}`);
		}
		format = applied.format ?? await chooseFormat(files, folder, request.format);
		text = applied.text;
		if (!applied.format) {
			// Without front matter of its own the archetype is a body; the post still needs a title and date.
			text = newPostFrontMatter({ title: request.title, date: request.date, slug, tags, categories, draft: true }, format) + '\n' + text;
		} else {
			if (tags.length > 0) {
				text = setFrontMatterList(text, format, 'tags', tags);
			}
			if (categories.length > 0) {
				text = setFrontMatterList(text, format, 'categories', categories);
			}
		}
	} else {
		format = await chooseFormat(files, folder, request.format);
		text = newPostFrontMatter({ title: request.title, date: request.date, slug, tags, categories, draft: true }, format) + '\n';
	}
	const placed = placeCursor(text, format);
	return { path: join(folder, `${slug}.md`), slug, text: placed.text, cursor: placed.cursor, format, archetype: archetype?.path, warnings };
}

async function freeSlug(files: IFileReader, folder: string, slug: string): Promise<string> {
	if (await files.stat(join(folder, `${slug}.md`)) === undefined) {
		return slug;
	}
	for (let suffix = 2; suffix <= MAX_NAME_SUFFIX; suffix++) {
		const candidate = `${slug}-${suffix}`;
		if (await files.stat(join(folder, `${candidate}.md`)) === undefined) {
			return candidate;
		}
	}
	throw new Error(`Posts named ${slug}.md up to ${slug}-${MAX_NAME_SUFFIX}.md all exist; choose another title.`);
}

/** The section (content type) of a folder: its first segment inside the content folder, as in Hugo. */
function sectionOf(contentDir: string, folder: string): string {
	const inside = relativeInside(contentDir, folder);
	const first = inside?.split('/')[0];
	return first || basename(folder) || 'post';
}

/**
 * The archetype `hugo new` would use: `archetypes/<section>.md`, then `archetypes/default.md`, each in
 * the project before the themes.
 */
async function findArchetype(files: IFileReader, site: PostSiteLayout, section: string): Promise<{ path: string; text: string } | undefined> {
	const folders = [join(site.root, 'archetypes'), ...site.themes.map(theme => join(site.themesDir, theme, 'archetypes'))];
	for (const name of [`${section}.md`, 'default.md']) {
		for (const folder of folders) {
			const path = join(folder, name);
			// Asking the file system first: a reader may still hold the text of an editor whose file was deleted.
			const text = await files.stat(path) === 'file' ? await files.readText(path) : undefined;
			if (text !== undefined) {
				return { path, text };
			}
		}
	}
	return undefined;
}

async function chooseFormat(files: IFileReader, folder: string, requested: PostFormat | 'auto'): Promise<PostFormat> {
	if (requested !== 'auto') {
		return requested;
	}
	const posts: string[] = [];
	for (const [name, kind] of await files.readDirectory(folder)) {
		if (kind === 'file' && name.endsWith('.md')) {
			const text = await files.readText(join(folder, name));
			if (text !== undefined) {
				posts.push(text);
			}
			if (posts.length >= FORMAT_SAMPLE_SIZE) {
				break;
			}
		}
	}
	return detectPostFormat(posts) ?? 'toml';
}

/**
 * Puts the cursor after the front matter and a blank line. An archetype whose body is only blank
 * lines gets exactly one blank line there; a body with content keeps it, cursor at its start.
 */
function placeCursor(text: string, format: PostFormat): { text: string; cursor: Position } {
	const block = frontMatterBlock(text, format);
	if (!block) {
		return { text, cursor: { line: 0, character: 0 } };
	}
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const head = text.slice(0, block.end);
	const body = text.slice(block.end);
	const closed = head.endsWith('\n') ? head : head + eol;
	if (body.trim() === '') {
		return { text: closed + eol, cursor: { line: block.closeLine + 2, character: 0 } };
	}
	return { text: closed + body, cursor: { line: block.closeLine + 1, character: 0 } };
}
