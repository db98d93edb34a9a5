import * as vscode from 'vscode';
import { formatSessionEntry } from '../../core/sessions/entry';
import { insertEntry, isOpenInEditor, TrackedRange } from './documentInsert';
import { documentName, outcome, type InsertOutcome } from './insertSession';
import { decideFetch, lookUpSessions } from './lookup';
import { readSessionSettings, withSiteCasing } from './settings';
import type { SessionLookupHost } from './lookup';
import { httpUrlProblem, MAX_URLS, splitUrls, urlsFromLines } from './urls';

export interface InsertSessionsArgs {
	readonly urls?: readonly string[];
	readonly fetch?: boolean;
}

/** How many failed URLs a warning names before it summarises the rest. */
const LISTED_FAILURES = 3;

/**
 * "Insert Sessions from URLs": a selection holding one URL per line is converted in place; otherwise
 * the URLs are asked for (a pasted list works) and the entries go in at the cursor. All entries are
 * inserted in one edit once every URL is resolved.
 */
export async function insertSessionsCommand(host: SessionLookupHost, args?: InsertSessionsArgs): Promise<InsertOutcome> {
	const editor = vscode.window.activeTextEditor;
	if (!editor) {
		void vscode.window.showInformationMessage('Open the post you are writing, then select the session URLs (one per line) or put the cursor where the sessions go.');
		return outcome('no-editor');
	}
	const document = editor.document;
	const selectionLines = editor.selection.isEmpty || args?.urls ? undefined : wholeLines(document, editor.selection);
	const selectedUrls = selectionLines && urlsFromLines(document.getText(selectionLines));
	const replaced = selectedUrls ? selectionLines! : new vscode.Range(editor.selection.active, editor.selection.active);
	const original = document.getText(replaced);
	const target = new TrackedRange(document, replaced);
	try {
		const urls = Array.isArray(args?.urls) ? args.urls.map(url => String(url).trim()).filter(url => url !== '') : selectedUrls ?? await promptForUrls();
		if (!urls) {
			return outcome('cancelled');
		}
		const problems = urls.map(url => httpUrlProblem(url)).filter(problem => problem !== undefined);
		if (urls.length === 0 || urls.length > MAX_URLS || problems.length > 0) {
			void vscode.window.showErrorMessage(problems[0] ?? `Give between 1 and ${MAX_URLS} session URLs.`);
			return outcome('invalid-url');
		}
		const settings = await withSiteCasing(readSessionSettings(document.uri), host.casing, document);
		const fetch = await decideFetch(settings, args?.fetch);
		if (fetch === undefined) {
			return outcome('cancelled');
		}
		const lookup = await lookUpSessions(urls, settings, fetch, host.makeFetcher);
		if (!lookup) {
			return outcome('cancelled');
		}
		if (!isOpenInEditor(document)) {
			void vscode.window.showWarningMessage(`${documentName(document)} was closed before the session details arrived, so nothing was inserted.`);
			return outcome('closed', lookup.sessions, lookup.failures);
		}
		if (selectedUrls && (target.touched || document.getText(target.range) !== original)) {
			void vscode.window.showWarningMessage('The selected URLs were edited while their details were fetched, so they were left as they are. Run the command again.');
			return outcome('changed', lookup.sessions, lookup.failures);
		}
		let text = '';
		let cursorOffset = 0;
		lookup.sessions.forEach((session, index) => {
			const entry = formatSessionEntry(session, settings.entryTemplate);
			const last = index === lookup.sessions.length - 1;
			cursorOffset = text.length + entry.cursorOffset;
			// Entries are separated by a blank line whatever the template ends with.
			text += last ? entry.text : entry.text.replace(/\n*$/, '\n\n');
		});
		if (!await insertEntry(document, target.range, text, cursorOffset)) {
			void vscode.window.showErrorMessage(`Could not insert the sessions into ${documentName(document)}.`);
			return outcome('edit-failed', lookup.sessions, lookup.failures);
		}
		if (lookup.failures.length > 0) {
			const listed = lookup.failures.slice(0, LISTED_FAILURES).join('; ');
			const more = lookup.failures.length > LISTED_FAILURES ? ` and ${lookup.failures.length - LISTED_FAILURES} more` : '';
			void vscode.window.showWarningMessage(`${lookup.failures.length} of ${urls.length} sessions could not be fetched; their titles were derived from the URLs, check them. ${listed}${more}`);
		}
		return outcome('inserted', lookup.sessions, lookup.failures);
	} finally {
		target.dispose();
	}
}

/** The selection grown to whole lines, unless that would take in other text on its first or last line. */
function wholeLines(document: vscode.TextDocument, selection: vscode.Selection): vscode.Range {
	const startLine = document.lineAt(selection.start.line);
	// A selection ending at column 0 of a line does not include that line.
	const endLineNumber = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
	const endLine = document.lineAt(endLineNumber);
	const before = startLine.text.slice(0, selection.start.character);
	const after = endLineNumber === selection.end.line ? endLine.text.slice(selection.end.character) : '';
	const start = before.trim() === '' ? startLine.range.start : selection.start;
	const end = after.trim() === '' ? endLine.range.end : selection.end;
	return new vscode.Range(start, end);
}

async function promptForUrls(): Promise<string[] | undefined> {
	const clipboard = await vscode.env.clipboard.readText().then(text => text, () => '');
	const clipboardUrls = splitUrls(clipboard);
	const prefill = clipboardUrls.length > 0 && clipboardUrls.every(url => httpUrlProblem(url) === undefined) ? clipboardUrls.join(' ') : undefined;
	const text = await vscode.window.showInputBox({
		title: 'Insert Sessions from URLs',
		prompt: 'Session URLs separated by spaces or commas (a pasted list of lines works too)',
		placeHolder: 'https://… https://…',
		value: prefill,
		ignoreFocusOut: true,
		validateInput: value => {
			const urls = splitUrls(value);
			if (urls.length > MAX_URLS) {
				return `At most ${MAX_URLS} URLs at once.`;
			}
			return urls.length === 0 ? httpUrlProblem('') : urls.map(url => httpUrlProblem(url)).find(problem => problem !== undefined);
		},
	});
	return text === undefined ? undefined : splitUrls(text);
}
