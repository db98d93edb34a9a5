import * as vscode from 'vscode';
import type { MarkdownIt } from 'markdown-it';
import { registerBuiltInPathSuggestions } from './features/builtInMarkdown';
import { registerWritingCompletions } from './features/completions';
import { registerFrontMatterFeatures } from './features/frontMatter';
import { registerHugoServer } from './features/hugoServer';
import type { HugoProcessHost } from './features/hugoServer/processHost';
import { registerImageFeatures } from './features/images';
import { registerNewPostCommand } from './features/newPost';
import { registerImagePasting } from './features/pasteImages';
import { registerPhotoPlacement } from './features/photos';
import type { PhotoResizer } from './core/photos/resizer';
import { BuiltInPreviewSupport, registerPostPreview } from './features/preview';
import { registerScheduleCommands } from './features/schedule';
import { registerSessionCommands } from './features/sessions';
import type { MakeHttpFetcher } from './features/sessions/lookup';
import { RuleDocs } from './services/ruleDocs';
import { SiteTermsCache } from './services/siteTerms';
import { WorkspaceSiteIndex } from './services/workspaceSiteIndex';
import type { FileReaderFactory } from './util/workspaceFileReader';

/** What differs between the Node and the web extension host, chosen by the entry file of each. */
export interface ExtensionHostServices {
	/** The HTTP client session lookups use: Node's, or the browser's `fetch`. */
	readonly makeHttpFetcher: MakeHttpFetcher;
	/** Running `hugo server`: the Node host's child processes; the web host has none. */
	readonly hugoProcesses?: HugoProcessHost;
	/** Scaling photos down on copy: a JavaScript image library in Node, the browser's canvas on the web. */
	readonly photoResizer: PhotoResizer;
	/** Reading the site's files: the local disk directly in Node; VS Code's file service on the web. */
	readonly fileReaders?: FileReaderFactory;
}

/** Activation shared by both entry files (`extension.ts` for Node, `extension.web.ts` for the browser). */
export function activateExtension(context: vscode.ExtensionContext, host: ExtensionHostServices): { extendMarkdownIt(md: MarkdownIt): MarkdownIt } {
	// Services
	const sites = new WorkspaceSiteIndex(host.fileReaders);
	const terms = new SiteTermsCache(sites);
	const ruleDocs = new RuleDocs(context.extensionUri);
	// Features
	context.subscriptions.push(
		sites,
		terms,
		ruleDocs,
		registerFrontMatterFeatures({ language: 'markdown' }, { docs: ruleDocs, images: sites }),
		registerImageFeatures({ language: 'markdown' }, sites, { docs: ruleDocs }),
		registerSessionCommands(terms, host.makeHttpFetcher),
		registerNewPostCommand(terms),
		registerScheduleCommands(terms, host.makeHttpFetcher, { exposeState: context.extensionMode === vscode.ExtensionMode.Test }),
		registerPostPreview(context.extensionUri, sites, { exposeSnapshots: context.extensionMode === vscode.ExtensionMode.Test }),
		registerWritingCompletions({ language: 'markdown' }, sites, terms),
		registerImagePasting({ language: 'markdown' }, sites),
		registerPhotoPlacement(sites, host.makeHttpFetcher, host.photoResizer),
		registerBuiltInPathSuggestions(sites, context.workspaceState),
		registerHugoServer(sites, host.hugoProcesses, { exposeState: context.extensionMode === vscode.ExtensionMode.Test }),
	);
	// A workspace opened as a Hugo site activates the extension (package.json): its index is built ahead of the first post.
	sites.warmWorkspaceSites();
	// VS Code's built-in Markdown preview calls extendMarkdownIt (contributes.markdown.markdownItPlugins)
	const builtInPreview = new BuiltInPreviewSupport(sites);
	context.subscriptions.push(builtInPreview);
	return { extendMarkdownIt: md => builtInPreview.extendMarkdownIt(md) };
}
