import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseFrontMatter } from '../../src/core/frontMatter/parse';
import { activateExtension, closeAllEditors, withTimeout, workspaceFile } from './util';

/** The post's front matter as the extension's own parser reads it, after checking it parses cleanly. */
function frontMatterData(text: string, format: 'toml' | 'yaml'): Record<string, unknown> {
	const parsed = parseFrontMatter(text);
	assert.ok(parsed, 'the post has front matter');
	assert.equal(parsed.block.format, format);
	assert.deepEqual(parsed.problems, []);
	assert.ok(parsed.data);
	return parsed.data;
}

async function readText(uri: vscode.Uri): Promise<string> {
	return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function runNewPost(args: { title: string; tags?: string[] | string; categories?: string[] }): Promise<vscode.Uri | undefined> {
	return withTimeout(45_000, Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('eventWriteup.newPost', args)), 'the new-post command');
}

suite('integration.newPost', function () {
	// The first command of a run waits for the extension host to warm up; on a loaded machine that takes a while.
	this.timeout(60_000);
	const created: vscode.Uri[] = [];

	suiteSetup(async () => {
		await activateExtension();
	});

	teardown(async () => {
		await closeAllEditors();
		for (const uri of created.splice(0)) {
			await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
		}
		await vscode.workspace.getConfiguration('eventWriteup.newPost').update('format', undefined, vscode.ConfigurationTarget.Global);
	});

	test('Should create the post from the sample site archetype and open it below the front matter (#5)', async () => {
		const before = Date.now();
		const uri = await runNewPost({ title: 'Kolla in "Production": Day 1', tags: ['kolla', 'openstack'] });
		assert.ok(uri, 'the command returns the new file');
		created.push(uri);
		assert.equal(uri.toString(), workspaceFile('content', 'post', 'kolla-in-production-day-1.md').toString());
		const text = await readText(uri);
		const data = frontMatterData(text, 'toml');
		assert.equal(data.title, 'Kolla in "Production": Day 1');
		assert.equal(data.slug, 'kolla-in-production-day-1');
		assert.equal(data.draft, true);
		assert.deepEqual(data.tags, ['kolla', 'openstack']);
		// These keys come from sample-site/archetypes/default.md only.
		assert.deepEqual(data.categories, ['conferences']);
		assert.equal(data.description, '');
		assert.equal(data.cover, '');
		assert.ok(data.date instanceof Date, 'the date is a TOML datetime');
		assert.ok(Math.abs(data.date.getTime() - before) < 60_000, `the date is now: ${data.date.toISOString()}`);
		assert.match(text, /^date = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/m, 'RFC 3339 with an offset');

		const editor = vscode.window.activeTextEditor;
		assert.ok(editor);
		assert.equal(editor.document.uri.toString(), uri.toString(), 'the new post is open');
		assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.isPreview, false, 'the new post opens pinned (#13)');
		const lines = text.split('\n');
		const closing = lines.indexOf('+++', 1);
		assert.deepEqual(editor.selection.active, new vscode.Position(closing + 2, 0), 'the cursor is below the front matter and a blank line');
	});

	test('Should never overwrite an existing post (#5)', async () => {
		const first = await runNewPost({ title: 'Keynote Notes' });
		assert.ok(first);
		created.push(first);
		const firstText = await readText(first);
		const second = await runNewPost({ title: 'Keynote Notes' });
		assert.ok(second);
		created.push(second);
		assert.equal(second.toString(), workspaceFile('content', 'post', 'keynote-notes-2.md').toString());
		assert.equal(await readText(first), firstText, 'the first post is untouched');
		assert.equal(frontMatterData(await readText(second), 'toml').slug, 'keynote-notes-2');
	});

	test('Should write YAML front matter without an archetype when the setting asks for it (#5)', async () => {
		const archetype = workspaceFile('archetypes', 'default.md');
		const saved = await vscode.workspace.fs.readFile(archetype);
		// An editor model of the archetype may outlive the file: the command must go by the file system.
		await vscode.workspace.openTextDocument(archetype);
		await vscode.workspace.fs.delete(archetype);
		try {
			await vscode.workspace.getConfiguration('eventWriteup.newPost').update('format', 'yaml', vscode.ConfigurationTarget.Global);
			const uri = await runNewPost({ title: 'Hallway Track', tags: 'people, coffee', categories: ['conferences'] });
			assert.ok(uri);
			created.push(uri);
			const text = await readText(uri);
			const data = frontMatterData(text, 'yaml');
			assert.equal(data.title, 'Hallway Track');
			assert.equal(data.draft, true);
			assert.deepEqual(data.tags, ['people', 'coffee']);
			assert.deepEqual(data.categories, ['conferences']);
			assert.match(text, /^date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/m, 'an unquoted timestamp, which Hugo reads as a date');
		} finally {
			await vscode.workspace.fs.writeFile(archetype, saved);
		}
	});
});
