import type { Severity } from './validate';

export interface RuleInfo {
	/** Stable: shown in diagnostics and CLI output, used by settings and docs links. */
	readonly code: string;
	/** The usual severity; a few findings of a rule differ (see the description). */
	readonly severity: Severity;
	readonly description: string;
	/** The anchor of the rule's entry in README.md. */
	readonly docsAnchor: string;
}

function rule(code: string, severity: Severity, description: string): RuleInfo {
	return { code, severity, description, docsAnchor: `#${code}` };
}

/** Every front matter rule, in the order the README lists them. */
export const RULES: readonly RuleInfo[] = [
	rule('fm-syntax', 'error', 'The front matter is not valid TOML, YAML or JSON: Hugo fails the build.'),
	rule('fm-unterminated', 'error', 'The front matter has no closing delimiter: Hugo fails the build.'),
	rule('fm-duplicate-key', 'error', 'A key is set twice. An error in TOML (Hugo fails); a warning in YAML and JSON, and for keys that differ only in case (one value is silently lost).'),
	rule('fm-date-unparsable', 'error', 'A date field (date, publishDate, lastmod, expiryDate and their aliases) that Hugo cannot read: Hugo 0.111 silently uses 0001-01-01, Hugo 0.135+ fails the build.'),
	rule('fm-date-empty', 'warning', 'A date field set to "": Hugo builds, but the page has no date.'),
	rule('fm-date-zone-abbreviation', 'warning', 'A date with a zone abbreviation (EDT): Hugo ignores the abbreviation and reads the time in the site time zone.'),
	rule('fm-draft-not-boolean', 'error', 'draft is not true or false. An error when Hugo reads it differently from what it says ("yes" and 1 publish the post), a warning when Hugo happens to read it as meant.'),
	rule('fm-list-expected', 'warning', 'tags, categories, aliases, keywords or images is a single string, or holds something other than strings: templates that range over it break.'),
	rule('fm-alias-invalid', 'error', 'An aliases entry that cannot become a redirect page: empty, a full URL, or leaving the site with "..".'),
	rule('fm-slug-invalid', 'warning', 'slug is empty, or holds characters Hugo drops from the page\'s address ("?", "!", "\'", …), so the page is not published where the slug says.'),
	rule('fm-url-invalid', 'warning', 'url is a full URL, is empty or not a string, or contains spaces.'),
	rule('fm-title-missing', 'warning', 'The post has no title, or an empty one.'),
	rule('fm-image-missing', 'warning', 'cover or images points to a file that is not in the site\'s static folders.'),
	rule('fm-required-field', 'warning', 'A field listed in the setting eventWriteup.frontMatter.requiredFields is missing.'),
	rule('fm-internal', 'error', 'The checker failed on this file (the message says why), so its front matter is not verified; other files are still checked.'),
];
