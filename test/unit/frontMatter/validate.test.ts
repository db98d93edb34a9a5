import * as assert from 'node:assert/strict';
import { RULES } from '../../../src/core/frontMatter/rules';
import { validateFrontMatter, type Finding, type Fix, type ValidationOptions } from '../../../src/core/frontMatter/validate';
import { joinLines, LineIndex, range } from '../../../src/core/text';

const NOW = new Date('2026-01-02T03:04:05Z');

function check(text: string, options: ValidationOptions = {}): Finding[] {
	return validateFrontMatter(text, { now: NOW, ...options });
}

/** The one finding of `code`; fails when there is none or several. */
function only(findings: readonly Finding[], code: string): Finding {
	const matching = findings.filter(f => f.code === code);
	assert.equal(matching.length, 1, `expected one ${code}, got ${JSON.stringify(findings.map(f => f.code))}`);
	return matching[0];
}

function applyFix(text: string, fix: Fix): string {
	const index = new LineIndex(text);
	const edits = fix.edits.map(e => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }))
		.sort((a, b) => b.start - a.start);
	let result = text;
	for (const edit of edits) {
		result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
	}
	return result;
}

function preferred(finding: Finding): Fix {
	const fix = finding.fixes.find(f => f.isPreferred);
	assert.ok(fix, `no preferred fix for ${finding.code}`);
	return fix;
}

const toml = (...lines: string[]) => joinLines('+++', 'title = "Summit"', ...lines, '+++', '', 'Body');
const yaml = (...lines: string[]) => joinLines('---', 'title: Summit', ...lines, '---', '', 'Body');

suite('frontMatter.validate', () => {
	test('Should find nothing wrong in a clean post in each format, and nothing without front matter (#3)', () => {
		assert.deepEqual(check(toml('date = 2017-05-09T10:00:00-04:00', 'draft = false', 'tags = ["openstack", "summit"]', 'slug = "boston-day-1"', 'url = "/2017/05/boston/"', 'aliases = ["/old/"]')), []);
		assert.deepEqual(check(yaml('date: 2017-05-09T10:00:00-04:00', 'draft: false', 'tags: [openstack]')), []);
		assert.deepEqual(check('{\n  "title": "x",\n  "date": "2017-05-09",\n  "draft": false\n}\nBody'), []);
		assert.deepEqual(check('# Just a heading\n'), []);
	});

	test('Should document every rule code it can report (#3)', () => {
		const codes = new Set(RULES.map(r => r.code));
		assert.equal(codes.size, RULES.length);
		for (const rule of RULES) {
			assert.match(rule.code, /^fm-[a-z-]+$/);
			assert.equal(rule.docsAnchor, `#${rule.code}`);
		}
		for (const code of ['fm-syntax', 'fm-duplicate-key', 'fm-date-unparsable', 'fm-date-empty', 'fm-date-zone-abbreviation', 'fm-draft-not-boolean',
			'fm-list-expected', 'fm-alias-invalid', 'fm-slug-invalid', 'fm-url-invalid', 'fm-title-missing', 'fm-image-missing', 'fm-required-field', 'fm-unterminated']) {
			assert.ok(codes.has(code), code);
		}
	});

	test('Should report a syntax error and stop there, as Hugo does (#3)', () => {
		const findings = check(toml('date = 2017-05-09 oops', 'draft = "yes"'));
		assert.equal(findings.length, 1);
		assert.equal(findings[0].code, 'fm-syntax');
		assert.equal(findings[0].severity, 'error');
		assert.deepEqual(findings[0].range, range(2, 18, 2, 22));
	});

	test('Should flag a first line Hugo takes for a delimiter, and a post starting with a shortcode (#3)', () => {
		const dash = only(check('- item\n- two\n'), 'fm-syntax');
		assert.deepEqual(dash.range, range(0, 0, 0, 6));
		assert.match(dash.message, /invalid YAML delimiter/);
		const shortcode = only(check('{{< figure src="x.jpg" >}}\n'), 'fm-syntax');
		assert.match(shortcode.message, /shortcode/);
	});

	test('Should report an unterminated block (#3)', () => {
		const finding = only(check(joinLines('---', 'title: x', 'Body')), 'fm-unterminated');
		assert.equal(finding.severity, 'error');
		assert.deepEqual(finding.range, range(0, 0, 0, 3));
	});

	test('Should flag dates Hugo cannot read, with an RFC 3339 fix in the block\'s format (#3)', () => {
		const text = toml('date = "May 9, 2017"');
		const finding = only(check(text), 'fm-date-unparsable');
		assert.equal(finding.severity, 'error');
		assert.deepEqual(finding.range, range(2, 7, 2, 20));
		assert.equal(applyFix(text, preferred(finding)), toml('date = 2017-05-09'));

		const yamlText = yaml('publishDate: "2017-05-09 10:00"');
		const yamlFinding = only(check(yamlText), 'fm-date-unparsable');
		assert.deepEqual(yamlFinding.range, range(2, 13, 2, 31));
		assert.equal(applyFix(yamlText, preferred(yamlFinding)), yaml('publishDate: "2017-05-09T10:00:00"'));

		const json = '{\n  "title": "x",\n  "lastmod": "2017/05/09"\n}\n';
		assert.equal(applyFix(json, preferred(only(check(json), 'fm-date-unparsable'))), '{\n  "title": "x",\n  "lastmod": "2017-05-09"\n}\n');
		// The fixed post is clean.
		assert.deepEqual(check(applyFix(text, preferred(finding))), []);
	});

	test('Should flag every zero-date value: times, booleans, decimals, JSON numbers, year-less layouts (#3)', () => {
		for (const value of ['10:00:00', 'true', '6.7', '"2024-42-42"', '"9 May 2017"', '"3:04PM"', '["2017-05-09"]']) {
			const finding = only(check(toml(`expiryDate = ${value}`)), 'fm-date-unparsable');
			assert.equal(finding.severity, 'error', value);
			assert.deepEqual(finding.range, range(2, 13, 2, 13 + value.length), value);
		}
		const json = '{\n  "title": "x",\n  "date": 1494338400\n}\n';
		const finding = only(check(json), 'fm-date-unparsable');
		assert.match(finding.message, /JSON number/);
		assert.equal(applyFix(json, preferred(finding)), '{\n  "title": "x",\n  "date": "2017-05-09T14:00:00Z"\n}\n');
	});

	test('Should accept native dates, Unix seconds and case-insensitive date fields (#3)', () => {
		assert.deepEqual(check(toml('Date = 2017-05-09', 'PUBLISHDATE = 2017-05-09T10:00:00', 'lastmod = 1494338400', 'expirydate = 0')), []);
		assert.deepEqual(check(yaml('date: 1494338400')), []);
		const upper = only(check(toml('DATE = "May 9, 2017"')), 'fm-date-unparsable');
		assert.match(upper.message, /'DATE'/);
		const alias = only(check(toml('pubdate = "May 9, 2017"')), 'fm-date-unparsable');
		assert.match(alias.message, /publishDate/);
	});

	test('Should warn about an empty date, with fixes to set it to now or remove it (#3)', () => {
		const text = toml('date = ""', 'draft = false');
		const finding = only(check(text), 'fm-date-empty');
		assert.equal(finding.severity, 'warning');
		assert.deepEqual(finding.range, range(2, 7, 2, 9));
		assert.match(applyFix(text, preferred(finding)), /^date = \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/m);
		const remove = finding.fixes.find(f => !f.isPreferred)!;
		assert.equal(applyFix(text, remove), toml('draft = false'));
		const yamlNull = yaml('date:');
		const nullFinding = only(check(yamlNull), 'fm-date-empty');
		assert.deepEqual(check(applyFix(yamlNull, preferred(nullFinding))), []);
	});

	test('Should warn about a zone abbreviation Hugo ignores, with an offset fix (#3)', () => {
		const text = toml('date = "Tue, 09 May 2017 10:00:00 EDT"');
		const finding = only(check(text), 'fm-date-zone-abbreviation');
		assert.equal(finding.severity, 'warning');
		assert.deepEqual(finding.range, range(2, 7, 2, 38));
		assert.equal(applyFix(text, preferred(finding)), toml('date = 2017-05-09T10:00:00-04:00'));
		assert.deepEqual(check(toml('date = "Tue, 09 May 2017 10:00:00 GMT"')), []);
	});

	test('Should say how Hugo moves the clock for GMT+3, and fix it to the offset the writer meant (#12)', () => {
		const text = toml('date = "Tue, 09 May 2017 10:00:00 GMT+3"');
		const finding = only(check(text), 'fm-date-zone-abbreviation');
		assert.match(finding.message, /moves the clock 3 hours later/);
		assert.equal(applyFix(text, preferred(finding)), toml('date = 2017-05-09T10:00:00+03:00'));
		assert.match(only(check(toml('date = "Tue, 09 May 2017 10:00:00 GMT-11"')), 'fm-date-zone-abbreviation').message, /11 hours earlier/);
	});

	test('Should flag a draft that is not a boolean: an error when Hugo misreads it, a warning when not (#3)', () => {
		const cases: Array<[string, 'error' | 'warning', string]> = [
			['"yes"', 'error', 'true'],
			['"no"', 'warning', 'false'],
			['"false"', 'warning', 'false'],
			['"true"', 'warning', 'true'],
			['1', 'error', 'true'],
			['0', 'warning', 'false'],
		];
		for (const [value, severity, fixed] of cases) {
			const text = toml(`draft = ${value}`);
			const finding = only(check(text), 'fm-draft-not-boolean');
			assert.equal(finding.severity, severity, value);
			assert.deepEqual(finding.range, range(2, 8, 2, 8 + value.length), value);
			assert.equal(applyFix(text, preferred(finding)), toml(`draft = ${fixed}`), value);
		}
		// YAML 1.1 booleans are booleans to Hugo 0.111.3; an integer is read as its truth.
		assert.deepEqual(check(yaml('draft: yes')), []);
		assert.equal(only(check(yaml('draft: 1')), 'fm-draft-not-boolean').severity, 'warning');
		const unclear = only(check(toml('draft = "maybe"')), 'fm-draft-not-boolean');
		assert.equal(unclear.severity, 'error');
		assert.equal(unclear.fixes.length, 2);
	});

	test('Should flag a single string where a list is expected, wrapping or splitting it (#3)', () => {
		const text = toml('tags = "single"');
		const finding = only(check(text), 'fm-list-expected');
		assert.equal(finding.severity, 'warning');
		assert.deepEqual(finding.range, range(2, 7, 2, 15));
		assert.equal(applyFix(text, preferred(finding)), toml('tags = ["single"]'));

		const commas = toml('categories = "OpenStack, Summit"');
		const split = only(check(commas), 'fm-list-expected');
		assert.equal(applyFix(commas, preferred(split)), toml('categories = ["OpenStack", "Summit"]'));

		const plain = yaml('keywords: openstack');
		assert.equal(applyFix(plain, preferred(only(check(plain), 'fm-list-expected'))), yaml('keywords: [openstack]'));

		// Plain text with flow indicators is quoted, so the fix keeps one item and the YAML valid.
		for (const [value, fixed] of [['C# {beta}', '["C# {beta}"]'], ['x]', '["x]"]'], ['a:b', '["a:b"]'], ['x *y', '["x *y"]']]) {
			const special = yaml(`tags: ${value}`);
			const fix = preferred(only(check(special), 'fm-list-expected'));
			assert.equal(applyFix(special, fix), yaml(`tags: ${fixed}`), value);
			assert.deepEqual(check(applyFix(special, fix)), [], value);
		}
		const twoWords = yaml('keywords: a, b');
		const wrap = only(check(twoWords), 'fm-list-expected').fixes.find(f => !f.isPreferred);
		assert.ok(wrap);
		assert.equal(wrap.title, 'Make \'keywords\' a list: ["a, b"]');
		assert.equal(applyFix(twoWords, wrap), yaml('keywords: ["a, b"]'));

		const items = toml('tags = ["a", 2]');
		const item = only(check(items), 'fm-list-expected');
		assert.deepEqual(item.range, range(2, 13, 2, 14));
		assert.equal(applyFix(items, preferred(item)), toml('tags = ["a", "2"]'));
	});

	test('Should flag aliases Hugo rejects or cannot redirect (#3)', () => {
		const text = toml('aliases = ["/ok/", "https://old.example.com/2017/05/x/", "", "/a b/"]');
		const findings = check(text).filter(f => f.code === 'fm-alias-invalid');
		assert.deepEqual(findings.map(f => f.severity), ['error', 'warning', 'warning']);
		assert.deepEqual(findings[0].range, range(2, 19, 2, 55));
		assert.equal(applyFix(text, preferred(findings[0])), toml('aliases = ["/ok/", "/2017/05/x/", "", "/a b/"]'));
	});

	test('Should flag slug and url shapes (#3)', () => {
		// Hugo 0.111.3 publishes these as written (a sub-path, pluses, a number as text; case and spaces are its own to fold).
		for (const fine of ['"powerdev/cryo-em"', '"burnout++"', '3', '"Day One/Keynotes"', '"café-münchen"', '"100%41"']) {
			assert.deepEqual(check(toml(`slug = ${fine}`)).filter(f => f.code === 'fm-slug-invalid'), [], fine);
		}
		// Characters Hugo drops from the path: the page is not where the slug says (#10).
		const slug = toml('slug = "Kolla Lab!?"');
		const slugFinding = only(check(slug), 'fm-slug-invalid');
		assert.deepEqual(slugFinding.range, range(2, 7, 2, 20));
		assert.match(slugFinding.message, /Hugo drops '!', '\?' .*published as 'kolla-lab'/);
		assert.equal(applyFix(slug, preferred(slugFinding)), toml('slug = "kolla-lab"'));
		assert.equal(only(check(toml('slug = ""')), 'fm-slug-invalid').severity, 'warning');

		const url = toml('url = "https://example.org/custom/"');
		const urlFinding = only(check(url), 'fm-url-invalid');
		assert.equal(urlFinding.severity, 'error');
		assert.equal(applyFix(url, preferred(urlFinding)), toml('url = "/custom/"'));
		assert.equal(only(check(toml('url = "/my post/"')), 'fm-url-invalid').severity, 'warning');
	});

	test('Should warn when the title is missing or empty (#3)', () => {
		const missing = only(check(joinLines('+++', 'date = 2017-05-09', '+++')), 'fm-title-missing');
		assert.deepEqual(missing.range, range(0, 0, 0, 3));
		const empty = only(check(joinLines('+++', 'title = "  "', '+++')), 'fm-title-missing');
		assert.deepEqual(empty.range, range(1, 0, 1, 12));
		assert.deepEqual(check(joinLines('+++', 'Title = "x"', '+++')), []);
	});

	test('Should flag cover and images paths missing from the site, only when the site is known (#3)', () => {
		const text = toml('cover = "/images/missing.jpg"', 'images = ["/images/there.jpg", "https://cdn.example.com/x.jpg"]', '[params]', 'image = "/images/gone.jpg"');
		const asked: string[] = [];
		const findings = check(text, { imageExists: src => { asked.push(src); return src === '/images/there.jpg'; } }).filter(f => f.code === 'fm-image-missing');
		assert.deepEqual(findings.map(f => f.range), [range(2, 8, 2, 29), range(5, 8, 5, 26)]);
		assert.deepEqual(asked.sort(), ['/images/gone.jpg', '/images/missing.jpg', '/images/there.jpg']);
		assert.deepEqual(check(text, { imageExists: () => undefined }).filter(f => f.code === 'fm-image-missing'), []);
		assert.deepEqual(check(text).filter(f => f.code === 'fm-image-missing'), []);
		const table = toml('[cover]', 'image = "/images/nope.jpg"');
		assert.equal(only(check(table, { imageExists: () => false }), 'fm-image-missing').range.start.line, 3);
	});

	test('Should add a missing required field at the end of the top-level keys, in the block\'s format (#3)', () => {
		const text = joinLines('+++', 'title = "x" # keep', '', '[params]', 'cover = "/x.jpg"', '+++');
		const finding = only(check(text, { requiredFields: ['author', 'Title'] }), 'fm-required-field');
		assert.deepEqual(finding.range, range(0, 0, 0, 3));
		assert.equal(applyFix(text, preferred(finding)), joinLines('+++', 'title = "x" # keep', 'author = ""', '', '[params]', 'cover = "/x.jpg"', '+++'));

		const yamlText = joinLines('---', 'title: x', 'tags:', '  - a', '---', 'Body');
		const yamlFinding = only(check(yamlText, { requiredFields: ['categories'] }), 'fm-required-field');
		assert.equal(applyFix(yamlText, preferred(yamlFinding)), joinLines('---', 'title: x', 'tags:', '  - a', 'categories: []', '---', 'Body'));

		const json = '{\r\n  "title": "x"\r\n}\r\n';
		const jsonFinding = only(check(json, { requiredFields: ['draft'] }), 'fm-required-field');
		assert.equal(applyFix(json, preferred(jsonFinding)), '{\r\n  "title": "x",\r\n  "draft": true\r\n}\r\n');

		const dated = joinLines('+++', '+++');
		const dateFinding = check(dated, { requiredFields: ['date', 'title'] }).filter(f => f.code === 'fm-required-field');
		assert.equal(dateFinding.length, 2);
		assert.deepEqual(check(applyFix(dated, preferred(dateFinding[0])), { requiredFields: ['date'] }).map(f => f.code), ['fm-title-missing']);
	});

	test('Should warn about two spellings of one field, which Hugo merges (#3)', () => {
		const finding = only(check(toml('date = 2017-05-09', 'Date = 2018-05-09')), 'fm-duplicate-key');
		assert.equal(finding.severity, 'warning');
		assert.deepEqual(finding.range, range(3, 0, 3, 4));
	});

	test('Should fix YAML and JSON values in their own syntax (#3)', () => {
		const yamlDraft = yaml('draft: "no"');
		assert.equal(applyFix(yamlDraft, preferred(only(check(yamlDraft), 'fm-draft-not-boolean'))), yaml('draft: false'));
		const yamlTags = yaml('tags: "a, b"');
		assert.equal(applyFix(yamlTags, preferred(only(check(yamlTags), 'fm-list-expected'))), yaml('tags: ["a", "b"]'));
		const json = '{\n  "title": "x",\n  "tags": "single",\n  "draft": "yes"\n}\n';
		const findings = check(json);
		const fixed = applyFix(applyFix(json, preferred(only(findings, 'fm-list-expected'))), preferred(only(findings, 'fm-draft-not-boolean')));
		assert.equal(fixed, '{\n  "title": "x",\n  "tags": ["single"],\n  "draft": true\n}\n');
		assert.deepEqual(check(fixed), []);
	});

	test('Should keep positions right with CRLF, a BOM and leading blank lines (#3)', () => {
		const text = '\ufeff\r\n+++\r\ntitle = "x"\r\ndate = "May 9, 2017"\r\n+++\r\nBody';
		const finding = only(check(text), 'fm-date-unparsable');
		assert.deepEqual(finding.range, range(3, 7, 3, 20));
		assert.equal(applyFix(text, preferred(finding)), '\ufeff\r\n+++\r\ntitle = "x"\r\ndate = 2017-05-09\r\n+++\r\nBody');
	});
});
