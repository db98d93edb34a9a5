import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WorkspaceSiteIndex } from '../../src/services/workspaceSiteIndex';
import { activateExtension, closeAllEditors, waitForDiagnostics, workspaceFile } from './util';

const NOT_FOUND = 'image-not-found';
/** Generous: on a loaded CI machine the first load of the site and the file watcher can each take seconds. */
const WAIT_MS = 30_000;

function codeOf(diagnostic: vscode.Diagnostic): string {
	const code = diagnostic.code;
	return typeof code === 'object' ? String(code.value) : String(code);
}

function notFound(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
	return diagnostics.filter(d => codeOf(d) === NOT_FOUND);
}

/** The range of `needle` in `text`, found by the test itself. */
function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
	const offset = document.getText().indexOf(needle);
	assert.ok(offset >= 0, `the document holds ${needle}`);
	return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

function hoverText(hovers: readonly vscode.Hover[]): string {
	return hovers.flatMap(h => h.contents).map(c => typeof c === 'string' ? c : c.value).join('\n');
}

suite('integration.images', function () {
	this.timeout(120_000);

	suiteSetup(async () => {
		await activateExtension();
	});

	teardown(closeAllEditors);

	test('Should report an image path that resolves to nothing, and drop it when the file appears or the path is fixed (#4)', async () => {
		const uri = workspaceFile('content', 'post', 'images-broken-path.md');
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode([
			'+++',
			'title = "Broken image path"',
			'date = 2017-05-13T10:00:00-04:00',
			'+++',
			'',
			'![fine](/images/2017/05/kolla-room.jpg)',
			'',
			'![typo](/images/2017/05/kola-room.jpg)',
			'',
			'![later](/images/2017/05/arrives-later.jpg)',
			'',
		].join('\n')));
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.window.showTextDocument(document);

		const reported = await waitForDiagnostics(uri, d => notFound(d).length === 2, WAIT_MS);
		const [typo, later] = notFound(reported).sort((a, b) => a.range.start.line - b.range.start.line);
		assert.deepEqual(typo.range, rangeOf(document, '/images/2017/05/kola-room.jpg'));
		assert.equal(typo.severity, vscode.DiagnosticSeverity.Warning);
		assert.equal(typo.source, 'Event Write-up');
		assert.match(typo.message, /Image not found: \/images\/2017\/05\/kola-room\.jpg\. Hugo would publish it from .*static\/images\/2017\/05\/kola-room\.jpg/);
		assert.match(typo.message, /themes\/plain\/static\/images\/2017\/05\/kola-room\.jpg/);
		assert.deepEqual(later.range, rangeOf(document, '/images/2017/05/arrives-later.jpg'));

		// A file created on disk reaches the index through the file watcher.
		const photo = await vscode.workspace.fs.readFile(workspaceFile('static', 'images', '2017', '05', 'kolla-room.jpg'));
		await vscode.workspace.fs.writeFile(workspaceFile('static', 'images', '2017', '05', 'arrives-later.jpg'), photo);
		const afterCreate = await waitForDiagnostics(uri, d => notFound(d).length === 1, WAIT_MS);
		assert.deepEqual(notFound(afterCreate)[0].range, rangeOf(document, '/images/2017/05/kola-room.jpg'));

		// Fixing the typo in the editor clears the last one, without saving.
		const edit = new vscode.WorkspaceEdit();
		edit.replace(uri, rangeOf(document, 'kola-room'), 'kolla-room');
		assert.ok(await vscode.workspace.applyEdit(edit));
		await waitForDiagnostics(uri, d => notFound(d).length === 0, WAIT_MS);
	});

	test('Should fix a typo in an image path and convert a raw <img> with quick fixes (#4)', async () => {
		const uri = workspaceFile('content', 'post', 'images-quick-fixes.md');
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode([
			'+++',
			'title = "Quick fixes"',
			'+++',
			'',
			'![typo](/images/2017/05/kola-room.jpg)',
			'',
			'<img src="/images/2017/05/boston-hynes.jpg" alt="The Hynes">',
			'',
		].join('\n')));
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.window.showTextDocument(document);
		const reported = await waitForDiagnostics(uri, d => notFound(d).length === 1 && d.some(x => codeOf(x) === 'image-raw-html-omitted'), WAIT_MS);

		const typo = notFound(reported)[0];
		const typoFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, typo.range, vscode.CodeActionKind.QuickFix.value);
		const change = typoFixes.find(a => a.title === 'Change to /images/2017/05/kolla-room.jpg');
		assert.ok(change?.edit, `a fix to the existing photo among: ${typoFixes.map(a => a.title).join(', ')}`);
		assert.equal(change.isPreferred, true);
		assert.ok(await vscode.workspace.applyEdit(change.edit));
		await waitForDiagnostics(uri, d => notFound(d).length === 0, WAIT_MS);
		assert.match(document.getText(), /^!\[typo\]\(\/images\/2017\/05\/kolla-room\.jpg\)$/m);

		const omitted = vscode.languages.getDiagnostics(uri).find(d => codeOf(d) === 'image-raw-html-omitted');
		assert.ok(omitted);
		const htmlFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, omitted.range, vscode.CodeActionKind.QuickFix.value);
		const convert = htmlFixes.find(a => a.title === 'Convert to a Markdown image');
		assert.ok(convert?.edit);
		assert.ok(await vscode.workspace.applyEdit(convert.edit));
		await waitForDiagnostics(uri, d => d.every(x => codeOf(x) !== 'image-raw-html-omitted'), WAIT_MS);
		assert.match(document.getText(), /^!\[The Hynes\]\(\/images\/2017\/05\/boston-hynes\.jpg\)$/m);
	});

	test('Should follow a staticDir added to the site configuration and a deleted image (#4)', async () => {
		const config = workspaceFile('hugo.toml');
		const original = await vscode.workspace.fs.readFile(config);
		const photo = await vscode.workspace.fs.readFile(workspaceFile('static', 'images', '2017', '05', 'kolla-room.jpg'));
		await vscode.workspace.fs.writeFile(workspaceFile('uploads', 'images', 'uploaded.jpg'), photo);
		const uri = workspaceFile('content', 'post', 'images-static-dirs.md');
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('+++\ntitle = "Uploads"\n+++\n\n![uploaded](/images/uploaded.jpg)\n'));
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.window.showTextDocument(document);
		try {
			await waitForDiagnostics(uri, d => notFound(d).length === 1, WAIT_MS, 'the image outside the static folders');
			// Hugo publishes every folder of a staticDir list; the configuration change reaches the index.
			const text = new TextDecoder().decode(original).replace('theme = "plain"', 'theme = "plain"\nstaticDir = ["static", "uploads"]');
			await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
			await waitForDiagnostics(uri, d => notFound(d).length === 0, WAIT_MS, 'the image found in the added staticDir');
			await vscode.workspace.fs.delete(workspaceFile('uploads', 'images', 'uploaded.jpg'));
			const [again] = notFound(await waitForDiagnostics(uri, d => notFound(d).length === 1, WAIT_MS, 'the deleted image missing'));
			assert.match(again.message, /uploads\/images\/uploaded\.jpg, static\/images\/uploaded\.jpg/);
		} finally {
			await vscode.workspace.fs.writeFile(config, original);
		}
	});

	test('Should find an image whose file event never came, once the post is edited (#19)', async () => {
		// VS Code's watcher is told to ignore static/unwatched/ (TEST_USER_SETTINGS): no event reports the photo.
		const uri = workspaceFile('content', 'post', 'images-unwatched.md');
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('+++\ntitle = "Unwatched"\n+++\n\n![late](/unwatched/late.jpg)\n'));
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		await waitForDiagnostics(uri, d => notFound(d).length === 1, WAIT_MS, 'the photo not yet saved');
		const photo = await vscode.workspace.fs.readFile(workspaceFile('static', 'images', '2017', '05', 'kolla-room.jpg'));
		await vscode.workspace.fs.writeFile(workspaceFile('static', 'unwatched', 'late.jpg'), photo);
		// Typing in the post is activity after which the images on screen are checked against the disk.
		await editor.edit(edit => edit.insert(new vscode.Position(document.lineCount - 1, 0), 'Notes.\n'));
		await waitForDiagnostics(uri, d => notFound(d).length === 0, WAIT_MS, 'the photo found on disk');
	});

	test('Should know the site of every content folder once the site is indexed, with no lookup on disk (#19)', async () => {
		const sites = new WorkspaceSiteIndex();
		try {
			assert.ok(await sites.siteFor(workspaceFile('index.md')), 'the sample site loads');
			// A folder no document was opened from: its site is known from the walk, at once.
			const context = sites.loadedSiteFor(workspaceFile('content', 'post', 'not-opened-yet.md'));
			assert.equal(context?.site.root, workspaceFile().path);
		} finally {
			sites.dispose();
		}
	});

	test('Should explain a relative path next to a post that is not a page bundle (#4)', async () => {
		const uri = workspaceFile('content', 'post', 'images-not-a-bundle.md');
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('+++\ntitle = "Not a bundle"\n+++\n\n![next to me](openinfra-summit-vancouver-2023/keynote-stage.jpg)\n'));
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.window.showTextDocument(document);
		const [diagnostic] = notFound(await waitForDiagnostics(uri, d => notFound(d).length === 1, WAIT_MS));
		assert.match(diagnostic.message, /requested as \/post\/images-not-a-bundle\/openinfra-summit-vancouver-2023\/keynote-stage\.jpg/);
	});

	test('Should link image paths to the files Hugo publishes, static and page bundle alike (#4)', async () => {
		const post = workspaceFile('content', 'post', 'openstack-summit-boston-2017.md');
		const document = await vscode.workspace.openTextDocument(post);
		const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', post);
		const slide = links.find(l => l.target?.path === workspaceFile('static', 'content', 'images', '2017', '05', 'fwaas-slide.jpg').path);
		assert.ok(slide, `a link to the Ghost-style static image among ${links.map(l => l.target?.path).join(', ')}`);
		assert.deepEqual(slide.range, rangeOf(document, '/content/images/2017/05/fwaas-slide.jpg'));

		const bundle = workspaceFile('content', 'post', 'openinfra-summit-vancouver-2023', 'index.md');
		await vscode.workspace.openTextDocument(bundle);
		const bundleLinks = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', bundle);
		const targets = bundleLinks.map(l => l.target?.path);
		assert.ok(targets.includes(workspaceFile('content', 'post', 'openinfra-summit-vancouver-2023', 'zuul-slide.jpg').path), `the figure links to its bundle file: ${targets.join(', ')}`);
		assert.ok(targets.includes(workspaceFile('content', 'post', 'openinfra-summit-vancouver-2023', 'keynote-stage.jpg').path));
	});

	test('Should show the image and where Hugo publishes it from on hover (#4)', async () => {
		const post = workspaceFile('content', 'post', 'openstack-summit-boston-2017.md');
		const document = await vscode.workspace.openTextDocument(post);
		const path = rangeOf(document, '/images/2017/05/kolla-room.jpg');
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', post, path.start.translate(0, 5));
		const text = hoverText(hovers);
		const file = workspaceFile('static', 'images', '2017', '05', 'kolla-room.jpg');
		assert.ok(text.includes(`](${file.toString()}|width=`), `the hover shows the image: ${text}`);
		assert.match(text, /static\/images\/2017\/05\/kolla-room\.jpg/);
		const ours = hovers.find(h => hoverText([h]).includes(file.toString()));
		assert.deepEqual(ours?.range, path);
		// The file's origin above the picture, where a tall photo cannot push it out of sight (#13).
		const ourText = hoverText([ours!]);
		assert.ok(ourText.indexOf(' → ') >= 0 && ourText.indexOf(' → ') < ourText.indexOf('|width='), ourText);

		const outside = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', post, new vscode.Position(12, 0));
		assert.ok(!hoverText(outside).includes('|width='), 'no image hover away from image paths');
	});
});
