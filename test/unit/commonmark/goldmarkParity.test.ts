// Our renderer against the HTML Debian's hugo 0.111.3 published for every CommonMark 0.30 spec example and
// every cmark-gfm extension example (recorded in hugo-outputs.json), compared after normalizeHtml.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PostRenderer } from '../../../src/core/markdown/renderer';
import { normalizeHtml } from './normalizeHtml';
import { HUGO_OUTPUTS_FILE, specExamples, type RecordedOutputs } from './specExamples';

suite('core.markdown: Goldmark parity on the CommonMark and GFM examples', () => {
	const recorded = JSON.parse(readFileSync(HUGO_OUTPUTS_FILE, 'utf8')) as RecordedOutputs;
	const examples = specExamples();
	const renderer = new PostRenderer();

	test('the record covers every example, from hugo 0.111.3', () => {
		assert.equal(recorded.hugo, '0.111.3');
		assert.deepEqual(Object.keys(recorded.examples).sort(), examples.map(e => e.id).sort());
		assert.equal(examples.filter(e => e.id.startsWith('spec-')).length, 652);
	});

	for (const example of examples) {
		test(`${example.id} (${example.section}) renders as Hugo publishes it`, () => {
			const ours = renderer.render(example.post, { unsafeHtml: false, frontMatterHeader: false }).html;
			assert.equal(normalizeHtml(ours), normalizeHtml(recorded.examples[example.id]), `Markdown:\n${example.markdown}`);
		});
	}
});
