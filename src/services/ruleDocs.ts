import * as vscode from 'vscode';
import { anchorLines } from '../core/docs/anchors';
import { Disposable } from '../util/dispose';

/**
 * Where each rule is documented: the README shipped with the extension, opened at the rule's line.
 * vsce stores the README as `readme.md` in a package while a development checkout has `README.md`, and
 * file systems may tell case apart, so the file is looked up as it is; an editor ignores a `#rule`
 * fragment but selects the line a `#L<n>` fragment names.
 */
export interface RuleDocLinks {
	/** The link behind a diagnostic's code, for the rule documented under `<a id="anchor">`. */
	linkFor(anchor: string): vscode.Uri;
	/** Fires when links made before may now point better (the documentation was found and read). */
	readonly onDidLoad: vscode.Event<void>;
}

export class RuleDocs extends Disposable implements RuleDocLinks {
	#readme: vscode.Uri;
	#lines = new Map<string, number>();
	readonly #onDidLoad = this._register(new vscode.EventEmitter<void>());
	/** Fires once the README is found and read: links made before then name the anchor only. */
	readonly onDidLoad = this.#onDidLoad.event;

	constructor(extensionUri: vscode.Uri) {
		super();
		this.#readme = vscode.Uri.joinPath(extensionUri, 'README.md');
		void this.#load(extensionUri);
	}

	/** The link behind a diagnostic's code: the README at the line of `<a id="anchor">`. */
	linkFor(anchor: string): vscode.Uri {
		const line = this.#lines.get(anchor);
		return this.#readme.with({ fragment: line === undefined ? anchor : `L${line + 1}` });
	}

	async #load(extensionUri: vscode.Uri): Promise<void> {
		try {
			const entries = await vscode.workspace.fs.readDirectory(extensionUri);
			const name = entries.find(([entry]) => entry.toLowerCase() === 'readme.md')?.[0];
			if (name === undefined || this.isDisposed) {
				return;
			}
			this.#readme = vscode.Uri.joinPath(extensionUri, name);
			this.#lines = anchorLines(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.#readme)));
			this.#onDidLoad.fire();
		} catch {
			// Links keep naming the anchor: the rule's code stays shown either way.
		}
	}
}
