// Our renderer against the HTML Debian's hugo 0.111.3 published for every CommonMark 0.30 spec example and
// every cmark-gfm extension example (recorded in hugo-outputs.json), compared after normalizeHtml.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PostRenderer } from '../../../src/core/markdown/renderer';
import { renderWithHugo } from './hugoRender';
import { normalizeHtml } from './normalizeHtml';
import { HUGO_OUTPUTS_FILE, specExamples, type RecordedOutputs } from './specExamples';

/** The examples where our render differs from hugo's, with why: none left. */
const KNOWN_DIFFERENCES: Record<string, string> = {};

suite('core.markdown: Goldmark parity on the CommonMark and GFM examples', () => {
	const recorded = JSON.parse(readFileSync(HUGO_OUTPUTS_FILE, 'utf8')) as RecordedOutputs;
	const examples = specExamples();
	const renderer = new PostRenderer();

	test('the record covers every example, from hugo 0.111.3', () => {
		assert.equal(recorded.hugo, '0.111.3');
		assert.deepEqual(Object.keys(recorded.examples).sort(), examples.map(e => e.id).sort());
		assert.equal(examples.filter(e => e.id.startsWith('spec-')).length, 652);
	});

	test('the record is what hugo 0.111.3 publishes now (when hugo is installed)', async function () {
		this.timeout(120_000);
		const version = spawnSync('hugo', ['version'], { encoding: 'utf8' });
		if (version.status !== 0) {
			this.skip();
		}
		assert.match(version.stdout, /v0\.111\.3/);
		const built = await renderWithHugo(new Map(examples.map(e => [e.id, e.post])));
		assert.deepEqual(examples.filter(e => built.get(e.id) !== recorded.examples[e.id]).map(e => e.id), []);
	});

	for (const example of examples) {
		const known = KNOWN_DIFFERENCES[example.id];
		test(`${example.id} (${example.section}) renders as Hugo publishes it${known ? ` (known difference: ${known})` : ''}`, () => {
			const ours = normalizeHtml(renderer.render(example.post, { unsafeHtml: false, frontMatterHeader: false }).html);
			const hugo = normalizeHtml(recorded.examples[example.id]);
			if (known) {
				// Listed so the count stays honest: when it starts to agree, it must leave the list.
				assert.notEqual(ours, hugo, `${example.id} now agrees with hugo: remove it from KNOWN_DIFFERENCES`);
			} else {
				assert.equal(ours, hugo, `Markdown:\n${example.markdown}`);
			}
		});
	}
});
