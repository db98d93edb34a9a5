// "New Write-up from Schedule" from a session URL: FOSDEM 2026's real export, served on loopback where a
// pretalx event publishes its schedule (Node's http: the Node extension host only).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, withTimeout } from './util';

const NEW = 'eventWriteup.newWriteUpFromSchedule';
const run = <T>(command: string, args?: object) =>
	withTimeout(60_000, Promise.resolve(vscode.commands.executeCommand<T>(command, args)), command);

suite('integration.scheduleOnline', function () {
	this.timeout(120_000);
	const created: vscode.Uri[] = [];

	suiteSetup(activateExtension);
	teardown(closeAllEditors);
	suiteTeardown(async () => {
		for (const uri of created) {
			await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
		}
	});

	test('Should read FOSDEM 2026\'s real export behind a session URL, and report a 404 (#17)', async () => {
		const xml = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sessions', 'real', 'fosdem-2026-schedule.xml'));
		const server = http.createServer((request, response) => {
			if (request.url === '/fosdem-2026/schedule/export/schedule.json') {
				response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
			} else if (request.url === '/democon/schedule/export/schedule.json') {
				response.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
			} else {
				response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
			}
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		try {
			const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
			const uri = await run<vscode.Uri>(NEW, {
				source: `${origin}/democon/talk/SFKNTZ/`, day: '2026-02-01',
				sessions: ['Audio and music production on Plan 9', 'https://fosdem.org/2026/schedule/event/WMPBJP-greentea-scheduler/'],
				title: 'FOSDEM 2026 - Sunday Sessions',
			});
			if (uri) {
				created.push(uri);
			}
			assert.equal(await run(NEW, { source: `${origin}/fosdem-2026/talk/XYZ/`, day: '2026-02-01', sessions: ['x'], title: 'x' }), undefined);
			assert.ok(uri, 'the post was made from the served export');
			const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
			// Exact titles from the export (a typographic apostrophe, escaped nothing else), in time order.
			assert.deepEqual([...text.matchAll(/^#### (.*)$/gm)].map(m => m[1]), ['Brewed for Speed: How Go’s Green Tea GC Works', 'Audio and music production on Plan 9']);
			assert.match(text, /<!-- session start=2026-02-01T10:00:00\+01:00 end=/);
		} finally {
			server.close();
		}
	});
});
