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
 * Where a language's Chroma lexer names a thing differently from the mapping above: YAML and JSON keys are
 * tags (`NameTag`), Go's identifiers are `NameOther`.
 */
const LANGUAGE_SCOPE_TYPES: Record<string, Record<string, string>> = {
	yaml: { attr: 'NameTag', bullet: 'Punctuation' },
	json: { attr: 'NameTag' },
	go: { identifier: 'NameOther' },
};

const TEXT = tokenTypeValue('Text');

function typeOf(scope: string, language: string): number {
	const overrides = LANGUAGE_SCOPE_TYPES[language];
	const name = overrides?.[scope] ?? SCOPE_TYPES[scope] ?? overrides?.[scope.split('.')[0]] ?? SCOPE_TYPES[scope.split('.')[0]];
	return name !== undefined ? tokenTypeValue(name) : TEXT;
}

interface ScopeNode {
	scope?: string;
	children: Array<string | ScopeNode>;
}

/** highlight.js's name for a fence language, when it has a grammar for it. */
export function grammarFor(language: string): string | undefined {
	const grammar = hljs.getLanguage(language);
	if (!grammar) {
		return undefined;
	}
	return hljs.listLanguages().find(name => hljs.getLanguage(name) === grammar);
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;

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
	const identifierType = LANGUAGE_SCOPE_TYPES[grammar]?.identifier;
	const visit = (node: ScopeNode, type: number) => {
		for (const child of node.children) {
			if (typeof child !== 'string') {
				visit(child, child.scope ? typeOf(child.scope, grammar) : type);
			} else if (identifierType !== undefined && type === TEXT) {
				// Plain text between scopes: the language's identifiers get their own type.
				let last = 0;
				for (const match of child.matchAll(IDENTIFIER)) {
					push(TEXT, child.slice(last, match.index));
					push(tokenTypeValue(identifierType), match[0]);
					last = match.index + match[0].length;
				}
				push(TEXT, child.slice(last));
			} else {
				push(type, child);
			}
		}
	};
	visit(root, TEXT);
	return tokens;
}
