import * as vscode from 'vscode';
import { withTimeout } from '../../src/util/async';

export { withTimeout };

export const EXTENSION_ID = 'event-writeup.event-writeup';

/** Whether the suite runs in VS Code's web-worker extension host (the web tier), where there is no Node. */
export function inWebWorker(): boolean {
	return typeof (globalThis as { process?: unknown }).process === 'undefined';
}

/** A clipboard or OS file in a data transfer: `asFile()` is what VS Code gives providers for pasted images. */
export class FileItem extends vscode.DataTransferItem {
	readonly #file: vscode.DataTransferFile;
	constructor(name: string, bytes: Uint8Array) {
		super('');
		this.#file = { name, uri: undefined, data: async () => bytes };
	}
	override asFile(): vscode.DataTransferFile {
		return this.#file;
	}
}

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

/** The codes of `diagnostics`, as written (the value of a code that links to its rule). */
export function diagnosticCodes(diagnostics: readonly vscode.Diagnostic[]): string[] {
	return diagnostics.map(d => String(typeof d.code === 'object' ? d.code.value : d.code));
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
