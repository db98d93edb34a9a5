import * as assert from 'node:assert/strict';
import { parseFrontMatter, type ParsedFrontMatter } from '../../../src/core/frontMatter/parse';
import { joinLines, LineIndex } from '../../../src/core/text';

function parse(text: string): ParsedFrontMatter {
	const parsed = parseFrontMatter(text);
	assert.ok(parsed, 'expected front matter');
	return parsed;
}

/** `[line, character, endLine, endCharacter]` of an offset pair. */
function at(text: string, start: number, end: number): [number, number, number, number] {
	const range = new LineIndex(text).rangeOf(start, end);
	return [range.start.line, range.start.character, range.end.line, range.end.character];
}

function entry(parsed: ParsedFrontMatter, key: string) {
	const found = parsed.entries.find(e => e.path.join('.') === key);
	assert.ok(found, `no entry ${key}`);
	return found;
}

suite('frontMatter.parse', () => {
	test('Should map TOML keys and values to exact offsets, nested tables included (#3)', () => {
		const text = joinLines('+++', 'title = "Summit"  # comment', 'tags = ["a", "b"]', '[params]', 'cover = \'/x.jpg\'', '+++', 'Body');
		const parsed = parse(text);
		assert.equal(parsed.problems.length, 0);
		const title = entry(parsed, 'title');
		assert.deepEqual(at(text, title.keyStart, title.keyEnd), [1, 0, 1, 5]);
		assert.deepEqual(at(text, title.value.start, title.value.end), [1, 8, 1, 16]);
		assert.equal(title.value.value, 'Summit');
		assert.equal(title.value.quote, 'double');
		const tags = entry(parsed, 'tags');
		assert.deepEqual(tags.value.items?.map(i => at(text, i.start, i.end)), [[2, 8, 2, 11], [2, 13, 2, 16]]);
		const cover = entry(parsed, 'params.cover');
		assert.equal(cover.topLevel, false);
		assert.equal(cover.value.quote, 'single');
		assert.deepEqual(at(text, cover.value.start, cover.value.end), [4, 8, 4, 16]);
		// A new top-level key must go before [params], or it would land in that table.
		assert.equal(parsed.insertOffset, text.indexOf('[params]'));
	});

	test('Should accept valid TOML 1.0 that Hugo builds, with no problem (#3)', () => {
		const text = joinLines('+++',
			'title = "x"',
			'site.name = "dotted"',
			'point = { x = 1, y.z = 2 }',
			'day = 2017-05-09',
			'local = 2017-05-09T10:00:00',
			'lower = 2017-05-09t10:00:00z',
			'spaced = 2017-05-09 10:00:00-04:00',
			'leap = 2016-12-31T23:59:60Z',
			'mixed = ["a", 1, 2.5, true, { k = "v" }]',
			'nested = [[1, 2], ["x"]]',
			'multi = """',
			'line one',
			'line "two" ""quoted"""',
			'literal = \'\'\'C:\\path\'\'\'',
			'"quoted key" = 1',
			'big = 9223372036854775807',
			'least = -9_223_372_036_854_775_808',
			'hex = 0x7FFF_FFFF_FFFF_FFFF',
			'escape = "a\\eb"',
			'trailing = [',
			'  1, # one',
			'  2,',
			']',
			'[[speaker]]',
			'name = "A"',
			'[[speaker]]',
			'name = "B"',
			'+++');
		const parsed = parse(text);
		assert.deepEqual(parsed.problems, []);
		assert.ok(parsed.data);
		assert.equal(entry(parsed, 'lower').value.kind, 'datetime');
		assert.equal(entry(parsed, 'local').value.kind, 'localDatetime');
		assert.equal(entry(parsed, 'day').value.kind, 'date');
		assert.deepEqual(at(text, entry(parsed, 'spaced').value.start, entry(parsed, 'spaced').value.end), [7, 9, 7, 34]);
		assert.equal(entry(parsed, 'multi').value.quote, 'multiline');
		// Hugo reads \e as ESC.
		assert.equal(parsed.data.escape, 'a\u001bb');
		assert.deepEqual((parsed.data.speaker as Array<{ name: string }>).map(s => s.name), ['A', 'B']);
	});

	test('Should place TOML syntax errors where the reader looks (#3)', () => {
		const cases: Array<[string[], [number, number, number, number], RegExp]> = [
			[['title = "x"', 'date = 2017-05-09 oops'], [2, 18, 2, 22], /unexpected 'oops' after the value/],
			[['title = Summit Boston'], [1, 8, 1, 14], /Summit is not a TOML value: quote text \("Summit"\)/],
			[['x = 1 2'], [1, 6, 1, 7], /unexpected '2' after the value/],
			[['= 1'], [1, 0, 1, 1], /unexpected '='/],
			[['title = "x"', 'date = 2024-42-42'], [2, 7, 2, 17], /month 42/],
			[['date = 2017-02-30'], [1, 7, 1, 17], /day 30/],
			[['title = "x"', 'date = 2017-05-9'], [2, 7, 2, 16], /'2017-05-9': it is not a TOML date/],
			[['date = 2017-5-09'], [1, 7, 1, 16], /'2017-5-09': it is not a TOML date/],
			[['date = 2017-05-09T25:00:00'], [1, 7, 1, 26], /hour 25/],
			[['title = "x"', 'tags = ["a",'], [2, 7, 2, 8], /never closed/],
			[['title = "x', 'draft = true'], [1, 8, 1, 10], /never closed/],
			[['title = x'], [1, 8, 1, 9], /x is not a TOML value/],
			[['s = "\\e\\e"', 'x = oops'], [2, 4, 2, 8], /oops is not a TOML value/],
			[['title = "x"', 'i = 9223372036854775808'], [2, 4, 2, 23], /integer 9223372036854775808: it does not fit in 64 bits/],
			[['i = -9_223_372_036_854_775_809'], [1, 4, 1, 30], /does not fit in 64 bits/],
			[['i = 0x8000000000000000'], [1, 4, 1, 22], /does not fit in 64 bits/],
			[['i = 0o1000000000000000000000'], [1, 4, 1, 28], /does not fit in 64 bits/],
			[['i = 0b1' + '0'.repeat(63)], [1, 4, 1, 70], /does not fit in 64 bits/],
			// The parser reads the line break after a broken number: the error stays on the number's line.
			[['title = "x"', 'n = 01'], [2, 4, 2, 6], /01: a TOML number cannot start with 0 \(write 1,/],
			[['title = "x"', 'x = 1.'], [2, 4, 2, 6], /1\.: a dot in a TOML number needs a digit after it \(write 1\.0\)/],
			[['x = 1.', 'y = 2'], [1, 4, 1, 6], /a dot in a TOML number/],
			// A table defined twice, once implicitly: named at the header, with the line of the first definition.
			[['a.b = 1', '[a]'], [2, 1, 2, 2], /'a' is already defined \(line 2\), so the table \[a\] cannot be defined again/],
			[['[[a]]', '[a]'], [2, 1, 2, 2], /'a' is already defined \(line 2\)/],
			[['[params]', 'a.b=1', '[params.a]'], [3, 1, 3, 9], /'params\.a' is already defined \(line 3\)/],
		];
		for (const [lines, expected, message] of cases) {
			const text = joinLines('+++', ...lines, '+++', 'Body');
			const parsed = parse(text);
			assert.equal(parsed.data, undefined, lines.join('|'));
			assert.equal(parsed.problems.length, 1, lines.join('|'));
			const [problem] = parsed.problems;
			assert.equal(problem.code, 'fm-syntax');
			assert.equal(problem.severity, 'error');
			assert.deepEqual(at(text, problem.start, problem.end), expected, lines.join('|'));
			assert.match(problem.message, message);
		}
	});

	test('Should report a TOML duplicate key or table at the second definition (#3)', () => {
		const text = joinLines('+++', 'title = "a"', 'draft = true', 'title = "b"', '+++');
		const [problem] = parse(text).problems;
		assert.equal(problem.code, 'fm-duplicate-key');
		assert.equal(problem.severity, 'error');
		assert.deepEqual(at(text, problem.start, problem.end), [3, 0, 3, 5]);
		const tables = joinLines('+++', '[p]', 'x = 1', '[p]', 'y = 2', '+++');
		const [table] = parse(tables).problems;
		assert.equal(table.code, 'fm-duplicate-key');
		assert.deepEqual(at(tables, table.start, table.end), [3, 1, 3, 2]);
	});

	test('Should find duplicates inside inline tables, and not across array-of-tables elements (#3)', () => {
		const inline = joinLines('+++', 'point = { x = 1, x = 2 }', '+++');
		const [problem] = parse(inline).problems;
		assert.equal(problem.code, 'fm-duplicate-key');
		assert.deepEqual(at(inline, problem.start, problem.end), [1, 17, 1, 18]);
		assert.deepEqual(parse(joinLines('+++', '[[s]]', 'name = "a"', '[[s]]', 'name = "b"', '+++')).problems, []);
	});

	test('Should read TOML nested deeper than the scanner looks, as Hugo does, without exhausting the stack (#3)', () => {
		const depth = 100_000;
		const deep = joinLines('+++', 'title = "t"', `x = ${'['.repeat(depth)}"a # ]", { y = ']' } # ]`, `${']'.repeat(depth)}`, 'draft = true', '+++');
		const parsed = parse(deep);
		assert.deepEqual(parsed.problems, []);
		assert.equal(entry(parsed, 'x').value.kind, 'array');
		assert.equal(entry(parsed, 'draft').value.value, true);
		const unclosed = joinLines('+++', 'title = "t"', `x = ${'['.repeat(depth)}`, '+++');
		const [problem] = parse(unclosed).problems;
		assert.equal(problem.code, 'fm-syntax');
		assert.match(problem.message, /never closed/);
	});

	test('Should read YAML as Hugo 0.111.3 does: YAML 1.1 booleans, timestamps as text (#3)', () => {
		const text = joinLines('---', 'title: Summit', 'date: 2017-05-09', 'draft: yes', 'tags:', '  - a', '  - b', '---');
		const parsed = parse(text);
		assert.deepEqual(parsed.problems, []);
		assert.deepEqual(parsed.data, { title: 'Summit', date: '2017-05-09', draft: true, tags: ['a', 'b'] });
		const date = entry(parsed, 'date');
		assert.equal(date.value.kind, 'string');
		assert.deepEqual(at(text, date.value.start, date.value.end), [2, 6, 2, 16]);
		const tags = entry(parsed, 'tags');
		assert.deepEqual(tags.value.items?.map(i => at(text, i.start, i.end)), [[5, 4, 5, 5], [6, 4, 6, 5]]);
		// Go's prefixes (ParseInt base 0), which YAML 1.1 lacks, make integers in yaml.v2.
		const numbers = parse(joinLines('---', 'a: 0o17', 'b: 0X1F', 'c: 0B11', 'd: -0o1_7', 'e: "0o17"', 'f: 0o18', '---'));
		assert.deepEqual(numbers.data, { a: 15, b: 31, c: 3, d: -15, e: '0o17', f: '0o18' });
		assert.equal(entry(numbers, 'a').value.kind, 'integer');
	});

	test('Should report YAML syntax errors, non-mapping blocks and duplicate keys (#3)', () => {
		const flow = joinLines('---', 'title: x', 'tags: [a, b', '---');
		const [unclosed] = parse(flow).problems;
		assert.equal(unclosed.code, 'fm-syntax');
		assert.deepEqual(at(flow, unclosed.start, unclosed.end), [2, 6, 2, 7]);
		const quote = joinLines('---', 'title: "unterminated', 'draft: true', '---');
		const [unclosedQuote] = parse(quote).problems;
		assert.deepEqual(at(quote, unclosedQuote.start, unclosedQuote.end), [1, 7, 1, 8]);
		const list = joinLines('---', '- a', '- b', '---');
		assert.equal(parse(list).problems[0].code, 'fm-syntax');
		const dup = joinLines('---', 'date: 2017-05-09', 'date: 2018-05-09', '---');
		const [duplicate] = parse(dup).problems;
		assert.equal(duplicate.code, 'fm-duplicate-key');
		// yaml.v2 keeps the last value and builds: a warning, not an error.
		assert.equal(duplicate.severity, 'warning');
		assert.deepEqual(at(dup, duplicate.start, duplicate.end), [2, 0, 2, 4]);
		assert.deepEqual(parse(joinLines('---', '---', 'Body')).data, {});
		// An alias needs an anchor defined before it.
		for (const lines of [['title: x', 'ref: *nope'], ['ref: *a', 'x: &a 1'], ['title: x', 'tags: [a, *nope]']]) {
			const unknown = joinLines('---', ...lines, '---');
			const problems = parse(unknown).problems;
			assert.equal(problems.length, 1, lines.join('|'));
			assert.equal(problems[0].code, 'fm-syntax');
			assert.equal(problems[0].severity, 'error');
			assert.equal(unknown.slice(problems[0].start, problems[0].end).trim(), lines.join('\n').match(/\*\w+/)![0]);
			assert.match(problems[0].message, /unknown anchor '\w+' referenced/);
		}
		assert.deepEqual(parse(joinLines('---', 'x: &a 1', 'ref: *a', '---')).problems, []);
	});

	test('Should parse JSON with positions; numbers are decimals as in Go (#3)', () => {
		const text = '{\n  "title": "x",\n  "date": 1494338400,\n  "tags": ["a"]\n}\nBody';
		const parsed = parse(text);
		assert.deepEqual(parsed.problems, []);
		const date = entry(parsed, 'date');
		assert.equal(date.value.kind, 'float');
		assert.deepEqual(at(text, date.keyStart, date.keyEnd), [2, 2, 2, 8]);
		assert.deepEqual(at(text, date.value.start, date.value.end), [2, 10, 2, 20]);
		const trailing = '{\n  "title": "x",\n}\n';
		const [problem] = parse(trailing).problems;
		assert.equal(problem.code, 'fm-syntax');
		assert.deepEqual(at(trailing, problem.start, problem.end), [2, 0, 2, 1]);
		const dup = '{"a": 1, "a": 2}\n';
		assert.equal(parse(dup).problems[0].code, 'fm-duplicate-key');
		assert.equal(parse(dup).problems[0].severity, 'warning');
	});

	test('Should read JSON nested up to Go\'s limit without exhausting the stack, and refuse deeper (#3)', () => {
		const nested = (depth: number, inner: string) => `{"title": "t", "x": ${'['.repeat(depth)}${inner}${']'.repeat(depth)}, "draft": true}\nBody`;
		const deep = parse(nested(9_998, '"a]\\"", {"y": "}"}'));
		assert.deepEqual(deep.problems, []);
		assert.equal(entry(deep, 'x').value.kind, 'array');
		assert.equal(entry(deep, 'draft').value.value, true);
		// Go's encoding/json stops past 10000 levels (the objects count too): Hugo fails the build.
		const tooDeep = nested(10_000, '');
		const [limit] = parse(tooDeep).problems;
		assert.equal(limit.code, 'fm-syntax');
		assert.match(limit.message, /more than 10000 nested/);
		const [broken] = parse(nested(3_000, '1,')).problems;
		assert.equal(broken.code, 'fm-syntax');
		assert.match(broken.message, /invalid JSON in this deeply nested value/);
		// Go refuses a number beyond float64 at any depth (JSONTestSuite's i_number_*_overflow, built by hugo).
		const [huge] = parse(nested(3_000, '1.5e+9999')).problems;
		assert.match(huge.message, /too large for a 64-bit float/);
		const [shallow] = parse('{"title": "t", "n": -123123e100000}\nBody').problems;
		assert.match(shallow.message, /the number -123123e100000 is too large for a 64-bit float/);
	});

	test('Should report an unterminated block at its opening delimiter without parsing the body (#3)', () => {
		const text = joinLines('+++', 'title = "x"', 'Body with = signs', '+++x');
		const parsed = parse(joinLines('+++', 'title = "x"', 'Body'));
		assert.equal(parsed.problems[0].code, 'fm-unterminated');
		assert.deepEqual(at(text, parsed.problems[0].start, parsed.problems[0].end), [0, 0, 0, 3]);
		assert.equal(parse(joinLines('---', 'title: x', '+++')).problems[0].code, 'fm-unterminated');
	});

	test('Should read only the front matter of a long post (#3)', () => {
		// A body that would be a syntax error if it were parsed.
		const body = Array.from({ length: 2000 }, (_, i) => `line ${i} = [ "unclosed`).join('\n');
		const parsed = parse(`+++\ntitle = "x"\n+++\n${body}`);
		assert.deepEqual(parsed.problems, []);
		assert.equal(parsed.block.end, 19);
	});
});
