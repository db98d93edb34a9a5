// `npm run bench`: runs every benchmark module in this folder and prints each result as a ratio.
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { formatResult, missesTarget, type Benchmark } from './harness';

async function main(): Promise<void> {
	const filter = process.argv[2];
	const modules = (await fs.readdir(__dirname)).filter(f => f.endsWith('.bench.js')).sort();
	let missed = 0;
	for (const file of modules) {
		const { benchmarks } = await import(path.join(__dirname, file)) as { benchmarks: Benchmark[] };
		for (const benchmark of benchmarks) {
			if (filter && !benchmark.name.includes(filter)) {
				continue;
			}
			const results = [await benchmark.run()].flat();
			for (const result of results) {
				console.log(formatResult(result));
				if (missesTarget(result)) {
					missed++;
				}
			}
		}
	}
	console.log(missed === 0 ? 'all benchmark targets met' : `${missed} benchmark target(s) missed`);
}

main().catch(error => {
	console.error(error);
	process.exitCode = 1;
});
