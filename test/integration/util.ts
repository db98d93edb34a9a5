import * as vscode from 'vscode';
import { withTimeout } from '../../src/util/async';

export { withTimeout };

export const EXTENSION_ID = 'event-writeup.event-writeup';

export function workspaceRoot(): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (!folder) {
		throw new Error('The integration tests need the sample site open as a workspace folder');
	}
	return folder.uri;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
	return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
	const extension = vscode.extensions.getExtension(EXTENSION_ID);
	if (!extension) {
		throw new Error(`Extension ${EXTENSION_ID} is not loaded`);
	}
	await withTimeout(30_000, Promise.resolve(extension.activate()), 'activating the extension');
	return extension;
}

/** Resolves once `predicate` holds for the diagnostics of `uri`, waiting on change events (bounded). */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean, ms = 15_000, what = 'diagnostics'): Promise<readonly vscode.Diagnostic[]> {
	const current = vscode.languages.getDiagnostics(uri);
	if (predicate(current)) {
		return Promise.resolve(current);
	}
	let subscription: vscode.Disposable | undefined;
	return withTimeout(ms, new Promise<readonly vscode.Diagnostic[]>(resolve => {
		subscription = vscode.languages.onDidChangeDiagnostics(event => {
			if (event.uris.some(u => u.toString() === uri.toString())) {
				const diagnostics = vscode.languages.getDiagnostics(uri);
				if (predicate(diagnostics)) {
					resolve(diagnostics);
				}
			}
		});
	}), `waiting for ${what} on ${uri.path}`).catch((error: Error) => {
		// What the document shows when the wait gives up tells which step did not happen.
		const shown = vscode.languages.getDiagnostics(uri).map(d => d.message).join(' | ') || 'no diagnostics';
		throw new Error(`${error.message}; it shows: ${shown}`);
	}).finally(() => subscription?.dispose());
}

/** Resolves once the document's text satisfies `predicate`, waiting on change events (bounded). */
export function waitForText(document: vscode.TextDocument, predicate: (text: string) => boolean, ms = 15_000): Promise<string> {
	if (predicate(document.getText())) {
		return Promise.resolve(document.getText());
	}
	let subscription: vscode.Disposable | undefined;
	return withTimeout(ms, new Promise<string>(resolve => {
		subscription = vscode.workspace.onDidChangeTextDocument(event => {
			if (event.document === document && predicate(document.getText())) {
				resolve(document.getText());
			}
		});
	}), `waiting for text in ${document.uri.path}`).finally(() => subscription?.dispose());
}

/** Reverts and closes every editor, so one test's edits never leak into the next. */
export async function closeAllEditors(): Promise<void> {
	await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
