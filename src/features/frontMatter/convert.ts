import * as vscode from 'vscode';
import type { Range, TextEdit } from '../../core/text';
import type { Severity } from '../../core/frontMatter/validate';

/** `Diagnostic.source` of every front matter problem: the code actions recognise their diagnostics by it. */
export const DIAGNOSTIC_SOURCE = 'Event Write-up';

export function toVscodeRange(range: Range): vscode.Range {
	return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toCoreRange(range: vscode.Range): Range {
	return {
		start: { line: range.start.line, character: range.start.character },
		end: { line: range.end.line, character: range.end.character },
	};
}

export function toDiagnosticSeverity(severity: Severity): vscode.DiagnosticSeverity {
	switch (severity) {
		case 'error': return vscode.DiagnosticSeverity.Error;
		case 'warning': return vscode.DiagnosticSeverity.Warning;
		case 'info': return vscode.DiagnosticSeverity.Information;
	}
}

/** One workspace edit for all `edits` of one document: applied as one step, undone as one step. */
export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
	const workspaceEdit = new vscode.WorkspaceEdit();
	workspaceEdit.set(uri, edits.map(edit => new vscode.TextEdit(toVscodeRange(edit.range), edit.newText)));
	return workspaceEdit;
}

/** The rule code of one of our diagnostics, whether VS Code hands it back as a string or as `{ value, target }`. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
	const code = diagnostic.code;
	if (code === undefined) {
		return undefined;
	}
	return typeof code === 'object' ? String(code.value) : String(code);
}
