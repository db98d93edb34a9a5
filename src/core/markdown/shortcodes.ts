/** Hugo shortcode calls as written in a post: `{{< name args >}}`, `{{% name %}}`, `{{< /name >}}`. */

export interface ShortcodeCall {
	readonly name: string;
	readonly positional: readonly string[];
	readonly named: Readonly<Record<string, string>>;
	/** `{{< /name >}}` */
	readonly closing: boolean;
	/** `{{< name />}}` */
	readonly selfClosing: boolean;
	/** `{{% %}}`: the inner text is Markdown. */
	readonly markdown: boolean;
	/** A call written inside comment markers (a `/*` after the opening `{{<`, a `*` + `/` before the closing `>}}`): Hugo prints the call itself, without them. */
	readonly commented: boolean;
	/** The call's source text. */
	readonly source: string;
}

export interface ParsedShortcode {
	readonly call: ShortcodeCall;
	/** Offset just after the call's closing `>}}` / `%}}`. */
	readonly end: number;
}

// A call that does not close within this many characters is text: keeps a stray `{{<` from scanning a
// whole 1 MB post, once per occurrence.
const MAX_CALL_LENGTH = 4_000;
const NAME = /[A-Za-z0-9_./-]/;

/** Parses the shortcode call starting at `start` (which must be `{{<` or `{{%`), or `undefined` when it is not one. */
export function parseShortcodeAt(src: string, start: number): ParsedShortcode | undefined {
	if (src.charCodeAt(start) !== 0x7B || src.charCodeAt(start + 1) !== 0x7B) {
		return undefined;
	}
	const kind = src[start + 2];
	if (kind !== '<' && kind !== '%') {
		return undefined;
	}
	const close = kind === '<' ? '>}}' : '%}}';
	const limit = Math.min(src.length, start + MAX_CALL_LENGTH);
	if (src.startsWith('/*', start + 3)) {
		const end = src.indexOf(`*/${close}`, start + 5);
		if (end < 0 || end > limit) {
			return undefined;
		}
		const source = `{{${kind}${src.slice(start + 5, end)}${close}`;
		const parsed = parseShortcodeAt(source, 0);
		return {
			end: end + 2 + close.length,
			call: { ...(parsed?.call ?? emptyCall(kind === '%')), commented: true, source },
		};
	}
	let pos = start + 3;
	const skipSpace = () => {
		while (pos < limit && /\s/.test(src[pos])) {
			pos++;
		}
	};
	skipSpace();
	let closing = false;
	if (src[pos] === '/') {
		closing = true;
		pos++;
		skipSpace();
	}
	const nameStart = pos;
	while (pos < limit && NAME.test(src[pos])) {
		pos++;
	}
	const name = src.slice(nameStart, pos);
	if (name === '') {
		return undefined;
	}
	const positional: string[] = [];
	const named: Record<string, string> = {};
	for (;;) {
		skipSpace();
		if (pos >= limit) {
			return undefined;
		}
		if (src.startsWith(close, pos) || src.startsWith(`/${close}`, pos)) {
			const selfClosing = src[pos] === '/';
			const end = pos + close.length + (selfClosing ? 1 : 0);
			return {
				end,
				call: { name, positional, named, closing, selfClosing, markdown: kind === '%', commented: false, source: src.slice(start, end) },
			};
		}
		const first = readValue();
		if (first === undefined) {
			return undefined;
		}
		if (src[pos] === '=' && !first.quoted) {
			pos++;
			const value = readValue();
			if (value === undefined) {
				return undefined;
			}
			named[first.text] = value.text;
		} else {
			positional.push(first.text);
		}
	}

	function readValue(): { text: string; quoted: boolean } | undefined {
		const quote = src[pos];
		if (quote === '"') {
			let text = '';
			for (pos++; pos < limit; pos++) {
				if (src[pos] === '\\' && pos + 1 < limit) {
					text += src[++pos];
				} else if (src[pos] === '"') {
					pos++;
					return { text, quoted: true };
				} else {
					text += src[pos];
				}
			}
			return undefined;
		}
		if (quote === '`') {
			const end = src.indexOf('`', pos + 1);
			if (end < 0 || end >= limit) {
				return undefined;
			}
			const text = src.slice(pos + 1, end);
			pos = end + 1;
			return { text, quoted: true };
		}
		const valueStart = pos;
		while (pos < limit && !/[\s=]/.test(src[pos]) && !src.startsWith(close, pos) && !src.startsWith(`/${close}`, pos)) {
			pos++;
		}
		return pos > valueStart ? { text: src.slice(valueStart, pos), quoted: false } : undefined;
	}
}

function emptyCall(markdown: boolean): ShortcodeCall {
	return { name: '', positional: [], named: {}, closing: false, selfClosing: false, markdown, commented: false, source: '' };
}

/** A named argument, else the positional one at `index` (Hugo's `.Get`); `undefined` when absent or empty. */
export function shortcodeArg(call: ShortcodeCall, name: string, index?: number): string | undefined {
	const value = call.named[name] ?? (index === undefined ? undefined : call.positional[index]);
	return value === '' ? undefined : value;
}
