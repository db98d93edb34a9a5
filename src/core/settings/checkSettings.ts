import { DEFAULT_REQUIRED_FIELDS, normalizeRequiredFields } from '../frontMatter/requiredFields';

/** The editor settings `check` honours, so a blog's CI checks what the editor checks. */
export interface CheckSettings {
	/** `eventWriteup.frontMatter.validate` */
	readonly frontMatter: boolean;
	/** `eventWriteup.images.validate` */
	readonly images: boolean;
	/** `eventWriteup.frontMatter.requiredFields` */
	readonly requiredFields: readonly string[];
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = { frontMatter: true, images: true, requiredFields: DEFAULT_REQUIRED_FIELDS };

/**
 * Reads the `eventWriteup.*` keys of a VS Code `settings.json` (JSON with comments and trailing commas):
 * top-level keys, then the `[markdown]` block, which VS Code applies to posts over them. `over` is what
 * applies first (a workspace's settings under a `--config` file's). Throws `SyntaxError` for text that is
 * not JSON with comments.
 */
export function readCheckSettings(settingsText: string, over: CheckSettings = DEFAULT_CHECK_SETTINGS): CheckSettings {
	const parsed: unknown = JSON.parse(stripJsonComments(settingsText));
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new SyntaxError('the settings are not a JSON object');
	}
	const record = parsed as Record<string, unknown>;
	const markdown = record['[markdown]'];
	let settings = apply(over, record);
	if (typeof markdown === 'object' && markdown !== null && !Array.isArray(markdown)) {
		settings = apply(settings, markdown as Record<string, unknown>);
	}
	return settings;
}

function apply(settings: CheckSettings, record: Record<string, unknown>): CheckSettings {
	const flag = (key: string, fallback: boolean) => typeof record[key] === 'boolean' ? record[key] as boolean : fallback;
	return {
		frontMatter: flag('eventWriteup.frontMatter.validate', settings.frontMatter),
		images: flag('eventWriteup.images.validate', settings.images),
		requiredFields: 'eventWriteup.frontMatter.requiredFields' in record
			? normalizeRequiredFields(record['eventWriteup.frontMatter.requiredFields'])
			: settings.requiredFields,
	};
}

/**
 * JSON with comments (`//`, `/* *\/`) and trailing commas, as VS Code writes settings, made plain JSON:
 * comments become spaces, a comma before `}` or `]` is dropped; strings are left as they are.
 */
export function stripJsonComments(text: string): string {
	let out = '';
	let pendingComma = '';
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '"') {
			let end = i + 1;
			while (end < text.length && text[end] !== '"') {
				end += text[end] === '\\' ? 2 : 1;
			}
			out += pendingComma + text.slice(i, end + 1);
			pendingComma = '';
			i = end;
		} else if (ch === '/' && text[i + 1] === '/') {
			while (i < text.length && text[i] !== '\n') {
				i++;
			}
			out += '\n';
		} else if (ch === '/' && text[i + 1] === '*') {
			const end = text.indexOf('*/', i + 2);
			i = end < 0 ? text.length : end + 1;
			out += ' ';
		} else if (ch === ',') {
			out += pendingComma;
			pendingComma = ',';
		} else if ((ch === '}' || ch === ']')) {
			pendingComma = '';
			out += ch;
		} else if (/\s/.test(ch)) {
			out += ch;
		} else {
			out += pendingComma + ch;
			pendingComma = '';
		}
	}
	return out + pendingComma;
}
