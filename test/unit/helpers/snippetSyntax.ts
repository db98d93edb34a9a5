/**
 * VS Code's snippet syntax (tabstops, placeholders, choices, variables, transforms), parsed strictly so a
 * mistake in `snippets/markdown.json` fails a test instead of silently turning into literal text the way the
 * editor's lenient parser would. Grammar: https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar
 */

export type SnippetNode =
	| { readonly kind: 'text'; readonly value: string }
	| { readonly kind: 'tabstop'; readonly index: number; readonly children: readonly SnippetNode[] }
	| { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] }
	| { readonly kind: 'variable'; readonly name: string; readonly children: readonly SnippetNode[]; readonly transformed: boolean };

export class SnippetSyntaxError extends Error {
	constructor(message: string, readonly offset: number) {
		super(`${message} at offset ${offset}`);
	}
}

/** Parses a snippet body. Throws {@link SnippetSyntaxError} where VS Code would fall back to literal text. */
export function parseSnippet(body: string): SnippetNode[] {
	const parser = new SnippetParser(body);
	const nodes = parser.parseUntil(undefined);
	return nodes;
}

/**
 * Expands a parsed snippet the way the editor first shows it: placeholders and variables with their
 * values, choices with their first option, empty tabstops as nothing. Unknown variables are an error here
 * (VS Code would insert their name), because in our snippets they can only be typos.
 */
export function expandSnippet(nodes: readonly SnippetNode[], variables: Readonly<Record<string, string>>): string {
	const defaults = new Map<number, string>();
	collectTabstopDefaults(nodes, variables, defaults);
	return expandNodes(nodes, variables, defaults);
}

/** Every tabstop index used, so tests can check a snippet numbers its stops without gaps. */
export function tabstopIndexes(nodes: readonly SnippetNode[]): number[] {
	const indexes = new Set<number>();
	const visit = (list: readonly SnippetNode[]) => {
		for (const node of list) {
			if (node.kind === 'tabstop' || node.kind === 'choice') {
				indexes.add(node.index);
			}
			if (node.kind === 'tabstop' || node.kind === 'variable') {
				visit(node.children);
			}
		}
	};
	visit(nodes);
	return [...indexes].sort((a, b) => a - b);
}

/** Variable names a snippet uses. */
export function variableNames(nodes: readonly SnippetNode[]): string[] {
	const names = new Set<string>();
	const visit = (list: readonly SnippetNode[]) => {
		for (const node of list) {
			if (node.kind === 'variable') {
				names.add(node.name);
			}
			if (node.kind === 'tabstop' || node.kind === 'variable') {
				visit(node.children);
			}
		}
	};
	visit(nodes);
	return [...names].sort();
}

function collectTabstopDefaults(nodes: readonly SnippetNode[], variables: Readonly<Record<string, string>>, defaults: Map<number, string>): void {
	for (const node of nodes) {
		// Nested stops first: a placeholder's text includes theirs.
		if (node.kind === 'tabstop' || node.kind === 'variable') {
			collectTabstopDefaults(node.children, variables, defaults);
		}
		// As in the editor, the first stop with content gives every mirror of that index its text.
		if (node.kind === 'tabstop' && node.children.length > 0 && !defaults.has(node.index)) {
			defaults.set(node.index, expandNodes(node.children, variables, defaults));
		} else if (node.kind === 'choice' && !defaults.has(node.index)) {
			defaults.set(node.index, node.options[0]);
		}
	}
}

function expandNodes(nodes: readonly SnippetNode[], variables: Readonly<Record<string, string>>, defaults: ReadonlyMap<number, string>): string {
	let out = '';
	for (const node of nodes) {
		switch (node.kind) {
			case 'text':
				out += node.value;
				break;
			case 'tabstop':
			case 'choice':
				out += defaults.get(node.index) ?? '';
				break;
			case 'variable': {
				const value = variables[node.name];
				if (value === undefined) {
					throw new Error(`Unknown snippet variable ${node.name}`);
				}
				out += value;
				break;
			}
		}
	}
	return out;
}

class SnippetParser {
	#pos = 0;
	readonly #text: string;

	constructor(text: string) {
		this.#text = text;
	}

	/** Parses nodes until `closer` (`}` inside a placeholder) or the end of the body. */
	parseUntil(closer: '}' | undefined): SnippetNode[] {
		const nodes: SnippetNode[] = [];
		let text = '';
		const flush = () => {
			if (text) {
				nodes.push({ kind: 'text', value: text });
				text = '';
			}
		};
		while (this.#pos < this.#text.length) {
			const ch = this.#text[this.#pos];
			if (ch === '\\') {
				const next = this.#text[this.#pos + 1];
				// Only `$`, `}` and `\` are escapable; any other backslash is literal.
				if (next === '$' || next === '}' || next === '\\') {
					text += next;
					this.#pos += 2;
				} else {
					text += ch;
					this.#pos++;
				}
				continue;
			}
			if (ch === '}' && closer === '}') {
				flush();
				return nodes;
			}
			if (ch === '$') {
				flush();
				nodes.push(this.#parseDollar());
				continue;
			}
			text += ch;
			this.#pos++;
		}
		if (closer) {
			throw new SnippetSyntaxError('Unclosed "${"', this.#pos);
		}
		flush();
		return nodes;
	}

	#parseDollar(): SnippetNode {
		const start = this.#pos;
		this.#pos++; // $
		const digits = this.#match(/[0-9]+/y);
		if (digits !== undefined) {
			return { kind: 'tabstop', index: Number(digits), children: [] };
		}
		const name = this.#match(/[_a-zA-Z][_a-zA-Z0-9]*/y);
		if (name !== undefined) {
			return { kind: 'variable', name, children: [], transformed: false };
		}
		if (this.#text[this.#pos] !== '{') {
			throw new SnippetSyntaxError('A "$" that starts nothing (write "\\$" for a dollar sign)', start);
		}
		this.#pos++; // {
		const index = this.#match(/[0-9]+/y);
		if (index !== undefined) {
			return this.#parseTabstopBody(Number(index), start);
		}
		const variable = this.#match(/[_a-zA-Z][_a-zA-Z0-9]*/y);
		if (variable !== undefined) {
			return this.#parseVariableBody(variable, start);
		}
		throw new SnippetSyntaxError('"${" must be followed by a tabstop number or a variable name', start);
	}

	#parseTabstopBody(index: number, start: number): SnippetNode {
		const next = this.#text[this.#pos];
		if (next === '}') {
			this.#pos++;
			return { kind: 'tabstop', index, children: [] };
		}
		if (next === ':') {
			this.#pos++;
			const children = this.parseUntil('}');
			this.#pos++; // }
			return { kind: 'tabstop', index, children };
		}
		if (next === '|') {
			this.#pos++;
			return { kind: 'choice', index, options: this.#parseChoiceOptions(start) };
		}
		if (next === '/') {
			this.#parseTransform(start);
			return { kind: 'tabstop', index, children: [] };
		}
		throw new SnippetSyntaxError(`Unexpected "${next ?? 'end of snippet'}" in tabstop ${index}`, this.#pos);
	}

	#parseVariableBody(name: string, start: number): SnippetNode {
		const next = this.#text[this.#pos];
		if (next === '}') {
			this.#pos++;
			return { kind: 'variable', name, children: [], transformed: false };
		}
		if (next === ':') {
			this.#pos++;
			const children = this.parseUntil('}');
			this.#pos++; // }
			return { kind: 'variable', name, children, transformed: false };
		}
		if (next === '/') {
			this.#parseTransform(start);
			return { kind: 'variable', name, children: [], transformed: true };
		}
		throw new SnippetSyntaxError(`Unexpected "${next ?? 'end of snippet'}" in variable ${name}`, this.#pos);
	}

	#parseChoiceOptions(start: number): string[] {
		const options: string[] = [];
		let option = '';
		while (this.#pos < this.#text.length) {
			const ch = this.#text[this.#pos];
			if (ch === '\\' && /[,|\\$}]/.test(this.#text[this.#pos + 1] ?? '')) {
				option += this.#text[this.#pos + 1];
				this.#pos += 2;
				continue;
			}
			if (ch === ',') {
				options.push(option);
				option = '';
				this.#pos++;
				continue;
			}
			if (ch === '|') {
				if (this.#text[this.#pos + 1] !== '}') {
					throw new SnippetSyntaxError('A choice must end with "|}"', this.#pos);
				}
				options.push(option);
				this.#pos += 2;
				return options;
			}
			option += ch;
			this.#pos++;
		}
		throw new SnippetSyntaxError('Unclosed choice', start);
	}

	/** Skips `/regex/format/options}`, checking the regex compiles. */
	#parseTransform(start: number): void {
		const parts: string[] = [];
		this.#pos++; // the first /
		let part = '';
		while (this.#pos < this.#text.length && parts.length < 2) {
			const ch = this.#text[this.#pos];
			if (ch === '\\' && this.#pos + 1 < this.#text.length) {
				part += ch + this.#text[this.#pos + 1];
				this.#pos += 2;
				continue;
			}
			// A format's `${1:/upcase}` may contain slashes of its own.
			if (parts.length === 1 && ch === '$' && this.#text[this.#pos + 1] === '{') {
				const close = this.#text.indexOf('}', this.#pos);
				if (close < 0) {
					throw new SnippetSyntaxError('Unclosed "${" in a transform format', this.#pos);
				}
				part += this.#text.slice(this.#pos, close + 1);
				this.#pos = close + 1;
				continue;
			}
			if (ch === '/') {
				parts.push(part);
				part = '';
			} else {
				part += ch;
			}
			this.#pos++;
		}
		const flags = this.#match(/[a-z]*/y) ?? '';
		if (parts.length < 2 || this.#text[this.#pos] !== '}') {
			throw new SnippetSyntaxError('Unclosed transform', start);
		}
		this.#pos++;
		try {
			new RegExp(parts[0], flags);
		} catch (error) {
			throw new SnippetSyntaxError(`Invalid transform regex: ${error instanceof Error ? error.message : String(error)}`, start);
		}
	}

	#match(pattern: RegExp): string | undefined {
		pattern.lastIndex = this.#pos;
		const match = pattern.exec(this.#text);
		if (!match || match[0] === '') {
			return undefined;
		}
		this.#pos += match[0].length;
		return match[0];
	}
}
