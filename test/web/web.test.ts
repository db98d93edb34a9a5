// The extension in VS Code's web-worker extension host, as on vscode.dev and github.dev: no Node, files
// through workspace.fs, the network through fetch. The launcher (runInWebWorker.ts) serves two schedule
// pages on loopback, one that allows cross-origin requests and one that does not, and names them in
// `.web-test-servers.json` in the workspace.
import * as vscode from 'vscode';
import { HugoImagePasteProvider } from '../../src/features/pasteImages';
import { WorkspaceSiteIndex } from '../../src/services/workspaceSiteIndex';
import * as assert from 'node:assert/strict';
import { activateExtension, closeAllEditors, diagnosticCodes, FileItem, inWebWorker, waitForDiagnostics, withTimeout, workspaceFile, workspaceRoot } from '../integration/util';

interface TestServers {
	/** A talk page served with `Access-Control-Allow-Origin: *`. */
	readonly cors: string;
	/** The same page without it: the browser refuses to hand it over. */
	readonly noCors: string;
}

interface InsertOutcome {
	readonly status: string;
	readonly sessions: ReadonlyArray<{ readonly title: string }>;
	readonly failures: readonly string[];
}

interface PreviewSnapshot {
	readonly html: string;
}

const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function servers(): Promise<TestServers> {
	const bytes = await vscode.workspace.fs.readFile(workspaceFile('.web-test-servers.json'));
	return JSON.parse(new TextDecoder().decode(bytes)) as TestServers;
}

async function openPost(name: string, text: string): Promise<vscode.TextEditor> {
	const uri = workspaceFile('content', 'post', name);
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

suite('web.extension', () => {
	suiteSetup(async () => {
		await activateExtension();
	});

	teardown(closeAllEditors);

	test('Should run in a web worker, with no Node, on a workspace that is not file: (#15)', () => {
		assert.ok(inWebWorker(), 'no process object');
		assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a worker global scope');
		// As on github.dev (vscode-vfs:), every path below goes through URIs and workspace.fs, never file: paths.
		assert.ok(workspaceRoot().scheme !== 'file', `the workspace is ${workspaceRoot().scheme}:`);
	});

	test('Should create a new event post (#15)', async () => {
		const uri = await withTimeout(45_000, Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('eventWriteup.newPost', { title: 'Web Day One', tags: ['web'] })), 'the new-post command');
		assert.ok(uri, 'the command returns the new file');
		assert.equal(uri.toString(), workspaceFile('content', 'post', 'web-day-one.md').toString());
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		assert.match(text, /^title = "Web Day One"$/m);
		assert.match(text, /^tags = \["web"\]$/m);
	});

	test('Should copy a pasted image into the site and link it (#15)', async () => {
		const sites = new WorkspaceSiteIndex();
		const pasted = workspaceFile('static', 'images', '2017', '05', 'web-paste-1.png');
		try {
			const editor = await openPost('web-paste.md', '+++\ntitle = "Web Paste"\ndate = 2017-05-09T14:00:00-04:00\n+++\n\n');
			editor.selection = new vscode.Selection(5, 0, 5, 0);
			const transfer = new vscode.DataTransfer();
			transfer.set('image/png', new FileItem('image.png', PNG_BYTES));
			const edits = await new HugoImagePasteProvider(sites).provideDocumentPasteEdits(editor.document, [editor.selection], transfer,
				{ only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, new vscode.CancellationTokenSource().token);
			const edit = edits?.[0];
			assert.ok(edit?.additionalEdit && edit.insertText instanceof vscode.SnippetString, 'a paste edit with the new file');
			assert.equal(await vscode.workspace.applyEdit(edit.additionalEdit), true);
			assert.equal(await editor.insertSnippet(edit.insertText), true);
			assert.equal((await vscode.workspace.fs.readFile(pasted)).length, PNG_BYTES.length);
			assert.match(editor.document.getText(), /!\[[^\]]*\]\(\/images\/2017\/05\/web-paste-1\.png\)/);
		} finally {
			sites.dispose();
			// The other suites list this folder's photos.
			await vscode.workspace.fs.delete(pasted).then(undefined, () => undefined);
		}
	});

	test('Should check the front matter as Hugo reads it (#15)', async () => {
		const editor = await openPost('web-front-matter.md', '+++\ntitle = "Web"\ndate = 2017-05-09\ndraft = "yes"\n+++\n\nNotes.\n');
		const diagnostics = await waitForDiagnostics(editor.document.uri, found => diagnosticCodes(found).includes('fm-draft-not-boolean'), 30_000);
		assert.ok(diagnosticCodes(diagnostics).includes('fm-draft-not-boolean'));
	});

	test('Should resolve image paths through workspace.fs as Hugo publishes them (#15)', async () => {
		const editor = await openPost('web-images.md', '+++\ntitle = "Web"\ndate = 2017-05-09\n+++\n\n![](/images/2017/05/kolla-room.jpg)\n\n![](/images/2017/05/not-there.jpg)\n');
		const diagnostics = await waitForDiagnostics(editor.document.uri, found => diagnosticCodes(found).includes('image-not-found'), 30_000);
		const missing = diagnostics.filter(d => diagnosticCodes([d])[0] === 'image-not-found');
		assert.equal(missing.length, 1, 'only the missing photo is reported');
		assert.equal(missing[0].range.start.line, 7);
	});

	test('Should preview the post with its images resolved (#15)', async () => {
		const editor = await openPost('web-preview.md', '+++\ntitle = "Previewed on the web"\n+++\n\n![hall](/images/2017/05/kolla-room.jpg)\n');
		await vscode.commands.executeCommand('eventWriteup.openPreview');
		const shown = await withTimeout(60_000, Promise.resolve(vscode.commands.executeCommand<PreviewSnapshot>('eventWriteup.previewSnapshots',
			editor.document.uri.toString(), 0, 'static/images/2017/05/kolla-room.jpg', 55_000)), 'the preview');
		assert.match(shown.html, /Previewed on the web/);
	});

	test('Should insert a session fetched from a schedule that allows cross-origin requests (#15)', async () => {
		const { cors } = await servers();
		const editor = await openPost('web-session.md', '+++\ntitle = "Web"\n+++\n\n');
		editor.selection = new vscode.Selection(4, 0, 4, 0);
		const outcome = await withTimeout(45_000, Promise.resolve(vscode.commands.executeCommand<InsertOutcome>('eventWriteup.insertSession', { url: `${cors}/talk/kolla-in-the-browser` })), 'the insert command');
		assert.equal(outcome.failures.length, 0, outcome.failures.join('; '));
		assert.equal(outcome.sessions[0]?.title, 'Kolla, Fetched in the Browser');
		assert.match(editor.document.getText(), /#### Kolla, Fetched in the Browser/);
	});

	test('Should derive the entry from the URL, saying why, when the browser refuses the request (#15)', async () => {
		const { noCors } = await servers();
		const editor = await openPost('web-session-refused.md', '+++\ntitle = "Web"\n+++\n\n');
		editor.selection = new vscode.Selection(4, 0, 4, 0);
		const outcome = await withTimeout(45_000, Promise.resolve(vscode.commands.executeCommand<InsertOutcome>('eventWriteup.insertSession', { url: `${noCors}/talk/kolla-in-the-browser` })), 'the insert command');
		assert.equal(outcome.failures.length, 1);
		assert.match(outcome.failures[0], /CORS.*desktop/);
		assert.match(editor.document.getText(), /title derived from the URL/);
	});
});
