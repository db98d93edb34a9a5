import * as vscode from 'vscode';
import type { FileKind, IFileReader } from '../core/fs/fileReader';

/**
 * The core's file access over `vscode.workspace.fs`, so the extension also works on virtual and remote
 * workspaces. Core paths are the `path` of URIs with the workspace's scheme and authority.
 */
export class WorkspaceFileReader implements IFileReader {
	readonly #base: vscode.Uri;
	readonly #decoder = new TextDecoder('utf-8');

	/** @param base any URI on the file system to read: its scheme and authority are kept. */
	constructor(base: vscode.Uri) {
		this.#base = base;
	}

	toUri(path: string): vscode.Uri {
		return this.#base.with({ path, query: '', fragment: '' });
	}

	async readText(path: string): Promise<string | undefined> {
		const uri = this.toUri(path);
		// The file system decides whether the file exists: an editor may still show a deleted file.
		if (await this.stat(path) !== 'file') {
			return undefined;
		}
		// Unsaved edits are what the writer sees, so they win over the saved text.
		const open = vscode.workspace.textDocuments.find(d => !d.isClosed && d.isDirty && d.uri.toString() === uri.toString());
		if (open) {
			return open.getText();
		}
		try {
			return this.#decoder.decode(await vscode.workspace.fs.readFile(uri));
		} catch {
			return undefined;
		}
	}

	async stat(path: string): Promise<FileKind | undefined> {
		try {
			const stat = await vscode.workspace.fs.stat(this.toUri(path));
			return toKind(stat.type);
		} catch {
			return undefined;
		}
	}

	async readDirectory(path: string): Promise<Array<[string, FileKind]>> {
		try {
			const entries = await vscode.workspace.fs.readDirectory(this.toUri(path));
			const result: Array<[string, FileKind]> = [];
			for (const [name, type] of entries) {
				const kind = toKind(type);
				if (kind) {
					result.push([name, kind]);
				}
			}
			return result;
		} catch {
			return [];
		}
	}
}

function toKind(type: vscode.FileType): FileKind | undefined {
	// A symbolic link carries the type of its target as well.
	if (type & vscode.FileType.Directory) {
		return 'directory';
	}
	return type & vscode.FileType.File ? 'file' : undefined;
}
