import * as vscode from 'vscode';
import type { MarkdownIt } from 'markdown-it';
import { hugoPreviewPlugin } from '../../core/markdown/hugoMarkdown';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { siteRenderContext } from './renderContext';

/**
 * Extends VS Code's built-in Markdown preview (`contributes.markdown.markdownItPlugins`): the front matter
 * becomes a post header, and image paths resolve as Hugo publishes them. Resolved images are given as
 * `file:` URIs, which the built-in preview maps to URIs its webview may load.
 */
export function extendMarkdownIt(md: MarkdownIt, sites: WorkspaceSiteIndex): MarkdownIt {
	hugoPreviewPlugin(md, {
		context: (env, text) => {
			const documentUri = documentOf(env);
			return documentUri ? siteRenderContext(sites, documentUri, text, uri => uri.toString()) : undefined;
		},
	});
	return md;
}

/** The document being rendered: the preview passes it in `env`; `markdown.api.render` of a string does not. */
function documentOf(env: unknown): vscode.Uri | undefined {
	const current = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
	if (current instanceof vscode.Uri) {
		return current;
	}
	const active = vscode.window.activeTextEditor?.document;
	return active?.languageId === 'markdown' ? active.uri : undefined;
}
