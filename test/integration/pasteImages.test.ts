import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HugoImagePasteProvider } from '../../src/features/pasteImages';
import { WorkspaceSiteIndex } from '../../src/services/workspaceSiteIndex';
import { activateExtension, closeAllEditors, FileItem, workspaceFile } from './util';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const token = new vscode.CancellationTokenSource().token;

function thisMonth(): string {
	const now = new Date();
	return `${now.getFullYear()}/${String(now.getMonth() + 1).padStart(2, '0')}`;
}

async function openPost(name: string): Promise<vscode.TextEditor> {
	const uri = workspaceFile('content', 'post', name);
	await vscode.workspace.fs.writeFile(uri, encoder.encode(['+++', 'title = "Paste"', '+++', '', ''].join('\n')));
	const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
	editor.selection = new vscode.Selection(4, 0, 4, 0);
	return editor;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
	return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** Applies a paste edit as the editor does: the files, then the snippet at the cursor. */
async function applyPaste(editor: vscode.TextEditor, edit: { insertText: string | vscode.SnippetString; additionalEdit?: vscode.WorkspaceEdit }): Promise<void> {
	if (edit.additionalEdit) {
		assert.equal(await vscode.workspace.applyEdit(edit.additionalEdit), true, 'the files are created');
	}
	assert.ok(edit.insertText instanceof vscode.SnippetString);
	assert.equal(await editor.insertSnippet(edit.insertText), true);
}

suite('integration.pasteImages', () => {
	let sites: WorkspaceSiteIndex;
	let provider: HugoImagePasteProvider;

	suiteSetup(async () => {
		await activateExtension();
	});

	setup(() => {
		sites = new WorkspaceSiteIndex();
		provider = new HugoImagePasteProvider(sites);
	});

	teardown(async () => {
		sites.dispose();
		await closeAllEditors();
	});

	test('Should copy a pasted image into static/images/YYYY/MM and insert its site-root path (#6)', async () => {
		const editor = await openPost('paste-one.md');
		const transfer = new vscode.DataTransfer();
		transfer.set('image/png', new FileItem('Kolla Room.PNG', PNG_BYTES));
		const edits = await provider.provideDocumentPasteEdits(editor.document, [editor.selection], transfer, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token);
		assert.equal(edits?.length, 1);
		await applyPaste(editor, edits![0]);
		const file = workspaceFile('static', 'images', ...thisMonth().split('/'), 'kolla-room.png');
		assert.deepEqual([...await vscode.workspace.fs.readFile(file)], [...PNG_BYTES]);
		assert.ok(editor.document.getText().endsWith(`![kolla-room](/images/${thisMonth()}/kolla-room.png)`), editor.document.getText());
	});

	test('Should name a clipboard image after the post and file it under the post\'s month (#13)', async () => {
		const uri = workspaceFile('content', 'post', 'boston-tuesday.md');
		await vscode.workspace.fs.writeFile(uri, encoder.encode(['+++', 'title = "Boston, Tuesday"', 'date = 2017-05-09T14:00:00-04:00', '+++', '', ''].join('\n')));
		const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
		editor.selection = new vscode.Selection(5, 0, 5, 0);
		const transfer = new vscode.DataTransfer();
		transfer.set('image/png', new FileItem('image.png', PNG_BYTES));
		const edits = await provider.provideDocumentPasteEdits(editor.document, [editor.selection], transfer, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token);
		await applyPaste(editor, edits![0]);
		const file = workspaceFile('static', 'images', '2017', '05', 'boston-tuesday-1.png');
		assert.deepEqual([...await vscode.workspace.fs.readFile(file)], [...PNG_BYTES]);
		assert.ok(editor.document.getText().endsWith('![boston-tuesday](/images/2017/05/boston-tuesday-1.png)'), editor.document.getText());
		await vscode.workspace.fs.delete(file);
	});

	test('Should never overwrite an existing file: a second name gets a suffix (#6)', async () => {
		const folder = workspaceFile('static', 'images', ...thisMonth().split('/'));
		const existing = vscode.Uri.joinPath(folder, 'hall.jpg');
		await vscode.workspace.fs.writeFile(existing, encoder.encode('the first hall photo'));
		await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'hall-1.jpg'), encoder.encode('the second hall photo'));
		const editor = await openPost('paste-collision.md');
		const transfer = new vscode.DataTransfer();
		transfer.set('image/jpeg', new FileItem('HALL.jpeg', PNG_BYTES));
		const edits = await provider.provideDocumentPasteEdits(editor.document, [editor.selection], transfer, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token);
		await applyPaste(editor, edits![0]);
		assert.equal(decoder.decode(await vscode.workspace.fs.readFile(existing)), 'the first hall photo');
		assert.equal(decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'hall-1.jpg'))), 'the second hall photo');
		assert.deepEqual([...await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'hall-2.jpg'))], [...PNG_BYTES]);
		assert.ok(editor.document.getText().endsWith(`![hall](/images/${thisMonth()}/hall-2.jpg)`));
	});

	test('Should copy dropped image files and link the ones already in a static folder (#6)', async () => {
		const outside = workspaceFile('drafts', 'Photo One.JPG');
		await vscode.workspace.fs.writeFile(outside, PNG_BYTES);
		const published = workspaceFile('static', 'images', '2017', '05', 'kolla-room.jpg');
		const editor = await openPost('drop-files.md');
		const transfer = new vscode.DataTransfer();
		transfer.set('text/uri-list', new vscode.DataTransferItem(`${outside.toString()}\r\n# a comment\r\n${published.toString()}\r\n${workspaceFile('hugo.toml').toString()}`));
		const edit = await provider.provideDocumentDropEdits(editor.document, editor.selection.active, transfer, token);
		assert.ok(edit);
		await applyPaste(editor, edit);
		assert.deepEqual([...await vscode.workspace.fs.readFile(workspaceFile('static', 'images', ...thisMonth().split('/'), 'photo-one.jpg'))], [...PNG_BYTES]);
		assert.equal(await exists(workspaceFile('static', 'images', ...thisMonth().split('/'), 'kolla-room.jpg')), false, 'a published image is linked, not copied');
		assert.ok(editor.document.getText().endsWith(`![photo-one](/images/${thisMonth()}/photo-one.jpg)\n\n![kolla-room](/images/2017/05/kolla-room.jpg)`), editor.document.getText());
	});

	test('Should follow the folder setting and refuse one outside the site (#6)', async () => {
		const config = vscode.workspace.getConfiguration('eventWriteup.images');
		await config.update('folder', 'static/posts/${post}', vscode.ConfigurationTarget.Workspace);
		try {
			const editor = await openPost('paste-setting.md');
			const transfer = new vscode.DataTransfer();
			transfer.set('image/png', new FileItem('slide.png', PNG_BYTES));
			const edits = await provider.provideDocumentPasteEdits(editor.document, [editor.selection], transfer, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token);
			await applyPaste(editor, edits![0]);
			assert.ok(await exists(workspaceFile('static', 'posts', 'paste-setting', 'slide.png')));
			assert.ok(editor.document.getText().endsWith('![slide](/posts/paste-setting/slide.png)'));
			await config.update('folder', '../outside', vscode.ConfigurationTarget.Workspace);
			const refused = await provider.provideDocumentPasteEdits(editor.document, [editor.selection], transfer, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token);
			assert.equal(refused, undefined);
		} finally {
			await config.update('folder', undefined, vscode.ConfigurationTarget.Workspace);
		}
	});

	test('Should leave pastes outside a Hugo site and non-image data to VS Code (#6)', async () => {
		const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
		const image = new vscode.DataTransfer();
		image.set('image/png', new FileItem('x.png', PNG_BYTES));
		assert.equal(await provider.provideDocumentPasteEdits(untitled, [new vscode.Range(0, 0, 0, 0)], image, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token), undefined);
		const editor = await openPost('paste-text.md');
		const text = new vscode.DataTransfer();
		text.set('text/plain', new vscode.DataTransferItem('just text'));
		assert.equal(await provider.provideDocumentPasteEdits(editor.document, [editor.selection], text, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token), undefined);
	});
});
