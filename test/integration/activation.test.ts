import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './util';

interface Manifest {
	contributes: { commands: Array<{ command: string }> };
}

suite('integration.activation', () => {
	test('Should activate with a workspace that is a Hugo site, before any post is opened, to index it ahead (#19)', async () => {
		// This suite runs first: no Markdown document has been opened to activate the extension that way.
		assert.equal(vscode.workspace.textDocuments.some(document => document.languageId === 'markdown'), false, 'no post is open yet');
		const extension = vscode.extensions.getExtension('event-writeup.event-writeup')!;
		const deadline = Date.now() + 30_000;
		while (!extension.isActive && Date.now() < deadline) {
			await new Promise(resolve => setTimeout(resolve, 50));
		}
		assert.equal(extension.isActive, true, 'activated by the site\'s configuration (workspaceContains)');
	});

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
