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

	test('Should answer the same whatever order lines are asked in, though it scans only as far as asked (#14)', () => {
		// Line breaks of every kind, CRLF split across the scan's steps included, and lines longer than a step.
		const pieces = ['a', '\n', '\r\n', '\r', 'x'.repeat(5000), '\r\n\r\n', ''];
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const text = Array.from({ length: 400 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
		const lineStarts = [0];
		for (let i = 0; i < text.length; i++) {
			if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
				lineStarts.push(i + 1);
			}
		}
		const expected = (offset: number) => {
			const line = lineStarts.filter(start => start <= offset).length - 1;
			return { line, character: offset - lineStarts[line] };
		};
		// Random offsets, and each line's start and the offsets either side of it, where a scan's end matters.
		const offsets = [...Array.from({ length: 300 }, () => Math.floor(random() * (text.length + 1))), ...lineStarts.flatMap(start => [start - 1, start, start + 1]).filter(offset => offset >= 0 && offset <= text.length)];
		for (const offset of offsets.slice(0, 600)) {
			assert.deepEqual(new LineIndex(text).positionAt(offset), expected(offset), `offset ${offset}, first asked`);
		}
		const forwards = new LineIndex(text);
		const backwards = new LineIndex(text);
		for (const offset of [...offsets].sort((a, b) => a - b)) {
			assert.deepEqual(forwards.positionAt(offset), expected(offset), `offset ${offset}`);
		}
		for (const offset of [...offsets].sort((a, b) => b - a)) {
			assert.deepEqual(backwards.positionAt(offset), expected(offset), `offset ${offset}`);
		}
		const byLine = new LineIndex(text);
		for (const line of [5, 0, lineStarts.length - 1, 17, lineStarts.length + 3]) {
			assert.equal(byLine.lineStart(line), lineStarts[Math.min(line, lineStarts.length - 1)], `line ${line}`);
		}
		assert.equal(new LineIndex(text).lineCount, lineStarts.length);
	});
});
