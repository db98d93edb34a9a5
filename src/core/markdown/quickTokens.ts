import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it';

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
	md.block.State = quickBlockStateClass(md.block.State, QuickToken);
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

type BlockStateClass = MarkdownIt['block']['State'];
type QuickBlockState = StateBlock & { listIndent: number };

/**
 * markdown-it's block state, constructed without a property definition per field and with its line table
 * found from newline to newline (`indexOf`) rather than character by character; `push` builds quick
 * tokens. The same fields, the same line table, the same prototype chain.
 */
export function quickBlockStateClass(Block: BlockStateClass, QuickToken: TokenClass): BlockStateClass {
	const construct = function (this: QuickBlockState, src: string, md: MarkdownIt, env: QuickBlockState['env'], tokens: Token[]) {
		this.bMarks = [];
		this.eMarks = [];
		this.tShift = [];
		this.sCount = [];
		this.bsCount = [];
		this.blkIndent = 0;
		this.line = 0;
		this.lineMax = 0;
		this.tight = false;
		this.listIndent = -1;
		this.parentType = 'root';
		this.level = 0;
		this.Token = QuickToken;
		this.src = src;
		this.md = md;
		this.env = env;
		this.tokens = tokens;
		const length = src.length;
		for (let start = 0; start < length;) {
			let pos = start, indent = 0, offset = 0;
			for (; pos < length; pos++) {
				const code = src.charCodeAt(pos);
				if (code === 0x20) {
					offset++;
				} else if (code === 0x09) {
					offset += 4 - offset % 4;
				} else {
					break;
				}
				indent++;
			}
			if (pos === length) {
				// Blanks up to the end without a newline are no line (markdown-it's own table has none there).
				break;
			}
			const newline = src.indexOf('\n', pos);
			const end = newline < 0 ? length : newline;
			this.bMarks.push(start);
			this.eMarks.push(end);
			this.tShift.push(indent);
			this.sCount.push(offset);
			this.bsCount.push(0);
			start = end + 1;
		}
		this.bMarks.push(length);
		this.eMarks.push(length);
		this.tShift.push(0);
		this.sCount.push(0);
		this.bsCount.push(0);
		this.lineMax = this.bMarks.length - 1;
	};
	const prototype = Object.create(Block.prototype) as QuickBlockState;
	prototype.push = function (this: QuickBlockState, type: string, tag: string, nesting: Nesting): Token {
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
	};
	construct.prototype = prototype;
	return construct as unknown as BlockStateClass;
}
