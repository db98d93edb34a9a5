import { promises as fs, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { FileKind } from '../core/fs/fileReader';
import { isAtOrInsideAny } from '../core/fs/posixPath';

/**
 * Folders of the local disk listed as VS Code's file service reports them and Hugo 0.111.3 publishes them:
 * a symbolic link counts as what it points to, a broken one is left out. The links listed are kept, so that
 * a walk can tell a folder reached again through one (a link to a parent folder) at the cost of a system
 * call only for paths through a link. Shared by the CLI's reader and the Node host's.
 */
export class LinkedFolders {
	readonly #links = new Set<string>();

	/** The entries of the folder at `fsPath`; throws when it cannot be listed. */
	async list(fsPath: string): Promise<Array<[string, FileKind]>> {
		const entries = await fs.readdir(fsPath, { withFileTypes: true });
		const kinds = await Promise.all(entries.map(entry => {
			if (!entry.isSymbolicLink()) {
				return kindOf(entry);
			}
			const linked = path.join(fsPath, entry.name);
			this.#links.add(linked);
			return fs.stat(linked).then(kindOf, () => undefined);
		}));
		const result: Array<[string, FileKind]> = [];
		entries.forEach((entry, i) => {
			const kind = kinds[i];
			if (kind !== undefined) {
				result.push([entry.name, kind]);
			}
		});
		return result;
	}

	/** `fsPath` with the links listed so far resolved; any other path as given, without a system call. */
	async realPath(fsPath: string): Promise<string | undefined> {
		if (!isAtOrInsideAny(fsPath, this.#links)) {
			return fsPath;
		}
		try {
			return await fs.realpath(fsPath);
		} catch {
			return undefined;
		}
	}
}

export function kindOf(entry: Dirent | Stats): FileKind | undefined {
	return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : undefined;
}
