import type { MarkdownIt, StateCore, StateInline, Token } from 'markdown-it';

type TokenClass = StateCore['Token'];
type Nesting = Token['nesting'];

const quickClasses = new WeakMap<TokenClass, TokenClass>();

/**
 * markdown-it's `Token` class, constructed without the property definition its bundled constructor makes
 * for each field (with a key conversion each time): a third of the cost of a long token stream. The same
 * fields in the same order, the same prototype (its `attr*` methods, `instanceof`).
 */
export function quickTokenClass(Token: TokenClass): TokenClass {
	let quick = quickClasses.get(Token);
	if (!quick) {
		const construct = function (this: Token, type: string, tag: string, nesting: Nesting) {
			this.map = null;
			this.level = 0;
			this.children = null;
			this.content = '';
			this.markup = '';
			this.info = '';
			this.block = false;
			this.hidden = false;
			this.type = type;
			this.tag = tag;
			this.attrs = null;
			this.nesting = nesting;
			this.meta = null;
		};
		construct.prototype = Token.prototype;
		quick = construct as unknown as TokenClass;
		quickClasses.set(Token, quick);
	}
	return quick;
}

interface InlineDelimiters {
	delimiters: unknown[];
	_prev_delimiters: unknown[][];
	tokens_meta: unknown[];
}

/**
 * Makes every token of `md`'s block and inline parsers, and every `state.Token` of its rules, a quick one
 * (see `quickTokenClass`). `push` and `pushPending` are markdown-it's own, with the token built quickly.
 */
export function quickTokensPlugin(md: MarkdownIt): void {
	const QuickToken = quickTokenClass(new md.core.State('', md, {}).Token);
	const Core = md.core.State;
	md.core.State = class extends Core {
		constructor(...args: ConstructorParameters<typeof Core>) {
			super(...args);
			this.Token = QuickToken;
		}
	};
	const Block = md.block.State;
	md.block.State = class extends Block {
		constructor(...args: ConstructorParameters<typeof Block>) {
			super(...args);
			this.Token = QuickToken;
		}

		override push(type: string, tag: string, nesting: Nesting): Token {
			const token = new QuickToken(type, tag, nesting);
			token.block = true;
			if (nesting < 0) {
				this.level--;
			}
			token.level = this.level;
			if (nesting > 0) {
				this.level++;
			}
			this.tokens.push(token);
			return token;
		}
	};
	md.inline.State = quickInlineStateClass(md.inline.State, QuickToken);
}

type InlineStateClass = MarkdownIt['inline']['State'];
type QuickInlineState = StateInline & InlineDelimiters & { backticksScanned: boolean; skipHtmlSpecial: boolean; tokens_meta: unknown[] };

/**
 * markdown-it's inline state, constructed without the property definition its bundled constructor makes
 * for each field (one state per paragraph, heading and table cell), with `push` and `pushPending` building
 * quick tokens. The same fields, the same prototype chain (its `scanDelims`, `instanceof`).
 */
export function quickInlineStateClass(Inline: InlineStateClass, QuickToken: TokenClass): InlineStateClass {
	const construct = function (this: QuickInlineState, src: string, md: MarkdownIt, env: QuickInlineState['env'], outTokens: Token[]) {
		this.pos = 0;
		this.level = 0;
		this.pending = '';
		this.pendingLevel = 0;
		this.cache = {};
		this.backticks = {};
		this.backticksScanned = false;
		this.skipHtmlSpecial = false;
		this.linkLevel = 0;
		this.delimiters = [];
		this._prev_delimiters = [];
		this.Token = QuickToken;
		this.src = src;
		this.env = env;
		this.md = md;
		this.tokens = outTokens;
		this.tokens_meta = Array(outTokens.length);
		this.posMax = src.length;
	};
	const prototype = Object.create(Inline.prototype) as QuickInlineState;
	prototype.pushPending = function (this: QuickInlineState): Token {
		const token = new QuickToken('text', '', 0);
		token.content = this.pending;
		token.level = this.pendingLevel;
		this.tokens.push(token);
		this.pending = '';
		return token;
	};
	prototype.push = function (this: QuickInlineState, type: string, tag: string, nesting: Nesting): Token {
		if (this.pending) {
			this.pushPending();
		}
		const token = new QuickToken(type, tag, nesting);
		let tokenMeta: { delimiters: unknown[] } | undefined;
		if (nesting < 0) {
			this.level--;
			this.delimiters = this._prev_delimiters.pop()!;
		}
		token.level = this.level;
		if (nesting > 0) {
			this.level++;
			this._prev_delimiters.push(this.delimiters);
			this.delimiters = [];
			tokenMeta = { delimiters: this.delimiters };
		}
		this.pendingLevel = this.level;
		this.tokens.push(token);
		this.tokens_meta.push(tokenMeta);
		return token;
	};
	construct.prototype = prototype;
	return construct as unknown as InlineStateClass;
}
