import * as vscode from 'vscode';
import { escapeHtml } from '../../core/markdown/html';
import type { PostRenderer } from '../../core/markdown/renderer';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { Disposable } from '../../util/dispose';
import { isFromPreview, type PreviewInitialState, type ToPreview } from './previewMessages';
import { siteRenderContext } from './renderContext';
import { errorMessage } from '../../core/errors';

export const PREVIEW_VIEW_TYPE = 'eventWriteup.postPreview';

/** What tests (and only tests) read to know the preview has caught up with the document. */
export interface PreviewSnapshot {
	readonly document: string;
	/** The document version of the last body the webview put on screen. */
	readonly renderedVersion: number;
	/** The HTML of that body. */
	readonly html: string;
	readonly title: string;
	/** The source line at the top of the page, as the page last reported it (-1 before it reports). */
	readonly topLine: number;
}

/**
 * One post's preview: a webview beside the editor, rendered as the published page and re-rendered as the
 * document changes. Owns its panel and listeners; disposing it closes the panel.
 */
export class PostPreviewPanel extends Disposable {
	readonly #panel: vscode.WebviewPanel;
	#document: vscode.TextDocument;
	readonly #extensionUri: vscode.Uri;
	readonly #sites: WorkspaceSiteIndex;
	readonly #renderer: PostRenderer;
	readonly #onDidDispose = this._register(new vscode.EventEmitter<void>());
	readonly onDidDispose = this.#onDidDispose.event;
	readonly #onDidRender = this._register(new vscode.EventEmitter<PreviewSnapshot>());
	/** The page put a new body on screen. */
	readonly onDidRender = this.#onDidRender.event;
	#scrollY = 0;
	#rootsKey = '';
	#sequence = 0;
	/** The last body sent to the page, until the page confirms it is on screen. */
	#pending: { sequence: number; version: number; html: string; title: string } | undefined;
	#snapshot: PreviewSnapshot;
	/** The line this panel just revealed in an editor: the scroll that causes is not sent back to the page. */
	#revealedLine: number | undefined;
	/** A new preview starts where the editor is; a restored one where its page was. */
	#startAtEditor: boolean;

	/** `restored`: a panel VS Code kept across a window reload, and where its page was scrolled. */
	constructor(document: vscode.TextDocument, extensionUri: vscode.Uri, sites: WorkspaceSiteIndex, renderer: PostRenderer, restored?: { panel: vscode.WebviewPanel; scrollY: number }) {
		super();
		this.#document = document;
		this.#extensionUri = extensionUri;
		this.#sites = sites;
		this.#renderer = renderer;
		this.#snapshot = emptySnapshot(document);
		this.#startAtEditor = !restored;
		if (restored) {
			this.#panel = this._register(restored.panel);
			this.#panel.webview.options = this.#options();
			this.#scrollY = restored.scrollY;
		} else {
			this.#panel = this._register(vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, previewTitle(document),
				{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.#options()));
		}
		this.#rootsKey = this.#options().localResourceRoots?.map(String).join('\n') ?? '';
		this._register(this.#panel.onDidDispose(() => this.dispose()));
		// A hidden webview is discarded and comes back with the page first set; bring it up to date.
		this._register(this.#panel.onDidChangeViewState(event => {
			if (event.webviewPanel.visible) {
				this.update();
			}
		}));
		this._register(this.#panel.webview.onDidReceiveMessage((message: unknown) => {
			if (!isFromPreview(message)) {
				return;
			}
			switch (message.type) {
				case 'rendered':
					if (this.#startAtEditor) {
						this.#startAtEditor = false;
						this.#scrollToEditor();
					}
					if (message.sequence === this.#pending?.sequence) {
						const { version, html, title } = this.#pending;
						this.#snapshot = { ...this.#snapshot, renderedVersion: version, html, title };
						this.#pending = undefined;
						this.#onDidRender.fire(this.#snapshot);
					} else if (this.#pending && message.sequence < this.#pending.sequence) {
						// The page (re)loaded after a newer body was posted, which it missed: send that again.
						this.#post(this.#pending.sequence, this.#pending.html);
					}
					break;
				case 'scrolled':
					this.#scrollY = message.scrollY;
					this.#snapshot = { ...this.#snapshot, topLine: message.line };
					this.#onDidRender.fire(this.#snapshot);
					break;
				case 'revealLine':
					this.#revealInEditors(message.line);
					break;
			}
		}));
		this._register(vscode.window.onDidChangeTextEditorVisibleRanges(event => {
			if (event.textEditor.document !== this.#document) {
				return;
			}
			if (this.#revealedLine !== undefined) {
				// Most likely the editor moving to the line the page asked for: the page is there already.
				this.#revealedLine = undefined;
				return;
			}
			if (this.#setting('scrollPreviewWithEditor')) {
				this.#postScroll(event.visibleRanges[0]?.start.line ?? 0);
			}
		}));
		this.#loadPage();
	}

	get document(): vscode.TextDocument {
		return this.#document;
	}

	get snapshot(): PreviewSnapshot {
		return this.#snapshot;
	}

	reveal(): void {
		this.#panel.reveal(undefined, true);
	}

	/** Whether the panel is on screen (its tab is the active one of its group). */
	get visible(): boolean {
		return this.#panel.visible;
	}

	/** Shows another post in the same panel, where its editor is: the preview follows the active editor. */
	showDocument(document: vscode.TextDocument): void {
		if (this.isDisposed || document === this.#document) {
			return;
		}
		this.#document = document;
		this.#scrollY = 0;
		this.#startAtEditor = true;
		this.#revealedLine = undefined;
		this.#snapshot = emptySnapshot(document);
		const options = this.#options();
		this.#rootsKey = options.localResourceRoots?.map(String).join('\n') ?? '';
		this.#panel.webview.options = options;
		this.#loadPage();
	}

	/** Renders the current text and sends it to the page, which swaps the body and keeps the scroll position. */
	update(): void {
		if (this.isDisposed) {
			return;
		}
		const options = this.#options();
		const rootsKey = options.localResourceRoots?.map(String).join('\n') ?? '';
		if (rootsKey !== this.#rootsKey) {
			// The site's folders changed (or it finished loading): new roots, then a fresh page that may use them.
			this.#rootsKey = rootsKey;
			this.#panel.webview.options = options;
			this.#loadPage();
			return;
		}
		const { html, title } = this.#render();
		this.#panel.title = title;
		const sequence = ++this.#sequence;
		this.#pending = { sequence, version: this.#document.version, html, title };
		this.#post(sequence, html);
	}

	/** Tests only: scrolls the page to `line` as a reader would, so the editor follows it. */
	scrollAsReader(line: number): void {
		const message: ToPreview = { type: 'scrollAsReader', line };
		void this.#panel.webview.postMessage(message);
	}

	#postScroll(line: number): void {
		const message: ToPreview = { type: 'scrollToLine', line };
		void this.#panel.webview.postMessage(message);
	}

	#scrollToEditor(): void {
		const editor = vscode.window.visibleTextEditors.find(e => e.document === this.#document);
		const line = editor?.visibleRanges[0]?.start.line ?? 0;
		if (line > 0 && this.#setting('scrollPreviewWithEditor')) {
			this.#postScroll(line);
		}
	}

	/** The reader scrolled the page to `line`: editors of the post show it at their top. */
	#revealInEditors(line: number): void {
		if (!this.#setting('scrollEditorWithPreview')) {
			return;
		}
		const target = Math.min(Math.floor(line), Math.max(this.#document.lineCount - 1, 0));
		for (const editor of vscode.window.visibleTextEditors) {
			if (editor.document === this.#document && editor.visibleRanges[0]?.start.line !== target) {
				this.#revealedLine = target;
				editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
			}
		}
	}

	#setting(name: 'scrollPreviewWithEditor' | 'scrollEditorWithPreview'): boolean {
		return vscode.workspace.getConfiguration('eventWriteup.preview', this.#document.uri).get<boolean>(name, true);
	}

	#post(sequence: number, html: string): void {
		const message: ToPreview = { type: 'update', sequence, html };
		void this.#panel.webview.postMessage(message);
	}

	override dispose(): void {
		if (!this.isDisposed) {
			this.#onDidDispose.fire();
		}
		super.dispose();
	}

	#render(): { html: string; title: string } {
		const webview = this.#panel.webview;
		const text = this.#document.getText();
		const context = siteRenderContext(this.#sites, this.#document.uri, text, uri => webview.asWebviewUri(uri).toString());
		try {
			const post = this.#renderer.render(text, { ...context, sourceLines: true });
			return { html: post.html, title: `Preview: ${post.title ?? basename(this.#document.uri)}` };
		} catch (error) {
			// A renderer bug must not take the preview down: show it and keep going on the next edit.
			const reason = errorMessage(error);
			return { html: `<p class="hugo-render-error">This post could not be rendered: ${escapeHtml(reason)}</p>`, title: previewTitle(this.#document) };
		}
	}

	/** Only the extension's media and the folders the post's site publishes from. */
	#options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
		const roots = [vscode.Uri.joinPath(this.#extensionUri, 'media'), vscode.Uri.joinPath(this.#document.uri, '..')];
		const site = this.#sites.loadedSiteFor(this.#document.uri);
		if (site) {
			for (const mount of [...site.site.staticMounts, ...site.site.contentMounts]) {
				roots.push(this.#sites.toUri(this.#document.uri, mount.source));
			}
		}
		return { enableScripts: true, enableForms: false, localResourceRoots: roots, retainContextWhenHidden: false };
	}

	#loadPage(): void {
		const webview = this.#panel.webview;
		const { html, title } = this.#render();
		const sequence = ++this.#sequence;
		this.#pending = { sequence, version: this.#document.version, html, title };
		this.#panel.title = title;
		const nonce = createNonce();
		const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.#extensionUri, 'media', name)).toString();
		const csp = [
			'default-src \'none\'',
			`img-src ${webview.cspSource} https: data:`,
			`style-src ${webview.cspSource}`,
			`font-src ${webview.cspSource}`,
			`script-src 'nonce-${nonce}'`,
		].join('; ');
		const state: PreviewInitialState = { sequence, scrollY: this.#scrollY, document: this.#document.uri.toString() };
		webview.html = [
			'<!DOCTYPE html>',
			'<html lang="en">',
			'<head>',
			'<meta charset="utf-8">',
			`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
			'<meta name="viewport" content="width=device-width, initial-scale=1">',
			`<meta id="preview-state" data-state="${escapeHtml(JSON.stringify(state))}">`,
			`<link rel="stylesheet" href="${escapeHtml(media('preview.css'))}">`,
			`<title>${escapeHtml(title)}</title>`,
			'</head>',
			'<body>',
			`<article class="hugo-post" id="post">${html}</article>`,
			`<script nonce="${nonce}" src="${escapeHtml(media('preview.js'))}"></script>`,
			'</body>',
			'</html>',
		].join('\n');
	}
}

function emptySnapshot(document: vscode.TextDocument): PreviewSnapshot {
	return { document: document.uri.toString(), renderedVersion: -1, html: '', title: '', topLine: -1 };
}

function basename(uri: vscode.Uri): string {
	return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function previewTitle(document: vscode.TextDocument): string {
	return `Preview: ${basename(document.uri)}`;
}

function createNonce(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
