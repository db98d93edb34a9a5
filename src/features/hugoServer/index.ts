import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import { buildErrorIn, commandLine, hugoServerArguments, isMissingConfigurationIn, isPortTakenIn, pageAddressOn, servedAddressIn, type HugoBuildError } from '../../core/hugoServer/hugoServer';
import { pageBaseUrl } from '../../core/site/pages';
import { readPageAddress } from '../../core/site/references';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { Disposable } from '../../util/dispose';
import type { HugoProcess, HugoProcessHost } from './processHost';

/** How long Hugo may take to build a site and start serving it. */
const START_TIMEOUT_MS = 120_000;
const INSTALL_HINT = 'Install it from https://gohugo.io/installation/ (Debian and Ubuntu: sudo apt install hugo), or set eventWriteup.hugo.path to where it is.';

/** What the extension-host tests read of the running server. */
export interface HugoServerState {
	readonly running: boolean;
	readonly pid?: number;
	readonly address?: string;
	readonly pageAddress?: string;
	readonly commandLine?: string;
	/** The last message the command showed. */
	readonly lastMessage?: string;
}

interface RunningServer {
	readonly process: HugoProcess;
	readonly siteRoot: vscode.Uri;
	readonly commandLine: string;
	address?: string;
	pageAddress?: string;
}

/**
 * "Open Post in Hugo Server": runs `hugo server` for the post's site on a free loopback port, shows the
 * post's page in the Simple Browser with the site's own theme, follows the post in the active editor, and
 * stops the server when the command runs again or the window closes. Hugo's build errors become
 * diagnostics on the file and line Hugo names.
 */
class HugoServerController extends Disposable {
	readonly #sites: WorkspaceSiteIndex;
	readonly #processes: HugoProcessHost | undefined;
	readonly #output = this._register(vscode.window.createOutputChannel('Event Write-up: Hugo Server'));
	readonly #diagnostics = this._register(vscode.languages.createDiagnosticCollection('hugo'));
	#server: RunningServer | undefined;
	#lastMessage: string | undefined;

	constructor(sites: WorkspaceSiteIndex, processes: HugoProcessHost | undefined) {
		super();
		this.#sites = sites;
		this.#processes = processes;
		this._register(vscode.window.onDidChangeActiveTextEditor(editor => void this.#follow(editor?.document)));
		this._register({ dispose: () => void this.#stop() });
	}

	state(): HugoServerState {
		const server = this.#server;
		const lastMessage = this.#lastMessage !== undefined ? { lastMessage: this.#lastMessage } : {};
		return server
			? { running: true, pid: server.process.pid, address: server.address, pageAddress: server.pageAddress, commandLine: server.commandLine, ...lastMessage }
			: { running: false, ...lastMessage };
	}

	#error(message: string, ...items: string[]): Thenable<string | undefined> {
		this.#lastMessage = message;
		return vscode.window.showErrorMessage(message, ...items);
	}

	#info(message: string): void {
		this.#lastMessage = message;
		void vscode.window.showInformationMessage(message);
	}

	/** Starts the server for the post's site, or stops the one running. */
	async toggle(document: vscode.TextDocument | undefined): Promise<void> {
		this.#lastMessage = undefined;
		if (this.#server) {
			await this.#stop();
			this.#info('The Hugo server has stopped.');
			return;
		}
		if (!document || document.languageId !== 'markdown') {
			this.#info('Open a Markdown post to see it in the Hugo server.');
			return;
		}
		if (!this.#processes) {
			void this.#error('Open Post in Hugo Server runs hugo on your machine: it needs VS Code for the desktop (or a remote window), not VS Code for the Web.');
			return;
		}
		if (document.uri.scheme !== 'file') {
			void this.#error('Open Post in Hugo Server needs the site in a folder on this machine.');
			return;
		}
		const site = await this.#sites.siteFor(document.uri);
		if (!site) {
			void this.#error(`No Hugo site configuration (hugo.toml, config.toml or config/_default/) was found in a folder above ${vscode.workspace.asRelativePath(document.uri)}.`);
			return;
		}
		await this.#start(site.site.root, document);
	}

	async #start(root: string, document: vscode.TextDocument): Promise<void> {
		const config = vscode.workspace.getConfiguration('eventWriteup.hugo', document.uri);
		const hugo = config.get<string>('path', 'hugo') || 'hugo';
		const port = config.get<number>('serverPort', 0) || await this.#processes!.freePort();
		const args = hugoServerArguments({ source: root, port });
		const line = commandLine(hugo, args);
		this.#output.appendLine(`$ ${line}`);
		this.#diagnostics.clear();
		const process = this.#processes!.start(hugo, args);
		const server: RunningServer = { process, siteRoot: vscode.Uri.file(root), commandLine: line };
		this.#server = server;
		const errors: HugoBuildError[] = [];
		let portTaken = false, noConfiguration = false;
		const ready = new Promise<string | undefined>(resolve => {
			const timer = setTimeout(() => resolve(undefined), START_TIMEOUT_MS);
			process.onOutput(text => {
				this.#output.appendLine(text);
				const address = servedAddressIn(text);
				const error = buildErrorIn(text);
				portTaken ||= isPortTakenIn(text);
				noConfiguration ||= isMissingConfigurationIn(text);
				if (error) {
					errors.push(error);
					this.#showBuildErrors(errors);
				}
				if (address) {
					clearTimeout(timer);
					resolve(address);
				}
			});
			process.onExit((code, error) => {
				clearTimeout(timer);
				this.#output.appendLine(error ? `hugo could not start: ${error.message}` : `hugo exited (code ${code ?? 'none'})`);
				if (this.#server === server) {
					this.#server = undefined;
				}
				if (error && (error as { code?: string }).code === 'ENOENT') {
					void this.#error(`Hugo was not found (${hugo}). ${INSTALL_HINT}`);
				} else if (error) {
					void this.#error(`Hugo could not start: ${error.message}`);
				}
				resolve(undefined);
			});
		});
		const address = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Starting the Hugo server' }, () => ready);
		if (!address || this.#server !== server) {
			await this.#stopServer(server);
			if (portTaken) {
				void this.#error(`Port ${port} is taken: set eventWriteup.hugo.serverPort to a free one, or to 0 for any free port.`);
			} else if (noConfiguration) {
				void this.#error('Hugo found no site configuration for this post (hugo.toml, config.toml or config/_default/).');
			} else if (errors.length > 0) {
				void this.#reportBuildFailure(errors[0]);
			}
			return;
		}
		server.address = address;
		if (errors.length > 0) {
			void this.#reportBuildFailure(errors[0]);
		}
		await this.#show(server, document);
	}

	async #reportBuildFailure(error: HugoBuildError): Promise<void> {
		const where = error.file ? ` (${vscode.workspace.asRelativePath(error.file)}${error.line ? `:${error.line}` : ''})` : '';
		const choice = await this.#error(`Hugo could not build the site${where}: ${error.message}`, 'Show Output');
		if (choice === 'Show Output') {
			this.#output.show(true);
		}
	}

	#showBuildErrors(errors: readonly HugoBuildError[]): void {
		const byFile = new Map<string, vscode.Diagnostic[]>();
		for (const error of errors) {
			if (!error.file) {
				continue;
			}
			const line = Math.max(0, (error.line ?? 1) - 1);
			const column = Math.max(0, (error.column ?? 1) - 1);
			const diagnostic = new vscode.Diagnostic(new vscode.Range(line, column, line, column + 1), `Hugo: ${error.message}`, vscode.DiagnosticSeverity.Error);
			diagnostic.source = 'hugo server';
			byFile.set(error.file, [...byFile.get(error.file) ?? [], diagnostic]);
		}
		this.#diagnostics.set([...byFile].map(([file, diagnostics]) => [vscode.Uri.file(file), diagnostics]));
	}

	/** Shows the post's page, when the post belongs to the served site and its address can be known. */
	async #show(server: RunningServer, document: vscode.TextDocument): Promise<void> {
		const site = await this.#sites.siteFor(document.uri);
		if (!site || site.site.root !== server.siteRoot.fsPath || !server.address) {
			return;
		}
		const folder = pageBaseUrl(site.site, document.uri.fsPath, readPageAddress(document.getText())) ?? '/';
		const page = pageAddressOn(server.address, folder);
		if (page === server.pageAddress) {
			return;
		}
		server.pageAddress = page;
		// In a remote window the loopback address is forwarded to where the browser runs.
		const external = await vscode.env.asExternalUri(vscode.Uri.parse(page));
		await Promise.resolve(vscode.commands.executeCommand('simpleBrowser.show', external.toString(true)))
			.catch(() => vscode.env.openExternal(external));
	}

	async #follow(document: vscode.TextDocument | undefined): Promise<void> {
		const server = this.#server;
		if (server?.address && document?.languageId === 'markdown' && document.uri.scheme === 'file') {
			await this.#show(server, document);
		}
	}

	async #stop(): Promise<void> {
		const server = this.#server;
		this.#server = undefined;
		if (server) {
			await this.#stopServer(server);
		}
	}

	async #stopServer(server: RunningServer): Promise<void> {
		await server.process.stop();
		this.#output.appendLine('hugo server stopped');
	}
}

export function registerHugoServer(sites: WorkspaceSiteIndex, processes: HugoProcessHost | undefined, options: { readonly exposeState: boolean }): vscode.Disposable {
	const controller = new HugoServerController(sites, processes);
	const disposables: vscode.Disposable[] = [
		controller,
		vscode.commands.registerCommand(CommandId.OpenInHugoServer, async (uri?: vscode.Uri) => {
			const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
			await controller.toggle(document);
		}),
	];
	if (options.exposeState) {
		// Lets the extension-host tests see the server; registered only when VS Code runs the extension's tests.
		disposables.push(vscode.commands.registerCommand(CommandId.HugoServerState, () => controller.state()));
	}
	return vscode.Disposable.from(...disposables);
}
