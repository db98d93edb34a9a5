import * as vscode from 'vscode';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { Disposable } from '../../util/dispose';

/** The workspace remembers a writer's "keep both" so the question is asked once. */
const DECLINED_KEY = 'eventWriteup.builtInPathSuggestions.declined';
const USE_HUGO_PATHS = 'Use Hugo\'s Paths Only';
const KEEP_BOTH = 'Keep Both';

export type AskWriter = (message: string, ...choices: string[]) => Thenable<string | undefined>;

/**
 * VS Code's own Markdown path suggestions list the workspace as it is on disk (`archetypes/`, `hugo.toml`,
 * a second `content/`), which is not where Hugo publishes anything, beside ours. The built-in extension's
 * language server reads `markdown.suggest.paths.enabled` for the whole workspace, not per file, so the one
 * place to hold them back in a Hugo site is that workspace's settings: offered once, when the writer first
 * opens a post of a Hugo site, and written only when they agree.
 */
export class BuiltInPathSuggestions extends Disposable {
	readonly #sites: WorkspaceSiteIndex;
	readonly #state: vscode.Memento;
	readonly #ask: AskWriter;
	#asked = false;

	constructor(sites: WorkspaceSiteIndex, state: vscode.Memento, ask: AskWriter = (message, ...choices) => vscode.window.showInformationMessage(message, ...choices)) {
		super();
		this.#sites = sites;
		this.#state = state;
		this.#ask = ask;
	}

	/** Watches for the first post of a Hugo site the writer opens. */
	watchEditors(): this {
		const check = (editor: vscode.TextEditor | undefined) => {
			if (editor?.document.languageId === 'markdown') {
				void this.offer(editor.document);
			}
		};
		this._register(vscode.window.onDidChangeActiveTextEditor(check));
		check(vscode.window.activeTextEditor);
		return this;
	}

	/**
	 * Asks once per window, when `document` belongs to a Hugo site and the built-in suggestions are on with no
	 * workspace choice made yet. Resolves with whether the workspace setting was turned off.
	 */
	async offer(document: vscode.TextDocument): Promise<boolean> {
		if (this.#asked || this.#state.get<boolean>(DECLINED_KEY) || !builtInSuggestionsUndecided(document.uri)) {
			return false;
		}
		if (!vscode.workspace.getWorkspaceFolder(document.uri) || !(await this.#sites.siteFor(document.uri)) || this.#asked || this.isDisposed) {
			return false;
		}
		this.#asked = true;
		const answer = await this.#ask(
			'VS Code\'s own path suggestions list the files of this workspace (archetypes/, hugo.toml, …), not the paths your Hugo site publishes, and they appear beside Event Write-up\'s. Turn them off in this workspace?',
			USE_HUGO_PATHS, KEEP_BOTH);
		if (answer === USE_HUGO_PATHS) {
			await vscode.workspace.getConfiguration('markdown').update('suggest.paths.enabled', false, vscode.ConfigurationTarget.Workspace);
			return true;
		}
		if (answer === KEEP_BOTH) {
			await this.#state.update(DECLINED_KEY, true);
		}
		return false;
	}
}

/** The built-in suggestions are on by default, and nobody has set them for this workspace or this user. */
function builtInSuggestionsUndecided(uri: vscode.Uri): boolean {
	const setting = vscode.workspace.getConfiguration('markdown', uri).inspect<boolean>('suggest.paths.enabled');
	return setting !== undefined && setting.defaultValue !== false
		&& setting.globalValue === undefined && setting.workspaceValue === undefined && setting.workspaceFolderValue === undefined;
}

export function registerBuiltInPathSuggestions(sites: WorkspaceSiteIndex, state: vscode.Memento): vscode.Disposable {
	return new BuiltInPathSuggestions(sites, state).watchEditors();
}
