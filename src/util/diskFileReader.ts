import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { FileKind } from '../core/fs/fileReader';
import { kindOf, LinkedFolders } from './linkedFolders';
import { WorkspaceFileReader, type FileReaderFactory } from './workspaceFileReader';

/**
 * The Node host's reader for `file:` workspaces: the local disk through Node's `fs`. VS Code's file
 * service answers the same questions through its message queue, which a window still opening keeps busy:
 * on a 5,000-post blog each request waited 0.4–1.4 s there, and the first image check of an opened post
 * waited for hundreds of them. Unsaved edits still win over the disk (`WorkspaceFileReader.readText`), and
 * other schemes (remote, virtual) go through VS Code as before.
 */
export class DiskFileReader extends WorkspaceFileReader {
	/** Lists folders with links followed, as VS Code's file service reports them, and resolves a walk's paths through them. */
	readonly #folders = new LinkedFolders();

	protected override async readFileBytes(uri: vscode.Uri): Promise<Uint8Array> {
		return fs.readFile(uri.fsPath);
	}

	protected override async statUri(uri: vscode.Uri): Promise<FileKind | undefined> {
		return kindOf(await fs.stat(uri.fsPath));
	}

	protected override async readDirectoryUri(uri: vscode.Uri): Promise<Array<[string, FileKind]>> {
		return this.#folders.list(uri.fsPath);
	}

	/**
	 * A folder's path with the links this reader listed resolved, so that a walk tells a folder reached again
	 * through a link (one to a parent folder) from a new one.
	 */
	async realPath(corePath: string): Promise<string | undefined> {
		const real = await this.#folders.realPath(this.toUri(corePath).fsPath);
		return real === undefined ? undefined : vscode.Uri.file(real).path;
	}
}

/** Local files through Node's `fs`; every other scheme through VS Code's file service. */
export const diskFileReaders: FileReaderFactory = base => base.scheme === 'file' ? new DiskFileReader(base) : new WorkspaceFileReader(base);
