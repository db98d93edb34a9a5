// YAML that Hugo 0.111.3's reader (yaml.v2) reads differently from YAML 1.2: tabs, `\/`, sexagesimal
// numbers, deep flow nesting. Each probe's verdict was measured with hugo; the oracle test builds them
// again when hugo is installed, so the table cannot drift from Hugo.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseFrontMatter } from '../../../src/core/frontMatter/parse';
import { buildWithHugo } from '../conformance/hugoBuild';

const post = (...lines: string[]) => `---\ntitle: x\n${lines.join('\n')}\n---\n\nBody\n`;

/** [front matter lines, whether hugo 0.111.3 builds the post] */
const PROBES: ReadonlyArray<readonly [string[], boolean]> = [
	[['t:\tx'], true],
	[['t: x\t# c'], true],
	[['tags:', '-\tx'], false],
	[['\tt: x'], false],
	[['\t# c'], false],
	[['\t'], false],
	[['s: |', '  a', '\tb'], false],
	[['s: |', '  a', '  \tb'], true],
	[['t: [a,\tb]'], true],
	[['t: x', ' \t'], true],
	[['t: "a', '\tb"'], true], // DK95-01: yaml.v2 builds it, the YAML library refuses (a known difference)
	[['t: a', '\tb'], false],
	[['t:', '\t- a'], false],
	[['t:', ' \tb'], false],
	[['t:', ' - x', '  \tx'], true],
	[['t: "a\\/b"'], false],
	[['t: \'a\\/b\''], true],
	[['t: say "a\\/b"'], true],
	[['[a, b]: x'], false],
	[[`v: ${'['.repeat(5_000)}${']'.repeat(5_000)}`], true],
	[[`v: ${'['.repeat(10_000)}${']'.repeat(10_000)}`], true],
	[[`v: ${'['.repeat(10_001)}${']'.repeat(10_001)}`], false],
];

/** Probes where the validator and Hugo still disagree (see yaml-test-suite's DK95-01). */
const KNOWN = new Set([10]);

function ourVerdict(lines: string[]): boolean {
	const parsed = parseFrontMatter(post(...lines));
	return parsed !== undefined && parsed.problems.every(p => p.severity !== 'error');
}

suite('frontMatter.yamlV2', () => {
	test('Should fail exactly the YAML posts Hugo 0.111.3 fails, tabs, escapes and deep flows included (#12)', () => {
		const wrong = PROBES.flatMap(([lines, builds], k) => KNOWN.has(k) || ourVerdict(lines) === builds ? [] : [`${k}: ${JSON.stringify(lines).slice(0, 60)} hugo ${builds ? 'builds' : 'fails'}`]);
		assert.deepEqual(wrong, []);
		assert.deepEqual([...KNOWN].filter(k => ourVerdict(PROBES[k][0]) === PROBES[k][1]), [], 'a known difference is fixed: drop it from KNOWN');
	});

	test('Should read 1:30 as text and nested flows as data, as yaml.v2 does (#12)', () => {
		const parsed = parseFrontMatter(post('weight: 1:30', 'slug: 10:30', 'count: 1_000'))!;
		assert.deepEqual(parsed.data, { title: 'x', weight: '1:30', slug: '10:30', count: 1000 });
		const deep = parseFrontMatter(post(`v: ${'['.repeat(5_000)}"a]"${']'.repeat(5_000)}`, 'draft: true'))!;
		assert.deepEqual(deep.problems, []);
		assert.equal(deep.data?.draft, true);
		assert.equal(deep.entries.find(e => e.key === 'v')?.value.kind, 'array');
		const tooDeep = parseFrontMatter(post(`v: ${'['.repeat(10_001)}${']'.repeat(10_001)}`))!;
		assert.match(tooDeep.problems[0].message, /more than 10000 deep/);
		const tab = parseFrontMatter(post('tags:', '-\tx'))!;
		assert.match(tab.problems[0].message, /a tab after the '-'/);
		assert.equal(tab.problems[0].start, post('tags:', '-\tx').indexOf('\t'));
	});

	test('Should agree with hugo on every probe when hugo is installed (#12)', async function () {
		this.timeout(120_000);
		if (spawnSync('hugo', ['version']).status !== 0) {
			this.skip();
		}
		const work = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-yaml-probes-'));
		try {
			const verdicts = await Promise.all(PROBES.map(([lines]) => buildWithHugo(work, Buffer.from(post(...lines)))));
			assert.deepEqual(verdicts.map(v => v.verdict === 'accept'), PROBES.map(([, builds]) => builds));
		} finally {
			await fs.rm(work, { recursive: true, force: true });
		}
	});
});
