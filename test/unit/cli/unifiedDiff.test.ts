import * as assert from 'node:assert/strict';
import { unifiedDiff } from '../../../src/cli/unifiedDiff';

/** Applies a unified diff to `before` as `patch` would: each hunk's context and removals checked, its additions taken. */
function applyDiff(before: string, diff: string): string {
	const old = before.split('\n');
	const result: string[] = [];
	let at = 0;
	const lines = diff.split('\n').slice(2);
	for (let k = 0; k < lines.length; k++) {
		const header = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(lines[k]);
		if (!header) {
			continue;
		}
		const start = Number(header[2]) === 0 ? Number(header[1]) : Number(header[1]) - 1;
		while (at < start) {
			result.push(old[at++]);
		}
		for (k++; k < lines.length && !lines[k].startsWith('@@') && lines[k] !== ''; k++) {
			const text = lines[k].slice(1);
			if (lines[k][0] === '+') {
				result.push(text);
			} else {
				assert.equal(old[at++], text, `the diff's ${lines[k][0] === '-' ? 'removed' : 'context'} line is the old text's`);
				if (lines[k][0] === ' ') {
					result.push(text);
				}
			}
		}
		k--;
	}
	while (at < old.length) {
		result.push(old[at++]);
	}
	return result.join('\n');
}

suite('cli.unifiedDiff', () => {
	test('Should print a diff that turns the old text into the new one, for random edits (#14)', () => {
		let seed = 7;
		const random = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		for (let round = 0; round < 300; round++) {
			const before = Array.from({ length: 1 + random(40) }, () => `line ${random(8)}`);
			const after = before.flatMap(line => {
				const roll = random(10);
				return roll === 0 ? [] : roll === 1 ? [line, `added ${random(5)}`] : roll === 2 ? [`changed ${random(5)}`] : [line];
			});
			const diff = unifiedDiff(before.join('\n'), after.join('\n'), 'post.md');
			assert.equal(applyDiff(before.join('\n'), diff), after.join('\n'), diff);
		}
	});

	test('Should stay exact, in bounded memory, when a long front matter changes at both ends (#14)', () => {
		const lines = Array.from({ length: 3_000 }, (_, i) => `tag-${i} = true`);
		const before = ['+++', ...lines, '+++', 'body'].join('\n');
		const after = ['---', ...lines, '---', 'body'].join('\n');
		const diff = unifiedDiff(before, after, 'post.md');
		assert.equal(applyDiff(before, diff), after);
		assert.match(diff, /^@@ -1,3003 \+1,3003 @@$/m, 'the middle is shown removed, then added');
	});
});
