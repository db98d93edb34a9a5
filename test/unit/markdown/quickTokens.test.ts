import * as assert from 'node:assert/strict';
import markdownIt from 'markdown-it';
import { createHugoMarkdownIt } from '../../../src/core/markdown/hugoMarkdown';
import { quickBlockStateClass, quickInlineStateClass, quickTokenClass } from '../../../src/core/markdown/quickTokens';

suite('core.markdown.quickTokens', () => {
	test('Should build tokens with the same fields, order and prototype as markdown-it', () => {
		const md = markdownIt();
		const Token = new md.core.State('', md, {}).Token;
		const Quick = quickTokenClass(Token);
		for (const [type, tag, nesting] of [['link_open', 'a', 1], ['text', '', 0], ['link_close', 'a', -1]] as const) {
			const expected = new Token(type, tag, nesting);
			const actual = new Quick(type, tag, nesting);
			assert.deepEqual(Object.entries(actual), Object.entries(expected));
			assert.ok(actual instanceof Token);
			actual.attrSet('href', 'x');
			assert.equal(actual.attrGet('href'), 'x');
		}
		assert.equal(quickTokenClass(Token), Quick);
	});

	test('Should build inline states with the same fields, order and prototype as markdown-it', () => {
		const md = markdownIt();
		const Token = new md.core.State('', md, {}).Token;
		const Quick = quickInlineStateClass(md.inline.State, quickTokenClass(Token));
		const tokens = [new Token('text', '', 0)];
		const expected = new md.inline.State('a *b*', md, {}, [...tokens]);
		const actual = new Quick('a *b*', md, {}, [...tokens]);
		assert.deepEqual(Object.keys(actual), Object.keys(expected));
		assert.deepEqual(Object.entries(actual).filter(([key]) => key !== 'Token'), Object.entries(expected).filter(([key]) => key !== 'Token'));
		assert.ok(actual instanceof md.inline.State);
		assert.deepEqual(actual.scanDelims(2, true), expected.scanDelims(2, true));
	});

	test('Should build block states with the same fields, line table and prototype as markdown-it', () => {
		const md = markdownIt();
		const Token = new md.core.State('', md, {}).Token;
		const Quick = quickBlockStateClass(md.block.State, quickTokenClass(Token));
		// A fixed pseudo-random sequence of blank-heavy sources, so a failure repeats.
		let seed = 3;
		const random = Array.from({ length: 2000 }, () => {
			let text = '';
			for (let n = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 12; n > 0; n--) {
				seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
				text += ' \t\na>'[(seed >>> 8) % 5];
			}
			return text;
		});
		const sources = [...random, '', '\n', 'a', 'a\n', '\n\n', '  ', 'a\n  ', 'a\n  \n', '\t\tb\n \t c', ' \t\n\t', '# T\n\n  - x\n\t- y\n    z', 'last line  ', '\t'];
		for (const src of sources) {
			const expected = new md.block.State(src, md, {}, []);
			const actual = new Quick(src, md, {}, []);
			assert.deepEqual(Object.keys(actual), Object.keys(expected), JSON.stringify(src));
			assert.deepEqual(Object.entries(actual).filter(([key]) => key !== 'Token'), Object.entries(expected).filter(([key]) => key !== 'Token'), JSON.stringify(src));
			assert.ok(actual instanceof md.block.State);
		}
	});

	test('Should give the same token stream as markdown-it\'s own push', () => {
		const text = '# T\n\n*a* **b** [c](d) `e` ![f](g) <b>h</b> i\\*j &amp; www.x.org ana@x.org https://y.org\n\n> - k\n>   1. l\n\n| m |\n|---|\n| n |\n\n[^1]\n\n[^1]: o\n';
		const quick = createHugoMarkdownIt();
		const plain = createHugoMarkdownIt();
		plain.core.State = markdownIt().core.State;
		plain.block.State = markdownIt().block.State;
		plain.inline.State = markdownIt().inline.State;
		const strip = (tokens: unknown) => JSON.parse(JSON.stringify(tokens)) as unknown;
		assert.deepEqual(strip(quick.parse(text, {})), strip(plain.parse(text, {})));
		assert.equal(quick.render(text, {}), plain.render(text, {}));
	});
});
