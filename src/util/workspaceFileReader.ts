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
			return this.#decoder.decode(await this.readFileBytes(uri));
		} catch {
			return undefined;
		}
	}

	async stat(path: string): Promise<FileKind | undefined> {
		try {
			return await this.statUri(this.toUri(path));
		} catch {
			return undefined;
		}
	}

	async readDirectory(path: string): Promise<Array<[string, FileKind]>> {
		try {
			return await this.readDirectoryUri(this.toUri(path));
		} catch {
			return [];
		}
	}

	/** The file's bytes as stored (throws when there is none). A host with a faster way to its disk overrides this and the two below. */
	protected async readFileBytes(uri: vscode.Uri): Promise<Uint8Array> {
		return vscode.workspace.fs.readFile(uri);
	}

	protected async statUri(uri: vscode.Uri): Promise<FileKind | undefined> {
		return toKind((await vscode.workspace.fs.stat(uri)).type);
	}

	protected async readDirectoryUri(uri: vscode.Uri): Promise<Array<[string, FileKind]>> {
		const entries = await vscode.workspace.fs.readDirectory(uri);
		const result: Array<[string, FileKind]> = [];
		for (const [name, type] of entries) {
			const kind = toKind(type);
			if (kind) {
				result.push([name, kind]);
			}
		}
		return result;
	}
}

/** Makes the reader for the file system `base` is on; the Node host reads its local disk directly. */
export type FileReaderFactory = (base: vscode.Uri) => WorkspaceFileReader;

export const workspaceFileReaders: FileReaderFactory = base => new WorkspaceFileReader(base);

function toKind(type: vscode.FileType): FileKind | undefined {
	// A symbolic link carries the type of its target as well.
	if (type & vscode.FileType.Directory) {
		return 'directory';
	}
	return type & vscode.FileType.File ? 'file' : undefined;
}
