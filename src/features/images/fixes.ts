import * as vscode from 'vscode';
import { ImageProblemCode } from '../../core/site/problems';
import { imgTagToMarkdown, replaceImagePath, suggestImagePaths } from '../../core/site/suggest';
import type { TextEdit } from '../../core/text';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { DIAGNOSTIC_SOURCE, toVscodeRange } from './convert';

/**
 * Quick fixes for the image diagnostics: write the path Hugo really publishes the file at, or a published
 * path a small edit away (one fix each, the only or clearly nearest one preferred); rewrite a raw `<img>`
 * as a Markdown image.
 */
export class ImageFixes implements vscode.CodeActionProvider {
	static readonly kinds = [vscode.CodeActionKind.QuickFix];
	readonly #sites: WorkspaceSiteIndex;

	constructor(sites: WorkspaceSiteIndex) {
		this.#sites = sites;
	}

	async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
		if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) {
			return [];
		}
		const ours = context.diagnostics.filter(d => d.source === DIAGNOSTIC_SOURCE && isImageCode(codeOf(d)));
		if (ours.length === 0) {
			return [];
		}
		const { context: site, references } = await this.#sites.resolveReferences(document);
		if (!site || token.isCancellationRequested) {
			return [];
		}
		const actions: vscode.CodeAction[] = [];
		for (const diagnostic of ours) {
			const hit = references.find(r => toVscodeRange(r.reference.range).isEqual(diagnostic.range));
			if (!hit) {
				continue;
			}
			if (codeOf(diagnostic) === ImageProblemCode.RawHtmlOmitted) {
				const edit = imgTagToMarkdown(document.getText(), hit.reference.range);
				if (edit) {
					actions.push(action('Convert to a Markdown image', document.uri, edit, diagnostic, true));
				}
				continue;
			}
			const suggestions = suggestImagePaths(site, document.uri.path, hit.image);
			suggestions.forEach((suggestion, i) => {
				const title = suggestion.reason === 'published-at'
					? `Change to ${suggestion.path}, where Hugo publishes the file`
					: `Change to ${suggestion.path}`;
				const preferred = i === 0 && (suggestion.reason === 'published-at' || suggestions.length === 1);
				actions.push(action(title, document.uri, replaceImagePath(hit.reference.src, hit.reference.range, suggestion.path), diagnostic, preferred));
			});
		}
		return actions;
	}
}

function action(title: string, uri: vscode.Uri, edit: TextEdit, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
	const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
	fix.edit = new vscode.WorkspaceEdit();
	fix.edit.replace(uri, toVscodeRange(edit.range), edit.newText);
	fix.diagnostics = [diagnostic];
	fix.isPreferred = preferred;
	return fix;
}

function isImageCode(code: string | undefined): boolean {
	return code === ImageProblemCode.NotFound || code === ImageProblemCode.RawHtmlOmitted;
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
	const code = diagnostic.code;
	if (code === undefined) {
		return undefined;
	}
	return typeof code === 'object' ? String(code.value) : String(code);
}
