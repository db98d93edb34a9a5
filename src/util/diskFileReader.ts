import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileKind } from '../core/fs/fileReader';
import { isAtOrInsideAny } from '../core/fs/posixPath';
import { WorkspaceFileReader, type FileReaderFactory } from './workspaceFileReader';

/**
 * The Node host's reader for `file:` workspaces: the local disk through Node's `fs`. VS Code's file
 * service answers the same questions through its message queue, which a window still opening keeps busy:
 * on a 5,000-post blog each request waited 0.4–1.4 s there, and the first image check of an opened post
 * waited for hundreds of them. Unsaved edits still win over the disk (`WorkspaceFileReader.readText`), and
 * other schemes (remote, virtual) go through VS Code as before.
 */
export class DiskFileReader extends WorkspaceFileReader {
	/** The symbolic links listed so far (core paths): only a path through one of them is resolved by `realPath`. */
	readonly #links = new Set<string>();

	protected override async readFileBytes(uri: vscode.Uri): Promise<Uint8Array> {
		return fs.readFile(uri.fsPath);
	}

	protected override async statUri(uri: vscode.Uri): Promise<FileKind | undefined> {
		return kindOf(await fs.stat(uri.fsPath));
	}

	protected override async readDirectoryUri(uri: vscode.Uri): Promise<Array<[string, FileKind]>> {
		const entries = await fs.readdir(uri.fsPath, { withFileTypes: true });
		// A symbolic link counts as what it points to, as VS Code's file service reports it.
		const kinds = await Promise.all(entries.map(entry => {
			if (!entry.isSymbolicLink()) {
				return kindOf(entry);
			}
			this.#links.add(`${uri.path.replace(/\/$/, '')}/${entry.name}`);
			return fs.stat(path.join(uri.fsPath, entry.name)).then(kindOf, () => undefined);
		}));
		const result: Array<[string, FileKind]> = [];
		entries.forEach((entry, i) => {
			const kind = kinds[i];
			if (kind) {
				result.push([entry.name, kind]);
			}
		});
		return result;
	}

	/**
	 * A folder's path with the links this reader listed resolved, so that a walk tells a folder reached again
	 * through a link (one to a parent folder) from a new one; any other path as given, without a system call.
	 */
	async realPath(corePath: string): Promise<string | undefined> {
		if (!isAtOrInsideAny(corePath, this.#links)) {
			return corePath;
		}
		try {
			return vscode.Uri.file(await fs.realpath(this.toUri(corePath).fsPath)).path;
		} catch {
			return undefined;
		}
	}
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean }): FileKind | undefined {
	return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : undefined;
}

/** Local files through Node's `fs`; every other scheme through VS Code's file service. */
export const diskFileReaders: FileReaderFactory = base => base.scheme === 'file' ? new DiskFileReader(base) : new WorkspaceFileReader(base);
