import * as vscode from 'vscode';
import { findImageProblems, type ImageProblem } from '../../core/site/problems';
import { inContentTree } from '../../core/site/pages';
import type { RuleDocLinks } from '../../services/ruleDocs';
import { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { KeyedDelayer } from '../../util/async';
import { Disposable } from '../../util/dispose';
import { DIAGNOSTIC_SOURCE, toVscodeRange } from './convert';
import { IMAGES_SECTION, isImageValidationEnabled } from './settings';

/** Long enough to wait out a burst of keystrokes, short enough to feel immediate. */
const DEBOUNCE_MS = 300;

/**
 * Keeps the image diagnostics of open posts current: on open, after typing settles, when the site's files
 * or configuration change, and forgets a document when it closes. Results computed for an older text
 * (or superseded by a newer request) are dropped.
 */
export class ImageDiagnosticsManager extends Disposable {
	readonly #collection = this._register(vscode.languages.createDiagnosticCollection('event-writeup-images'));
	readonly #delayer = this._register(new KeyedDelayer(DEBOUNCE_MS));
	readonly #generations = new Map<string, number>();
	/** The update whose result is on screen, per document: an older one finishing late must not replace it. */
	readonly #shownGenerations = new Map<string, number>();
	readonly #selector: vscode.DocumentSelector;
	readonly #sites: WorkspaceSiteIndex;
	readonly #docs: RuleDocLinks;
	readonly #log: vscode.LogOutputChannel;

	constructor(selector: vscode.DocumentSelector, sites: WorkspaceSiteIndex, docs: RuleDocLinks, log: vscode.LogOutputChannel) {
		super();
		this.#selector = selector;
		this.#sites = sites;
		this.#docs = docs;
		this._register(docs.onDidLoad(() => this.#scheduleAll()));
		this.#log = log;
		// A post just opened is checked at once, within the open event: a timer would queue the check behind
		// whatever else the extension host does as a window opens (extensions activating for Markdown, their
		// indexing), hundreds of milliseconds on a large blog. Only typing waits for a pause.
		this._register(vscode.workspace.onDidOpenTextDocument(document => this.#schedule(document, 'now')));
		this._register(vscode.workspace.onDidChangeTextDocument(event => {
			if (event.contentChanges.length > 0) {
				this.#schedule(event.document);
			}
		}));
		this._register(vscode.workspace.onDidCloseTextDocument(document => this.#forget(document.uri)));
		this._register(vscode.workspace.onDidChangeConfiguration(event => {
			if (event.affectsConfiguration(IMAGES_SECTION)) {
				this.#scheduleAll();
			}
		}));
		this._register(sites.onDidChange(() => this.#scheduleAll()));
		this.#scheduleAll(0);
	}

	#scheduleAll(delayMs?: number): void {
		for (const document of vscode.workspace.textDocuments) {
			this.#schedule(document, delayMs);
		}
	}

	#isChecked(document: vscode.TextDocument): boolean {
		// Diff views and other read-only schemes show other versions of a file: only the file itself is checked.
		return vscode.languages.match(this.#selector, document) > 0
			&& vscode.workspace.getWorkspaceFolder(document.uri) !== undefined
			&& isImageValidationEnabled(document.uri);
	}

	/** Checks `document` once `delayMs` has passed without another request (the debounce by default), or at once. */
	#schedule(document: vscode.TextDocument, delayMs?: number | 'now'): void {
		const key = document.uri.toString();
		if (!this.#isChecked(document)) {
			if (this.#collection.has(document.uri)) {
				this.#forget(document.uri);
			}
			return;
		}
		const generation = (this.#generations.get(key) ?? 0) + 1;
		this.#generations.set(key, generation);
		this.#delayer.schedule(key, () => void this.#update(document, generation), delayMs);
	}

	async #update(document: vscode.TextDocument, generation: number): Promise<void> {
		const key = document.uri.toString();
		if (this.isDisposed || document.isClosed) {
			return;
		}
		const version = document.version;
		let problems: ImageProblem[] = [];
		try {
			const context = await this.#sites.siteFor(document.uri);
			// Only pages are checked: a README or a layout next to the site is not published as a post.
			if (context && inContentTree(context.site, document.uri.path)) {
				problems = findImageProblems(document.getText(), document.uri.path, context);
			}
		} catch (error) {
			// A resolver bug must not leave wrong diagnostics behind nor reach the extension host.
			this.#log.error(`Checking the images of ${document.uri.toString(true)} failed:`, error);
		}
		// Superseded by a later update already on screen, or by an edit: that one's result, or the next, counts.
		// Superseded only by a site change (the index finishing its first load, typically), this result was
		// computed from the site as it now is: it goes on screen rather than wait for the next round.
		if (this.isDisposed || document.isClosed || generation <= (this.#shownGenerations.get(key) ?? 0) || document.version !== version) {
			return;
		}
		this.#shownGenerations.set(key, generation);
		this.#collection.set(document.uri, problems.map(problem => this.#toDiagnostic(document.uri, problem)));
	}

	#toDiagnostic(uri: vscode.Uri, problem: ImageProblem): vscode.Diagnostic {
		const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error
			: problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
		const diagnostic = new vscode.Diagnostic(toVscodeRange(problem.range), problem.message, severity);
		diagnostic.source = DIAGNOSTIC_SOURCE;
		diagnostic.code = { value: problem.code, target: this.#docs.linkFor(problem.code) };
		if (problem.related) {
			diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(
				new vscode.Location(this.#sites.toUri(uri, problem.related.file), new vscode.Position(0, 0)), problem.related.message)];
		}
		return diagnostic;
	}

	#forget(uri: vscode.Uri): void {
		const key = uri.toString();
		this.#delayer.cancel(key);
		this.#generations.delete(key);
		this.#shownGenerations.delete(key);
		this.#collection.delete(uri);
	}
}
