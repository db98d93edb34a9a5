import * as assert from 'node:assert/strict';
import { DEFAULT_CHECK_SETTINGS, readCheckSettings, stripJsonComments } from '../../../src/core/settings/checkSettings';

suite('settings.checkSettings', () => {
	test('Should read JSON with comments and trailing commas as VS Code writes it, strings untouched (#14)', () => {
		const text = '{\n // a comment, with a comma,\n "url": "http://x.org/a,/*b*/", /* block */ "list": [1, 2,],\n "escaped": "a\\"//b",\n}';
		assert.deepEqual(JSON.parse(stripJsonComments(text)), { url: 'http://x.org/a,/*b*/', list: [1, 2], escaped: 'a"//b' });
	});

	test('Should take the eventWriteup keys, the [markdown] block over the top level, and keep the rest as given (#14)', () => {
		const settings = readCheckSettings('{ "eventWriteup.images.validate": false, "[markdown]": { "eventWriteup.images.validate": true, "eventWriteup.frontMatter.requiredFields": ["Title", "title", " date "] } }');
		assert.deepEqual(settings, { frontMatter: true, images: true, requiredFields: ['Title', 'date'] });
		assert.deepEqual(readCheckSettings('{}'), DEFAULT_CHECK_SETTINGS);
		assert.throws(() => readCheckSettings('[]'), SyntaxError);
	});
});
