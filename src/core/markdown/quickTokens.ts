import type { MarkdownIt, StateCore, Token } from 'markdown-it';

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
	const Inline = md.inline.State;
	md.inline.State = class extends Inline {
		constructor(...args: ConstructorParameters<typeof Inline>) {
			super(...args);
			this.Token = QuickToken;
		}

		override pushPending(): Token {
			const token = new QuickToken('text', '', 0);
			token.content = this.pending;
			token.level = this.pendingLevel;
			this.tokens.push(token);
			this.pending = '';
			return token;
		}

		override push(type: string, tag: string, nesting: Nesting): Token {
			if (this.pending) {
				this.pushPending();
			}
			const token = new QuickToken(type, tag, nesting);
			const state = this as unknown as InlineDelimiters;
			let tokenMeta: { delimiters: unknown[] } | undefined;
			if (nesting < 0) {
				this.level--;
				state.delimiters = state._prev_delimiters.pop()!;
			}
			token.level = this.level;
			if (nesting > 0) {
				this.level++;
				state._prev_delimiters.push(state.delimiters);
				state.delimiters = [];
				tokenMeta = { delimiters: state.delimiters };
			}
			this.pendingLevel = this.level;
			this.tokens.push(token);
			state.tokens_meta.push(tokenMeta);
			return token;
		}
	};
}
