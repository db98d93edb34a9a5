import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BuiltInPathSuggestions } from '../../src/features/builtInMarkdown';
import { WorkspaceSiteIndex } from '../../src/services/workspaceSiteIndex';
import { activateExtension, closeAllEditors, EXTENSION_ID, inWebWorker, waitForText, workspaceFile } from './util';

const encoder = new TextEncoder();

async function writePost(name: string, lines: string[]): Promise<vscode.Uri> {
	const uri = workspaceFile('content', 'post', name);
	await vscode.workspace.fs.writeFile(uri, encoder.encode(lines.join('\n')));
	return uri;
}

/** Opens a post whose text marks the cursor with `|` and asks every completion provider there. */
async function completionsAt(name: string, lines: string[], trigger?: string): Promise<vscode.CompletionItem[]> {
	const text = lines.join('\n');
	const offset = text.indexOf('|');
	assert.ok(offset >= 0, 'the fixture marks the cursor with |');
	const written = text.slice(0, offset) + text.slice(offset + 1);
	// A post already open with this text is not written again: VS Code reloads an open post from the disk
	// after each write, and a request made meanwhile would see whatever the reload had reached.
	const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === workspaceFile('content', 'post', name).toString());
	const uri = open?.getText() === written ? open.uri : await writePost(name, [written]);
	const document = await vscode.workspace.openTextDocument(uri);
	await waitForText(document, shown => shown === written);
	await vscode.window.showTextDocument(document);
	// The first request of a site may answer before the site is read (an incomplete list, as the editor
	// would re-ask on the next keystroke); each request waits for the site itself, bounded by the provider.
	for (let attempt = 0; ; attempt++) {
		const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, document.positionAt(offset), trigger);
		if (!list.isIncomplete || attempt === 5) {
			return list.items;
		}
	}
}

function label(item: vscode.CompletionItem): string {
	return typeof item.label === 'string' ? item.label : item.label.label;
}

/**
 * Our items in the order the editor shows them (it sorts by `sortText`), limited to `only` when given:
 * other suites may add posts with terms of their own to the shared workspace.
 */
function ordered(items: vscode.CompletionItem[], kind: vscode.CompletionItemKind, only?: readonly string[]): string[] {
	return items.filter(i => i.kind === kind && (!only || only.includes(label(i))))
		.sort((a, b) => (a.sortText ?? label(a)).localeCompare(b.sortText ?? label(b))).map(label);
}

const OUR_TAGS = ['hallway-track', 'keynotes', 'ansible-fest', 'lightning-talks'];

suite('integration.completions', () => {
	suiteSetup(async () => {
		await activateExtension();
		// Terms of their own, so the sample site's posts (and other suites' posts) cannot change the order:
		// hallway-track 3 posts (one spells it differently), keynotes 2, then ansible-fest and lightning-talks
		// 1 each, by name; categories meetups 3, workshops 1.
		await writePost('completion-a.md', ['+++', 'title = "A"', 'tags = ["hallway-track", "keynotes", "ansible-fest"]', 'categories = ["meetups"]', '+++', '']);
		await writePost('completion-b.md', ['---', 'title: B', 'tags:', '  - Hallway-Track', '  - keynotes', '  - lightning-talks', 'categories: [meetups, workshops]', '---', '']);
		await writePost('completion-c.md', ['+++', 'title = "C"', 'tags = ["hallway-track"]', 'categories = ["meetups"]', '+++', '']);
	});

	teardown(closeAllEditors);

	test('Should offer the Hugo fields not yet set, each with a doc (#6)', async () => {
		const items = await completionsAt('completion-keys.md', ['+++', 'title = "New"', '|', '+++', '']);
		const fields = items.filter(i => i.kind === vscode.CompletionItemKind.Property);
		const names = fields.map(label);
		for (const expected of ['date', 'draft', 'tags', 'categories', 'slug', 'description', 'cover']) {
			assert.ok(names.includes(expected), `offers ${expected}`);
		}
		assert.ok(!names.includes('title'), 'title is already set');
		const draft = fields.find(i => label(i) === 'draft')!;
		assert.match((draft.documentation as vscode.MarkdownString).value, /-D/);
		assert.equal((draft.insertText as vscode.SnippetString).value, 'draft = ${1|true,false|}');
	});

	test('Should offer tags from the other posts, most used first (#6)', async () => {
		const items = await completionsAt('completion-tags.md', ['+++', 'title = "New"', 'tags = [|]', '+++', ''], '[');
		assert.deepEqual(ordered(items, vscode.CompletionItemKind.EnumMember, OUR_TAGS), ['hallway-track', 'keynotes', 'ansible-fest', 'lightning-talks']);
		const hallway = items.find(i => label(i) === 'hallway-track')!;
		assert.equal(hallway.insertText, '"hallway-track"');
		assert.match(hallway.detail ?? '', /^tags: used by \d+ posts$/);
	});

	test('Should leave out the tags the post already lists and rank categories too (#6)', async () => {
		const tags = await completionsAt('completion-tags-2.md', ['+++', 'title = "New"', 'tags = ["hallway-track", "|"]', '+++', ''], '"');
		assert.deepEqual(ordered(tags, vscode.CompletionItemKind.EnumMember, OUR_TAGS), ['keynotes', 'ansible-fest', 'lightning-talks']);
		const categories = await completionsAt('completion-categories.md', ['---', 'categories: [|]', '---', ''], '[');
		assert.deepEqual(ordered(categories, vscode.CompletionItemKind.EnumMember, ['meetups', 'workshops']), ['meetups', 'workshops']);
	});

	test('Should offer draft booleans and now as the date (#6)', async () => {
		const draft = await completionsAt('completion-draft.md', ['+++', 'draft = |', '+++', '']);
		assert.deepEqual(ordered(draft, vscode.CompletionItemKind.Value), ['false', 'true']);
		const before = Date.now();
		const date = await completionsAt('completion-date.md', ['+++', 'date = |', '+++', '']);
		const now = date.filter(i => i.kind === vscode.CompletionItemKind.Constant).map(label);
		assert.equal(now.length, 1);
		assert.match(now[0], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
		assert.ok(Math.abs(Date.parse(now[0]) - before) < 60_000, `${now[0]} is now`);
	});

	test('Should complete image paths under the static folders after a slash (#6)', async () => {
		const root = await completionsAt('completion-image-root.md', ['+++', 'title = "x"', '+++', '', '![hall](/|)'], '/');
		const rootLabels = root.filter(i => i.kind === vscode.CompletionItemKind.Folder).map(label);
		assert.ok(rootLabels.includes('images/') && rootLabels.includes('content/'), rootLabels.join(', '));
		const month = await completionsAt('completion-image-month.md', ['+++', 'title = "x"', '+++', '', '![hall](/images/2017/05/|)'], '/');
		assert.deepEqual(ordered(month, vscode.CompletionItemKind.File), ['boston-hynes.jpg', 'kolla-room.jpg']);
		const cover = await completionsAt('completion-cover.md', ['+++', 'cover = "/content/images/2017/05/|"', '+++', ''], '/');
		assert.deepEqual(ordered(cover, vscode.CompletionItemKind.File), ['fwaas-slide.jpg']);
	});

	test('Should offer nothing of ours in the body text (#6)', async () => {
		const items = await completionsAt('completion-body.md', ['+++', 'title = "x"', '+++', '', 'Some text dr|']);
		assert.deepEqual(items.filter(i => i.kind === vscode.CompletionItemKind.Property).map(label), []);
	});

	test('Should offer our snippets in a post, and expand the session entry (#6)', async () => {
		const items = await completionsAt('completion-snippets.md', ['+++', 'title = "x"', '+++', '', '|']);
		const snippets = items.filter(i => i.kind === vscode.CompletionItemKind.Snippet).map(label);
		for (const prefix of ['session', 'speaker', 'fm-toml', 'fm-yaml', 'img', 'figure', 'talk-quote']) {
			assert.ok(snippets.includes(prefix), `snippet ${prefix} is offered (got ${snippets.join(', ')})`);
		}
		const session = items.find(i => i.kind === vscode.CompletionItemKind.Snippet && label(i) === 'session');
		assert.ok(session?.insertText instanceof vscode.SnippetString, 'the session snippet inserts a snippet');
		const editor = vscode.window.activeTextEditor;
		assert.ok(editor);
		const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
		await editor.insertSnippet(session.insertText, end);
		const body = editor.document.getText().split('\n').slice(4).join('\n');
		assert.match(body, /^#### .+\n\n- .+\n- \[.+\]\(.+\)\n/, body);
	});

	test('Should not repeat a prefix of VS Code\'s own Markdown snippets (#6)', async function () {
		if (inWebWorker()) {
			// A web worker cannot read the built-in extensions' files, which this test compares with ours.
			this.skip();
		}
		const ours = vscode.extensions.getExtension(EXTENSION_ID);
		assert.ok(ours);
		const prefixesOf = async (root: vscode.Uri, contributed: readonly { path: string }[]): Promise<string[]> => {
			const prefixes: string[] = [];
			for (const { path } of contributed) {
				const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, path)));
				for (const definition of Object.values(JSON.parse(text)) as { prefix: string | string[] }[]) {
					prefixes.push(...[definition.prefix].flat());
				}
			}
			return prefixes;
		};
		// VS Code's built-in Markdown snippets ship with it; the extension host of a remote server may not
		// list that extension, so read it where VS Code keeps its built-in extensions.
		const builtInRoot = vscode.Uri.joinPath(vscode.Uri.file(vscode.env.appRoot), 'extensions', 'markdown-basics');
		const builtInManifest = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(builtInRoot, 'package.json'))));
		const builtIn = { root: builtInRoot, snippets: builtInManifest.contributes.snippets as { path: string }[] };
		const builtInPrefixes = await prefixesOf(builtIn.root, builtIn.snippets);
		assert.ok(builtInPrefixes.length > 0, 'VS Code\'s Markdown snippets are read');
		const ourPrefixes = await prefixesOf(ours.extensionUri, ours.packageJSON.contributes.snippets);
		assert.deepEqual(ourPrefixes.filter(p => builtInPrefixes.includes(p)), []);
	});
	test('Should offer nothing on a closing quote, and close the quote of an accepted tag, as typed in the editor (#13)', async () => {
		const uri = await writePost('completion-typed.md', ['+++', 'title = "Typed"', '', '+++', '']);
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		editor.selection = new vscode.Selection(2, 0, 2, 0);
		const ours = (items: vscode.CompletionItem[]) => items.filter(i => i.kind === vscode.CompletionItemKind.Constant || i.kind === vscode.CompletionItemKind.EnumMember);
		const at = async (trigger: string) => (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, editor.selection.active, trigger)).items;
		// Character by character, as a writer types: the closing quote triggers completions, which must offer nothing.
		for (const ch of 'date = "May 25, 2017"') {
			await vscode.commands.executeCommand('type', { text: ch });
		}
		assert.deepEqual(ours(await at('"')).map(label), []);
		await vscode.commands.executeCommand('type', { text: '\ntags = ["' });
		const hallway = ours(await at('"')).find(i => label(i) === 'hallway-track');
		assert.ok(hallway, 'a tag is offered after the opening quote');
		const range = hallway.range instanceof vscode.Range ? hallway.range : hallway.range!.replacing;
		await editor.edit(edit => edit.replace(range, typeof hallway.insertText === 'string' ? hallway.insertText : hallway.insertText!.value));
		assert.equal(document.lineAt(3).text, 'tags = ["hallway-track"');
		assert.equal(document.lineAt(2).text, 'date = "May 25, 2017"');
	});
	test('Should expand a snippet by its prefix and Tab, with word suggestions still off for prose (#13)', async () => {
		const markdown = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
		assert.equal(markdown.get('tabCompletion'), 'onlySnippets');
		assert.notEqual(markdown.get<{ other?: unknown }>('quickSuggestions')?.other, 'on', 'prose gets no word suggestions');
		const uri = await writePost('completion-tab.md', ['+++', 'title = "Tab"', '+++', '', '']);
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		editor.selection = new vscode.Selection(4, 0, 4, 0);
		await vscode.commands.executeCommand('type', { text: 'session' });
		// What Tab runs where tabCompletion is on and the word before the cursor is a snippet prefix.
		for (let attempt = 0; attempt < 20 && !document.getText().includes('####'); attempt++) {
			await vscode.commands.executeCommand('insertSnippet');
			await new Promise(resolve => setTimeout(resolve, 50));
		}
		assert.match(document.getText().split('\n').slice(4).join('\n'), /^#### .+\n/);
	});

	test('Should hold back VS Code\'s own path suggestions in a Hugo site once the writer agrees, and ask only once (#13)', async () => {
		const markdown = () => vscode.workspace.getConfiguration('markdown');
		const builtInRootEntries = async () => {
			const items = await completionsAt('completion-builtin.md', ['+++', 'title = "x"', '+++', '', '![hall](/|)'], '/');
			return items.map(label).filter(name => name === 'archetypes/' || name === 'hugo.toml');
		};
		/** Asks again (bounded, 30 s) until the built-in entries satisfy `done`, and returns the last answer. */
		const builtInRootEntriesUntil = async (done: (entries: string[]) => boolean) => {
			let entries = await builtInRootEntries();
			for (let attempt = 0; attempt < 300 && !done(entries); attempt++) {
				await new Promise(resolve => setTimeout(resolve, 100));
				entries = await builtInRootEntries();
			}
			return entries;
		};
		// The built-in language server lists the workspace root: folders Hugo publishes nothing from.
		// The built-in language server starts in the background and lists the workspace root once it runs:
		// folders Hugo publishes nothing from.
		assert.notDeepEqual(await builtInRootEntriesUntil(entries => entries.length > 0), [], 'VS Code\'s own path suggestions are on to begin with');
		const sites = new WorkspaceSiteIndex();
		const state = new MemoryMemento();
		const questions: string[] = [];
		try {
			const document = await vscode.workspace.openTextDocument(workspaceFile('content', 'post', 'completion-builtin.md'));
			const suggestions = new BuiltInPathSuggestions(sites, state, async (message, ...choices) => {
				questions.push(message);
				return choices[0];
			});
			assert.equal(await suggestions.offer(document), true);
			assert.equal(await suggestions.offer(document), false, 'asked once');
			suggestions.dispose();
			assert.equal(questions.length, 1);
			assert.equal(markdown().inspect('suggest.paths.enabled')?.workspaceValue, false);
			// The language server hears of the change asynchronously.
			assert.deepEqual(await builtInRootEntriesUntil(entries => entries.length === 0), [], 'only Event Write-up\'s paths are offered');
			const ours = (await completionsAt('completion-builtin.md', ['+++', 'title = "x"', '+++', '', '![hall](/|)'], '/')).map(label);
			assert.ok(ours.includes('images/'), ours.join(', '));

			// A writer who keeps both is not asked again, in this window or the next.
			await markdown().update('suggest.paths.enabled', undefined, vscode.ConfigurationTarget.Workspace);
			const declining = new BuiltInPathSuggestions(sites, state, async (message, ...choices) => {
				questions.push(message);
				return choices[1];
			});
			assert.equal(await declining.offer(document), false);
			declining.dispose();
			const later = new BuiltInPathSuggestions(sites, state, async message => {
				questions.push(message);
				return undefined;
			});
			assert.equal(await later.offer(document), false);
			later.dispose();
			assert.equal(questions.length, 2);
		} finally {
			sites.dispose();
			await markdown().update('suggest.paths.enabled', undefined, vscode.ConfigurationTarget.Workspace);
		}
	});
});

/** A workspace state kept in memory. */
class MemoryMemento implements vscode.Memento {
	readonly #values = new Map<string, unknown>();
	keys(): readonly string[] {
		return [...this.#values.keys()];
	}
	get<T>(key: string, defaultValue?: T): T | undefined {
		return this.#values.has(key) ? this.#values.get(key) as T : defaultValue;
	}
	async update(key: string, value: unknown): Promise<void> {
		this.#values.set(key, value);
	}
}
