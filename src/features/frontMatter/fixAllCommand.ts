import * as vscode from 'vscode';
import type { FrontMatterChecker } from './checker';
import { toWorkspaceEdit } from './convert';
import { selectNonOverlappingFixes } from '../../core/frontMatter/fixSelection';

/**
 * Applies the preferred fix of every front matter problem in one post as a single edit, so one undo restores
 * the post as it was. Works on `uri` when given (explorer, tests), else on the active editor.
 * Resolves to the number of problems fixed.
 */
export async function fixAllFrontMatter(checker: FrontMatterChecker, log: vscode.LogOutputChannel, uri?: vscode.Uri): Promise<number> {
	const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
	if (!document) {
		void vscode.window.showInformationMessage('Open a Markdown post to fix its front matter.');
		return 0;
	}
	const name = vscode.workspace.asRelativePath(document.uri);
	if (!checker.isChecked(document)) {
		void vscode.window.showInformationMessage(`${name} is not a post whose front matter Event Write-up checks.`);
		return 0;
	}
	let findings;
	try {
		findings = checker.check(document);
	} catch (error) {
		log.error(`Checking the front matter of ${document.uri.toString(true)} failed:`, error);
		void vscode.window.showErrorMessage(`Could not check the front matter of ${name}; nothing was changed. See the "Event Write-up: Front Matter" output for details.`);
		return 0;
	}
	if (findings === undefined) {
		void vscode.window.showInformationMessage('Front matter checks are turned off (setting eventWriteup.frontMatter.validate).');
		return 0;
	}
	const selection = selectNonOverlappingFixes(findings);
	if (selection.fixed === 0) {
		void vscode.window.showInformationMessage(findings.length === 0
			? `No front matter problems to fix in ${name}.`
			: `Nothing to fix automatically in ${name}: ${countProblems(findings.length)} ${findings.length === 1 ? 'needs' : 'need'} your decision (see the Problems view).`);
		return 0;
	}
	if (!await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, selection.edits))) {
		void vscode.window.showErrorMessage(`Could not apply the front matter fixes to ${name} (it changed meanwhile or is read-only); nothing was changed.`);
		return 0;
	}
	const left = findings.length - selection.fixed;
	if (selection.deferred > 0) {
		void vscode.window.showInformationMessage(`Fixed ${countProblems(selection.fixed)} in ${name}; run the command again for ${selection.deferred} more that touched the same text.`);
	} else if (left > 0) {
		void vscode.window.showInformationMessage(`Fixed ${countProblems(selection.fixed)} in ${name}; ${left === 1 ? 'one needs' : `${left} need`} your decision: see the Problems view.`);
	}
	return selection.fixed;
}

function countProblems(count: number): string {
	return count === 1 ? 'one front matter problem' : `${count} front matter problems`;
}
