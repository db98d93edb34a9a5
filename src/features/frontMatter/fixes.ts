import * as vscode from 'vscode';
import type { Finding } from '../../core/frontMatter/validate';
import type { FrontMatterChecker } from './checker';
import { DIAGNOSTIC_SOURCE, diagnosticCode, toCoreRange, toWorkspaceEdit } from './convert';
import { preferredFix, rangesEqual, selectNonOverlappingFixes } from '../../core/frontMatter/fixSelection';

/**
 * Quick fixes for our front matter diagnostics, and the `source.fixAll.eventWriteup` action that editors run
 * on save when asked to. The edits are recomputed from the document's current text, never taken from a
 * diagnostic computed earlier: a diagnostic whose finding no longer matches gets no fix rather than a stale one.
 */
export class FrontMatterFixes implements vscode.CodeActionProvider {
	static readonly fixAllKind = vscode.CodeActionKind.SourceFixAll.append('eventWriteup');
	static readonly kinds: readonly vscode.CodeActionKind[] = [vscode.CodeActionKind.QuickFix, FrontMatterFixes.fixAllKind];

	readonly #checker: FrontMatterChecker;
	readonly #log: vscode.LogOutputChannel;

	constructor(checker: FrontMatterChecker, log: vscode.LogOutputChannel) {
		this.#checker = checker;
		this.#log = log;
	}

	provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
		const wants = (kind: vscode.CodeActionKind) => context.only === undefined || context.only.contains(kind);
		const ours = context.diagnostics.filter(diagnostic => diagnostic.source === DIAGNOSTIC_SOURCE);
		// Fix-all is a source action: offered only when asked for by kind (Source Action menu, on save).
		const fixAllWanted = context.only !== undefined && wants(FrontMatterFixes.fixAllKind);
		if (!fixAllWanted && (ours.length === 0 || !wants(vscode.CodeActionKind.QuickFix))) {
			return [];
		}
		let findings: Finding[];
		try {
			findings = this.#checker.check(document) ?? [];
		} catch (error) {
			this.#log.error(`Computing front matter fixes for ${document.uri.toString(true)} failed:`, error);
			return [];
		}
		const actions: vscode.CodeAction[] = [];
		if (wants(vscode.CodeActionKind.QuickFix)) {
			for (const diagnostic of ours) {
				actions.push(...this.#quickFixes(document, diagnostic, findings));
			}
		}
		if (fixAllWanted) {
			const selection = selectNonOverlappingFixes(findings);
			if (selection.edits.length > 0) {
				const action = new vscode.CodeAction('Fix all front matter problems', FrontMatterFixes.fixAllKind);
				action.edit = toWorkspaceEdit(document.uri, selection.edits);
				actions.push(action);
			}
		}
		return actions;
	}

	#quickFixes(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, findings: readonly Finding[]): vscode.CodeAction[] {
		const code = diagnosticCode(diagnostic);
		const range = toCoreRange(diagnostic.range);
		// Code and range alone can be shared (every missing required field is reported on the opening
		// delimiter), so the message, which names the field, decides.
		const finding = findings.find(f => f.code === code && rangesEqual(f.range, range) && f.message === diagnostic.message);
		if (!finding) {
			return [];
		}
		const preferred = preferredFix(finding);
		return finding.fixes.filter(fix => fix.edits.length > 0).map(fix => {
			const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
			action.edit = toWorkspaceEdit(document.uri, fix.edits);
			action.diagnostics = [diagnostic];
			action.isPreferred = fix === preferred;
			return action;
		});
	}
}
