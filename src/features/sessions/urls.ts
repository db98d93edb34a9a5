/** Reading schedule URLs out of what the writer pasted, typed or selected. */

/** At most this many URLs in one "Insert Sessions" run: a long paste is more likely a mistake than a schedule. */
export const MAX_URLS = 100;

/** Why `text` is not a URL the command can look up, or `undefined` when it is one. */
export function httpUrlProblem(text: string): string | undefined {
	const trimmed = text.trim();
	if (trimmed === '') {
		return 'Paste the URL of a session on the conference schedule.';
	}
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return `Not a URL: "${trimmed.slice(0, 80)}". It should start with https://`;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return `Only http and https links are supported, not ${url.protocol}`;
	}
	if (url.username || url.password) {
		return 'A schedule URL must not carry a user name or password.';
	}
	return undefined;
}

export function isHttpUrl(text: string): boolean {
	return httpUrlProblem(text) === undefined;
}

/**
 * The URLs in a pasted list: separated by white space or commas, and also where one URL runs into
 * the next (an input box joins pasted lines without a separator), unless it sits in a query.
 */
export function splitUrls(text: string): string[] {
	// `<` and `>` never occur in a URL; they only wrap one, as in Markdown autolinks.
	return text
		.split(/[\s,<>]+/)
		.flatMap(token => token.split(/(?<=[^=?&/:%(])(?=https?:\/\/)/i))
		.filter(token => token !== '');
}

/**
 * The URLs of a selection holding one URL per line (optionally as list items or in `<…>`), or
 * `undefined` when any non-blank line is something else: then the selection is not a list to convert.
 */
export function urlsFromLines(text: string): string[] | undefined {
	const urls: string[] = [];
	for (const line of text.split(/\r?\n/)) {
		const item = line.trim().replace(/^[-*+]\s+/, '').replace(/^<(.*)>$/, '$1');
		if (item === '') {
			continue;
		}
		if (!isHttpUrl(item) || /\s/.test(item)) {
			return undefined;
		}
		urls.push(item);
	}
	return urls.length > 0 ? urls : undefined;
}
