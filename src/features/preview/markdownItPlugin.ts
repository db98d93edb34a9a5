import * as vscode from 'vscode';
import type { MarkdownIt } from 'markdown-it';
import { hugoPreviewPlugin } from '../../core/markdown/hugoMarkdown';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { KeyedDelayer } from '../../util/async';
import { Disposable } from '../../util/dispose';
import { siteRenderContext } from './renderContext';

/** Refresh the built-in preview this long after the last site change (a checkout touches many files). */
const REFRESH_DELAY_MS = 300;

/**
 * Extends VS Code's built-in Markdown preview (`contributes.markdown.markdownItPlugins`): the front matter
 * becomes a post header, image paths resolve as Hugo publishes them, shortcodes and raw HTML follow Hugo.
 * Resolved images are given as `file:` URIs, which the built-in preview maps to URIs its webview may
 * load. When the site index changes (it finished loading, a photo was added) the preview is refreshed.
 */
export class BuiltInPreviewSupport extends Disposable {
	readonly #sites: WorkspaceSiteIndex;
	readonly #delayer = this._register(new KeyedDelayer(REFRESH_DELAY_MS));
	#extended = false;

	constructor(sites: WorkspaceSiteIndex) {
		super();
		this.#sites = sites;
		this._register(sites.onDidChange(() => {
			// Only once the built-in preview uses us: refreshing must not activate it for nothing.
			if (this.#extended) {
				this.#delayer.schedule('refresh', () => void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined));
			}
		}));
	}

	extendMarkdownIt(md: MarkdownIt): MarkdownIt {
		this.#extended = true;
		hugoPreviewPlugin(md, {
			context: (env, text) => {
				const documentUri = documentOf(env);
				return documentUri ? siteRenderContext(this.#sites, documentUri, text, uri => uri.toString()) : undefined;
			},
		});
		return md;
	}
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
