import * as vscode from 'vscode';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { Disposable } from '../../util/dispose';

/**
 * After something happens (a file event in a site's static or content folders, an edit of a post on
 * screen, a post coming into view, the window regaining focus), the images of the posts on screen are
 * checked against the disk this long later, and then every `FOLLOW_UP_INTERVAL_MS` until
 * `FOLLOW_UP_WINDOW_MS` have passed without another event. A watcher drops events during bursts of file
 * activity (in a folder created moments before, on a mounted or remote file system), so that is when to
 * look; a window left alone costs nothing.
 */
const FIRST_ROUND_DELAY_MS = 1_000;
const FOLLOW_UP_INTERVAL_MS = 2_000;
const FOLLOW_UP_WINDOW_MS = 6_000;

/** At most this many files are checked per round, so that a huge post cannot flood the file system. */
const MAX_FILES_PER_ROUND = 400;

/**
 * Checks the files the visible posts' images resolve to (or would be published from, for the missing
 * ones) and corrects the site index where it disagrees with the disk: a stat per image, in the seconds
 * after activity.
 */
export class ImageFileReconciler extends Disposable {
	readonly #sites: WorkspaceSiteIndex;
	readonly #selector: vscode.DocumentSelector;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#lastActivity = 0;
	#running = false;

	constructor(selector: vscode.DocumentSelector, sites: WorkspaceSiteIndex) {
		super();
		this.#selector = selector;
		this.#sites = sites;
		const onActivity = () => this.#onActivity();
		this._register(sites.onDidSeeFileEvent(onActivity));
		this._register(sites.onDidChange(onActivity));
		this._register(vscode.window.onDidChangeVisibleTextEditors(onActivity));
		this._register(vscode.window.onDidChangeWindowState(state => state.focused && onActivity()));
		this._register(vscode.workspace.onDidChangeTextDocument(event => {
			if (event.contentChanges.length > 0 && this.#isPost(event.document) && vscode.window.visibleTextEditors.some(editor => editor.document === event.document)) {
				onActivity();
			}
		}));
		this._register({ dispose: () => clearTimeout(this.#timer) });
		// Posts already on screen when the extension starts.
		onActivity();
	}

	#onActivity(): void {
		this.#lastActivity = performance.now();
		if (this.#timer === undefined && !this.isDisposed) {
			this.#timer = setTimeout(() => void this.#followUp(), FIRST_ROUND_DELAY_MS);
		}
	}

	async #followUp(): Promise<void> {
		await this.#round();
		this.#timer = undefined;
		if (!this.isDisposed && performance.now() - this.#lastActivity < FOLLOW_UP_WINDOW_MS) {
			this.#timer = setTimeout(() => void this.#followUp(), FOLLOW_UP_INTERVAL_MS);
		}
	}

	#isPost(document: vscode.TextDocument): boolean {
		return !document.isClosed && vscode.languages.match(this.#selector, document) > 0;
	}

	async #round(): Promise<void> {
		if (this.#running || this.isDisposed) {
			return;
		}
		this.#running = true;
		try {
			const documents = new Set(vscode.window.visibleTextEditors.map(editor => editor.document).filter(document => this.#isPost(document)));
			let budget = MAX_FILES_PER_ROUND;
			for (const document of documents) {
				const { context, references } = await this.#sites.resolveReferences(document);
				if (!context || this.isDisposed) {
					continue;
				}
				const paths = [...new Set(references.filter(r => !r.image.remote)
					.flatMap(r => r.image.resolved !== undefined ? [r.image.resolved] : r.image.lookedIn))].slice(0, budget);
				budget -= paths.length;
				await this.#sites.reconcile(document.uri, paths);
				if (budget <= 0) {
					break;
				}
			}
		} catch {
			// A round that fails (a file system that went away) is retried after the next activity.
		} finally {
			this.#running = false;
		}
	}
}
