import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PostPreviewManager } from '../../src/features/preview';
import { WorkspaceSiteIndex } from '../../src/services/workspaceSiteIndex';
import { activateExtension, closeAllEditors, EXTENSION_ID, inWebWorker, withTimeout, workspaceFile } from './util';

const POST = ['content', 'post', 'openstack-summit-boston-2017.md'];
const VIEW_TYPE = 'eventWriteup.postPreview';

interface PreviewSnapshot {
	readonly document: string;
	readonly renderedVersion: number;
	readonly html: string;
	readonly title: string;
	readonly topLine: number;
}

/** Waits (bounded, inside the extension) until the preview of `uri` shows `minVersion` or later, containing `text`. */
function previewShowing(uri: vscode.Uri, minVersion: number, text?: string): Thenable<PreviewSnapshot> {
	// A cold extension host on a 2-core machine can take many seconds to load the first webview.
	return vscode.commands.executeCommand<PreviewSnapshot>('eventWriteup.previewSnapshots', uri.toString(), minVersion, text, 45_000);
}

function previewTabs(): vscode.Tab[] {
	return vscode.window.tabGroups.all.flatMap(group => group.tabs)
		.filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

/** The workbench reports tabs asynchronously: wait (bounded) for the preview's tab, with a label `labelled` accepts. */
async function waitForPreviewTab(labelled: (label: string) => boolean = () => true): Promise<vscode.Tab> {
	let subscription: vscode.Disposable | undefined;
	return withTimeout(30_000, new Promise<vscode.Tab>(resolve => {
		const check = () => {
			const tab = previewTabs()[0];
			if (tab && labelled(tab.label)) {
				resolve(tab);
			}
		};
		subscription = vscode.window.tabGroups.onDidChangeTabs(check);
		check();
	}), 'waiting for the preview tab').finally(() => subscription?.dispose());
}

suite('integration.preview', function () {
	this.timeout(120_000);
	suiteSetup(async () => {
		await activateExtension();
	});

	teardown(async () => {
		await closeAllEditors();
	});

	test('Should open the post preview beside the post and show it with resolved images (#4)', async () => {
		const document = await vscode.workspace.openTextDocument(workspaceFile(...POST));
		await vscode.window.showTextDocument(document);
		await vscode.commands.executeCommand('eventWriteup.openPreview');
		// The workbench reports a tab's title as it changes: the post's title replaces the file name at the first render.
		const tab = await waitForPreviewTab(label => label === 'Preview: OpenStack Summit Boston 2017: what I learned');
		assert.equal(tab.label, 'Preview: OpenStack Summit Boston 2017: what I learned');
		assert.equal(previewTabs().length, 1, 'one preview tab is open');
		// The site index loads in the background; the preview renders again once images resolve.
		const shown = await waitForResolved(document.uri, document.version);
		assert.match(shown.html, /<h1 class="hugo-post-title">OpenStack Summit Boston 2017: what I learned<\/h1>/);
		assert.doesNotMatch(shown.html, /\+\+\+|slug = /, 'the front matter is not shown as text');
		for (const image of ['static/images/2017/05/boston-hynes.jpg', 'static/images/2017/05/kolla-room.jpg', 'static/content/images/2017/05/fwaas-slide.jpg']) {
			assert.ok(shown.html.includes(image), `${image} is loaded through a webview URI`);
		}
		assert.equal(shown.document, document.uri.toString());
	});

	test('Should restore a preview after a window reload, showing the same post, and drop one whose post is gone (#13)', async () => {
		const sites = new WorkspaceSiteIndex();
		const manager = new PostPreviewManager(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, sites);
		try {
			const uri = workspaceFile(...POST);
			// What VS Code hands the serializer after a reload: a fresh panel of our type and the page's saved state.
			const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'restored', vscode.ViewColumn.Beside, { enableScripts: true });
			await manager.restore(panel, { document: uri.toString(), scrollY: 120 });
			const restored = await manager.waitForSnapshot(uri.toString(), s => s.renderedVersion >= 0, 45_000);
			assert.match(restored.html, /OpenStack|Boston/);
			assert.match(panel.title, /^Preview: /);
			const gone = vscode.window.createWebviewPanel(VIEW_TYPE, 'gone', vscode.ViewColumn.Beside, {});
			let disposed = false;
			gone.onDidDispose(() => { disposed = true; });
			await manager.restore(gone, { document: workspaceFile('content', 'post', 'no-such-post.md').toString(), scrollY: 0 });
			assert.equal(disposed, true, 'a preview of a missing post is closed, not left empty');
		} finally {
			manager.dispose();
			sites.dispose();
		}
		const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { activationEvents: string[] };
		assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${VIEW_TYPE}`), 'a reload activates the extension to restore its previews');
	});

	test('Should follow the Markdown post the writer switches to, as VS Code\'s preview does (#13)', async () => {
		const first = workspaceFile(...POST);
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first));
		await vscode.commands.executeCommand('eventWriteup.openPreview');
		await previewShowing(first, 0);
		const other = workspaceFile('content', 'post', 'preview-follow.md');
		await vscode.workspace.fs.writeFile(other, new TextEncoder().encode('+++\ntitle = "Following along"\n+++\n\nThe second post.\n'));
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other), vscode.ViewColumn.One);
		const followed = await previewShowing(other, 0, 'The second post.');
		assert.match(followed.title, /Following along/);
		assert.equal(previewTabs().length, 1, 'the same preview shows the other post');
	});

	test('Should scroll the preview with the editor and the editor with the preview, line by line (#13)', async () => {
		const uri = workspaceFile('content', 'post', 'preview-scroll.md');
		const sections = Array.from({ length: 60 }, (_, i) => `#### Session ${i}\n\n- Speaker ${i}\n\nWhat session ${i} was about, in a sentence or two of notes.\n`);
		const text = `+++\ntitle = "Scrolling along"\n+++\n\n${sections.join('\n')}`;
		const lines = text.split('\n');
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
		const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
		await vscode.commands.executeCommand('eventWriteup.openPreview');
		await previewShowing(uri, 0, 'Session 59');

		// The editor scrolls: the page follows, and reports the line now at its top. (VS Code may keep a few
		// lines above the revealed one in view: the editor's own top line is what the page must match.)
		const session40 = lines.indexOf('#### Session 40');
		editor.revealRange(new vscode.Range(session40, 0, session40, 0), vscode.TextEditorRevealType.AtTop);
		const editorTop = await editorTopLine(editor, line => line > session40 - 10);
		await Promise.resolve(vscode.commands.executeCommand<PreviewSnapshot>('eventWriteup.previewSnapshots', uri.toString(), 0, undefined, 45_000, editorTop)).catch(async (error: unknown) => {
			const shown = await vscode.commands.executeCommand<PreviewSnapshot[]>('eventWriteup.previewSnapshots');
			throw new Error(`${String(error)}: the page's top is at line ${shown.map(snapshot => snapshot.topLine).join()}, the editor's at ${editorTop}`);
		});

		// The reader scrolls the page: the editor follows to the line at the page's top.
		const session10 = lines.indexOf('#### Session 10');
		assert.equal(await vscode.commands.executeCommand('eventWriteup.scrollPreviewAsReader', uri.toString(), session10), true);
		// VS Code reveals a line "at the top" below a few lines of context, as the editor scroll above showed.
		const context = session40 - editorTop;
		const top = await editorTopLine(editor, line => line >= session10 - context - 1 && line <= session10 + 1);
		assert.ok(top < session40 - 10, `the editor's top moved from line ${editorTop} to ${top}, near the page's ${session10}`);
	});

	test('Should update the preview after an edit (#4)', async () => {
		const document = await vscode.workspace.openTextDocument(workspaceFile(...POST));
		const editor = await vscode.window.showTextDocument(document);
		await vscode.commands.executeCommand('eventWriteup.openPreview');
		await previewShowing(document.uri, document.version);
		const edit = new vscode.WorkspaceEdit();
		edit.insert(document.uri, new vscode.Position(document.lineCount, 0), '\n## Added while **previewing**\n');
		assert.ok(await vscode.workspace.applyEdit(edit));
		const updated = await previewShowing(document.uri, document.version, 'Added while');
		assert.equal(updated.renderedVersion, document.version);
		assert.match(updated.html, /<h2 id="added-while-previewing"[^>]*>Added while <strong>previewing<\/strong><\/h2>/);
		assert.equal(previewTabs().length, 1, 'the same panel is updated, not a new one');
		assert.ok(editor);
	});

	test('Should resolve Hugo image paths and show the header with its cover in the built-in Markdown preview (#4, #16)', async function () {
		if (inWebWorker()) {
			// Here VS Code's Markdown support runs in code-server's Node host, which cannot load plugins from an
			// extension in the web worker (on vscode.dev both run in the worker).
			this.skip();
		}
		const document = await vscode.workspace.openTextDocument(workspaceFile(...POST));
		await vscode.window.showTextDocument(document);
		// Opening our preview loads the site index, which the built-in preview then reads synchronously.
		await vscode.commands.executeCommand('eventWriteup.openPreview');
		await waitForResolved(document.uri, document.version);
		const html = await vscode.commands.executeCommand<string>('markdown.api.render', document.getText());
		assert.match(html, /<header class="hugo-post-header[^"]*"[^>]*>/);
		assert.match(html, /<h1 class="hugo-post-title[^"]*"[^>]*>OpenStack Summit Boston 2017: what I learned<\/h1>/);
		assert.doesNotMatch(html, /slug = &quot;|slug = "/);
		const kolla = vscode.Uri.joinPath(workspaceFile(), 'static', 'images', '2017', '05', 'kolla-room.jpg').toString();
		assert.ok(html.includes(`src="${kolla}"`), `the image resolves to ${kolla}: ${/<img[^>]*kolla[^>]*>/.exec(html)?.[0]}`);
		// The cover goes through the preview's image rendering like every image, which maps its URI to one the
		// preview's webview may load (and marks it `data-src`); raw `<img>` HTML would keep a URI it cannot load.
		const cover = /<img class="hugo-cover"[^>]*>/.exec(html)?.[0] ?? '';
		const coverFile = vscode.Uri.joinPath(workspaceFile(), 'static', 'images', '2017', '05', 'boston-hynes.jpg').toString();
		assert.ok(cover.includes(`src="${coverFile}"`) && cover.includes('data-src='), `the cover is rendered as an image of the preview: ${cover}`);
	});
});

/** Waits (bounded) until the first line `editor` shows satisfies `predicate`, and returns it. */
async function editorTopLine(editor: vscode.TextEditor, predicate: (line: number) => boolean): Promise<number> {
	let subscription: vscode.Disposable | undefined;
	const top = () => editor.visibleRanges[0]?.start.line ?? -1;
	return withTimeout(30_000, new Promise<number>(resolve => {
		subscription = vscode.window.onDidChangeTextEditorVisibleRanges(event => {
			if (event.textEditor === editor && predicate(top())) {
				resolve(top());
			}
		});
		if (predicate(top())) {
			resolve(top());
		}
	}), `waiting for the editor to scroll (its top is at line ${top()})`).finally(() => subscription?.dispose());
}

/**
 * The preview's first rendering may precede the site index; the one after it loads has the images as
 * webview URIs of the static files (the path as written, `/images/…`, has no `static/` in it).
 */
async function waitForResolved(uri: vscode.Uri, version: number): Promise<PreviewSnapshot> {
	const snapshot = await Promise.resolve(previewShowing(uri, version, 'static/images/2017/05/kolla-room.jpg')).catch(async (error: unknown) => {
		const shown = await vscode.commands.executeCommand<PreviewSnapshot[]>('eventWriteup.previewSnapshots');
		throw new Error(`${error instanceof Error ? error.message : String(error)}; the preview shows: ${JSON.stringify(shown).slice(0, 3000)}`);
	});
	assert.doesNotMatch(snapshot.html, /data-unresolved/, 'every image of the sample post resolves');
	return snapshot;
}
