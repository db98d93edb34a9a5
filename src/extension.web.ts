// The extension's entry in VS Code's web-worker extension host (vscode.dev, github.dev): no Node, files
// through `workspace.fs`, the network through `fetch`.
import type * as vscode from 'vscode';
import { activateExtension } from './activate';
import { BrowserHttpFetcher } from './util/browserHttpFetcher';
import { BrowserPhotoResizer } from './util/browserPhotoResizer';

export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateExtension> {
	return activateExtension(context, { makeHttpFetcher: limits => new BrowserHttpFetcher(limits), photoResizer: new BrowserPhotoResizer() });
}

export function deactivate(): void {
	// Every resource is owned by context.subscriptions, which VS Code disposes.
}
