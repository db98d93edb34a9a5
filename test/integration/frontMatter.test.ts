import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, waitForDiagnostics, waitForText, withTimeout, workspaceFile } from './util';

const SOURCE = 'Event Write-up';
const FIX_ALL = 'eventWriteup.fixAllFrontMatter';

/** A post with three mistakes writers make, between lines that must survive every fix untouched. */
const BROKEN_POST = [
	'+++',
	'# Written on the train home',
	'title = "Kolla day"',
	'date = "May 9, 2017"',
	'tags = "single" # one tag for now',
	'draft = "no"',
	'categories = ["conferences"]',
	'+++',
	'',
	'Body text with date = "May 9, 2017" in it, which is not front matter.',
	'',
];

const FIXED_POST = [
	'+++',
	'# Written on the train home',
	'title = "Kolla day"',
	'date = 2017-05-09',
	'tags = ["single"] # one tag for now',
	'draft = false',
	'categories = ["conferences"]',
	'+++',
	'',
	'Body text with date = "May 9, 2017" in it, which is not front matter.',
	'',
];

interface Expected {
	readonly code: string;
	readonly severity: vscode.DiagnosticSeverity;
	readonly range: vscode.Range;
}

/** The range of `needle` on `line` of `lines`, found by the test itself. */
function rangeOn(lines: readonly string[], line: number, needle: string): vscode.Range {
	const character = lines[line].indexOf(needle);
	assert.ok(character >= 0, `fixture line ${line} holds ${needle}`);
	return new vscode.Range(line, character, line, character + needle.length);
}

const BROKEN_FINDINGS: readonly Expected[] = [
	{ code: 'fm-date-unparsable', severity: vscode.DiagnosticSeverity.Error, range: rangeOn(BROKEN_POST, 3, '"May 9, 2017"') },
	{ code: 'fm-list-expected', severity: vscode.DiagnosticSeverity.Warning, range: rangeOn(BROKEN_POST, 4, '"single"') },
	// Hugo happens to read "no" as false, so it is a warning rather than an error.
	{ code: 'fm-draft-not-boolean', severity: vscode.DiagnosticSeverity.Warning, range: rangeOn(BROKEN_POST, 5, '"no"') },
];

function ours(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
	return diagnostics.filter(d => d.source === SOURCE);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
	const code = diagnostic.code;
	return typeof code === 'object' ? String(code.value) : String(code);
}

function summary(diagnostics: readonly vscode.Diagnostic[]): Array<{ code: string; severity: vscode.DiagnosticSeverity; range: string }> {
	return ours(diagnostics)
		.map(d => ({ code: codeOf(d), severity: d.severity, range: show(d.range) }))
		.sort((a, b) => a.range.localeCompare(b.range, 'en', { numeric: true }));
}

function show(range: vscode.Range): string {
	return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function expectedSummary(findings: readonly Expected[]) {
	return findings.map(f => ({ code: f.code, severity: f.severity, range: show(f.range) }))
		.sort((a, b) => a.range.localeCompare(b.range, 'en', { numeric: true }));
}

function hasCodes(...codes: string[]): (diagnostics: readonly vscode.Diagnostic[]) => boolean {
	return diagnostics => {
		const found = ours(diagnostics).map(codeOf).sort();
		return JSON.stringify(found) === JSON.stringify([...codes].sort());
	};
}

/**
 * Writes a workspace setting. The first write creates .vscode/settings.json, which a busy machine has been
 * seen to take 20 s over: the bound is generous, but it is a bound.
 */
async function updateSetting(config: vscode.WorkspaceConfiguration, key: string, value: unknown): Promise<void> {
	await withTimeout(60_000, Promise.resolve(config.update(key, value, vscode.ConfigurationTarget.Workspace)), `setting ${key}`);
}

let postCounter = 0;

/** Writes a new post into the workspace copy of the sample site; each test gets its own file. */
async function createPost(lines: readonly string[], folder = 'post'): Promise<vscode.Uri> {
	const uri = workspaceFile('content', folder, `front-matter-${Date.now()}-${++postCounter}.md`);
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\n')));
	return uri;
}

async function openPost(uri: vscode.Uri): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument(uri);
	return vscode.window.showTextDocument(document);
}

suite('integration.frontMatter', function () {
	// Every wait below has its own bound; this one only covers a slow, busy extension host.
	this.timeout(90_000);

	suiteSetup(async () => {
		await activateExtension();
	});

	teardown(async () => {
		await closeAllEditors();
	});

	test('Should report each broken field at its value, with source and a link to the rule (#3)', async () => {
		const uri = await createPost(BROKEN_POST);
		await openPost(uri);
		const diagnostics = await waitForDiagnostics(uri, hasCodes(...BROKEN_FINDINGS.map(f => f.code)));
		assert.deepEqual(summary(diagnostics), expectedSummary(BROKEN_FINDINGS));
		for (const diagnostic of ours(diagnostics)) {
			const code = diagnostic.code;
			assert.ok(typeof code === 'object', 'the code carries a link');
			// The README as the extension holds it (a package stores it as readme.md), at the rule's line (#13).
			const readme = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target.with({ fragment: '' })));
			const line = /^L(\d+)$/.exec(code.target.fragment);
			assert.ok(line, `the link names a line: ${code.target.toString()}`);
			assert.ok(readme.split('\n')[Number(line[1]) - 1].includes(`<a id="${code.value}">`), `line ${line[1]} documents ${code.value}`);
			assert.ok(diagnostic.message.length > 20, diagnostic.message);
		}
		// Opening the link (as the Problems view does) shows the README at the rule.
		const [first] = ours(diagnostics);
		const target = (first.code as { target: vscode.Uri }).target;
		await vscode.commands.executeCommand('vscode.open', target);
		const editor = vscode.window.activeTextEditor;
		assert.equal(editor?.document.uri.path, target.path);
		assert.equal(editor.selection.active.line + 1, Number(target.fragment.slice(1)), 'the README opens at the rule\'s line');
	});

	test('Should apply the preferred quick fix, changing only the date value (#3)', async () => {
		const uri = await createPost(BROKEN_POST);
		const editor = await openPost(uri);
		const diagnostics = await waitForDiagnostics(uri, hasCodes(...BROKEN_FINDINGS.map(f => f.code)));
		const date = ours(diagnostics).find(d => codeOf(d) === 'fm-date-unparsable')!;
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
			uri, date.range, vscode.CodeActionKind.QuickFix.value);
		// Only the date's diagnostic covers its range: one action, for it.
		assert.equal(actions.length, 1, `one fix for the date, got ${JSON.stringify(actions.map(a => a.title))}`);
		const [fix] = actions;
		assert.equal(fix.isPreferred, true);
		assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
		assert.ok(fix.title.includes('2017-05-09'), fix.title);
		assert.ok(fix.edit, 'the fix is an edit, applied as one step');
		assert.equal(await vscode.workspace.applyEdit(fix.edit), true);

		const expected = [...BROKEN_POST];
		expected[3] = 'date = 2017-05-09';
		const text = await waitForText(editor.document, t => t !== BROKEN_POST.join('\n'));
		assert.equal(text, expected.join('\n'));
		const remaining = await waitForDiagnostics(uri, hasCodes('fm-list-expected', 'fm-draft-not-boolean'));
		assert.deepEqual(summary(remaining), expectedSummary(BROKEN_FINDINGS.slice(1)));
	});

	test('Should offer every quick fix of a diagnostic, the obvious one preferred (#3)', async () => {
		const lines = ['+++', 'title = "Berlin"', 'date = 2022-06-10', 'draft = "maybe"', 'categories = "conferences, openstack"', '+++', ''];
		const uri = await createPost(lines);
		await openPost(uri);
		const diagnostics = await waitForDiagnostics(uri, hasCodes('fm-draft-not-boolean', 'fm-list-expected'));
		const draft = ours(diagnostics).find(d => codeOf(d) === 'fm-draft-not-boolean')!;
		assert.deepEqual(draft.range, rangeOn(lines, 3, '"maybe"'));
		const draftActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
			uri, draft.range, vscode.CodeActionKind.QuickFix.value);
		// "maybe" says neither: both values are offered and neither is applied on its own.
		assert.deepEqual(draftActions.map(a => [a.title, a.isPreferred ?? false]).sort(),
			[["Set 'draft' to false", false], ["Set 'draft' to true", false]]);

		const categories = ours(diagnostics).find(d => codeOf(d) === 'fm-list-expected')!;
		const listActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
			uri, categories.range, vscode.CodeActionKind.QuickFix.value);
		const preferred = listActions.filter(a => a.isPreferred);
		assert.equal(preferred.length, 1, JSON.stringify(listActions.map(a => a.title)));
		assert.equal(listActions.length, 2, JSON.stringify(listActions.map(a => a.title)));
		await vscode.workspace.applyEdit(preferred[0].edit!);
		const document = await vscode.workspace.openTextDocument(uri);
		const expected = [...lines];
		expected[4] = 'categories = ["conferences", "openstack"]';
		assert.equal(await waitForText(document, t => t.includes('categories = [')), expected.join('\n'));
	});

	test('Should fix every problem in one edit, and one undo restores the post (#3)', async () => {
		const uri = await createPost(BROKEN_POST);
		const editor = await openPost(uri);
		await waitForDiagnostics(uri, hasCodes(...BROKEN_FINDINGS.map(f => f.code)));

		const fixed = await vscode.commands.executeCommand<number>(FIX_ALL);
		assert.equal(fixed, 3);
		assert.equal(await waitForText(editor.document, t => t !== BROKEN_POST.join('\n')), FIXED_POST.join('\n'));
		await waitForDiagnostics(uri, d => ours(d).length === 0);

		await vscode.window.showTextDocument(editor.document);
		await vscode.commands.executeCommand('undo');
		assert.equal(await waitForText(editor.document, t => t !== FIXED_POST.join('\n')), BROKEN_POST.join('\n'));
		const restored = await waitForDiagnostics(uri, hasCodes(...BROKEN_FINDINGS.map(f => f.code)));
		assert.deepEqual(summary(restored), expectedSummary(BROKEN_FINDINGS));
	});

	test('Should add missing required fields after the last field, and leave a valid post alone (#3)', async () => {
		const lines = ['+++', 'draft = true # not yet', '', '[params]', '  event = "Summit"', '+++', 'Body.'];
		const uri = await createPost(lines);
		const editor = await openPost(uri);
		const diagnostics = await waitForDiagnostics(uri, hasCodes('fm-required-field', 'fm-required-field'));
		for (const diagnostic of ours(diagnostics)) {
			assert.deepEqual(diagnostic.range, new vscode.Range(0, 0, 0, 3), 'reported on the opening delimiter');
		}
		assert.equal(await vscode.commands.executeCommand<number>(FIX_ALL), 2);
		const text = await waitForText(editor.document, t => t !== lines.join('\n'));
		const added = text.split('\n');
		// Both fields go right after `draft` (the last top-level key), before the [params] table.
		assert.deepEqual(added.slice(0, 2), ['+++', 'draft = true # not yet']);
		assert.equal(added[2], 'title = ""');
		assert.match(added[3], /^date = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
		assert.deepEqual(added.slice(4), lines.slice(2));

		// The post now has every field: fix-all finds nothing (the empty title needs words, not a fix).
		await waitForDiagnostics(uri, hasCodes('fm-title-missing'));
		const again = await vscode.commands.executeCommand<number>(FIX_ALL);
		assert.equal(again, 0);
		assert.equal(editor.document.getText(), text);
	});

	test('Should clear the diagnostics when an edit makes the post valid (#3)', async () => {
		const uri = await createPost(BROKEN_POST);
		const editor = await openPost(uri);
		await waitForDiagnostics(uri, hasCodes(...BROKEN_FINDINGS.map(f => f.code)));
		const edit = new vscode.WorkspaceEdit();
		edit.replace(uri, rangeOn(BROKEN_POST, 3, '"May 9, 2017"'), '2017-05-09T09:00:00-04:00');
		edit.replace(uri, rangeOn(BROKEN_POST, 4, '"single"'), '["kolla"]');
		edit.replace(uri, rangeOn(BROKEN_POST, 5, '"no"'), 'true');
		assert.equal(await vscode.workspace.applyEdit(edit), true);
		await waitForText(editor.document, t => t.includes('draft = true'));
		assert.deepEqual(await waitForDiagnostics(uri, d => ours(d).length === 0).then(ours), []);
	});

	test('Should clear the diagnostics of a closed post (#3)', async () => {
		const uri = await createPost(BROKEN_POST);
		// Opened by the workbench alone: a document the extension host opened itself stays loaded (for
		// minutes) after its editor closes, so closing the editor would not close it.
		await vscode.commands.executeCommand('vscode.open', uri);
		await waitForDiagnostics(uri, hasCodes(...BROKEN_FINDINGS.map(f => f.code)));
		const closed = new Promise<void>(resolve => {
			const subscription = vscode.workspace.onDidCloseTextDocument(document => {
				if (document.uri.toString() === uri.toString()) {
					subscription.dispose();
					resolve();
				}
			});
		});
		await closeAllEditors();
		await closed;
		assert.deepEqual(await waitForDiagnostics(uri, d => ours(d).length === 0).then(ours), []);
	});

	test('Should clear the diagnostics of a post that stops being Markdown (#3)', async () => {
		const uri = await createPost(BROKEN_POST);
		const editor = await openPost(uri);
		await waitForDiagnostics(uri, hasCodes(...BROKEN_FINDINGS.map(f => f.code)));
		const plain = await vscode.languages.setTextDocumentLanguage(editor.document, 'plaintext');
		assert.equal(plain.languageId, 'plaintext');
		assert.deepEqual(await waitForDiagnostics(uri, d => ours(d).length === 0).then(ours), []);
	});

	test('Should keep CRLF line endings and YAML style when fixing a YAML post (#3)', async () => {
		const lines = ['---', 'title: Kolla day', 'date: May 9, 2017', 'tags: single # for now', '---', '', 'Body.', ''];
		const uri = workspaceFile('content', 'post', `front-matter-crlf-${Date.now()}.md`);
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\r\n')));
		const editor = await openPost(uri);
		assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
		const diagnostics = await waitForDiagnostics(uri, hasCodes('fm-date-unparsable', 'fm-list-expected'));
		assert.deepEqual(summary(diagnostics), expectedSummary([
			{ code: 'fm-date-unparsable', severity: vscode.DiagnosticSeverity.Error, range: rangeOn(lines, 2, 'May 9, 2017') },
			{ code: 'fm-list-expected', severity: vscode.DiagnosticSeverity.Warning, range: rangeOn(lines, 3, 'single') },
		]));
		assert.equal(await vscode.commands.executeCommand<number>(FIX_ALL), 2);
		const expected = ['---', 'title: Kolla day', 'date: 2017-05-09', 'tags: [single] # for now', '---', '', 'Body.', ''];
		assert.equal(await waitForText(editor.document, t => t.includes('2017-05-09')), expected.join('\r\n'));
	});

	test('Should re-check an unclosed block on edits anywhere, and stop once it is closed (#3)', async () => {
		const lines = ['+++', 'title = "Closing soon"', 'date = 2017-05-09', '', 'Notes typed before the delimiter.', ''];
		const uri = await createPost(lines);
		const editor = await openPost(uri);
		const diagnostics = await waitForDiagnostics(uri, hasCodes('fm-unterminated'));
		assert.deepEqual(ours(diagnostics)[0].range, new vscode.Range(0, 0, 0, 3));
		// Closing it far below the opening line must still be seen.
		const close = new vscode.WorkspaceEdit();
		close.insert(uri, new vscode.Position(3, 0), '+++\n');
		assert.equal(await vscode.workspace.applyEdit(close), true);
		await waitForDiagnostics(uri, d => ours(d).length === 0);
		// Reopening it by deleting the delimiter is an edit on the block's last line: seen too.
		const reopen = new vscode.WorkspaceEdit();
		reopen.delete(uri, new vscode.Range(3, 0, 4, 0));
		assert.equal(await vscode.workspace.applyEdit(reopen), true);
		await waitForText(editor.document, t => t === lines.join('\n'));
		await waitForDiagnostics(uri, hasCodes('fm-unterminated'));
	});

	test('Should check neither archetypes nor static files, nor ask list pages for a title or required fields (#3)', async () => {
		// A section page with neither title nor date, and a static file with a broken one.
		const section = workspaceFile('content', 'talks', '_index.md');
		await vscode.workspace.fs.writeFile(section, new TextEncoder().encode('+++\ndescription = "Talks I gave"\n+++\n'));
		const staticNote = workspaceFile('static', 'notes', 'readme.md');
		await vscode.workspace.fs.writeFile(staticNote, new TextEncoder().encode('+++\ndate = "May 9, 2017"\n+++\n'));
		const skipped = [workspaceFile('archetypes', 'default.md'), section, staticNote];
		// Opened first, so their checks would be due before the post's.
		for (const uri of skipped) {
			await openPost(uri);
		}
		const uri = await createPost(['+++', 'title = "No date yet"', '+++', '']);
		await openPost(uri);
		await waitForDiagnostics(uri, hasCodes('fm-required-field'));
		for (const other of skipped) {
			assert.deepEqual(ours(vscode.languages.getDiagnostics(other)), [], other.path);
		}
	});

	test('Should report a cover image the site does not publish (#3)', async () => {
		const lines = ['+++', 'title = "Boston"', 'date = 2017-05-12', 'cover = "/images/2017/05/boston-hynes.jpg"', 'images = ["/images/2017/05/no-such-photo.jpg"]', '+++', ''];
		const uri = await createPost(lines);
		await openPost(uri);
		// The site index loads in the background; the diagnostics follow once it is ready.
		const diagnostics = await waitForDiagnostics(uri, hasCodes('fm-image-missing'));
		assert.deepEqual(ours(diagnostics)[0].range, rangeOn(lines, 4, '"/images/2017/05/no-such-photo.jpg"'));
	});

	test('Should follow the requiredFields and validate settings (#3)', async () => {
		const config = () => vscode.workspace.getConfiguration('eventWriteup.frontMatter');
		const lines = ['+++', 'title = "Valid"', 'date = 2017-05-09', '+++', ''];
		const uri = await createPost(lines);
		await openPost(uri);
		try {
			await updateSetting(config(), 'requiredFields', ['title', 'date', 'Summary']);
			const diagnostics = await waitForDiagnostics(uri, hasCodes('fm-required-field'));
			assert.match(ours(diagnostics)[0].message, /'Summary'/);
			await updateSetting(config(), 'validate', false);
			await waitForDiagnostics(uri, d => ours(d).length === 0);
			await updateSetting(config(), 'validate', undefined);
			await waitForDiagnostics(uri, hasCodes('fm-required-field'));
		} finally {
			await updateSetting(config(), 'requiredFields', undefined);
			await updateSetting(config(), 'validate', undefined);
		}
		await waitForDiagnostics(uri, d => ours(d).length === 0);
	});

	test('Should fix the front matter on save when codeActionsOnSave asks for it (#3)', async () => {
		const uri = await createPost(BROKEN_POST);
		const editor = await openPost(uri);
		await waitForDiagnostics(uri, hasCodes(...BROKEN_FINDINGS.map(f => f.code)));
		const editorConfig = () => vscode.workspace.getConfiguration('editor');
		try {
			await updateSetting(editorConfig(), 'codeActionsOnSave', { 'source.fixAll.eventWriteup': 'explicit' });
			// Any edit makes the save a real one; the fixes come with it.
			const edit = new vscode.WorkspaceEdit();
			edit.insert(uri, new vscode.Position(BROKEN_POST.length - 1, 0), 'More notes.\n');
			assert.equal(await withTimeout(15_000, Promise.resolve(vscode.workspace.applyEdit(edit)), 'editing'), true);
			assert.equal(await withTimeout(30_000, Promise.resolve(editor.document.save()), 'saving the post'), true);
			const expected = [...FIXED_POST.slice(0, -1), 'More notes.', ''];
			assert.equal(await waitForText(editor.document, t => t.includes('draft = false')), expected.join('\n'));
		} finally {
			await updateSetting(editorConfig(), 'codeActionsOnSave', undefined);
		}
	});

	test('Should offer fix-all as a source action only when that kind is asked for (#3)', async () => {
		const uri = await createPost(BROKEN_POST);
		await openPost(uri);
		await waitForDiagnostics(uri, hasCodes(...BROKEN_FINDINGS.map(f => f.code)));
		const whole = new vscode.Range(0, 0, BROKEN_POST.length - 1, 0);
		const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
			uri, whole, vscode.CodeActionKind.SourceFixAll.value);
		const ourFixAll = fixAll.filter(a => a.kind?.value === 'source.fixAll.eventWriteup');
		assert.equal(ourFixAll.length, 1);
		assert.equal(ourFixAll[0].edit?.get(uri).length, 3);
		const quickFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
			uri, whole, vscode.CodeActionKind.QuickFix.value);
		assert.equal(quickFixes.filter(a => a.kind?.value.startsWith('source')).length, 0);
		assert.equal(quickFixes.filter(a => a.isPreferred).length, 3);
	});
});
