// The recorded verdicts (hugo-verdicts.json) against hugo itself, when it is installed: a sample of
// cases from every suite and kind is built again, so the record cannot drift from Hugo 0.111.3.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildWithHugo } from './hugoBuild';
import { conformanceCases, VERDICTS_FILE, type RecordedVerdicts } from './suites';

/** Every `SAMPLE_STEP`-th case of the sorted list: all suites and kinds, the same cases on every run. */
const SAMPLE_STEP = 25;

suite('Conformance verdicts re-derived with hugo', function () {
	this.timeout(300_000);

	test('a sample of recorded verdicts equals what hugo 0.111.3 does now', async function () {
		const version = spawnSync('hugo', ['version'], { encoding: 'utf8' });
		if (version.status !== 0) {
			this.skip();
		}
		assert.match(version.stdout, /v0\.111\.3/, 'the verdicts are hugo 0.111.3\'s');
		const recorded = JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')) as RecordedVerdicts;
		const sample = conformanceCases().sort((a, b) => a.id.localeCompare(b.id)).filter((_c, k) => k % SAMPLE_STEP === 0);
		assert.ok(sample.length >= 60);
		assert.ok(new Set(sample.map(c => c.suite)).size === 3);
		const work = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-conformance-'));
		try {
			const drifted: string[] = [];
			for (let k = 0; k < sample.length; k += 4) {
				const batch = sample.slice(k, k + 4);
				const verdicts = await Promise.all(batch.map(c => buildWithHugo(work, c.post)));
				batch.forEach((c, n) => {
					if (verdicts[n].verdict !== recorded.cases[c.id].verdict) {
						drifted.push(`${c.id}: recorded ${recorded.cases[c.id].verdict}, hugo ${verdicts[n].verdict}`);
					}
				});
			}
			assert.deepEqual(drifted, []);
		} finally {
			await fs.rm(work, { recursive: true, force: true });
		}
	});
});
