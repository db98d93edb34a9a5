import * as assert from 'node:assert/strict';
import { range, type TextEdit } from '../../../src/core/text';
import type { Finding, Fix } from '../../../src/core/frontMatter/validate';
import { editsOverlap, preferredFix, selectNonOverlappingFixes } from '../../../src/core/frontMatter/fixSelection';

function edit(line: number, start: number, end: number, newText: string): TextEdit {
	return { range: range(line, start, line, end), newText };
}

function finding(code: string, ...fixes: Fix[]): Finding {
	return { code, message: code, severity: 'error', range: fixes[0]?.edits[0]?.range ?? range(0, 0, 0, 0), fixes };
}

suite('features.frontMatter.fixSelection', () => {
	test('Should take only the fix the core marks preferred (#3)', () => {
		const wrap: Fix = { title: 'Wrap in a list', edits: [edit(1, 7, 15, '["single"]')], isPreferred: true };
		const split: Fix = { title: 'Split at commas', edits: [edit(1, 7, 15, '["a", "b"]')] };
		assert.equal(preferredFix(finding('tags-not-list', split, wrap)), wrap);
		// A lone fix without the mark (such as dropping a duplicate key) waits for the writer's choice.
		assert.equal(preferredFix(finding('duplicate-key', split)), undefined);
	});

	test('Should select every non-overlapping preferred fix, in document order (#3)', () => {
		const date: Fix = { title: 'date', edits: [edit(2, 7, 20, '2017-05-09')], isPreferred: true };
		const draft: Fix = { title: 'draft', edits: [edit(4, 8, 12, 'false')], isPreferred: true };
		const notPreferred: Fix = { title: 'remove', edits: [edit(5, 0, 9, '')] };
		const selection = selectNonOverlappingFixes([finding('draft', draft), finding('dup', notPreferred), finding('date', date)]);
		assert.deepEqual(selection.edits, [date.edits[0], draft.edits[0]]);
		assert.equal(selection.fixed, 2);
		assert.equal(selection.deferred, 0);
	});

	test('Should defer a fix that edits text another selected fix edits (#3)', () => {
		const first: Fix = { title: 'a', edits: [edit(1, 0, 10, 'x')], isPreferred: true };
		const overlapping: Fix = { title: 'b', edits: [edit(1, 5, 12, 'y')], isPreferred: true };
		const inside: Fix = { title: 'c', edits: [edit(1, 3, 3, 'z')], isPreferred: true };
		const selection = selectNonOverlappingFixes([finding('a', first), finding('b', overlapping), finding('c', inside)]);
		assert.equal(selection.fixed, 1);
		assert.equal(selection.deferred, 2);
		assert.deepEqual(selection.edits, first.edits);
	});

	test('Should apply insertions at one point in the order of their findings (#3)', () => {
		// Two missing fields, both added before the closing delimiter on line 3.
		const addTitle: Fix = { title: 'Add title', edits: [edit(3, 0, 0, 'title = ""\n')], isPreferred: true };
		const addDate: Fix = { title: 'Add date', edits: [edit(3, 0, 0, 'date = 2017-05-09\n')], isPreferred: true };
		const selection = selectNonOverlappingFixes([finding('required', addTitle), finding('required', addDate)]);
		assert.equal(selection.fixed, 2);
		assert.deepEqual(selection.edits.map(e => e.newText), ['title = ""\n', 'date = 2017-05-09\n']);
	});

	test('Should keep all edits of a multi-edit fix together (#3)', () => {
		const twoPlaces: Fix = { title: 'quote', edits: [edit(2, 10, 10, '"'), edit(2, 6, 6, '"')], isPreferred: true };
		const blocked: Fix = { title: 'other', edits: [edit(2, 8, 12, 'x')], isPreferred: true };
		const selection = selectNonOverlappingFixes([finding('quote', twoPlaces), finding('other', blocked)]);
		assert.deepEqual(selection.edits, [twoPlaces.edits[1], twoPlaces.edits[0]]);
		assert.equal(selection.deferred, 1);
	});

	test('Should treat ranges sharing text as overlapping, touching ones and insertions as compatible (#3)', () => {
		assert.equal(editsOverlap(range(1, 0, 1, 5), range(1, 5, 1, 9)), false);
		assert.equal(editsOverlap(range(1, 5, 1, 9), range(1, 0, 1, 5)), false);
		assert.equal(editsOverlap(range(1, 0, 1, 5), range(1, 4, 1, 9)), true);
		assert.equal(editsOverlap(range(1, 0, 3, 0), range(2, 0, 2, 0)), true);
		assert.equal(editsOverlap(range(1, 2, 1, 6), range(1, 2, 1, 6)), true);
		assert.equal(editsOverlap(range(1, 3, 1, 3), range(1, 3, 1, 8)), false);
		assert.equal(editsOverlap(range(1, 3, 1, 3), range(1, 3, 1, 3)), false);
		assert.equal(editsOverlap(range(1, 0, 2, 0), range(2, 0, 2, 0)), false);
	});
});
