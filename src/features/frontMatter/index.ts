import * as vscode from 'vscode';
import type { RuleDocLinks } from '../../services/ruleDocs';
import { CommandId } from '../../commandIds';
import { FrontMatterChecker, type FrontMatterImageLookup } from './checker';
import { FrontMatterDiagnosticsManager } from './diagnosticsManager';
import { fixAllFrontMatter } from './fixAllCommand';
import { FrontMatterFixes } from './fixes';

export type { FrontMatterImageLookup } from './checker';

export interface FrontMatterFeatureOptions {
	/** Where each rule is documented; every diagnostic's code links there. */
	readonly docs: RuleDocLinks;
	/** Answers the `cover`/`images` existence check; without it that check is skipped. */
	readonly images?: FrontMatterImageLookup;
}

/** Front matter diagnostics, their quick fixes, and the fix-all command, for the documents `selector` matches. */
export function registerFrontMatterFeatures(selector: vscode.DocumentSelector, options: FrontMatterFeatureOptions): vscode.Disposable {
	const log = vscode.window.createOutputChannel('Event Write-up: Front Matter', { log: true });
	const checker = new FrontMatterChecker(selector, options.images);
	return vscode.Disposable.from(
		log,
		new FrontMatterDiagnosticsManager(checker, options.docs, log),
		vscode.languages.registerCodeActionsProvider(selector, new FrontMatterFixes(checker, log),
			{ providedCodeActionKinds: FrontMatterFixes.kinds }),
		vscode.commands.registerCommand(CommandId.FixAllFrontMatter,
			(uri?: unknown) => fixAllFrontMatter(checker, log, uri instanceof vscode.Uri ? uri : undefined)),
	);
}
