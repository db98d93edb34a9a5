import * as vscode from 'vscode';
import type { RuleDocLinks } from '../../services/ruleDocs';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { ImageDiagnosticsManager } from './diagnosticsManager';
import { ImageFixes } from './fixes';
import { ImageHoverProvider } from './hover';
import { ImageLinkProvider } from './links';
import { ImageFileReconciler } from './reconciler';

export interface ImageFeatureOptions {
	/** Where each rule is documented; every diagnostic's code links there. */
	readonly docs: RuleDocLinks;
}

/** Image diagnostics and their quick fixes, links and hovers for the documents `selector` matches, resolved through the site index. */
export function registerImageFeatures(selector: vscode.DocumentSelector, sites: WorkspaceSiteIndex, options: ImageFeatureOptions): vscode.Disposable {
	const log = vscode.window.createOutputChannel('Event Write-up: Images', { log: true });
	return vscode.Disposable.from(
		log,
		new ImageDiagnosticsManager(selector, sites, options.docs, log),
		new ImageFileReconciler(selector, sites),
		vscode.languages.registerDocumentLinkProvider(selector, new ImageLinkProvider(sites)),
		vscode.languages.registerHoverProvider(selector, new ImageHoverProvider(sites)),
		vscode.languages.registerCodeActionsProvider(selector, new ImageFixes(sites), { providedCodeActionKinds: ImageFixes.kinds }),
	);
}
