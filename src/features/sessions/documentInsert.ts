import * as vscode from 'vscode';
import { Disposable } from '../../util/dispose';

/**
 * Follows a range of one document while the writer keeps typing during a fetch, so the entry lands
 * where the command was started even if text was added above it. An edit inside the range marks it
 * as touched.
 */
export class TrackedRange extends Disposable {
	readonly document: vscode.TextDocument;
	#start: number;
	#end: number;
	#touched = false;

	constructor(document: vscode.TextDocument, range: vscode.Range) {
		super();
		this.document = document;
		this.#start = document.offsetAt(range.start);
		this.#end = document.offsetAt(range.end);
		this._register(vscode.workspace.onDidChangeTextDocument(event => {
			if (event.document !== document) {
				return;
			}
			// VS Code lists the changes of one event from last to first, so each applies to the result of the previous.
			for (const change of event.contentChanges) {
				const changeEnd = change.rangeOffset + change.rangeLength;
				if (change.rangeOffset < this.#end && changeEnd > this.#start) {
					this.#touched = true;
				}
				this.#start = shiftOffset(this.#start, change);
				this.#end = Math.max(this.#start, shiftOffset(this.#end, change));
			}
		}));
	}

	get range(): vscode.Range {
		return new vscode.Range(this.document.positionAt(this.#start), this.document.positionAt(this.#end));
	}

	/** Whether an edit during the wait changed text inside the range. */
	get touched(): boolean {
		return this.#touched;
	}
}

/** Where `offset` ends up after `change`: text typed at the offset goes before it; an overlapping edit collapses it onto the edit's end. */
function shiftOffset(offset: number, change: vscode.TextDocumentContentChangeEvent): number {
	const changeEnd = change.rangeOffset + change.rangeLength;
	if (changeEnd <= offset) {
		return offset + change.text.length - change.rangeLength;
	}
	return change.rangeOffset >= offset ? offset : change.rangeOffset + change.text.length;
}

/**
 * Whether the writer still has the document open in an editor tab. Closing the tab may leave the
 * document model alive a while, and opening another file replaces a preview tab: either way the
 * writer no longer sees the document, so an entry must not land there unseen.
 */
export function isOpenInEditor(document: vscode.TextDocument): boolean {
	if (document.isClosed) {
		return false;
	}
	const uri = document.uri.toString();
	return vscode.window.tabGroups.all.some(group => group.tabs.some(tab => {
		const input = tab.input;
		if (input instanceof vscode.TabInputText) {
			return input.uri.toString() === uri;
		}
		return input instanceof vscode.TabInputTextDiff && input.modified.toString() === uri;
	}));
}

/**
 * Replaces `range` of the document with `entry` (LF line breaks) in ONE workspace edit, so one undo
 * removes it all and nothing is half-written. The entry gets the document's line endings, starts on
 * a line of its own after a blank line, and pushes text that followed on the same line to a new
 * line. When the document is in the active editor, the cursor goes to `cursorOffset` in the entry.
 */
export async function insertEntry(document: vscode.TextDocument, range: vscode.Range, entry: string, cursorOffset: number): Promise<boolean> {
	const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
	const before = document.lineAt(range.start.line).text.slice(0, range.start.character);
	const after = document.lineAt(range.end.line).text.slice(range.end.character);
	let prefix = '';
	if (before.trim() !== '') {
		prefix = '\n\n';
	} else if (range.start.line > 0 && document.lineAt(range.start.line - 1).text.trim() !== '') {
		prefix = '\n';
	}
	const suffix = after.trim() !== '' && !entry.endsWith('\n') ? '\n' : '';
	const text = prefix + entry + suffix;
	const cursorInText = prefix.length + cursorOffset;
	const converted = eol === '\n' ? text : text.replace(/\r?\n/g, eol);
	const convertedCursor = eol === '\n' ? cursorInText : text.slice(0, cursorInText).replace(/\r?\n/g, eol).length;

	const startOffset = document.offsetAt(range.start);
	const edit = new vscode.WorkspaceEdit();
	edit.replace(document.uri, range, converted);
	if (!await vscode.workspace.applyEdit(edit)) {
		return false;
	}
	const editor = vscode.window.activeTextEditor;
	if (editor?.document === document) {
		const cursor = document.positionAt(startOffset + convertedCursor);
		editor.selection = new vscode.Selection(cursor, cursor);
		editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}
	return true;
}
