import * as assert from 'node:assert/strict';
import { findIntroProblem, splitFrontMatter } from '../../../src/core/frontMatter/split';
import { joinLines } from '../../../src/core/text';

suite('frontMatter.split', () => {
	test('Should find a TOML block with content, body and offsets (#3)', () => {
		const text = joinLines('+++', 'title = "x"', '+++', 'Body');
		const block = splitFrontMatter(text)!;
		assert.equal(block.format, 'toml');
		assert.equal(block.start, 0);
		assert.equal(block.content, 'title = "x"\n');
		assert.equal(block.contentStart, 4);
		assert.equal(block.end, 19);
		assert.equal(text.slice(block.end - 3, block.end), '+++');
		assert.equal(text.slice(block.bodyStart), 'Body');
		assert.equal(block.terminated, true);
	});

	test('Should find YAML and JSON blocks; JSON content keeps its braces (#3)', () => {
		const yaml = splitFrontMatter(joinLines('---', 'title: x', '---', ''))!;
		assert.equal(yaml.format, 'yaml');
		assert.equal(yaml.content, 'title: x\n');
		const text = '{\n  "title": "a } in a string"\n}\nBody';
		const json = splitFrontMatter(text)!;
		assert.equal(json.format, 'json');
		assert.equal(json.content, '{\n  "title": "a } in a string"\n}');
		assert.equal(json.contentStart, 0);
		assert.equal(text.slice(json.bodyStart), 'Body');
	});

	test('Should tolerate a BOM, leading blank lines, an indented opening, trailing spaces and CRLF, as Hugo does (#3)', () => {
		const text = '\ufeff\r\n\r\n  +++  \r\ntitle = "x"\r\n+++\r\nBody';
		const block = splitFrontMatter(text)!;
		assert.equal(block.start, 7);
		assert.equal(block.content, '  \r\ntitle = "x"\r\n');
		assert.equal(text.slice(block.bodyStart), 'Body');
	});

	test('Should report an unterminated block, also when closed with the other delimiter (#3)', () => {
		for (const text of [joinLines('+++', 'title = "x"', 'Body'), joinLines('+++', 'title = "x"', '---', 'Body'), '{ "title": "x"']) {
			const block = splitFrontMatter(text)!;
			assert.equal(block.terminated, false, text);
			assert.equal(block.end, text.length);
		}
	});

	test('Should only close at a delimiter that starts a line (#3)', () => {
		const block = splitFrontMatter(joinLines('+++', 'title = "x"', '  +++', 'Body'))!;
		assert.equal(block.terminated, false);
	});

	test('Should find no block in a post without front matter, and flag a first - or + that Hugo takes for a delimiter (#3)', () => {
		assert.equal(splitFrontMatter('# Title\n\nText'), undefined);
		assert.equal(splitFrontMatter(''), undefined);
		assert.deepEqual(findIntroProblem('\n- item\n'), { start: 1, end: 7, kind: 'yaml-delimiter' });
		assert.deepEqual(findIntroProblem('+ note'), { start: 0, end: 6, kind: 'toml-delimiter' });
		assert.equal(findIntroProblem('# Title'), undefined);
		assert.equal(findIntroProblem('---\n---\n'), undefined);
	});

	test('Should read the start of a post as Hugo 0.111.3 does: front matter after an HTML comment line, no plain HTML (#12)', () => {
		// Each verdict measured with hugo 0.111.3.
		assert.deepEqual(findIntroProblem('<p>hi</p>\n'), { start: 0, end: 9, kind: 'plain-html' });
		assert.deepEqual(findIntroProblem('\ufeff  <img src="/x.jpg">'), { start: 3, end: 21, kind: 'plain-html' });
		assert.deepEqual(findIntroProblem('<!-- c -->\n<p>x</p>\n'), { start: 11, end: 19, kind: 'plain-html' });
		assert.deepEqual(findIntroProblem('<!-- c -->\ntext\n'), { start: 0, end: 4, kind: 'unclosed-comment' });
		assert.deepEqual(findIntroProblem('<!-- a\n-->\ntext\n'), { start: 7, end: 10, kind: 'yaml-delimiter' });
		for (const fine of ['text\n<p>x</p>\n', '<!-- c\n', '<!-- c -->\n\n', '<!-- c -->\n\ntext -->\n', '<!-- c -->\n# h\n-->']) {
			assert.equal(findIntroProblem(fine), undefined, fine);
		}
		const hidden = splitFrontMatter('<!--\n+++\ntitle = "x"\n+++\n-->\ntext\n')!;
		assert.equal(hidden.format, 'toml');
		assert.equal(hidden.content, 'title = "x"\n');
	});
});
