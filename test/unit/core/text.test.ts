import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/text';

suite('core.LineIndex', () => {
	test('Should map offsets and positions both ways across LF and CRLF lines (#2)', () => {
		const text = 'a\r\nbc\nd';
		const index = new LineIndex(text);
		assert.equal(index.lineCount, 3);
		assert.deepEqual(index.positionAt(text.indexOf('c')), { line: 1, character: 1 });
		assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 2, character: 0 });
		assert.equal(index.offsetAt({ line: 1, character: 1 }), text.indexOf('c'));
		assert.deepEqual(index.positionAt(999), { line: 2, character: 1 });
	});
});
