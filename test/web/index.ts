// The web suite's entry, run by VS Code's web-worker extension host (bundled into dist/web/test/index.js,
// inside the extension's folder, so the worker host that runs the extension runs it too).
// mocha's browser build: it sets `mocha`, `suite` and `test` on the worker's global scope.
import 'mocha/mocha';
import * as vscode from 'vscode';
import { RESULT_MARKER } from '../integration/suiteResult';

export async function run(): Promise<void> {
	mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000 });
	// The suites call `suite` and `test` as they load: only once mocha is set up.
	await import('./suites');
	return new Promise((resolve, reject) => {
		const runner = mocha.run(failures => {
			const stats = runner.stats;
			const result = { passed: stats?.passes ?? 0, failed: stats?.failures ?? failures, pending: stats?.pending ?? 0, version: vscode.version };
			console.log(`${RESULT_MARKER} ${JSON.stringify(result)}`);
			if (result.failed > 0) {
				reject(new Error(`${result.failed} web test(s) failed`));
			} else {
				resolve();
			}
		});
	});
}
