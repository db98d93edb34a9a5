// Runs the same integration suite with @vscode/test-electron, for machines with desktop VS Code: it uses
// VSCODE_EXECUTABLE when set (no download), otherwise downloads the stable build.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace, REPO_ROOT } from './workspace';

async function main(): Promise<void> {
	const workspace = await prepareWorkspace();
	await runTests({
		extensionDevelopmentPath: REPO_ROOT,
		extensionTestsPath: path.join(__dirname, 'index.js'),
		vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
		launchArgs: [workspace, '--disable-workspace-trust', '--skip-welcome'],
	});
}

main().catch(error => {
	console.error(error);
	process.exit(1);
});
