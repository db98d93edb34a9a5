import * as assert from 'node:assert/strict';
import { editDistanceWithin } from '../../../src/core/site/editDistance';

/** The textbook table, whole: what the bounded and trimmed computation must agree with. */
function levenshtein(a: string, b: string): number {
	const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i === 0 ? j : j === 0 ? i : 0));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
	}
	return table[a.length][b.length];
}

/** A small pseudo-random generator, so that a failure can be replayed. */
function generator(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

suite('site.editDistance', () => {
	test('Should agree with the whole table on paths that share a prefix and a suffix (#19)', () => {
		const random = generator(19);
		const letters = 'ab01/-.';
		const word = (length: number) => Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
		for (let round = 0; round < 3000; round++) {
			const prefix = random() < 0.7 ? '/images/2017/0' : '';
			const suffix = random() < 0.7 ? '.jpg' : '';
			const a = prefix + word(Math.floor(random() * 9)) + suffix;
			const b = prefix + word(Math.floor(random() * 9)) + suffix;
			const limit = Math.floor(random() * 6);
			const exact = levenshtein(a, b);
			assert.equal(editDistanceWithin(a, b, limit), Math.min(exact, limit + 1), `${a} / ${b} within ${limit}`);
		}
	});

	test('Should compare long strings after short ones and strings outside Latin-1 (#19)', () => {
		const long = `/images/${'x'.repeat(300)}/photo.jpg`;
		assert.equal(editDistanceWithin('/a.jpg', '/b.jpg', 2), 1);
		assert.equal(editDistanceWithin(long, long.replace('photo', 'phot0'), 3), 1);
		assert.equal(editDistanceWithin('/fotos/café-ñandú.jpg', '/fotos/cafe-nandu.jpg', 5), 3);
		assert.equal(editDistanceWithin('/img/😀.png', '/img/😁.png', 3), 1);
	});
});
