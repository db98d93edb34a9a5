// "Open Post in Hugo Server" with Debian's hugo 0.111.3 (the suite is skipped where hugo is not installed):
// the post's page served with the site's theme, the server gone after stopping, and the bad cases.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { get } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HugoServerState } from '../../src/features/hugoServer';
import { activateExtension, closeAllEditors, waitForDiagnostics } from './util';
import { REPO_ROOT } from './workspace';

const POST = ['content', 'post', 'openstack-summit-boston-2017.md'];
const OPEN = 'eventWriteup.openInHugoServer';
const hugoInstalled = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;

const serverState = () => vscode.commands.executeCommand<HugoServerState>('eventWriteup.hugoServerState');

function fetchPage(url: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		get(url, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => body += chunk);
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		}).on('error', reject);
	});
}

/** Waits (bounded) until the server's state satisfies `predicate`. */
async function waitForState(predicate: (state: HugoServerState) => boolean, ms = 15_000): Promise<HugoServerState> {
	const deadline = Date.now() + ms;
	for (;;) {
		const state = await serverState();
		if (predicate(state)) {
			return state;
		}
		if (Date.now() > deadline) {
			throw new Error(`the Hugo server's state did not change: ${JSON.stringify(state)}`);
		}
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function setHugoSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('eventWriteup.hugo').update(key, value, vscode.ConfigurationTarget.Workspace);
}

suite('integration.hugoServer', function () {
	this.timeout(180_000);
	// A copy of the sample site of its own: the other suites leave posts in the shared workspace that Hugo
	// would refuse to build (their front matter is broken on purpose).
	let site = '';
	const workspaceFile = (...segments: string[]) => vscode.Uri.file(path.join(site, ...segments));

	suiteSetup(async function () {
		if (!hugoInstalled) {
			this.skip();
		}
		site = await fs.mkdtemp(path.join(tmpdir(), 'event-writeup-hugo-server-'));
		await fs.cp(path.join(REPO_ROOT, 'sample-site'), site, { recursive: true });
		await activateExtension();
	});

	suiteTeardown(async () => {
		if (site !== '') {
			await fs.rm(site, { recursive: true, force: true });
		}
	});

	teardown(async () => {
		if ((await serverState()).running) {
			await vscode.commands.executeCommand(OPEN);
		}
		await setHugoSetting('path', undefined);
		await setHugoSetting('serverPort', undefined);
		await closeAllEditors();
	});

	test('Should serve the post with the site\'s theme, and stop the server when run again (#16)', async () => {
		const document = await vscode.workspace.openTextDocument(workspaceFile(...POST));
		await vscode.window.showTextDocument(document);
		await vscode.commands.executeCommand(OPEN);
		const running = await serverState();
		assert.ok(running.running && running.pid !== undefined, `the server runs: ${JSON.stringify(running)}`);
		assert.match(running.commandLine ?? '', /^hugo server --source \S+ --bind 127\.0\.0\.1 --port \d+ .*--buildDrafts --buildFuture --buildExpired/);
		assert.match(running.pageAddress ?? '', /^http:\/\/127\.0\.0\.1:\d+\/post\/openstack-summit-boston-2017\/$/);
		const page = await fetchPage(running.pageAddress!);
		assert.equal(page.status, 200);
		// The sample site's theme titles a page "<post> | <site>".
		assert.match(page.body, /<title>OpenStack Summit Boston 2017: what I learned \| Notes from the Hallway Track<\/title>/);

		// The page follows the post in the active editor: a draft, which the server includes.
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('content', 'post', 'summit-notes-draft.md')));
		const following = await waitForState(state => state.pageAddress !== running.pageAddress);
		assert.match(following.pageAddress ?? '', /\/post\/open-infrastructure-summit-berlin-2022\/$/);
		assert.equal((await fetchPage(following.pageAddress!)).status, 200);

		await vscode.commands.executeCommand(OPEN);
		const stopped = await serverState();
		assert.equal(stopped.running, false);
		assert.equal(isRunning(running.pid!), false, 'the hugo process is gone');
		assert.match(stopped.lastMessage ?? '', /stopped/);
	});

	test('Should say how to install hugo when it is not found, and leave nothing running (#16)', async () => {
		await setHugoSetting('path', '/nonexistent/bin/hugo');
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(...POST)));
		await vscode.commands.executeCommand(OPEN);
		const state = await serverState();
		assert.equal(state.running, false);
		assert.match(state.lastMessage ?? '', /Hugo was not found \(\/nonexistent\/bin\/hugo\)\. Install it from https:\/\/gohugo\.io\/installation\//);
	});

	test('Should report a taken port (#16)', async () => {
		const taken: Server = createServer();
		await new Promise<void>(resolve => taken.listen(0, '127.0.0.1', resolve));
		try {
			const port = (taken.address() as { port: number }).port;
			await setHugoSetting('serverPort', port);
			await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(...POST)));
			await vscode.commands.executeCommand(OPEN);
			const state = await serverState();
			assert.equal(state.running, false);
			assert.match(state.lastMessage ?? '', new RegExp(`Port ${port} is taken`));
		} finally {
			taken.close();
		}
	});

	test('Should show Hugo\'s build error on the file and line it names (#16)', async () => {
		const broken = workspaceFile('content', 'post', 'broken-front-matter.md');
		await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('+++\ntitle = "unclosed\n+++\nbody\n'));
		try {
			await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(...POST)));
			await vscode.commands.executeCommand(OPEN);
			const state = await serverState();
			assert.equal(state.running, false, 'hugo stops when the site does not build');
			assert.match(state.lastMessage ?? '', /Hugo could not build the site \((?:.*\/)?content\/post\/broken-front-matter\.md:2\): unmarshal failed/);
			const diagnostics = await waitForDiagnostics(broken, found => found.some(d => d.source === 'hugo server'), 15_000, 'hugo\'s build error');
			const error = diagnostics.find(d => d.source === 'hugo server')!;
			assert.equal(error.range.start.line, 1);
			// Hugo places a TOML string left open at the end of its line.
			assert.equal(error.range.start.character, 'title = "unclosed'.length);
		} finally {
			await vscode.workspace.fs.delete(broken);
		}
	});

	test('Should refuse a post outside any Hugo site (#16)', async () => {
		const loose = vscode.Uri.file(path.join(tmpdir(), `event-writeup-loose-${process.pid}.md`));
		await vscode.workspace.fs.writeFile(loose, new TextEncoder().encode('# Notes\n'));
		try {
			await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(loose));
			await vscode.commands.executeCommand(OPEN);
			const state = await serverState();
			assert.equal(state.running, false);
			assert.match(state.lastMessage ?? '', /No Hugo site configuration/);
		} finally {
			await vscode.workspace.fs.delete(loose);
		}
	});
});
