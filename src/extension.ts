import * as vscode from 'vscode';
import type { MarkdownIt } from 'markdown-it';
import { registerBuiltInPathSuggestions } from './features/builtInMarkdown';
import { registerWritingCompletions } from './features/completions';
import { registerFrontMatterFeatures } from './features/frontMatter';
import { registerImageFeatures } from './features/images';
import { registerNewPostCommand } from './features/newPost';
import { registerImagePasting } from './features/pasteImages';
import { BuiltInPreviewSupport, registerPostPreview } from './features/preview';
import { registerSessionCommands } from './features/sessions';
import { RuleDocs } from './services/ruleDocs';
import { SiteTermsCache } from './services/siteTerms';
import { WorkspaceSiteIndex } from './services/workspaceSiteIndex';

export function activate(context: vscode.ExtensionContext): { extendMarkdownIt(md: MarkdownIt): MarkdownIt } {
	// Services
	const sites = new WorkspaceSiteIndex();
	const terms = new SiteTermsCache(sites);
	const ruleDocs = new RuleDocs(context.extensionUri);
	// Features
	context.subscriptions.push(
		sites,
		terms,
		ruleDocs,
		registerFrontMatterFeatures({ language: 'markdown' }, { docs: ruleDocs, images: sites }),
		registerImageFeatures({ language: 'markdown' }, sites, { docs: ruleDocs }),
		registerSessionCommands(terms),
		registerNewPostCommand(terms),
		registerPostPreview(context.extensionUri, sites, { exposeSnapshots: context.extensionMode === vscode.ExtensionMode.Test }),
		registerWritingCompletions({ language: 'markdown' }, sites, terms),
		registerImagePasting({ language: 'markdown' }, sites),
		registerBuiltInPathSuggestions(sites, context.workspaceState),
	);
	// VS Code's built-in Markdown preview calls extendMarkdownIt (contributes.markdown.markdownItPlugins)
	const builtInPreview = new BuiltInPreviewSupport(sites);
	context.subscriptions.push(builtInPreview);
	return { extendMarkdownIt: md => builtInPreview.extendMarkdownIt(md) };
}

export function deactivate(): void {
	// Every resource is owned by context.subscriptions, which VS Code disposes.
}
