import * as assert from 'node:assert/strict';
import { formatNow, formatRfc3339, parseHugoDateString, parseLenientDate } from '../../../src/core/frontMatter/dates';

suite('frontMatter.dates', () => {
	// hugo.md §3, measured with Hugo 0.111.3.
	test('Should read every string layout Hugo reads (#3)', () => {
		const cases: Array<[string, Record<string, unknown>]> = [
			['2017-05-09T10:00:00Z', { year: 2017, month: 5, day: 9, hour: 10, offsetMinutes: 0 }],
			['2017-05-09T10:00:00-04:00', { hour: 10, offsetMinutes: -240 }],
			['2017-05-09T10:00:00-0400', { offsetMinutes: -240 }],
			['2017-05-09T10:00:00.123Z', { fraction: '123' }],
			['2017-05-09T10:00:00', { hour: 10, offsetMinutes: undefined }],
			['2017-05-09 10:00:00', { hour: 10 }],
			['2017-05-09 10:00:00Z', { offsetMinutes: 0 }],
			['2017-05-09 10:00:00 -0400', { offsetMinutes: -240 }],
			['2017-05-09', { year: 2017, month: 5, day: 9, hour: 0 }],
			['09 May 2017', { year: 2017, month: 5, day: 9 }],
			['Tue, 09 May 2017 10:00:00 -0400', { offsetMinutes: -240 }],
			['Tue, 09 May 2017 10:00:00 EDT', { zoneName: 'EDT', offsetMinutes: undefined }],
			['2017-05-09T9:00:00Z', { hour: 9 }],
			['2017-05-09  10:00:00', { hour: 10 }],
			['09 may 2017', { month: 5 }],
			['2016-02-29', { month: 2, day: 29 }],
			// A numeric zone name is an hour up to 23 (Go's parseSignedOffset): -0400 is RubyDate's offset.
			['Tue May 09 10:00:00 -0400 2017', { hour: 10, offsetMinutes: -240, zoneName: undefined }],
			['Tue May  9 10:00:00 +03 2017', { hour: 10, zoneName: '+03', offsetMinutes: undefined }],
		];
		for (const [text, expected] of cases) {
			const parsed = parseHugoDateString(text);
			assert.ok(parsed, text);
			for (const [key, value] of Object.entries(expected)) {
				assert.equal((parsed as unknown as Record<string, unknown>)[key], value, `${text}: ${key}`);
			}
			assert.equal(parsed.hasYear, true, text);
		}
	});

	test('Should reject every string Hugo turns into the zero date (#3)', () => {
		for (const text of ['2017-05-09 10:00', '2017-05-09T10:00', '9 May 2017', 'May 9, 2017', '2017/05/09', '09/05/2017',
			'20170509', '2017-5-9', '2024-42-42', '2017-05-09T10:00:00+02:00[Europe/Berlin]', '', '2017-02-29', ' 2017-05-09',
			'2017-05-09t10:00:00z', '2017-05-09T24:00:00Z', 'yesterday']) {
			assert.equal(parseHugoDateString(text), undefined, text);
		}
	});

	test('Should read time-only layouts without a year, as Go does (#3)', () => {
		assert.equal(parseHugoDateString('3:04PM')?.hasYear, false);
		assert.equal(parseHugoDateString('3:04PM')?.hour, 15);
		assert.equal(parseHugoDateString('May  9 10:00:00')?.hasYear, false);
	});

	test('Should read what people write for fixes, and refuse ambiguous dates (#3)', () => {
		const cases: Array<[string, string | undefined]> = [
			['May 9, 2017', '2017-05-09'],
			['9 May 2017', '2017-05-09'],
			['Tuesday, May 9th 2017', '2017-05-09'],
			['2017/05/09', '2017-05-09'],
			['2017-5-9', '2017-05-09'],
			['20170509', '2017-05-09'],
			['2017-05-09 10:00', '2017-05-09T10:00:00'],
			['2017-05-09T10:00', '2017-05-09T10:00:00'],
			['2017-05-09T10:00:00+02:00[Europe/Berlin]', '2017-05-09T10:00:00+02:00'],
			['May 9, 2017 3:30 pm EDT', '2017-05-09T15:30:00-04:00'],
			['13/05/2017', '2017-05-13'],
			['05/13/2017', '2017-05-13'],
			['09/05/2017', undefined],
			['2024-42-42', undefined],
			['soon', undefined],
		];
		for (const [text, expected] of cases) {
			const parsed = parseLenientDate(text);
			assert.equal(parsed && formatRfc3339(parsed), expected, text);
		}
	});

	test('Should format now as RFC 3339 with an offset (#3)', () => {
		assert.match(formatNow(new Date('2026-01-02T03:04:05Z')), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
	});
});
