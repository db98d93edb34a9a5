// The validator against Hugo 0.111.3 on the public conformance suites: toml-test (TOML 1.0 list),
// JSONTestSuite (test_parsing, as a document and as a value) and yaml-test-suite. A case is rejected
// when Hugo fails the build; the validator must report an error that fails the build exactly then.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeUtf8 } from '../../../src/core/fs/utf8';
import { parseFrontMatter } from '../../../src/core/frontMatter/parse';
import { validateFrontMatter } from '../../../src/core/frontMatter/validate';
import { conformanceCases, VERDICTS_FILE, type RecordedVerdicts, type Suite } from './suites';

/** Findings that mean "Hugo fails the build". */
const BUILD_FAILURES = new Set(['fm-syntax', 'fm-unterminated', 'fm-duplicate-key']);

function ourVerdict(post: Uint8Array): 'accept' | 'reject' {
	const { text, invalidOffsets } = decodeUtf8(post);
	const findings = validateFrontMatter(text, { invalidUtf8Offsets: invalidOffsets });
	return findings.some(f => f.severity === 'error' && BUILD_FAILURES.has(f.code)) ? 'reject' : 'accept';
}

/**
 * YAML cases where the validator and Hugo still disagree (see the README's front matter section). The
 * test fails when one is fixed, so the list only shrinks.
 */
const YAML_KNOWN_DIFFERENCES: readonly string[] = [
	// Hugo fails, we accept: YAML that yaml.v2 (YAML 1.1) does not read.
	'2JQS', 'NHX8', 'S3PD', 'SM9W-01', // an empty key (`: a`)
	'4MUZ-00', '4MUZ-01', '4MUZ-02', 'VJP3-01', // a key and its ':' on different lines in a flow mapping
	'58MP', 'FRK4', 'WZ62', // a flow value that starts with ':' or is empty after a tag
	'6M2F', // an explicit key followed by two values
	'2SXE', 'W5VH', // anchors named with ':' or other punctuation
	'HWV9', 'QT73', // a document end marker (...) with no document
	'DK95-03', // a space and a tab on the first line
	// Hugo builds, we fail: the YAML library is stricter.
	'DK95-01', // a tab at the start of a quoted string's second line
	'S98Z', // more indented blank lines before a block scalar's comment
].map(id => `yaml-test-suite/${id}`).sort();

suite('Conformance suites against hugo 0.111.3', () => {
	const recorded = JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')) as RecordedVerdicts;
	const cases = conformanceCases();

	function disagreements(suiteName: Suite): string[] {
		return cases.filter(c => c.suite === suiteName).flatMap(c => {
			const hugo = recorded.cases[c.id];
			assert.ok(hugo, `no recorded verdict for ${c.id}: run scripts/recordConformanceVerdicts.mjs`);
			const ours = ourVerdict(c.post);
			return ours === hugo.verdict ? [] : [`${c.id}: hugo ${hugo.verdict}s${hugo.error ? ` (${hugo.error})` : ''}, we ${ours}`];
		});
	}

	test('every case has a recorded verdict, and every recorded verdict a case', () => {
		assert.deepEqual(Object.keys(recorded.cases).sort(), cases.map(c => c.id).sort());
		assert.equal(recorded.hugo, '0.111.3');
	});

	test('toml-test: every TOML 1.0 case agrees with Hugo', () => {
		assert.deepEqual(disagreements('toml-test'), []);
	});

	test('JSONTestSuite: every y_, n_ and i_ case agrees with Hugo, as a document and as a value', () => {
		assert.deepEqual(disagreements('JSONTestSuite'), []);
	});

	test('yaml-test-suite: agrees with Hugo on every case but the known differences', () => {
		assert.deepEqual(disagreements('yaml-test-suite').map(d => d.split(':')[0]).sort(), YAML_KNOWN_DIFFERENCES);
	});

	test('toml-test: every valid case Hugo builds decodes to the suite\'s values', () => {
		const built = cases.filter(c => c.suite === 'toml-test' && c.expectedJson !== undefined && recorded.cases[c.id]?.verdict === 'accept');
		assert.ok(built.length > 200);
		const wrong = built.flatMap(c => {
			const parsed = parseFrontMatter(decodeUtf8(c.post).text);
			const actual = parsed?.data === undefined ? undefined : JSON.stringify(comparable(parsed.data));
			const expected = JSON.stringify(comparableTagged(JSON.parse(c.expectedJson!)));
			return actual === expected ? [] : [`${c.id}: ${actual?.slice(0, 200)} != ${expected.slice(0, 200)}`];
		});
		assert.deepEqual(wrong, []);
	});
});

/**
 * A decoded value and toml-test's tagged JSON (`{ "type": "integer", "value": "42" }`) brought to one
 * comparable form: integers as decimal text, floats as numbers' text, dates as instants (local ones
 * read as UTC fields, to the millisecond).
 */
function comparable(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(comparable);
	}
	if (value instanceof Date) {
		return { type: 'date', value: value.getTime() };
	}
	if (typeof value === 'bigint') {
		return { type: 'number', value: value.toString() };
	}
	if (typeof value === 'number') {
		return Number.isInteger(value) && !Object.is(value, -0) ? { type: 'number', value: String(value) } : { type: 'float', value: String(value) };
	}
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.keys(value).sort().map(k => [k, comparable((value as Record<string, unknown>)[k])]));
	}
	return value;
}

function comparableTagged(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(comparableTagged);
	}
	const record = value as Record<string, unknown>;
	if (typeof record.type === 'string' && typeof record.value === 'string' && Object.keys(record).length === 2) {
		const text = record.value;
		switch (record.type) {
			case 'string': return text;
			case 'bool': return text === 'true';
			case 'integer': return { type: 'number', value: BigInt(text).toString() };
			case 'float': {
				const number = text === 'inf' || text === '+inf' ? Infinity : text === '-inf' ? -Infinity : text.endsWith('nan') ? NaN : Number(text);
				return Number.isInteger(number) && !Object.is(number, -0) ? { type: 'number', value: String(number) } : { type: 'float', value: String(number) };
			}
			case 'datetime': return { type: 'date', value: Date.parse(text.replace(/(\.\d{3})\d+/, '$1').replace(' ', 'T')) };
			case 'datetime-local': return { type: 'date', value: Date.parse(`${text.replace(/(\.\d{3})\d+/, '$1').replace(' ', 'T')}Z`) };
			case 'date-local': return { type: 'date', value: utcDate(text) };
			case 'time-local': return { type: 'date', value: Date.parse(`1970-01-01T${text.replace(/(\.\d{3})\d+/, '$1')}Z`) };
		}
	}
	return Object.fromEntries(Object.keys(record).sort().map(k => [k, comparableTagged(record[k])]));
}

function utcDate(text: string): number {
	const [year, month, day] = text.split('-').map(Number);
	const date = new Date(Date.UTC(2000, month - 1, day));
	date.setUTCFullYear(year, month - 1, day);
	return date.getTime();
}
