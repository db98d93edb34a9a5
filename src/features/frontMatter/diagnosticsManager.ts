import * as vscode from 'vscode';
import type { RuleDocLinks } from '../../services/ruleDocs';
import type { Finding } from '../../core/frontMatter/validate';
import { RULES } from '../../core/frontMatter/rules';
import { splitFrontMatter } from '../../core/frontMatter/split';
import { KeyedDelayer } from '../../util/async';
import { Disposable } from '../../util/dispose';
import type { FrontMatterChecker } from './checker';
import { DIAGNOSTIC_SOURCE, toDiagnosticSeverity, toVscodeRange } from './convert';
import { FRONT_MATTER_SECTION } from './settings';

/** Long enough to wait out a burst of keystrokes, short enough to feel immediate. */
const DEBOUNCE_MS = 300;

/**
 * Keeps front matter diagnostics of open Markdown posts current: validates on open, after typing settles,
 * when settings or the site's images change, and forgets a document when it closes. Validation reads only
 * the front matter, and edits below it do not trigger any, so a long post never slows typing.
 */
export class FrontMatterDiagnosticsManager extends Disposable {
	readonly #collection = this._register(vscode.languages.createDiagnosticCollection('event-writeup'));
	readonly #delayer = this._register(new KeyedDelayer(DEBOUNCE_MS));
	/** Bumped whenever a document's pending result is superseded, so a late result is dropped, not shown. */
	readonly #generations = new Map<string, number>();
	/** Last line of each checked document's front matter block: an edit below it cannot change the findings. */
	readonly #frontMatterLastLines = new Map<string, number>();
	readonly #checker: FrontMatterChecker;
	readonly #docs: RuleDocLinks;
	readonly #log: vscode.LogOutputChannel;

	/**
	 * @param docs where each rule is documented: the link behind every diagnostic's code.
	 */
	constructor(checker: FrontMatterChecker, docs: RuleDocLinks, log: vscode.LogOutputChannel) {
		super();
		this.#checker = checker;
		this.#log = log;
		this.#docs = docs;
		this._register(docs.onDidLoad(() => this.#scheduleAll()));

		// A post just opened is checked at once, within the open event: a timer would queue the check behind
		// whatever else the extension host does as a window opens (extensions activating for Markdown, their
		// indexing), hundreds of milliseconds on a large blog. Only typing waits for a pause.
		this._register(vscode.workspace.onDidOpenTextDocument(document => this.#schedule(document, 'now')));
		this._register(vscode.workspace.onDidChangeTextDocument(event => this.#onDidChangeTextDocument(event)));
		this._register(vscode.workspace.onDidCloseTextDocument(document => this.#forget(document.uri)));
		this._register(vscode.workspace.onDidChangeConfiguration(event => {
			if (event.affectsConfiguration(FRONT_MATTER_SECTION)) {
				this.#scheduleAll();
			}
		}));
		const onDidChangeImages = checker.onDidChangeImages;
		if (onDidChangeImages) {
			this._register(onDidChangeImages(() => this.#scheduleAll()));
		}
		this.#scheduleAll(0);
	}

	#onDidChangeTextDocument(event: vscode.TextDocumentChangeEvent): void {
		if (event.contentChanges.length === 0) {
			return; // only the dirty state changed
		}
		const lastLine = this.#frontMatterLastLines.get(event.document.uri.toString());
		if (lastLine !== undefined && event.contentChanges.every(change => change.range.start.line > lastLine)) {
			return; // typing in the body: the block, and so every finding and its range, is unchanged
		}
		this.#schedule(event.document);
	}

	#scheduleAll(delayMs?: number): void {
		for (const document of vscode.workspace.textDocuments) {
			this.#schedule(document, delayMs);
		}
	}

	/** Checks `document` once `delayMs` has passed without another request (the debounce by default), or at once. */
	#schedule(document: vscode.TextDocument, delayMs?: number | 'now'): void {
		const key = document.uri.toString();
		if (!this.#checker.isChecked(document)) {
			// A document can leave the selection while open (its language was changed): drop what it showed.
			if (this.#collection.has(document.uri)) {
				this.#forget(document.uri);
			}
			return;
		}
		const generation = this.#nextGeneration(key);
		this.#delayer.schedule(key, () => this.#update(document, generation), delayMs);
	}

	#update(document: vscode.TextDocument, generation: number): void {
		const key = document.uri.toString();
		if (this.isDisposed || document.isClosed) {
			return;
		}
		const version = document.version;
		let findings: Finding[] | undefined;
		let lastLine: number | undefined;
		try {
			findings = this.#checker.check(document);
			lastLine = findings === undefined ? undefined : this.#lastFrontMatterLine(document);
		} catch (error) {
			// A validator bug must not leave wrong diagnostics behind nor reach the extension host.
			this.#log.error(`Checking the front matter of ${document.uri.toString(true)} failed:`, error);
			findings = undefined;
		}
		if (generation !== this.#generations.get(key) || document.version !== version) {
			return; // superseded while it ran: a newer update is on its way
		}
		if (findings === undefined) {
			this.#collection.delete(document.uri);
			this.#frontMatterLastLines.delete(key);
			return;
		}
		this.#collection.set(document.uri, findings.map(finding => this.#toDiagnostic(finding)));
		if (lastLine === undefined) {
			this.#frontMatterLastLines.delete(key);
		} else {
			this.#frontMatterLastLines.set(key, lastLine);
		}
	}

	/**
	 * The line of the closing delimiter. Without a closed block there is no safe line: an edit anywhere may
	 * close it (or open one), so every edit re-checks.
	 */
	#lastFrontMatterLine(document: vscode.TextDocument): number | undefined {
		const block = splitFrontMatter(document.getText());
		if (!block || !block.terminated) {
			return undefined;
		}
		return document.positionAt(block.end).line;
	}

	#toDiagnostic(finding: Finding): vscode.Diagnostic {
		const diagnostic = new vscode.Diagnostic(toVscodeRange(finding.range), finding.message, toDiagnosticSeverity(finding.severity));
		diagnostic.source = DIAGNOSTIC_SOURCE;
		const rule = RULES.find(r => r.code === finding.code);
		diagnostic.code = rule ? { value: finding.code, target: this.#docs.linkFor(rule.docsAnchor.replace(/^#/, '')) } : finding.code;
		return diagnostic;
	}

	#forget(uri: vscode.Uri): void {
		const key = uri.toString();
		this.#delayer.cancel(key);
		this.#generations.delete(key);
		this.#frontMatterLastLines.delete(key);
		this.#collection.delete(uri);
	}

	#nextGeneration(key: string): number {
		const generation = (this.#generations.get(key) ?? 0) + 1;
		this.#generations.set(key, generation);
		return generation;
	}
}
