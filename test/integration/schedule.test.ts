// "New Write-up from Schedule" and "Insert Sessions from Schedule" in VS Code, from an .ics agenda in the
// workspace (offline, in both hosts): the post, one undo for inserted entries, the pickers dismissed at each
// step, bad input. scheduleOnline.test.ts reads a real export over the network (Node host only).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SessionPickerState } from '../../src/features/schedule';
import { activateExtension, closeAllEditors, withTimeout, workspaceFile } from './util';

const NEW = 'eventWriteup.newWriteUpFromSchedule';
const INSERT = 'eventWriteup.insertSessionsFromSchedule';

/** An agenda as a calendar app exports it: a zone of its own (Brussels' rules), three talks, an all-day event. */
const AGENDA = [
	'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Event Write-up tests//agenda//EN', 'X-WR-CALNAME:FOSDEM 2026',
	'BEGIN:VTIMEZONE', 'TZID:Europe/Brussels',
	'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
	'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
	'END:VTIMEZONE',
	'BEGIN:VEVENT', 'UID:mercurial@fosdem', 'DTSTART;TZID=Europe/Brussels:20260131T120000', 'DTEND;TZID=Europe/Brussels:20260131T125000',
	'SUMMARY:Mercurial\\, 20 years and counting: how are we still alive and kicking?', 'LOCATION:H.1309 (Van Rijn)',
	'URL:https://fosdem.org/2026/schedule/event/AGWUVH-mercurial-aint-you-dead-yet/', 'END:VEVENT',
	'BEGIN:VEVENT', 'UID:welcome@fosdem', 'DTSTART;TZID=Europe/Brussels:20260131T093000', 'DTEND;TZID=Europe/Brussels:20260131T095000',
	'SUMMARY:Welcome to FOSDEM 2026', 'LOCATION:Janson', 'URL:https://fosdem.org/2026/schedule/event/SFKNTZ-welcome_to_fosdem_2026/', 'END:VEVENT',
	'BEGIN:VEVENT', 'UID:mshv@fosdem', 'DTSTART;TZID=Europe/Brussels:20260131T120000', 'DTEND;TZID=Europe/Brussels:20260131T123000',
	'SUMMARY:Introducing the MSHV accelerator in QEMU', 'LOCATION:H.2213', 'URL:https://fosdem.org/2026/schedule/event/BFQ8XA-introducing-mshv-accelerator-in-qemu/', 'END:VEVENT',
	'BEGIN:VEVENT', 'UID:beer@fosdem', 'DTSTART;VALUE=DATE:20260130', 'SUMMARY:Beer event', 'END:VEVENT',
	'END:VCALENDAR', '',
].join('\r\n');

const run = <T>(command: string, args?: object) =>
	withTimeout(60_000, Promise.resolve(vscode.commands.executeCommand<T>(command, args)), command);

/**
 * Runs a command that shows pickers, answering each one as it appears with `answer` (a quick input command:
 * accept it as it stands, or close it), every `pauseMs`, until the command finishes.
 */
async function runAnswering<T>(command: string, answer: string, pauseMs: number, args?: object): Promise<T> {
	let done = false;
	const result = Promise.resolve(vscode.commands.executeCommand<T>(command, args)).finally(() => { done = true; });
	const deadline = Date.now() + 30_000;
	while (!done && Date.now() < deadline) {
		await vscode.commands.executeCommand(answer);
		await new Promise(resolve => setTimeout(resolve, pauseMs));
	}
	return result;
}

/** Accepts each picker as it stands (its selection, its prefilled value). */
const runAndAccept = <T>(command: string, args?: object) => runAnswering<T>(command, 'workbench.action.acceptSelectedQuickOpenItem', 100, args);
/** Dismisses each picker as it appears, until the command gives up. */
const runAndDismiss = <T>(command: string, args?: object) => runAnswering<T>(command, 'workbench.action.closeQuickOpen', 50, args);

/** Waits (bounded) until the session picker is on screen and its state satisfies `predicate`. */
async function waitForPicker(predicate: (state: SessionPickerState) => boolean, ms = 30_000): Promise<SessionPickerState> {
	const deadline = Date.now() + ms;
	for (;;) {
		const state = await vscode.commands.executeCommand<SessionPickerState | undefined>('eventWriteup.sessionPickerState');
		if (state && predicate(state)) {
			return state;
		}
		if (Date.now() > deadline) {
			throw new Error(`the session picker did not show as expected: ${JSON.stringify(state)}`);
		}
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

suite('integration.schedule', function () {
	this.timeout(120_000);
	const agenda = () => workspaceFile('agenda-fosdem-2026.ics');
	const created: vscode.Uri[] = [];

	suiteSetup(async () => {
		await activateExtension();
		await vscode.workspace.fs.writeFile(agenda(), new TextEncoder().encode(AGENDA));
	});

	teardown(closeAllEditors);

	suiteTeardown(async () => {
		for (const uri of [agenda(), ...created]) {
			await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
		}
	});

	test('Should make the afternoon\'s post from an .ics agenda, offline, sessions in the order they ran (#17)', async () => {
		const uri = await run<vscode.Uri>(NEW, {
			source: agenda().toString(),
			day: '2026-01-31',
			// Named out of order: the post follows the schedule.
			sessions: ['Introducing the MSHV accelerator in QEMU', 'mercurial@fosdem'],
			title: 'FOSDEM 2026 - Saturday Sessions PM',
		});
		assert.ok(uri, 'a post was created');
		created.push(uri);
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		assert.match(text, /^\+\+\+\ntitle = "FOSDEM 2026 - Saturday Sessions PM"\n/);
		assert.match(text, /^date = 2026-01-31T12:00:00\+01:00$/m);
		assert.match(text, /^tags = \["fosdem-2026"\]$/m);
		const headings = [...text.matchAll(/^#### (.*)$/gm)].map(m => m[1]);
		// Both at 12:00: then by room (H.1309 before H.2213).
		assert.deepEqual(headings, ['Mercurial, 20 years and counting: how are we still alive and kicking?', 'Introducing the MSHV accelerator in QEMU']);
		assert.match(text, /<!-- session start=2026-01-31T12:00:00\+01:00 end=2026-01-31T12:50:00\+01:00 -->/);
		assert.match(text, /- \[https:\/\/fosdem\.org\/2026\/schedule\/event\/BFQ8XA-introducing-mshv-accelerator-in-qemu\/\]\(/);
		// The cursor waits in the first entry for the notes.
		const editor = vscode.window.activeTextEditor!;
		assert.equal(editor.document.uri.toString(), uri.toString());
		const cursorLine = editor.selection.active.line;
		assert.ok(cursorLine > editor.document.getText().split('\n').findIndex(l => l.startsWith('#### Mercurial')));
		assert.ok(cursorLine < editor.document.getText().split('\n').findIndex(l => l.startsWith('#### Introducing')));
	});

	test('Should take an agenda\'s sessions, preselected in the real picker, and the proposed title as accepted (#17)', async () => {
		const uri = await runAndAccept<vscode.Uri | undefined>(NEW, { source: agenda().toString(), day: '2026-01-31' });
		assert.ok(uri, 'a post was created through the pickers');
		created.push(uri);
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		// A morning and an afternoon session: the title names the day only.
		assert.match(text, /^title = "FOSDEM 2026 - Saturday Sessions"$/m);
		assert.deepEqual([...text.matchAll(/^#### (.*)$/gm)].map(m => m[1]),
			['Welcome to FOSDEM 2026', 'Mercurial, 20 years and counting: how are we still alive and kicking?', 'Introducing the MSHV accelerator in QEMU']);
	});

	test('Should take what the writer toggles in the real picker: one session unchecked, one checked again (#17)', async () => {
		const result = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>(NEW, { source: agenda().toString(), day: '2026-01-31', title: 'FOSDEM 2026 - Saturday Sessions PM' }));
		// The agenda's three sessions start checked.
		const shown = await waitForPicker(state => state.selected.length === 3);
		assert.deepEqual(shown.sessions, ['Welcome to FOSDEM 2026', 'Mercurial, 20 years and counting: how are we still alive and kicking?', 'Introducing the MSHV accelerator in QEMU']);
		await vscode.commands.executeCommand('quickInput.first');
		await waitForPicker(state => state.active[0] === 'Welcome to FOSDEM 2026');
		await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
		await waitForPicker(state => state.selected.length === 2);
		// The last one unchecked and checked again: it stays.
		await vscode.commands.executeCommand('quickInput.last');
		await waitForPicker(state => state.active[0] === 'Introducing the MSHV accelerator in QEMU');
		await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
		await waitForPicker(state => state.selected.length === 1);
		await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
		const before = await waitForPicker(state => state.selected.length === 2);
		assert.deepEqual(before.selected, ['Mercurial, 20 years and counting: how are we still alive and kicking?', 'Introducing the MSHV accelerator in QEMU']);
		await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
		const uri = await withTimeout(30_000, result, NEW);
		assert.ok(uri, 'a post was created from the toggled selection');
		created.push(uri);
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		assert.deepEqual([...text.matchAll(/^#### (.*)$/gm)].map(m => m[1]),
			['Mercurial, 20 years and counting: how are we still alive and kicking?', 'Introducing the MSHV accelerator in QEMU']);
		assert.match(text, /^date = 2026-01-31T12:00:00\+01:00$/m);
		assert.equal(await vscode.commands.executeCommand('eventWriteup.sessionPickerState'), undefined, 'the picker is gone');
	});

	test('Should insert the picked sessions at the cursor in one edit that one undo removes (#17)', async () => {
		const post = workspaceFile('content', 'post', 'openstack-summit-boston-2017.md');
		const document = await vscode.workspace.openTextDocument(post);
		const editor = await vscode.window.showTextDocument(document);
		const before = document.getText();
		editor.selection = new vscode.Selection(document.lineCount - 1, 0, document.lineCount - 1, 0);
		assert.equal(await run<boolean>(INSERT, { source: agenda().toString(), day: '2026-01-31', sessions: ['welcome@fosdem', 'mshv@fosdem'] }), true);
		const inserted = document.getText();
		assert.ok(inserted.indexOf('#### Welcome to FOSDEM 2026') < inserted.indexOf('#### Introducing the MSHV accelerator in QEMU'));
		assert.match(inserted, /<!-- session start=2026-01-31T09:30:00\+01:00 end=2026-01-31T09:50:00\+01:00 -->/);
		await vscode.commands.executeCommand('undo');
		assert.equal(document.getText(), before);
	});

	test('Should stop without a post when the writer dismisses any question, and say what is wrong with bad input (#17)', async () => {
		const posts = async () => (await vscode.workspace.fs.readDirectory(workspaceFile('content', 'post'))).length;
		const count = await posts();
		// The source, the day (an agenda of two days would ask; this one has one), the sessions, the title.
		assert.equal(await runAndDismiss(NEW), undefined);
		assert.equal(await runAndDismiss(NEW, { source: agenda().toString() }), undefined);
		assert.equal(await runAndDismiss(NEW, { source: agenda().toString(), day: '2026-01-31', sessions: ['welcome@fosdem'] }), undefined);
		// A day without sessions, a file that is no schedule, a file that is not there.
		assert.equal(await run(NEW, { source: agenda().toString(), day: '2026-02-02', sessions: ['x'], title: 'x' }), undefined);
		const broken = workspaceFile('not-a-schedule.ics');
		await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('BEGIN:VCALENDAR\r\nno end'));
		created.push(broken);
		assert.equal(await run(NEW, { source: broken.toString(), day: '2026-01-31', sessions: ['x'], title: 'x' }), undefined);
		assert.equal(await run(NEW, { source: workspaceFile('missing.ics').toString(), day: '2026-01-31', sessions: ['x'], title: 'x' }), undefined);
		assert.equal(await posts(), count, 'no post was created');
	});
});
