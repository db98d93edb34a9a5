import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './util';

interface Manifest {
	contributes: { commands: Array<{ command: string }> };
}

suite('integration.activation', () => {
	test('Should activate and register every contributed command (#2)', async () => {
		const extension = await activateExtension();
		assert.equal(extension.isActive, true);
		const manifest = extension.packageJSON as Manifest;
		const registered = new Set(await vscode.commands.getCommands(true));
		const missing = manifest.contributes.commands.map(c => c.command).filter(id => !registered.has(id));
		assert.deepEqual(missing, [], 'every command in package.json has a handler');
	});

	test('Should open the sample site as the workspace (#2)', async () => {
		const posts = await vscode.workspace.findFiles('content/post/*.md');
		assert.ok(posts.length >= 2, `expected the sample posts, found ${posts.length}`);
	});
});
