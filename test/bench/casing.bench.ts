// How well titles derived offline from a URL slug are cased: over the real talk titles of three schedules
// (test/fixtures/sessions/real/titles.json), the share of words cased exactly as the real title writes them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { slugToTitle } from '../../src/core/sessions/casing';
import type { SessionPlatform } from '../../src/core/sessions/types';
import type { Benchmark } from './harness';

const TITLES = path.resolve(__dirname, '../../../test/fixtures/sessions/real/titles.json');

interface TitleData {
	/** `[platform, slug as the platform made it, real title, where it comes from]`. */
	readonly evaluation: Array<[SessionPlatform, string, string, string]>;
}

/** Accents are the slug's to lose (ASCII folding), casing is the title's: words are compared without them. */
const fold = (word: string) => word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** A title's words as a slug keeps them: runs of letters and digits. */
const words = (title: string) => fold(title).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The real title's words that the derived title writes exactly so, over all the real title's words. The
 * two are aligned on their words case aside (longest common subsequence), so a word the slug lost with
 * its punctuation (`sched_ext` → `schedext`, `O_o`) counts as wrong without shifting the rest.
 */
function score(derive: (platform: SessionPlatform, slug: string) => string, data: TitleData): number {
	let right = 0;
	let total = 0;
	for (const [platform, slug, title] of data.evaluation) {
		const expected = words(title);
		const derived = words(derive(platform, slug));
		total += expected.length;
		right += alignedExactly(expected, derived);
	}
	return right / total;
}

/** How many words of `expected` `derived` writes exactly, aligned by a case-insensitive longest common subsequence. */
function alignedExactly(expected: string[], derived: string[]): number {
	const rows = expected.length + 1;
	const cols = derived.length + 1;
	const best: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
	const exact: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			if (expected[i - 1].toLowerCase() === derived[j - 1].toLowerCase()) {
				best[i][j] = best[i - 1][j - 1] + 1;
				exact[i][j] = exact[i - 1][j - 1] + (expected[i - 1] === derived[j - 1] ? 1 : 0);
			} else if (best[i - 1][j] >= best[i][j - 1]) {
				[best[i][j], exact[i][j]] = [best[i - 1][j], exact[i - 1][j]];
			} else {
				[best[i][j], exact[i][j]] = [best[i][j - 1], exact[i][j - 1]];
			}
		}
	}
	return exact[rows - 1][cols - 1];
}

/** The baseline: every word capitalized, as a plain title-case filter would. */
const plainTitleCase = (platform: SessionPlatform, slug: string) => slugToTitle(slug, platform, { dictionary: {}, smallWords: 'none' })
	.split(' ').map(w => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');

export const benchmarks: Benchmark[] = [
	{
		name: 'sessions: offline title casing over real talk titles',
		async run() {
			const data = JSON.parse(fs.readFileSync(TITLES, 'utf8')) as TitleData;
			return {
				kind: 'quality',
				name: `${this.name} (${data.evaluation.length} titles, share of words cased as written)`,
				share: score((platform, slug) => slugToTitle(slug, platform), data),
				baselineShare: score(plainTitleCase, data),
				baselineName: 'plain title case',
				targetShare: 0.85,
			};
		},
	},
];
