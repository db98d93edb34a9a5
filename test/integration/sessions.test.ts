import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, withTimeout, workspaceFile } from './util';

interface InsertOutcome {
	status: string;
	sessions: Array<{ title: string; speakers: string[]; derived: boolean }>;
	failures: string[];
}

const KOLLA_TITLE = 'Easier OpenStack Deployment: Novice Installation Using Kolla';
const KOLLA_PATH = '/talks/easier-openstack-deployment-novice-installation-using-kolla';
const DERIVED_NOTE = '<!-- title derived from the URL: check it -->';

function schedulePage(title: string, speakers: string[]): string {
	const jsonLd = JSON.stringify({
		'@context': 'https://schema.org', '@type': 'Event', name: title,
		performer: speakers.map(name => ({ '@type': 'Person', name })),
	});
	const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
	return `<!doctype html><html><head><meta charset="utf-8"><title>Summit Schedule | ${escaped}</title>
<meta property="og:title" content="${escaped}"><meta property="og:site_name" content="Summit Schedule">
<script type="application/ld+json">${jsonLd.replace(/</g, '\\u003c')}</script></head>
<body><h1>Event Details</h1><p>${escaped}</p></body></html>`;
}

/**
 * A schedule site on loopback. `/talks/…` pages answer at once, `/missing/…` with 404, `/slow/…` never,
 * and `/held/…` only once the test calls `release()`, so a test can act while a fetch is pending.
 */
class ScheduleServer {
	readonly requests: string[] = [];
	readonly #server: http.Server;
	readonly #pages = new Map<string, string>();
	readonly #held: http.ServerResponse[] = [];
	#onRequest: (() => void) | undefined;

	constructor() {
		this.#pages.set(KOLLA_PATH, schedulePage(KOLLA_TITLE, ['Michał Jastrzębski', 'Steven Dake']));
		this.#pages.set('/held/kolla-ansible-deep-dive', schedulePage('Kolla-Ansible Deep Dive', ['Jeffrey Zhang']));
		this.#pages.set('/talks/evil-link-javascript-alert-img-src-onerror-shortcode',
			schedulePage('Evil [link](javascript:alert(1)) <img src=x onerror=alert(2)> {{< shortcode >}}', ['<b>Mallory</b>']));
		this.#server = http.createServer((request, response) => {
			const path = request.url ?? '/';
			this.requests.push(path);
			this.#onRequest?.();
			if (path.startsWith('/slow/')) {
				return; // Never answers: the command's timeout must end the wait.
			}
			const page = this.#pages.get(path);
			if (path.startsWith('/held/')) {
				this.#held.push(response);
				return;
			}
			if (page === undefined) {
				response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
				return;
			}
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
		});
	}

	async start(): Promise<void> {
		await new Promise<void>(resolve => this.#server.listen(0, '127.0.0.1', resolve));
	}

	url(path: string): string {
		return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}${path}`;
	}

	/** Resolves at the next request (or at once when one already came in since `since`). */
	nextRequest(since: number, ms = 10_000): Promise<void> {
		if (this.requests.length > since) {
			return Promise.resolve();
		}
		return withTimeout(ms, new Promise<void>(resolve => { this.#onRequest = resolve; }), 'waiting for the schedule request')
			.finally(() => { this.#onRequest = undefined; });
	}

	release(): void {
		for (const response of this.#held.splice(0)) {
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(this.#pages.get('/held/kolla-ansible-deep-dive'));
		}
	}

	async stop(): Promise<void> {
		this.#server.closeAllConnections();
		await new Promise<void>(resolve => this.#server.close(() => resolve()));
	}
}

async function openPost(name: string, text: string): Promise<vscode.TextEditor> {
	const uri = workspaceFile('content', 'post', name);
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	const document = await vscode.workspace.openTextDocument(uri);
	// Pinned, as a post being written is: a preview tab would be replaced (closed) by the next file opened.
	return vscode.window.showTextDocument(document, { preview: false });
}

function placeCursor(editor: vscode.TextEditor, line: number, character: number): void {
	const position = new vscode.Position(line, character);
	editor.selection = new vscode.Selection(position, position);
}

async function runInsert(args: { url: string; fetch?: boolean }): Promise<InsertOutcome> {
	return withTimeout(45_000, Promise.resolve(vscode.commands.executeCommand<InsertOutcome>('eventWriteup.insertSession', args)), 'the insert command');
}

async function runInsertMany(args?: { urls?: string[]; fetch?: boolean }): Promise<InsertOutcome> {
	return withTimeout(45_000, Promise.resolve(vscode.commands.executeCommand<InsertOutcome>('eventWriteup.insertSessions', args)), 'the insert-sessions command');
}

async function undo(document: vscode.TextDocument): Promise<void> {
	const before = document.version;
	await vscode.commands.executeCommand('undo');
	assert.notEqual(document.version, before, 'undo changed the document');
}

const INTRO = ['+++', 'title = "Boston"', '+++', '', 'Intro.', '', ''].join('\n');

suite('integration.sessions', function () {
	// The first command of a run waits for the extension host to warm up; on a loaded machine that takes a while.
	this.timeout(60_000);
	const server = new ScheduleServer();
	const created: string[] = [];

	suiteSetup(async () => {
		await activateExtension();
		await server.start();
	});

	suiteTeardown(async () => {
		await server.stop();
	});

	teardown(async () => {
		await closeAllEditors();
		await vscode.workspace.getConfiguration('eventWriteup.sessions').update('timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
		for (const name of created.splice(0)) {
			await vscode.workspace.fs.delete(workspaceFile('content', 'post', name)).then(undefined, () => undefined);
		}
	});

	async function post(name: string, text: string): Promise<vscode.TextEditor> {
		created.push(name);
		return openPost(name, text);
	}

	test('Should insert the fetched entry at the cursor, place the cursor for notes, and undo in one step (#5)', async () => {
		const editor = await post('it-sessions-insert.md', INTRO);
		placeCursor(editor, 6, 0);
		const url = server.url(KOLLA_PATH);
		const result = await runInsert({ url });
		assert.equal(result.status, 'inserted');
		assert.deepEqual(result.failures, []);
		const entry = [`#### ${KOLLA_TITLE}`, '', '- Michał Jastrzębski', '- Steven Dake', `- [${url}](${url})`, '', ''].join('\n');
		assert.equal(editor.document.getText(), INTRO + entry);
		assert.deepEqual(editor.selection.active, editor.document.positionAt(editor.document.getText().length), 'the cursor waits below the entry');
		await undo(editor.document);
		assert.equal(editor.document.getText(), INTRO, 'one undo removes the whole entry');
	});

	test('Should keep CRLF line endings and start a new paragraph when the cursor is inside a line (#5)', async () => {
		const editor = await post('it-sessions-crlf.md', INTRO.replace(/\n/g, '\r\n'));
		assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
		placeCursor(editor, 4, 'Intro.'.length);
		const url = server.url(KOLLA_PATH);
		const result = await runInsert({ url });
		assert.equal(result.status, 'inserted');
		const entry = [`#### ${KOLLA_TITLE}`, '', '- Michał Jastrzębski', '- Steven Dake', `- [${url}](${url})`, '', ''].join('\r\n');
		const expected = ['+++', 'title = "Boston"', '+++', '', 'Intro.'].join('\r\n') + '\r\n\r\n' + entry + '\r\n\r\n';
		assert.equal(editor.document.getText(), expected);
		assert.ok(!/[^\r]\n/.test(editor.document.getText()), 'no bare LF');
	});

	test('Should insert into the original document when the writer switched editors during the fetch (#5)', async () => {
		const original = await post('it-sessions-original.md', INTRO);
		placeCursor(original, 6, 0);
		const other = await post('it-sessions-other.md', 'Other post.\n');
		await vscode.window.showTextDocument(original.document, { preview: false });
		const url = server.url('/held/kolla-ansible-deep-dive');
		const since = server.requests.length;
		const running = runInsert({ url });
		await server.nextRequest(since);
		await vscode.window.showTextDocument(other.document, { preview: false });
		assert.equal(vscode.window.activeTextEditor?.document, other.document);
		server.release();
		const result = await running;
		assert.equal(result.status, 'inserted');
		assert.equal(original.document.getText(), INTRO + ['#### Kolla-Ansible Deep Dive', '', '- Jeffrey Zhang', `- [${url}](${url})`, '', ''].join('\n'));
		assert.equal(other.document.getText(), 'Other post.\n', 'the document in front is untouched');
	});

	test('Should follow text typed above the cursor while the details are fetched (#5)', async () => {
		const editor = await post('it-sessions-typing.md', INTRO);
		placeCursor(editor, 6, 0);
		const url = server.url('/held/kolla-ansible-deep-dive');
		const since = server.requests.length;
		const running = runInsert({ url });
		await server.nextRequest(since);
		assert.ok(await editor.edit(builder => builder.insert(new vscode.Position(4, 0), 'Typed meanwhile. ')));
		server.release();
		const result = await running;
		assert.equal(result.status, 'inserted');
		assert.equal(editor.document.getText(), INTRO.replace('Intro.', 'Typed meanwhile. Intro.')
			+ ['#### Kolla-Ansible Deep Dive', '', '- Jeffrey Zhang', `- [${url}](${url})`, '', ''].join('\n'));
	});

	test('Should replace a selected URL with its entry (#5)', async () => {
		const url = server.url(KOLLA_PATH);
		const editor = await post('it-sessions-selected.md', `${INTRO}${url}\n`);
		editor.selection = new vscode.Selection(new vscode.Position(6, 0), new vscode.Position(6, url.length));
		const result = await runInsert({ url });
		assert.equal(result.status, 'inserted');
		assert.equal(editor.document.getText(), INTRO + [`#### ${KOLLA_TITLE}`, '', '- Michał Jastrzębski', '- Steven Dake', `- [${url}](${url})`, '', '', ''].join('\n'));
	});

	test('Should offer the URL on the clipboard in the input box (#5)', async () => {
		const editor = await post('it-sessions-clipboard.md', INTRO);
		placeCursor(editor, 6, 0);
		const url = server.url(KOLLA_PATH);
		await vscode.env.clipboard.writeText(url);
		const since = server.requests.length;
		const running = Promise.resolve(vscode.commands.executeCommand<InsertOutcome>('eventWriteup.insertSession'));
		// The input box opens asynchronously and says nothing when it does: accept until the fetch starts.
		for (let attempt = 0; server.requests.length === since; attempt++) {
			assert.ok(attempt < 20, 'the input box accepted the URL from the clipboard');
			await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
			await server.nextRequest(since, 500).catch(() => undefined);
		}
		const result = await withTimeout(45_000, running, 'the insert command');
		assert.equal(result.status, 'inserted');
		assert.ok(editor.document.getText().startsWith(`${INTRO}#### ${KOLLA_TITLE}\n`), editor.document.getText());
	});

	test('Should insert nothing when the document was closed during the fetch (#5)', async () => {
		const editor = await post('it-sessions-closed.md', INTRO);
		placeCursor(editor, 6, 0);
		const since = server.requests.length;
		const running = runInsert({ url: server.url('/held/kolla-ansible-deep-dive') });
		await server.nextRequest(since);
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
		server.release();
		const result = await running;
		assert.equal(result.status, 'closed');
		const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(editor.document.uri));
		assert.equal(onDisk, INTRO);
		if (!editor.document.isClosed) {
			assert.equal(editor.document.getText(), INTRO);
		}
	});

	test('Should fall back to the entry derived from the URL when the page is missing (#5)', async () => {
		const editor = await post('it-sessions-404.md', INTRO);
		placeCursor(editor, 6, 0);
		const url = server.url('/missing/kolla-deployment-notes');
		const result = await runInsert({ url });
		assert.equal(result.status, 'inserted');
		assert.equal(result.failures.length, 1);
		assert.match(result.failures[0], /404/);
		assert.equal(editor.document.getText(), INTRO + ['#### Kolla Deployment Notes', DERIVED_NOTE, '', `- [${url}](${url})`, '', ''].join('\n'));
		await undo(editor.document);
		assert.equal(editor.document.getText(), INTRO);
	});

	test('Should give up on a server that never answers after the configured timeout, with the derived entry (#5)', async () => {
		await vscode.workspace.getConfiguration('eventWriteup.sessions').update('timeoutSeconds', 1, vscode.ConfigurationTarget.Global);
		const editor = await post('it-sessions-timeout.md', INTRO);
		placeCursor(editor, 6, 0);
		const url = server.url('/slow/slow-kolla-talk');
		const result = await runInsert({ url });
		assert.equal(result.status, 'inserted');
		assert.equal(result.failures.length, 1);
		assert.equal(editor.document.getText(), INTRO + ['#### Slow Kolla Talk', DERIVED_NOTE, '', `- [${url}](${url})`, '', ''].join('\n'));
	});

	test('Should derive the entry without any request when fetching is turned off (#5)', async () => {
		const editor = await post('it-sessions-offline.md', INTRO);
		placeCursor(editor, 6, 0);
		const before = server.requests.length;
		const url = server.url(KOLLA_PATH);
		const result = await runInsert({ url, fetch: false });
		assert.equal(result.status, 'inserted');
		assert.equal(server.requests.length, before, 'no request was made');
		assert.equal(result.sessions[0].derived, true);
		assert.ok(editor.document.getText().startsWith(`${INTRO}#### Easier OpenStack Deployment Novice Installation Using Kolla\n${DERIVED_NOTE}\n`), editor.document.getText());
	});

	test('Should spell a derived title as the post being written and its site do (#11)', async () => {
		// The sample site writes "OpenStack" and "FWaaS"; this post alone writes "SmartNICs" and "Kuryr".
		const editor = await post('it-sessions-site-casing.md', `${INTRO}#### Kuryr Networking on SmartNICs\n\n`);
		placeCursor(editor, editor.document.lineCount - 1, 0);
		const url = server.url('/summit/boston-2017/summit-schedule/events/18999/smartnics-for-openstack-and-fwaas-with-kuryr');
		const result = await runInsert({ url, fetch: false });
		assert.equal(result.status, 'inserted');
		assert.equal(result.sessions[0].title, 'SmartNICs for OpenStack and FWaaS with Kuryr');
	});

	test('Should escape a hostile title and speaker so they stay plain text (#5)', async () => {
		const editor = await post('it-sessions-hostile.md', INTRO);
		placeCursor(editor, 6, 0);
		const result = await runInsert({ url: server.url('/talks/evil-link-javascript-alert-img-src-onerror-shortcode') });
		assert.equal(result.status, 'inserted');
		assert.equal(result.sessions[0].derived, false);
		const inserted = editor.document.getText().slice(INTRO.length);
		const [heading, , speaker] = inserted.split('\n');
		assert.ok(heading.startsWith('#### Evil \\[link\\]'), heading);
		assert.ok(!/[^\\][<[{]/.test(heading.slice(5)), `every bracket is escaped: ${heading}`);
		assert.equal(speaker, '- \\<b\\>Mallory\\</b\\>');
	});

	test('Should convert a selection of URLs in place in one edit, deriving the ones that fail (#5)', async () => {
		const good = server.url(KOLLA_PATH);
		const missing = server.url('/missing/kolla-deployment-notes');
		const editor = await post('it-sessions-selection.md', `${INTRO}${good}\n- ${missing}\n\nAfter.\n`);
		editor.selection = new vscode.Selection(new vscode.Position(6, 0), new vscode.Position(8, 0));
		const result = await runInsertMany();
		assert.equal(result.status, 'inserted');
		assert.equal(result.failures.length, 1);
		assert.equal(editor.document.getText(), INTRO + [
			`#### ${KOLLA_TITLE}`, '', '- Michał Jastrzębski', '- Steven Dake', `- [${good}](${good})`, '',
			'#### Kolla Deployment Notes', DERIVED_NOTE, '', `- [${missing}](${missing})`, '', '',
			'', 'After.', ''].join('\n'));
		await undo(editor.document);
		assert.equal(editor.document.getText(), `${INTRO}${good}\n- ${missing}\n\nAfter.\n`);
	});

	test('Should insert several URLs given as arguments at the cursor, in their order (#5)', async () => {
		const editor = await post('it-sessions-many.md', INTRO);
		placeCursor(editor, 6, 0);
		const urls = [server.url('/missing/kolla-deployment-notes'), server.url(KOLLA_PATH)];
		const result = await runInsertMany({ urls });
		assert.equal(result.status, 'inserted');
		assert.deepEqual(result.sessions.map(s => s.title), ['Kolla Deployment Notes', KOLLA_TITLE]);
		const text = editor.document.getText();
		assert.ok(text.indexOf('#### Kolla Deployment Notes') < text.indexOf(`#### ${KOLLA_TITLE}`));
		assert.deepEqual(editor.selection.active, editor.document.positionAt(text.length), 'the cursor follows the last entry');
		await undo(editor.document);
		assert.equal(editor.document.getText(), INTRO);
	});
});
