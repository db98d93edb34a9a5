import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import { PostRenderer } from '../../core/markdown/renderer';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { KeyedDelayer, withTimeout } from '../../util/async';
import { Disposable } from '../../util/dispose';
import { PREVIEW_VIEW_TYPE, PostPreviewPanel, type PreviewSnapshot } from './postPreviewPanel';
import { isPreviewSavedState } from './previewMessages';

export { BuiltInPreviewSupport } from './markdownItPlugin';

/** Re-render this long after the last keystroke: fast enough to feel live, slow enough not to render every key. */
const UPDATE_DELAY_MS = 200;
const SNAPSHOT_WAIT_MS = 15_000;
const MAX_SNAPSHOT_WAIT_MS = 60_000;
const SITE_WAIT_MS = 3_000;

/**
 * The post previews: one panel per document (opening it again reveals it), each re-rendered shortly after
 * its document changes and whenever the site's published files change.
 */
export class PostPreviewManager extends Disposable {
	readonly #panels = new Map<string, PostPreviewPanel>();
	readonly #delayer = this._register(new KeyedDelayer(UPDATE_DELAY_MS));
	readonly #onDidRender = this._register(new vscode.EventEmitter<void>());
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
		// Like VS Code's own Markdown preview, a visible preview follows the Markdown editor the writer turns to.
		this._register(vscode.window.onDidChangeActiveTextEditor(editor => {
			if (editor && editor.document.languageId === 'markdown' && vscode.workspace.getConfiguration('eventWriteup.preview', editor.document.uri).get<boolean>('followActiveEditor', true)) {
				this.#follow(editor.document);
			}
		}));
		this._register({ dispose: () => this.#closeAll() });
	}

	/** Moves the visible preview to `document`, unless that post has a preview of its own already. */
	#follow(document: vscode.TextDocument): void {
		const key = document.uri.toString();
		if (this.#panels.has(key)) {
			return;
		}
		const visible = [...this.#panels.entries()].find(([, panel]) => panel.visible);
		if (!visible) {
			return;
		}
		const [oldKey, panel] = visible;
		this.#panels.delete(oldKey);
		this.#delayer.cancel(oldKey);
		this.#panels.set(key, panel);
		panel.showDocument(document);
	}

	async open(document: vscode.TextDocument): Promise<void> {
		const key = document.uri.toString();
		const existing = this.#panels.get(key);
		if (existing) {
			existing.reveal();
			return;
		}
		// Knowing the site first gives the panel its resource folders from the start. A slow site (a huge
		// static folder) does not hold the preview up: it opens anyway and updates once the index is ready.
		await withTimeout(SITE_WAIT_MS, this.#sites.siteFor(document.uri), 'loading the site').catch(() => undefined);
		if (this.#panels.has(key) || this.isDisposed) {
			this.#panels.get(key)?.reveal();
			return;
		}
		this.#adopt(new PostPreviewPanel(document, this.#extensionUri, this.#sites, this.#renderer));
	}

	/** Shows a preview VS Code kept across a window reload again, rendered from the post's current text. */
	async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
		const saved = isPreviewSavedState(state) ? state : undefined;
		let document: vscode.TextDocument | undefined;
		try {
			document = saved ? await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.document)) : undefined;
		} catch {
			document = undefined;
		}
		if (!document || this.isDisposed || this.#panels.has(document.uri.toString())) {
			// The post is gone (or already previewed): an empty panel would only be in the way.
			panel.dispose();
			return;
		}
		this.#adopt(new PostPreviewPanel(document, this.#extensionUri, this.#sites, this.#renderer, { panel, scrollY: saved?.scrollY ?? 0 }));
	}

	#adopt(panel: PostPreviewPanel): void {
		this.#panels.set(panel.document.uri.toString(), panel);
		const rendered = panel.onDidRender(() => this.#onDidRender.fire());
		panel.onDidDispose(() => {
			// The panel may have followed the editor to another post since it opened.
			const key = panel.document.uri.toString();
			rendered.dispose();
			if (this.#panels.get(key) === panel) {
				this.#panels.delete(key);
			}
			this.#delayer.cancel(key);
		});
	}

	/** Tests only: scrolls the preview of `document` to `line` as a reader would. */
	scrollAsReader(document: string, line: number): boolean {
		const panel = this.#panels.get(document);
		panel?.scrollAsReader(line);
		return panel !== undefined;
	}

	snapshots(): PreviewSnapshot[] {
		return [...this.#panels.values()].map(panel => panel.snapshot);
	}

	/** Resolves with the first snapshot of `document` that satisfies `predicate`, waiting on renders (bounded). */
	async waitForSnapshot(document: string, predicate: (snapshot: PreviewSnapshot) => boolean, timeoutMs: number): Promise<PreviewSnapshot> {
		const find = () => this.snapshots().find(s => s.document === document && predicate(s));
		const found = find();
		if (found) {
			return found;
		}
		let subscription: vscode.Disposable | undefined;
		return withTimeout(timeoutMs, new Promise<PreviewSnapshot>(resolve => {
			subscription = this.#onDidRender.event(() => {
				const match = find();
				if (match) {
					resolve(match);
				}
			});
		}), `waiting for the preview of ${document}`).finally(() => subscription?.dispose());
	}

	#closeAll(): void {
		for (const panel of [...this.#panels.values()]) {
			panel.dispose();
		}
		this.#panels.clear();
	}
}

export function registerPostPreview(extensionUri: vscode.Uri, sites: WorkspaceSiteIndex, options: { readonly exposeSnapshots: boolean }): vscode.Disposable {
	const manager = new PostPreviewManager(extensionUri, sites);
	const disposables: vscode.Disposable[] = [
		manager,
		// Previews open when the window reloads come back, showing the same post.
		vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => manager.restore(panel, state) }),
		vscode.commands.registerCommand(CommandId.OpenPreview, async (uri?: vscode.Uri) => {
			const document = uri instanceof vscode.Uri
				? await vscode.workspace.openTextDocument(uri)
				: vscode.window.activeTextEditor?.document;
			if (!document || document.languageId !== 'markdown') {
				void vscode.window.showInformationMessage('Open a Markdown post to preview it.');
				return;
			}
			await manager.open(document);
		}),
	];
	if (options.exposeSnapshots) {
		// Lets the extension-host tests see what the preview shows; registered only when VS Code runs the
		// extension's tests, never for writers. With a document and a version it waits (bounded) until that
		// version, or a later one, is on screen (and, given `topLine`, until the page's top is within a line of it).
		disposables.push(vscode.commands.registerCommand(CommandId.PreviewSnapshots, (document?: string, minVersion?: number, contains?: string, timeoutMs?: number, topLine?: number) =>
			document === undefined
				? manager.snapshots()
				: manager.waitForSnapshot(document, s => s.renderedVersion >= (minVersion ?? 0) && (contains === undefined || s.html.includes(contains))
					&& (topLine === undefined || Math.abs(s.topLine - topLine) <= 1),
				Math.min(timeoutMs ?? SNAPSHOT_WAIT_MS, MAX_SNAPSHOT_WAIT_MS))));
		disposables.push(vscode.commands.registerCommand(CommandId.ScrollPreviewAsReader, (document: string, line: number) => manager.scrollAsReader(document, line)));
	}
	return vscode.Disposable.from(...disposables);
}
