import * as vscode from 'vscode';
import type { Range } from '../../core/text';

/** `Diagnostic.source` of the image diagnostics. */
export const DIAGNOSTIC_SOURCE = 'Event Write-up';

export function toVscodeRange(range: Range): vscode.Range {
	return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
