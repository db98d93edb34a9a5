// Benchmarks report ratios against a baseline measured in the same run, so the numbers mean the same on any
// machine. Each `*.bench.ts` exports `benchmarks: Benchmark[]`; `npm run bench` runs them all.

export interface Measurement {
	/** Median milliseconds per iteration. */
	readonly medianMs: number;
	readonly iterations: number;
}

export interface BenchResult {
	readonly name: string;
	readonly subject: Measurement;
	readonly baseline: Measurement;
	readonly baselineName: string;
	/** The target ratio subject/baseline, when the issue sets one. */
	readonly targetRatio?: number;
	readonly note?: string;
}

/** A result that is a share of right answers (not a time), against a baseline method scored on the same data. */
export interface QualityResult {
	readonly kind: 'quality';
	readonly name: string;
	readonly share: number;
	readonly baselineShare: number;
	readonly baselineName: string;
	/** The lowest share the issue accepts. */
	readonly targetShare?: number;
	readonly note?: string;
}

export interface Benchmark {
	readonly name: string;
	run(): Promise<BenchResult | QualityResult | Array<BenchResult | QualityResult>>;
}

/** Whether a result falls short of its target. */
export function missesTarget(result: BenchResult | QualityResult): boolean {
	if ('kind' in result) {
		return result.targetShare !== undefined && result.share < result.targetShare;
	}
	return result.targetRatio !== undefined && result.subject.medianMs / result.baseline.medianMs > result.targetRatio;
}

/** Runs `fn` until about `budgetMs` has passed (at least `minIterations`) and returns the median time. */
export async function measure(fn: () => unknown, options: { budgetMs?: number; minIterations?: number; warmup?: number } = {}): Promise<Measurement> {
	const budgetMs = options.budgetMs ?? 1_000;
	const minIterations = options.minIterations ?? 5;
	for (let i = 0; i < (options.warmup ?? 3); i++) {
		await fn();
	}
	const samples: number[] = [];
	const start = performance.now();
	while (samples.length < minIterations || performance.now() - start < budgetMs) {
		const t0 = performance.now();
		await fn();
		samples.push(performance.now() - t0);
		if (samples.length >= 10_000) {
			break;
		}
	}
	samples.sort((a, b) => a - b);
	return { medianMs: samples[Math.floor(samples.length / 2)], iterations: samples.length };
}

/**
 * Measures `subject` and `baseline` in alternating rounds until about `budgetMs` has passed for each, and
 * returns both medians. Timing one after the other lets the machine's state drift between the two (a busy
 * neighbour, the collector, code the JIT compiled for the other); alternating exposes both to the same.
 */
export async function measurePair(subject: () => unknown, baseline: () => unknown, options: { budgetMs?: number; warmup?: number; roundMs?: number } = {}): Promise<{ subject: Measurement; baseline: Measurement }> {
	const budgetMs = options.budgetMs ?? 1_000;
	const roundMs = options.roundMs ?? 50;
	for (let i = 0; i < (options.warmup ?? 3); i++) {
		await subject();
		await baseline();
	}
	const samples: [number[], number[]] = [[], []];
	const spent = [0, 0];
	const fns = [subject, baseline];
	while ((spent[0] < budgetMs || spent[1] < budgetMs) && samples[0].length < 10_000) {
		for (const which of [0, 1]) {
			const roundStart = performance.now();
			do {
				const t0 = performance.now();
				await fns[which]();
				samples[which].push(performance.now() - t0);
			} while (performance.now() - roundStart < roundMs);
			spent[which] += performance.now() - roundStart;
		}
	}
	const median = (values: number[]): Measurement => {
		const sorted = [...values].sort((a, b) => a - b);
		return { medianMs: sorted[Math.floor(sorted.length / 2)], iterations: sorted.length };
	};
	return { subject: median(samples[0]), baseline: median(samples[1]) };
}

export function formatResult(result: BenchResult | QualityResult): string {
	if ('kind' in result) {
		const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
		const verdict = result.targetShare === undefined ? '' : `  (target >= ${percent(result.targetShare)}: ${missesTarget(result) ? 'MISSED' : 'met'})`;
		return `${result.name}: ${percent(result.share)} vs ${percent(result.baselineShare)} ${result.baselineName}${verdict}${result.note ? `  ${result.note}` : ''}`;
	}
	const ratio = result.subject.medianMs / result.baseline.medianMs;
	const verdict = result.targetRatio === undefined ? '' : ratio <= result.targetRatio ? `  (target <= ${result.targetRatio}x: met)` : `  (target <= ${result.targetRatio}x: MISSED)`;
	return `${result.name}: ${ratio.toFixed(2)}x ${result.baselineName}` +
		`  [${result.subject.medianMs.toFixed(3)} ms vs ${result.baseline.medianMs.toFixed(3)} ms, n=${result.subject.iterations}/${result.baseline.iterations}]` +
		verdict + (result.note ? `  ${result.note}` : '');
}
