import * as vscode from 'vscode';
import { registerFrontMatterFeatures } from './features/frontMatter';
import { registerImageFeatures } from './features/images';
import { registerNewPostCommand } from './features/newPost';
import { registerSessionCommands } from './features/sessions';
import { WorkspaceSiteIndex } from './services/workspaceSiteIndex';

export function activate(context: vscode.ExtensionContext): void {
	// Services
	const sites = new WorkspaceSiteIndex();
	// Features
	context.subscriptions.push(
		sites,
		registerFrontMatterFeatures({ language: 'markdown' }, { docsUri: vscode.Uri.joinPath(context.extensionUri, 'README.md'), images: sites }),
		registerImageFeatures({ language: 'markdown' }, sites, { docsUri: vscode.Uri.joinPath(context.extensionUri, 'README.md') }),
		registerSessionCommands(),
		registerNewPostCommand(),
	);
}

export function deactivate(): void {
	// Every resource is owned by context.subscriptions, which VS Code disposes.
}
