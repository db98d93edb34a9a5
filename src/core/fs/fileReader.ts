/**
 * File access for the core. Paths are absolute and POSIX-style (`/home/me/blog/static/x.jpg`): the
 * VS Code adapter passes `Uri.path`, the CLI passes Node paths. Implementations exist for VS Code's
 * workspace file system (the extension), Node's `fs` (the CLI) and memory (tests).
 */
export type FileKind = 'file' | 'directory';

export interface IFileReader {
	/** The file's text as UTF-8, or `undefined` when there is no such file. */
	readText(path: string): Promise<string | undefined>;
	/**
	 * The file's bytes, where the host reads them cheaply: checks that must tell invalid UTF-8 from a
	 * written U+FFFD decode them with `decodeUtf8`. `undefined` when there is no such file.
	 */
	readBytes?(path: string): Promise<Uint8Array | undefined>;
	/** What is at `path`, or `undefined` when nothing is. */
	stat(path: string): Promise<FileKind | undefined>;
	/**
	 * The entries of a directory (names, not paths); empty when it does not exist. A symbolic link counts as
	 * what it points to, as VS Code's file service and Hugo see it; a broken one is left out.
	 */
	readDirectory(path: string): Promise<Array<[name: string, kind: FileKind]>>;
	/**
	 * Where the host has symbolic links: the path with the links resolved that this reader has listed (a
	 * walk's own links; others may stay). What tells a folder reached through a link from one already
	 * walked: a link to a parent folder would be walked forever.
	 */
	realPath?(path: string): Promise<string | undefined>;
}
