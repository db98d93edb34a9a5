import hljs from 'highlight.js/lib/common';
import { tokenTypeValue } from './chromaStyle';

/** A run of code and its Chroma token type. */
export interface CodeToken {
	readonly type: number;
	readonly text: string;
}

/** highlight.js scopes to Chroma token types, by full scope and then by its first part. */
const SCOPE_TYPES: Record<string, string> = {
	keyword: 'Keyword',
	built_in: 'NameBuiltin',
	type: 'KeywordType',
	literal: 'KeywordConstant',
	number: 'LiteralNumber',
	operator: 'Operator',
	punctuation: 'Punctuation',
	property: 'NameProperty',
	regexp: 'LiteralStringRegex',
	string: 'LiteralString',
	'char.escape': 'LiteralStringEscape',
	subst: 'LiteralStringInterpol',
	symbol: 'LiteralStringSymbol',
	class: 'NameClass',
	function: 'NameFunction',
	variable: 'NameVariable',
	'variable.language': 'NameBuiltinPseudo',
	'variable.constant': 'NameConstant',
	title: 'NameFunction',
	'title.class': 'NameClass',
	'title.class.inherited': 'NameClass',
	'title.function': 'NameFunction',
	'title.function.invoke': 'NameFunction',
	params: 'Text',
	comment: 'Comment',
	doctag: 'CommentSpecial',
	meta: 'CommentPreproc',
	'meta.keyword': 'CommentPreproc',
	'meta.string': 'LiteralString',
	section: 'GenericHeading',
	tag: 'Text',
	name: 'NameTag',
	attr: 'NameAttribute',
	attribute: 'NameAttribute',
	bullet: 'Punctuation',
	code: 'LiteralStringBacktick',
	emphasis: 'GenericEmph',
	strong: 'GenericStrong',
	formula: 'LiteralOther',
	link: 'NameLabel',
	quote: 'GenericEmph',
	'selector-tag': 'NameTag',
	'selector-id': 'NameNamespace',
	'selector-class': 'NameClass',
	'selector-attr': 'NameAttribute',
	'selector-pseudo': 'NameDecorator',
	'template-tag': 'CommentPreproc',
	'template-variable': 'NameVariable',
	addition: 'GenericInserted',
	deletion: 'GenericDeleted',
};

/**
 * Where a language's Chroma lexer splits or names things differently from highlight.js, measured against
 * hugo on test/fixtures/markdown/highlight: scopes named otherwise (YAML and JSON keys are tags), words of
 * plain text that Chroma types (Go and JavaScript identifiers are `NameOther`, Python's `or` an operator
 * word, `import` a namespace keyword), and operators, which highlight.js leaves as plain text.
 */
interface LanguageTokens {
	readonly scopes?: Record<string, string>;
	readonly identifier?: string;
	readonly words?: Record<string, string>;
	readonly operators?: RegExp;
}

const C_OPERATORS = /[-+*/%&|^<>=!:?]+/g;
const LANGUAGE_TOKENS: Record<string, LanguageTokens> = {
	yaml: { scopes: { attr: 'NameTag', bullet: 'Punctuation' } },
	json: { scopes: { attr: 'NameTag' } },
	go: { identifier: 'NameOther', words: { package: 'KeywordNamespace', import: 'KeywordNamespace' }, operators: C_OPERATORS },
	javascript: { identifier: 'NameOther', operators: C_OPERATORS },
	typescript: { identifier: 'NameOther', operators: C_OPERATORS },
	python: { words: { import: 'KeywordNamespace', from: 'KeywordNamespace', and: 'OperatorWord', or: 'OperatorWord', not: 'OperatorWord', in: 'OperatorWord', is: 'OperatorWord' }, operators: /[-+*/%&|^<>=!.@]+/g },
};

const TEXT = tokenTypeValue('Text');

function typeOf(scope: string, language: string): number {
	const overrides = LANGUAGE_TOKENS[language]?.scopes;
	const name = overrides?.[scope] ?? SCOPE_TYPES[scope] ?? overrides?.[scope.split('.')[0]] ?? SCOPE_TYPES[scope.split('.')[0]];
	return name !== undefined ? tokenTypeValue(name) : TEXT;
}

interface ScopeNode {
	scope?: string;
	children: Array<string | ScopeNode>;
}

/** highlight.js's name for a fence language, when it has a grammar for it. */
function grammarFor(language: string): string | undefined {
	const grammar = hljs.getLanguage(language);
	if (!grammar) {
		return undefined;
	}
	return hljs.listLanguages().find(name => hljs.getLanguage(name) === grammar);
}

function isOperator(operators: RegExp, word: string): boolean {
	operators.lastIndex = 0;
	const match = operators.exec(word);
	return match !== null && match.index === 0 && match[0].length === word.length;
}

// Words and runs of operator characters in plain text.
const PLAIN_PARTS = /[A-Za-z_][A-Za-z0-9_]*|[-+*/%&|^<>=!:?.@]+/g;

/**
 * The code's tokens with Chroma's types, from highlight.js's grammar for the language; one `Text` token
 * when it has none. Adjacent runs of one type are merged, as Chroma's lexers coalesce them.
 */
export function codeTokens(code: string, language: string): CodeToken[] {
	const grammar = grammarFor(language);
	if (!grammar) {
		return code === '' ? [] : [{ type: TEXT, text: code }];
	}
	const result = hljs.highlight(code, { language: grammar, ignoreIllegals: true });
	const root = (result as unknown as { _emitter: { rootNode: ScopeNode } })._emitter.rootNode;
	const tokens: Array<{ type: number; text: string }> = [];
	const push = (type: number, text: string) => {
		const last = tokens[tokens.length - 1];
		if (last && last.type === type) {
			last.text += text;
		} else if (text !== '') {
			tokens.push({ type, text });
		}
	};
	const rules = LANGUAGE_TOKENS[grammar] ?? {};
	const plainText = (text: string) => {
		let last = 0;
		for (const match of text.matchAll(PLAIN_PARTS)) {
			const word = match[0];
			const type = /^[A-Za-z_]/.test(word)
				? rules.words?.[word] ?? rules.identifier
				: rules.operators && isOperator(rules.operators, word) ? 'Operator' : undefined;
			if (type !== undefined) {
				push(TEXT, text.slice(last, match.index));
				push(tokenTypeValue(type), word);
				last = match.index + word.length;
			}
		}
		push(TEXT, text.slice(last));
	};
	const visit = (node: ScopeNode, type: number, scope: string | undefined) => {
		for (const child of node.children) {
			if (typeof child !== 'string') {
				visit(child, child.scope ? typeOf(child.scope, grammar) : type, child.scope ?? scope);
			} else if (type === TEXT) {
				plainText(child);
			} else if (grammar === 'yaml' && scope === 'attr' && child.endsWith(':')) {
				// A YAML key is a tag; its colon is punctuation.
				push(type, child.slice(0, -1));
				push(tokenTypeValue('Punctuation'), ':');
			} else if (grammar === 'yaml' && scope === 'string' && !/^["']/.test(child)) {
				// An unquoted YAML scalar is a literal, not a string.
				push(tokenTypeValue('Literal'), child);
			} else if (rules.words?.[child] !== undefined && (scope === 'keyword' || scope === 'built_in')) {
				push(tokenTypeValue(rules.words[child]), child);
			} else {
				push(type, child);
			}
		}
	};
	visit(root, TEXT, undefined);
	return tokens;
}
