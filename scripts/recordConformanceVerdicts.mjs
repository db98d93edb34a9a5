// Records Hugo's verdict on every conformance case (test/fixtures/conformance): each case, wrapped as a
// post's front matter by test/unit/conformance/suites.ts, is built by `hugo` in a site of its own; a
// failed build is a reject. Run after `npx tsc -p .`, with Debian's hugo 0.111.3 on the PATH:
//   node scripts/recordConformanceVerdicts.mjs
// The unit test compares the validator with the file this writes; the oracle test re-derives a sample.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const { conformanceCases, VERDICTS_FILE } = require(path.join(root, 'out/test/unit/conformance/suites.js'));
const { buildWithHugo } = require(path.join(root, 'out/test/unit/conformance/hugoBuild.js'));

const version = /v(\d+\.\d+\.\d+)/.exec(execFileSync('hugo', ['version'], { encoding: 'utf8' }))?.[1];
if (version !== '0.111.3') {
	console.error(`hugo ${version ?? '(not found)'} is on the PATH; the verdicts are Debian's hugo 0.111.3's`);
	process.exit(1);
}

const cases = conformanceCases();
const work = mkdtempSync(path.join(os.tmpdir(), 'conformance-'));
const results = {};
let next = 0;
async function worker() {
	while (next < cases.length) {
		const c = cases[next++];
		results[c.id] = await buildWithHugo(work, c.post);
	}
}
await Promise.all(Array.from({ length: os.cpus().length * 2 }, worker));
rmSync(work, { recursive: true, force: true });

const sorted = Object.fromEntries(Object.keys(results).sort().map(id => [id, results[id]]));
writeFileSync(VERDICTS_FILE, `${JSON.stringify({ hugo: version, cases: sorted }, undefined, '\t')}\n`);
const rejects = Object.values(results).filter(r => r.verdict === 'reject').length;
console.log(`${cases.length} cases: ${cases.length - rejects} accepted, ${rejects} rejected by hugo ${version} -> ${path.relative(root, VERDICTS_FILE)}`);
