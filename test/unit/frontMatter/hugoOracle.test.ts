// Hugo 0.111.3 is the judge of front matter: the validator must report an error exactly where Hugo fails
// the build or loses a date, and no error where Hugo builds the post cleanly.
import * as assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hugoGmtClockShift, parseHugoDateString } from '../../../src/core/frontMatter/dates';
import { validateFrontMatter, type Finding } from '../../../src/core/frontMatter/validate';
import { LineIndex } from '../../../src/core/text';
import { parseCsvLine } from '../helpers/hugoCsv';

function hugoAvailable(): boolean {
	return spawnSync('hugo', ['version']).status === 0;
}

const CONFIG = 'baseURL = "https://example.org/"\ntitle = "Oracle"\n';

/** A post that builds: Hugo's verdict is the date and draft it reads. */
interface BuildCase {
	readonly name: string;
	readonly text: string;
}

const toml = (...lines: string[]) => `+++\n${lines.join('\n')}\n+++\n\nBody\n`;
const yaml = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n\nBody\n`;
const json = (body: string) => `{\n${body}\n}\n\nBody\n`;

const DATE_STRINGS = [
	// hugo.md §3: read
	'2017-05-09T10:00:00Z', '2017-05-09T10:00:00-04:00', '2017-05-09T10:00:00-0400', '2017-05-09T10:00:00.123Z', '2017-05-09T10:00:00',
	'2017-05-09 10:00:00', '2017-05-09 10:00:00Z', '2017-05-09 10:00:00 -0400', '2017-05-09', '09 May 2017',
	'Tue, 09 May 2017 10:00:00 -0400', 'Tue, 09 May 2017 10:00:00 EDT', '2017-05-09T9:00:00Z', '2017-05-09  10:00:00', '09 may 2017',
	'Tue May  9 10:00:00 2017', '09 May 17 10:00 -0400', 'Tuesday, 09-May-17 10:00:00 UTC', '2017-05-09 10:00:00.5 -0400 EDT',
	'2016-02-29', '3:04PM', 'May  9 10:00:00', 'Tue May 09 10:00:00 -0400 2017', 'Tue May  9 10:00:00 +03 2017',
	// zero dates
	'2017-05-09 10:00', '2017-05-09T10:00', '9 May 2017', 'May 9, 2017', '2017/05/09', '09/05/2017', '20170509', '2017-5-9',
	'2024-42-42', '2017-05-09T10:00:00+02:00[Europe/Berlin]', '2017-02-29', '2017-05-09t10:00:00z', '',
	// GMT with hours: read, the clock moved by those hours; with minutes, or written as UTC+3: lost.
	'Tue, 09 May 2017 10:00:00 GMT+3', 'Tue, 09 May 2017 10:00:00 GMT-11', 'Tue, 09 May 2017 10:00:00 GMT+3:30', '2017-05-09 10:00:00 GMT+3',
];

function buildCases(): BuildCase[] {
	const cases: BuildCase[] = [];
	DATE_STRINGS.forEach((value, i) => {
		cases.push({ name: `toml-string-${i}`, text: toml('title = "t"', `date = ${JSON.stringify(value)}`) });
		cases.push({ name: `yaml-plain-${i}`, text: yaml('title: t', value === '' ? 'date: ""' : /^[\w]/.test(value) && !value.includes(': ') ? `date: ${value}` : `date: "${value}"`) });
		cases.push({ name: `json-string-${i}`, text: json(`"title": "t", "date": ${JSON.stringify(value)}`) });
	});
	const native: Array<[string, string]> = [
		['toml-date', toml('title = "t"', 'date = 2017-05-09')],
		['toml-local-datetime', toml('title = "t"', 'date = 2017-05-09T10:00:00')],
		['toml-datetime', toml('title = "t"', 'date = 2017-05-09T10:00:00Z')],
		['toml-spaced-offset', toml('title = "t"', 'date = 2017-05-09 10:00:00-04:00')],
		['toml-lowercase-t', toml('title = "t"', 'date = 2017-05-09t10:00:00z')],
		['toml-leap-second', toml('title = "t"', 'date = 2016-12-31T23:59:60Z')],
		['toml-unix', toml('title = "t"', 'date = 1494338400')],
		['toml-unix-zero', toml('title = "t"', 'date = 0')],
		['toml-local-time', toml('title = "t"', 'date = 10:00:00')],
		['toml-bool', toml('title = "t"', 'date = true')],
		['toml-float', toml('title = "t"', 'date = 6.7')],
		['toml-publishdate-bad', toml('title = "t"', 'date = 2017-05-10', 'publishDate = "May 9, 2017"')],
		['toml-upper-case', toml('Title = "t"', 'DATE = 2017-05-09', 'Draft = true')],
		['yaml-unix', yaml('title: t', 'date: 1494338400')],
		['yaml-null', yaml('title: t', 'date:')],
		['yaml-unix-0o', yaml('title: t', 'date: 0o17')],
		['yaml-unix-0X', yaml('title: t', 'date: 0X1F')],
		['json-unix', json('"title": "t", "date": 1494338400')],
		// Valid TOML 1.0 / YAML that Hugo builds: no error allowed.
		['toml-rich', toml('title = "t"', 'date = 2017-05-09', 'site.name = "dotted"', 'point = { x = 1, y.z = 2 }', 'mixed = ["a", 1, 2.5]',
			'multi = """', 'two "quoted" lines', '"""', 'lit = \'\'\'C:\\x\'\'\'', 'tags = [', '  "a", # one', '  "b",', ']', '[params]', 'cover = "/x.jpg"', '[[speaker]]', 'name = "A"', '[[speaker]]', 'name = "B"')],
		['yaml-rich', yaml('title: t', 'date: 2017-05-09', 'tags:', '  - a', '  - b', 'summary: |', '  two', '  lines', 'params:', '  cover: /x.jpg # comment', 'anchor: &a 1', 'ref: *a')],
		['toml-crlf-bom', '\ufeff\r\n  +++   \r\ntitle = "t"\r\ndate = 2017-05-09\r\n+++\r\nBody\r\n'],
		['yaml-comment-after-date', yaml('title: t', 'date: 2017-05-09 # the first day')],
		['yaml-anchor-reused', yaml('title: t', 'date: 2017-05-09', 'a: &x 1', 'b: &x 2')],
		['yaml-dup', yaml('title: t', 'date: 2017-05-09', 'date: 2018-05-09')],
		['json-dup', json('"title": "t", "date": "2017-05-09", "date": "2018-05-09"')],
		['toml-tags-string', toml('title = "t"', 'date = 2017-05-09', 'tags = "single"', 'categories = "a, b"')],
		['toml-alias-relative', toml('title = "t"', 'date = 2017-05-09', 'aliases = ["", "/../x/", "/old/"]')],
		['toml-slug-number', toml('title = "t"', 'date = 2017-05-09', 'slug = 3')],
		['toml-escape-e', toml('title = "t"', 'date = 2017-05-09', 'note = "a\\eb"')],
		['toml-int64-bounds', toml('title = "t"', 'date = 2017-05-09', 'least = -9223372036854775808', 'most = 0x7FFFFFFFFFFFFFFF')],
	];
	for (const [name, text] of native) {
		cases.push({ name, text });
	}
	const drafts = ['true', 'false', '"true"', '"false"', '"yes"', '"no"', '"True"', '"maybe"', '1', '0'];
	drafts.forEach((value, i) => {
		cases.push({ name: `toml-draft-${i}`, text: toml('title = "t"', 'date = 2017-05-09', `draft = ${value}`) });
		cases.push({ name: `yaml-draft-${i}`, text: yaml('title: t', 'date: 2017-05-09', `draft: ${value}`) });
		cases.push({ name: `json-draft-${i}`, text: json(`"title": "t", "date": "2017-05-09", "draft": ${value === '"maybe"' ? '"maybe"' : value}`) });
	});
	for (const value of ['yes', 'no', 'on', 'off']) {
		cases.push({ name: `yaml-draft-${value}`, text: yaml('title: t', 'date: 2017-05-09', `draft: ${value}`) });
	}
	return cases;
}

/** Posts that fail the build: each gets its own site, so one failure does not hide another. */
const FAILING: ReadonlyArray<{ name: string; text: string; line?: number }> = [
	{ name: 'toml-garbage-after-date', text: toml('title = "t"', 'date = 2017-05-09 oops'), line: 3 },
	{ name: 'toml-unclosed-array', text: toml('title = "t"', 'tags = ["a",') },
	{ name: 'toml-duplicate', text: toml('title = "a"', 'title = "b"') },
	{ name: 'toml-duplicate-table', text: toml('title = "a"', '[p]', 'x = 1', '[p]', 'y = 2') },
	{ name: 'toml-impossible-date', text: toml('title = "t"', 'date = 2017-02-30'), line: 3 },
	{ name: 'toml-one-digit-day', text: toml('title = "t"', 'date = 2017-05-9'), line: 3 },
	{ name: 'toml-invalid-datetime', text: toml('title = "t"', 'date = 2024-42-42') },
	{ name: 'toml-unterminated', text: '+++\ntitle = "t"\n\nBody\n', line: 1 },
	{ name: 'toml-closed-with-dashes', text: '+++\ntitle = "t"\n---\nBody\n', line: 1 },
	{ name: 'toml-four-pluses', text: '++++\ntitle = "t"\n+++\nBody\n', line: 1 },
	{ name: 'toml-bare-value', text: toml('title = t') },
	{ name: 'toml-int64-overflow', text: toml('title = "t"', 'i = 9223372036854775808'), line: 3 },
	{ name: 'toml-hex-overflow', text: toml('title = "t"', 'i = 0x8000000000000000'), line: 3 },
	{ name: 'toml-leading-zero', text: toml('title = "t"', 'n = 01'), line: 3 },
	{ name: 'toml-trailing-dot', text: toml('title = "t"', 'x = 1.'), line: 3 },
	{ name: 'toml-dotted-then-table', text: toml('a.b = 1', '[a]') },
	{ name: 'toml-array-then-table', text: toml('[[a]]', '[a]') },
	{ name: 'toml-nested-dotted-then-table', text: toml('[params]', 'a.b = 1', '[params.a]') },
	{ name: 'yaml-unclosed-flow', text: yaml('title: t', 'c: [1, 2') },
	{ name: 'yaml-unterminated', text: '---\ntitle: t\n\nBody\n', line: 1 },
	{ name: 'yaml-sequence', text: '---\n- a\n- b\n---\nBody\n' },
	{ name: 'yaml-key-only', text: yaml('title') },
	{ name: 'yaml-colon-in-value', text: yaml('title: Foo: Bar') },
	{ name: 'yaml-reserved-character', text: yaml('title: @foo') },
	{ name: 'yaml-unclosed-quote', text: yaml('title: "unterminated') },
	{ name: 'yaml-unknown-anchor', text: yaml('title: t', 'ref: *nope') },
	{ name: 'yaml-anchor-after-alias', text: yaml('title: t', 'ref: *a', 'x: &a 1') },
	{ name: 'yaml-tab-indent', text: yaml('title: x', 'tags:', '\t- a') },
	{ name: 'json-trailing-comma', text: '{\n"title": "t",\n}\nBody\n' },
	{ name: 'json-too-deep', text: json(`"title": "t", "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}`) },
	{ name: 'json-unterminated', text: '{\n"title": "t"\nBody\n' },
	{ name: 'starts-with-list', text: '- item\n- two\n', line: 1 },
	{ name: 'starts-with-shortcode', text: '{{< figure src="x.jpg" >}}\n' },
	{ name: 'alias-full-url', text: toml('title = "t"', 'aliases = ["https://old.example.com/x/"]') },
	{ name: 'url-full-url', text: toml('title = "t"', 'url = "https://example.org/x/"') },
];

async function writeSite(root: string, posts: ReadonlyArray<{ name: string; text: string }>): Promise<void> {
	await fs.mkdir(path.join(root, 'content', 'post'), { recursive: true });
	await fs.writeFile(path.join(root, 'hugo.toml'), CONFIG);
	await Promise.all(posts.map(p => fs.writeFile(path.join(root, 'content', 'post', `${p.name}.md`), p.text)));
}

function runHugo(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise(resolve => {
		execFile('hugo', args, { cwd, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
			resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
		});
	});
}

/** `hugo list all`, keyed by post name. */
async function listAll(site: string): Promise<Map<string, Record<string, string>>> {
	const result = await runHugo(site, ['list', 'all']);
	assert.equal(result.code, 0, result.stderr);
	const [header, ...rows] = result.stdout.trim().split('\n').map(parseCsvLine);
	const pages = new Map<string, Record<string, string>>();
	for (const row of rows) {
		const record = Object.fromEntries(row.map((value, i) => [header[i], value]));
		pages.set(path.basename(record.path, '.md'), record);
	}
	return pages;
}

/** Hugo lost the date: the zero date (0.111.3's silent fallback) or year 0 (a layout without a year). */
function dateLost(hugoDate: string): boolean {
	return hugoDate.startsWith('0001-01-01') || hugoDate.startsWith('0000-');
}

const errors = (findings: readonly Finding[]) => findings.filter(f => f.severity === 'error');

function applyPreferredFixes(text: string, findings: readonly Finding[]): string {
	const index = new LineIndex(text);
	const edits = findings.flatMap(f => f.fixes.find(x => x.isPreferred)?.edits ?? [])
		.map(e => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }))
		.sort((a, b) => b.start - a.start);
	let result = text;
	for (const edit of edits) {
		result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
	}
	return result;
}

suite('frontMatter.hugoOracle', function () {
	this.timeout(120_000);
	let temp: string;

	suiteSetup(async function () {
		if (!hugoAvailable()) {
			this.skip();
		}
		temp = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-fm-oracle-'));
	});

	suiteTeardown(async () => {
		if (temp) {
			await fs.rm(temp, { recursive: true, force: true });
		}
	});

	test('Should report a date error exactly where Hugo loses the date, and read dates as Hugo does (#3)', async () => {
		const cases = buildCases();
		// Fixed versions of every post with a preferred date fix: Hugo must then keep the date.
		const fixed = cases.flatMap(c => {
			const findings = validateFrontMatter(c.text).filter(f => f.code.startsWith('fm-date-') && f.code !== 'fm-date-empty');
			const text = applyPreferredFixes(c.text, findings);
			return findings.some(f => f.fixes.length > 0) ? [{ name: `${c.name}-fixed`, text }] : [];
		});
		assert.ok(fixed.length >= 10, `only ${fixed.length} fixable cases`);
		const site = path.join(temp, 'dates');
		await writeSite(site, [...cases, ...fixed]);
		const pages = await listAll(site);
		const disagreements: string[] = [];
		for (const c of cases) {
			const page = pages.get(c.name);
			assert.ok(page, `hugo did not list ${c.name}`);
			const findings = validateFrontMatter(c.text);
			const dateErrors = findings.filter(f => f.code === 'fm-date-unparsable' && f.severity === 'error');
			const emptyDate = findings.some(f => f.code === 'fm-date-empty');
			// A bad publishDate is lost too, even when Hugo falls back to `date` for it.
			const lost = dateLost(page.date) || dateLost(page.publishDate) || (/publishDate/.test(c.text) && page.publishDate === page.date);
			if (lost !== (dateErrors.length > 0 || emptyDate)) {
				disagreements.push(`${c.name}: hugo date ${page.date}, we said ${JSON.stringify(findings.map(f => f.code))}`);
			}
			if (errors(findings).some(f => !f.code.startsWith('fm-date-') && f.code !== 'fm-draft-not-boolean')) {
				disagreements.push(`${c.name}: Hugo builds it, we report ${JSON.stringify(errors(findings).map(f => f.code))}`);
			}
			// Where we read a string date, we read the same instant (a zone abbreviation counts as UTC, as in Hugo).
			// The last one: of two `date` keys, Hugo keeps the last.
			const match = [...c.text.matchAll(/"date": "([^"]*)"|^date = "([^"]*)"/gm)].pop();
			const parsed = match ? parseHugoDateString(match[1] ?? match[2]) : undefined;
			if (parsed && parsed.hasYear && !lost) {
				const shift = hugoGmtClockShift(parsed.zoneName) ?? 0;
				const ours = Date.UTC(parsed.year, parsed.month - 1, parsed.day, parsed.hour, parsed.minute, parsed.second) + (shift - (parsed.offsetMinutes ?? 0)) * 60_000;
				if (Math.floor(Date.parse(page.date) / 1000) !== Math.floor(ours / 1000)) {
					disagreements.push(`${c.name}: hugo date ${page.date}, we read ${new Date(ours).toISOString()}`);
				}
			}
		}
		for (const f of fixed) {
			const page = pages.get(f.name);
			assert.ok(page, `hugo did not list ${f.name}`);
			if (dateLost(page.date) || dateLost(page.publishDate)) {
				disagreements.push(`${f.name}: our fix still loses the date in Hugo (${page.date})`);
			}
			if (errors(validateFrontMatter(f.text)).length > 0) {
				disagreements.push(`${f.name}: our fix leaves an error`);
			}
		}
		assert.deepEqual(disagreements, []);
	});

	test('Should add a missing date where Hugo reads it, in each format (#3)', async () => {
		const now = new Date('2026-01-02T03:04:05Z');
		const posts = [
			{ name: 'toml-required', text: toml('title = "t" # keep', '', '[params]', 'cover = "/x.jpg"') },
			{ name: 'yaml-required', text: yaml('title: t', 'tags:', '  - a', 'params:', '  cover: /x.jpg') },
			{ name: 'json-required', text: json('  "title": "t",\n  "params": { "cover": "/x.jpg" }') },
		].map(post => {
			const finding = validateFrontMatter(post.text, { requiredFields: ['date'], now }).find(f => f.code === 'fm-required-field');
			assert.ok(finding, post.name);
			return { name: post.name, text: applyPreferredFixes(post.text, [finding]) };
		});
		const site = path.join(temp, 'required');
		await writeSite(site, posts);
		const pages = await listAll(site);
		for (const post of posts) {
			assert.equal(Date.parse(pages.get(post.name)!.date), now.getTime(), `${post.name}:\n${post.text}`);
			assert.deepEqual(validateFrontMatter(post.text, { requiredFields: ['date'] }), [], post.name);
		}
	});

	test('Should say how Hugo reads a draft that is not a boolean (#3)', async () => {
		const site = path.join(temp, 'drafts');
		const cases = buildCases().filter(c => c.name.includes('-draft-'));
		await writeSite(site, cases);
		const pages = await listAll(site);
		const disagreements: string[] = [];
		for (const c of cases) {
			const hugoDraft = pages.get(c.name)?.draft;
			const finding = validateFrontMatter(c.text).find(f => f.code === 'fm-draft-not-boolean');
			if (!finding) {
				// Only a real boolean passes, and Hugo reads it as written.
				const written = /draft["]?\s*[:=]\s*(\w+)/i.exec(c.text)![1];
				const expected = ['true', 'yes', 'on'].includes(written) ? 'true' : 'false';
				if (hugoDraft !== expected) {
					disagreements.push(`${c.name}: hugo draft ${hugoDraft}, written ${written}`);
				}
				continue;
			}
			const said = /Hugo (?:happens to read it as|reads it as) (true|false)/.exec(finding.message)?.[1];
			if (said !== hugoDraft) {
				disagreements.push(`${c.name}: hugo draft ${hugoDraft}, we said ${said}`);
			}
		}
		assert.deepEqual(disagreements, []);
	});

	test('Should report an error for every post Hugo fails to build, on Hugo\'s line where Hugo names one (#3)', async () => {
		const verdicts = [];
		// One site per case. A hugo run mostly waits (little CPU), so several run at once.
		for (let i = 0; i < FAILING.length; i += 8) {
			verdicts.push(...await Promise.all(FAILING.slice(i, i + 8).map(async c => {
				const site = path.join(temp, `fail-${c.name}`);
				await writeSite(site, [{ name: 'x', text: c.text }]);
				return { c, result: await runHugo(site, ['list', 'all']) };
			})));
		}
		const disagreements: string[] = [];
		for (const { c, result } of verdicts) {
			const findings = errors(validateFrontMatter(c.text));
			if (result.code === 0) {
				disagreements.push(`${c.name}: expected Hugo to fail, it built`);
				continue;
			}
			if (findings.length === 0) {
				disagreements.push(`${c.name}: Hugo fails (${result.stderr.trim().split('\n')[0]}), we report no error`);
				continue;
			}
			const hugoLine = /x\.md:(\d+):\d+/.exec(result.stderr)?.[1];
			if (c.line !== undefined) {
				assert.equal(hugoLine, String(c.line), `${c.name}: ${result.stderr}`);
				if (findings[0].range.start.line + 1 !== c.line) {
					disagreements.push(`${c.name}: Hugo says line ${hugoLine}, we say ${findings[0].range.start.line + 1}`);
				}
			}
		}
		assert.deepEqual(disagreements, []);
	});
});
