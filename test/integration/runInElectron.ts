// Runs the same integration suite with @vscode/test-electron, for machines with desktop VS Code: it uses
// VSCODE_EXECUTABLE when set (no download), otherwise downloads the stable build. Prints the same
// `extension host (VS Code <version>): N passed, M failed` line as the code-server launcher.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { RESULT_FILE_VARIABLE, type SuiteResult } from './suiteResult';
import { prepareWorkspace, REPO_ROOT } from './workspace';

async function main(): Promise<number> {
	const workspace = await prepareWorkspace();
	const resultFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-electron-')), 'result.json');
	let exitCode = 0;
	try {
		await runTests({
			extensionDevelopmentPath: REPO_ROOT,
			extensionTestsPath: path.join(__dirname, 'index.js'),
			extensionTestsEnv: { [RESULT_FILE_VARIABLE]: resultFile },
			vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
			// Only the extension under test: other installed extensions must not change what the tests see.
			launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
		});
	} catch (error) {
		console.error(error);
		exitCode = 1;
	}
	const result = await fs.readFile(resultFile, 'utf8').then(text => JSON.parse(text) as SuiteResult, () => undefined);
	if (!result) {
		console.log('extension host: 0 passed, 1 failed (the suite reported no result)');
		return 1;
	}
	console.log(`extension host (VS Code ${result.version}): ${result.passed} passed, ${result.failed} failed`);
	return result.failed > 0 || result.passed === 0 ? 1 : exitCode;
}

main().then(code => {
	process.exitCode = code;
}, error => {
	console.error(error);
	process.exitCode = 1;
});
