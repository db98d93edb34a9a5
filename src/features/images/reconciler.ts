import * as vscode from 'vscode';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { Disposable } from '../../util/dispose';

/**
 * How often the images of the posts on screen are checked against the disk. File events keep the site
 * index current, but a watcher can drop them (in a folder created moments before, on a mounted or remote
 * file system); this bounds how long a dropped event leaves a wrong verdict on screen.
 */
const RECONCILE_INTERVAL_MS = 4_000;

/** At most this many files are checked per round, so that a huge post cannot flood the file system. */
const MAX_FILES_PER_ROUND = 400;

/**
 * Checks the files the visible posts' images resolve to (or would be published from, for the missing
 * ones) and corrects the site index where it disagrees with the disk: a stat per image every few seconds.
 */
export class ImageFileReconciler extends Disposable {
	readonly #sites: WorkspaceSiteIndex;
	readonly #selector: vscode.DocumentSelector;
	#running = false;

	constructor(selector: vscode.DocumentSelector, sites: WorkspaceSiteIndex) {
		super();
		this.#selector = selector;
		this.#sites = sites;
		const timer = setInterval(() => void this.#round(), RECONCILE_INTERVAL_MS);
		this._register({ dispose: () => clearInterval(timer) });
	}

	async #round(): Promise<void> {
		if (this.#running || this.isDisposed) {
			return;
		}
		this.#running = true;
		try {
			const documents = new Set(vscode.window.visibleTextEditors.map(editor => editor.document)
				.filter(document => !document.isClosed && vscode.languages.match(this.#selector, document) > 0));
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
			// A round that fails (a file system that went away) is retried by the next one.
		} finally {
			this.#running = false;
		}
	}
}
