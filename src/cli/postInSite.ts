import type { IFileReader } from '../core/fs/fileReader';
import { resolve } from '../core/fs/posixPath';
import { findHugoSite, type HugoSite } from '../core/site/hugoSite';
import { readPageAddress, type PageAddress } from '../core/site/references';
import type { SiteContext } from '../core/site/resolve';
import { StaticFileIndex } from '../core/site/staticIndex';
import { UsageError, type CliIo } from './io';

/** One post read from disk with the Hugo site it belongs to, for the commands that take a single FILE. */
export interface PostInSite {
	/** The post's absolute path. */
	readonly file: string;
	/** The path as given on the command line, for messages. */
	readonly argument: string;
	readonly text: string;
	readonly site: HugoSite | undefined;
	/** Undefined outside a Hugo site: nothing resolves then. */
	readonly context: SiteContext | undefined;
	readonly page: PageAddress;
}

/**
 * Reads the single FILE of `positionals` and indexes its site. Says on stderr when the file cannot be
 * read (and returns undefined) and warns, with `withoutSite`, when it is outside any Hugo site.
 */
export async function readPostInSite(command: string, positionals: readonly string[], io: CliIo, files: IFileReader, withoutSite: string): Promise<PostInSite | undefined> {
	if (positionals.length !== 1) {
		throw new UsageError(positionals.length === 0 ? 'expected a FILE' : 'expected exactly one FILE');
	}
	const file = resolve(io.cwd, positionals[0]);
	const text = await files.readText(file);
	if (text === undefined) {
		io.stderr(`event-writeup ${command}: cannot read ${file}\n`);
		return undefined;
	}
	const site = await findHugoSite(file, files);
	if (!site) {
		io.stderr(`warning: ${file} is not inside a Hugo site (no hugo.toml, config.toml or config/_default/ above it): ${withoutSite}\n`);
	}
	const context = site ? { site, index: await StaticFileIndex.build(site, files) } : undefined;
	return { file, argument: positionals[0], text, site, context, page: readPageAddress(text) };
}
