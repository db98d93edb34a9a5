import * as vscode from 'vscode';
import { formatSessionEntry } from '../../core/sessions/entry';
import type { SessionInfo } from '../../core/sessions/types';
import { insertEntry, isOpenInEditor, TrackedRange } from './documentInsert';
import { decideFetch, lookUpSessions } from './lookup';
import { readSessionSettings, withSiteCasing } from './settings';
import type { SessionLookupHost } from './lookup';
import { httpUrlProblem, isHttpUrl } from './urls';

/** Arguments for running the command without its input box (keybindings, tests). */
export interface InsertSessionArgs {
	readonly url?: string;
	/** `false` derives the entry from the URL without going online, whatever the settings say. */
	readonly fetch?: boolean;
}

export type InsertStatus = 'inserted' | 'no-editor' | 'cancelled' | 'invalid-url' | 'closed' | 'changed' | 'edit-failed';

/** What a run did; the command returns it so callers can tell an insert from a cancel. */
export interface InsertOutcome {
	readonly status: InsertStatus;
	readonly sessions: readonly SessionInfo[];
	/** `url: reason` for every URL whose details could not be fetched (the entry was derived from the URL). */
	readonly failures: readonly string[];
}

export function outcome(status: InsertStatus, sessions: readonly SessionInfo[] = [], failures: readonly string[] = []): InsertOutcome {
	return { status, sessions, failures };
}

/**
 * "Insert Session from Schedule URL": asks for the URL (prefilled from a selected URL or the
 * clipboard), fetches the details, and inserts the entry into the document the command started in.
 */
export async function insertSessionCommand(host: SessionLookupHost, args?: InsertSessionArgs): Promise<InsertOutcome> {
	const editor = vscode.window.activeTextEditor;
	if (!editor) {
		void vscode.window.showInformationMessage('Open the post you are writing, put the cursor where the session goes, then run "Insert Session from Schedule URL" again.');
		return outcome('no-editor');
	}
	const document = editor.document;
	const selection = editor.selection;
	const selected = document.getText(selection).trim();
	const selectedUrl = !selection.isEmpty && selection.isSingleLine && isHttpUrl(selected) ? selected : undefined;
	// Started before any wait, so text typed meanwhile moves the target along with it.
	const target = new TrackedRange(document, selection);
	const activeAtEnd = selection.active.isEqual(selection.end);
	try {
		const url = typeof args?.url === 'string' ? args.url.trim() : await promptForUrl(selectedUrl);
		if (url === undefined) {
			return outcome('cancelled');
		}
		const problem = httpUrlProblem(url);
		if (problem) {
			void vscode.window.showErrorMessage(problem);
			return outcome('invalid-url');
		}
		const settings = await withSiteCasing(readSessionSettings(document.uri), host.casing, document);
		const fetch = await decideFetch(settings, args?.fetch);
		if (fetch === undefined) {
			return outcome('cancelled');
		}
		const lookup = await lookUpSessions([url], settings, fetch, host.makeFetcher);
		if (!lookup) {
			return outcome('cancelled');
		}
		if (!isOpenInEditor(document)) {
			void vscode.window.showWarningMessage(`${documentName(document)} was closed before the session details arrived, so nothing was inserted.`);
			return outcome('closed', lookup.sessions, lookup.failures);
		}
		const entry = formatSessionEntry(lookup.sessions[0], settings.entryTemplate);
		// A selected URL is replaced by its entry; any other selection stays, the entry goes in at the cursor.
		const tracked = target.range;
		const cursor = activeAtEnd ? tracked.end : tracked.start;
		const replacesSelection = selectedUrl !== undefined && url === selectedUrl;
		if (replacesSelection && (target.touched || document.getText(tracked).trim() !== selectedUrl)) {
			void vscode.window.showWarningMessage('The selected URL was edited while its details were fetched, so it was left as it is. Run the command again.');
			return outcome('changed', lookup.sessions, lookup.failures);
		}
		const range = replacesSelection ? tracked : new vscode.Range(cursor, cursor);
		if (!await insertEntry(document, range, entry.text, entry.cursorOffset)) {
			void vscode.window.showErrorMessage(`Could not insert the session into ${documentName(document)}.`);
			return outcome('edit-failed', lookup.sessions, lookup.failures);
		}
		if (lookup.failures.length > 0) {
			void vscode.window.showWarningMessage(`Could not fetch the session details (${lookup.failures[0].slice(url.length + 2)}). The title was derived from the URL: check it.`);
		}
		return outcome('inserted', lookup.sessions, lookup.failures);
	} finally {
		target.dispose();
	}
}

async function promptForUrl(selectedUrl: string | undefined): Promise<string | undefined> {
	const clipboard = selectedUrl ? undefined : (await vscode.env.clipboard.readText().then(text => text.trim(), () => '')) || undefined;
	const prefill = selectedUrl ?? (clipboard && isHttpUrl(clipboard) && !/\s/.test(clipboard) ? clipboard : undefined);
	const url = await vscode.window.showInputBox({
		title: 'Insert Session from Schedule URL',
		prompt: 'The session\'s page on the conference schedule (OpenStack, Sched, pretalx, Sessionize, FOSDEM, frab or any page)',
		placeHolder: 'https://www.openstack.org/summit/boston-2017/summit-schedule/events/18385/…',
		value: prefill,
		ignoreFocusOut: true,
		validateInput: text => httpUrlProblem(text),
	});
	return url?.trim();
}

export function documentName(document: vscode.TextDocument): string {
	return document.isUntitled ? 'The untitled document' : vscode.workspace.asRelativePath(document.uri);
}
