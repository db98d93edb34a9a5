// The extension's entry in VS Code's Node extension host (desktop, remote, code-server).
import type * as vscode from 'vscode';
import { activateExtension } from './activate';
import { diskFileReaders } from './util/diskFileReader';
import { NodeHttpFetcher } from './util/httpFetcher';
import { NodeHugoProcesses } from './util/nodeHugoProcesses';
import { NodePhotoResizer } from './util/nodePhotoResizer';

export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateExtension> {
	return activateExtension(context, { makeHttpFetcher: limits => new NodeHttpFetcher(limits), hugoProcesses: new NodeHugoProcesses(), photoResizer: new NodePhotoResizer(), fileReaders: diskFileReaders });
}

export function deactivate(): void {
	// Every resource is owned by context.subscriptions, which VS Code disposes.
}
