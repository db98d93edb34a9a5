import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import { PostRenderer } from '../../core/markdown/renderer';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { KeyedDelayer } from '../../util/async';
import { Disposable } from '../../util/dispose';
import { PostPreviewPanel, type PreviewSnapshot } from './postPreviewPanel';

export { extendMarkdownIt } from './markdownItPlugin';

/** Re-render this long after the last keystroke: fast enough to feel live, slow enough not to render every key. */
const UPDATE_DELAY_MS = 200;

/**
 * The post previews: one panel per document (opening it again reveals it), each re-rendered shortly after
 * its document changes and whenever the site's published files change.
 */
class PostPreviewManager extends Disposable {
	readonly #panels = new Map<string, PostPreviewPanel>();
	readonly #delayer = this._register(new KeyedDelayer(UPDATE_DELAY_MS));
	readonly #renderer = new PostRenderer();
	readonly #extensionUri: vscode.Uri;
	readonly #sites: WorkspaceSiteIndex;

	constructor(extensionUri: vscode.Uri, sites: WorkspaceSiteIndex) {
		super();
		this.#extensionUri = extensionUri;
		this.#sites = sites;
		this._register(vscode.workspace.onDidChangeTextDocument(event => {
			const key = event.document.uri.toString();
			const panel = this.#panels.get(key);
			if (panel && event.contentChanges.length > 0) {
				this.#delayer.schedule(key, () => panel.update());
			}
		}));
		this._register(sites.onDidChange(() => {
			for (const [key, panel] of this.#panels) {
				this.#delayer.schedule(key, () => panel.update());
			}
		}));
		this._register({ dispose: () => this.#closeAll() });
	}

	open(document: vscode.TextDocument): void {
		const key = document.uri.toString();
		const existing = this.#panels.get(key);
		if (existing) {
			existing.reveal();
			return;
		}
		const panel = new PostPreviewPanel(document, this.#extensionUri, this.#sites, this.#renderer);
		this.#panels.set(key, panel);
		panel.onDidDispose(() => {
			this.#panels.delete(key);
			this.#delayer.cancel(key);
		});
		// The site may still be loading: its `onDidChange` triggers the render with resolved images.
		void this.#sites.siteFor(document.uri);
	}

	snapshots(): PreviewSnapshot[] {
		return [...this.#panels.values()].map(panel => panel.snapshot);
	}

	#closeAll(): void {
		for (const panel of [...this.#panels.values()]) {
			panel.dispose();
		}
		this.#panels.clear();
	}
}

export function registerPostPreview(extensionUri: vscode.Uri, sites: WorkspaceSiteIndex): vscode.Disposable {
	const manager = new PostPreviewManager(extensionUri, sites);
	return vscode.Disposable.from(
		manager,
		vscode.commands.registerCommand(CommandId.OpenPreview, async (uri?: vscode.Uri) => {
			const document = uri instanceof vscode.Uri
				? await vscode.workspace.openTextDocument(uri)
				: vscode.window.activeTextEditor?.document;
			if (!document || document.languageId !== 'markdown') {
				void vscode.window.showInformationMessage('Open a Markdown post to preview it.');
				return;
			}
			manager.open(document);
		}),
		// Lets the extension-host tests see what the preview shows; not in the Command Palette.
		vscode.commands.registerCommand(CommandId.PreviewSnapshots, () => manager.snapshots()),
	);
}
