import * as assert from 'node:assert/strict';
import { DEFAULT_REQUIRED_FIELDS, normalizeRequiredFields } from '../../../src/core/frontMatter/requiredFields';

suite('features.frontMatter.requiredFields', () => {
	test('Should keep the listed names, trimmed, once each ignoring case (#3)', () => {
		assert.deepEqual(normalizeRequiredFields([' title', 'date ', 'Date', 'cover', 'TITLE']), ['title', 'date', 'cover']);
	});

	test('Should drop blank and non-string entries of a hand-edited setting (#3)', () => {
		assert.deepEqual(normalizeRequiredFields(['', '  ', 42, null, { name: 'x' }, 'summary']), ['summary']);
		assert.deepEqual(normalizeRequiredFields([]), [], 'an empty list turns the rule off');
	});

	test('Should fall back to the default for anything but a list (#3)', () => {
		assert.deepEqual(DEFAULT_REQUIRED_FIELDS, ['title', 'date']);
		for (const value of ['title', 7, null, undefined, { title: true }]) {
			assert.equal(normalizeRequiredFields(value), DEFAULT_REQUIRED_FIELDS);
		}
	});
});
