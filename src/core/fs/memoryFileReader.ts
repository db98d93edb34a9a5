import type { FileKind, IFileReader } from './fileReader';
import { dirname } from './posixPath';

/** An in-memory file tree, for tests and for callers that already hold the files. */
export class MemoryFileReader implements IFileReader {
	readonly #files = new Map<string, string>();
	readonly #directories = new Set<string>(['/']);

	constructor(files: Record<string, string> = {}) {
		for (const [path, text] of Object.entries(files)) {
			this.write(path, text);
		}
	}

	write(path: string, text: string): void {
		this.#files.set(path, text);
		for (let dir = dirname(path); !this.#directories.has(dir); dir = dirname(dir)) {
			this.#directories.add(dir);
		}
	}

	delete(path: string): void {
		this.#files.delete(path);
	}

	async readText(path: string): Promise<string | undefined> {
		return this.#files.get(path);
	}

	async stat(path: string): Promise<FileKind | undefined> {
		if (this.#files.has(path)) {
			return 'file';
		}
		return this.#directories.has(path) ? 'directory' : undefined;
	}

	async readDirectory(path: string): Promise<Array<[string, FileKind]>> {
		const prefix = path.endsWith('/') ? path : `${path}/`;
		const entries = new Map<string, FileKind>();
		for (const file of this.#files.keys()) {
			if (file.startsWith(prefix) && !file.slice(prefix.length).includes('/')) {
				entries.set(file.slice(prefix.length), 'file');
			}
		}
		for (const dir of this.#directories) {
			if (dir.startsWith(prefix) && dir.length > prefix.length && !dir.slice(prefix.length).includes('/')) {
				entries.set(dir.slice(prefix.length), 'directory');
			}
		}
		return [...entries];
	}
}
