/**
 * The front matter fields Hugo reads (hugo.md §2), with what each one does, for key completions. Field
 * names are case-insensitive in Hugo; these are the spellings its documentation uses.
 */

export type FieldValueKind = 'string' | 'date' | 'boolean' | 'stringList' | 'integer' | 'table' | 'tableList' | 'choice' | 'imagePath' | 'imagePathList';

export interface FrontMatterField {
	readonly name: string;
	readonly kind: FieldValueKind;
	readonly doc: string;
	/** For `choice`: the values Hugo accepts. */
	readonly choices?: readonly string[];
}

export const FRONT_MATTER_FIELDS: readonly FrontMatterField[] = [
	{ name: 'title', kind: 'string', doc: 'The page title.' },
	{ name: 'date', kind: 'date', doc: 'The page date, shown on the post and used to sort it. RFC 3339 with an offset (`2017-05-12T18:30:00-04:00`) reads the same everywhere.' },
	{ name: 'draft', kind: 'boolean', doc: '`true` keeps the post out of the build unless Hugo runs with `-D`. Only the boolean `true` (or the string `"true"`) makes a draft.' },
	{ name: 'description', kind: 'string', doc: 'The meta description of the page, shown by search engines and link previews.' },
	{ name: 'tags', kind: 'stringList', doc: 'Terms of the `tags` taxonomy: a list of strings. A single string would make templates iterate over its characters.' },
	{ name: 'categories', kind: 'stringList', doc: 'Terms of the `categories` taxonomy: a list of strings.' },
	{ name: 'slug', kind: 'string', doc: 'Replaces the last segment of the page URL (`/post/<slug>/`).' },
	{ name: 'url', kind: 'string', doc: 'Replaces the whole path of the page (`/custom/path/`).' },
	{ name: 'aliases', kind: 'stringList', doc: 'Old paths that redirect to this page, such as `/2017/05/old-name/`.' },
	{ name: 'cover', kind: 'imagePath', doc: 'Not predefined by Hugo: a page parameter many themes read as the cover image. A site-root path such as `/images/2017/05/hall.jpg`.' },
	{ name: 'images', kind: 'imagePathList', doc: 'Images for Open Graph, Twitter Cards and schema.org, read by Hugo\'s embedded templates.' },
	{ name: 'summary', kind: 'string', doc: 'Replaces the automatic summary of the page.' },
	{ name: 'keywords', kind: 'stringList', doc: 'Meta keywords: a list of strings.' },
	{ name: 'lastmod', kind: 'date', doc: 'The date of the last modification.' },
	{ name: 'publishDate', kind: 'date', doc: 'A date in the future keeps the page out of the build until then (unless Hugo runs with `-F`).' },
	{ name: 'expiryDate', kind: 'date', doc: 'A date in the past keeps the page out of the build (unless Hugo runs with `-E`).' },
	{ name: 'weight', kind: 'integer', doc: 'Orders pages in lists, lower first; `0` means unset.' },
	{ name: 'linkTitle', kind: 'string', doc: 'A shorter title for menus and links.' },
	{ name: 'params', kind: 'table', doc: 'Custom parameters, read by templates as `.Params.<key>`.' },
	{ name: 'build', kind: 'table', doc: 'Build options: `list` (`always`/`local`/`never`), `render` (`always`/`link`/`never`), `publishResources` (boolean).' },
	{ name: 'cascade', kind: 'table', doc: 'Values passed down to the descendants of this page.' },
	{ name: 'resources', kind: 'tableList', doc: 'Metadata of page resources: `src` (a glob), `name`, `title`, `params`.' },
	{ name: 'headless', kind: 'boolean', doc: '`true` publishes no page, only its resources (for leaf bundles).' },
	{ name: 'isCJKLanguage', kind: 'boolean', doc: '`true` counts words as Chinese, Japanese and Korean text does.' },
	{ name: 'layout', kind: 'string', doc: 'The template to render the page with.' },
	{ name: 'type', kind: 'string', doc: 'The content type, which picks the template lookup; defaults to the section.' },
	{ name: 'markup', kind: 'choice', choices: ['goldmark', 'markdown', 'html', 'asciidocext', 'org', 'pandoc', 'rst'], doc: 'The renderer of the content, instead of the one the file extension picks.' },
	{ name: 'menus', kind: 'stringList', doc: 'The menus the page appears in, such as `main`.' },
	{ name: 'outputs', kind: 'stringList', doc: 'Output formats of the page, such as `html` and `rss`.' },
	{ name: 'sitemap', kind: 'table', doc: 'Sitemap settings of the page: `changefreq`, `priority`, `disable`.' },
	{ name: 'translationKey', kind: 'string', doc: 'Links translations of the same page across languages.' },
];

const BY_LOWER_NAME = new Map(FRONT_MATTER_FIELDS.map(f => [f.name.toLowerCase(), f]));

/** The field Hugo reads for a key, whatever its case (`Draft`, `DATE`). */
export function fieldNamed(key: string): FrontMatterField | undefined {
	return BY_LOWER_NAME.get(key.toLowerCase());
}
