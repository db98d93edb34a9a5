import { promises as fs, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { FileKind, IFileReader } from '../core/fs/fileReader';
import { isAtOrInsideAny } from '../core/fs/posixPath';

/** The core's file access over Node's `fs`, for the CLI. */
export class NodeFileReader implements IFileReader {
	/** The symbolic links listed so far: only a path through one of them is resolved by `realPath`. */
	readonly #links = new Set<string>();

	async readText(path: string): Promise<string | undefined> {
		try {
			return await fs.readFile(path, 'utf8');
		} catch {
			return undefined;
		}
	}

	async readBytes(path: string): Promise<Uint8Array | undefined> {
		try {
			return await fs.readFile(path);
		} catch {
			return undefined;
		}
	}

	async stat(path: string): Promise<FileKind | undefined> {
		try {
			const stat = await fs.stat(path);
			return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
		} catch {
			return undefined;
		}
	}

	async readDirectory(path: string): Promise<Array<[string, FileKind]>> {
		let entries: Dirent[];
		try {
			entries = await fs.readdir(path, { withFileTypes: true });
		} catch {
			return [];
		}
		// A symbolic link counts as what it points to: Hugo publishes a linked post or folder (measured on 0.111.3).
		const kinds = await Promise.all(entries.map(entry => {
			if (!entry.isSymbolicLink()) {
				return kindOf(entry);
			}
			this.#links.add(join(path, entry.name));
			return this.stat(join(path, entry.name));
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

	/** A folder's path with the links this reader listed resolved; any other path as given, without a system call. */
	async realPath(path: string): Promise<string | undefined> {
		if (!isAtOrInsideAny(path, this.#links)) {
			return path;
		}
		try {
			return await fs.realpath(path);
		} catch {
			return undefined;
		}
	}
}

function kindOf(entry: Dirent): FileKind | undefined {
	return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : undefined;
}
