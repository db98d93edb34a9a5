import { promises as fs } from 'node:fs';
import type { FileKind, IFileReader } from '../core/fs/fileReader';

/** The core's file access over Node's `fs`, for the CLI. */
export class NodeFileReader implements IFileReader {
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
		try {
			const entries = await fs.readdir(path, { withFileTypes: true });
			return entries
				.filter(e => e.isFile() || e.isDirectory())
				.map(e => [e.name, e.isDirectory() ? 'directory' : 'file']);
		} catch {
			return [];
		}
	}
}
