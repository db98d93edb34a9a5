import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { anchorLines } from '../../../src/core/docs/anchors';
import { RULES } from '../../../src/core/frontMatter/rules';

suite('core.docs.anchors', () => {
	test('Should find the line of every rule the diagnostics link to in the README (#13)', () => {
		const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
		const lines = anchorLines(readme);
		const rows = readme.split('\n');
		for (const anchor of [...RULES.map(r => r.docsAnchor.slice(1)), 'image-not-found', 'image-raw-html-omitted']) {
			const line = lines.get(anchor);
			assert.ok(line !== undefined, `the README documents ${anchor}`);
			assert.ok(rows[line].includes(`<a id="${anchor}"></a>`));
		}
		assert.deepEqual([...anchorLines('a\r\n<a id="x"></a> <a id="y"></a>\n<a id="x"></a>')], [['x', 1], ['y', 1]]);
	});
});
