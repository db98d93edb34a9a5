// Records the HTML Debian's hugo 0.111.3 publishes for every CommonMark spec and cmark-gfm extension example
// (test/fixtures/commonmark), each built as a post with Hugo's default markup settings. Run after
// `npx tsc -p .`, with hugo 0.111.3 on the PATH:
//   node scripts/recordGoldmarkOutputs.mjs
// The unit test compares our renderer with the file this writes; the oracle test re-derives it with hugo.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const { specExamples, HUGO_OUTPUTS_FILE } = require(path.join(root, 'out/test/unit/commonmark/specExamples.js'));
const { renderWithHugo } = require(path.join(root, 'out/test/unit/commonmark/hugoRender.js'));

const version = /v(\d+\.\d+\.\d+)/.exec(execFileSync('hugo', ['version'], { encoding: 'utf8' }))?.[1];
if (version !== '0.111.3') {
	console.error(`hugo ${version ?? '(not found)'} is on the PATH; the outputs are Debian's hugo 0.111.3's`);
	process.exit(1);
}

const examples = specExamples();
const html = await renderWithHugo(new Map(examples.map(e => [e.id, e.post])));
const recorded = Object.fromEntries(examples.map(e => [e.id, html.get(e.id)]));
writeFileSync(HUGO_OUTPUTS_FILE, `${JSON.stringify({ hugo: version, examples: recorded }, undefined, '\t')}\n`);
console.log(`${examples.length} examples built by hugo ${version} -> ${path.relative(root, HUGO_OUTPUTS_FILE)}`);
