/**
 * Character scanning that skips quoted strings, for the line-oriented readers of front matter values
 * (completions, archetypes). Both TOML and YAML quote with `"…"` (backslash escapes) and `'…'` (none).
 */

export interface UnquotedScan {
	/** The quote still open at the end of the scan, if any. */
	readonly openQuote: '"' | '\'' | undefined;
	/** Where the text of the last opened string starts (just after its quote). */
	readonly lastStringStart: number;
	/** The index at which `visit` asked to stop, if it did. */
	readonly stoppedAt: number | undefined;
}

/**
 * Calls `visit` for every character of `text` outside quoted strings, quotes excluded, until it returns
 * `true`.
 */
export function scanUnquoted(text: string, visit: (ch: string, index: number) => boolean | void = () => undefined): UnquotedScan {
	let quote: '"' | '\'' | undefined;
	let lastStringStart = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quote) {
			if (ch === '\\' && quote === '"') {
				i++;
			} else if (ch === quote) {
				quote = undefined;
			}
		} else if (ch === '"' || ch === '\'') {
			quote = ch;
			lastStringStart = i + 1;
		} else if (visit(ch, i) === true) {
			return { openQuote: undefined, lastStringStart, stoppedAt: i };
		}
	}
	return { openQuote: quote, lastStringStart, stoppedAt: undefined };
}

/** How many `[` outside strings `text` leaves open (negative when it closes more than it opens). */
export function openBracketDepth(text: string, options: { stopAtComment?: boolean } = {}): number {
	let depth = 0;
	scanUnquoted(text, ch => {
		if (ch === '#' && options.stopAtComment) {
			return true;
		}
		if (ch === '[') {
			depth++;
		} else if (ch === ']') {
			depth--;
		}
		return false;
	});
	return depth;
}
