// The suite index loaded by the extension host, by both launchers (code-server and @vscode/test-electron).
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import Mocha from 'mocha';

/** The launcher reads this line for the counts, whatever reporter output surrounds it. */
export const RESULT_MARKER = 'EVENT_WRITEUP_INTEGRATION_RESULT';

export async function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
	const grep = process.env.EVENT_WRITEUP_TEST_GREP;
	if (grep) {
		mocha.grep(grep);
	}
	for (const file of await findTests(__dirname)) {
		mocha.addFile(file);
	}
	await new Promise<void>((resolve, reject) => {
		const runner = mocha.run(failures => {
			const stats = runner.stats;
			const passed = stats?.passes ?? 0;
			const failed = (stats?.failures ?? failures);
			console.log(`${RESULT_MARKER} ${JSON.stringify({ passed, failed, pending: stats?.pending ?? 0 })}`);
			if (failures > 0) {
				reject(new Error(`${failures} integration test(s) failed`));
			} else {
				resolve();
			}
		});
	});
}

async function findTests(dir: string): Promise<string[]> {
	const files: string[] = [];
	for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			files.push(...await findTests(full));
		} else if (entry.name.endsWith('.test.js')) {
			files.push(full);
		}
	}
	return files.sort();
}
