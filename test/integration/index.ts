// The suite index loaded by the extension host, by both launchers (code-server and @vscode/test-electron).
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { RESULT_FILE_VARIABLE, RESULT_MARKER, type SuiteResult } from './suiteResult';

export async function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
	const grep = process.env.EVENT_WRITEUP_TEST_GREP;
	if (grep) {
		mocha.grep(grep);
	}
	for (const file of await findTests(__dirname)) {
		mocha.addFile(file);
	}
	const result = await new Promise<SuiteResult>(resolve => {
		const runner = mocha.run(failures => {
			const stats = runner.stats;
			resolve({ passed: stats?.passes ?? 0, failed: stats?.failures ?? failures, pending: stats?.pending ?? 0, version: vscode.version });
		});
	});
	console.log(`${RESULT_MARKER} ${JSON.stringify(result)}`);
	const resultFile = process.env[RESULT_FILE_VARIABLE];
	if (resultFile) {
		// Written before the host is told to exit, which it does as soon as run() settles.
		await fs.writeFile(resultFile, JSON.stringify(result));
	}
	if (result.failed > 0) {
		throw new Error(`${result.failed} integration test(s) failed`);
	}
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
