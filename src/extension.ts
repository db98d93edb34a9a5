import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
	// Features
	context.subscriptions.push(
	);
}

export function deactivate(): void {
	// Every resource is owned by context.subscriptions, which VS Code disposes.
}
