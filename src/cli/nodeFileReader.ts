import { promises as fs } from 'node:fs';
import type { FileKind, IFileReader } from '../core/fs/fileReader';
import { kindOf, LinkedFolders } from '../util/linkedFolders';

/** The core's file access over Node's `fs`, for the CLI. */
export class NodeFileReader implements IFileReader {
	/** Lists folders with links followed, and resolves a walk's paths through them. */
	readonly #folders = new LinkedFolders();

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
			return kindOf(await fs.stat(path));
		} catch {
			return undefined;
		}
	}

	async readDirectory(path: string): Promise<Array<[string, FileKind]>> {
		try {
			return await this.#folders.list(path);
		} catch {
			return [];
		}
	}

	realPath(path: string): Promise<string | undefined> {
		return this.#folders.realPath(path);
	}
}
