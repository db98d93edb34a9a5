/**
 * Running `hugo server` for a post's site: the command line, and what its output says (the address it
 * serves, a build error with the file and line Hugo names, a port already taken), as Hugo 0.111.3 words it.
 */

export interface HugoServerOptions {
	/** The site's root folder. */
	readonly source: string;
	readonly port: number;
}

/**
 * The arguments of `hugo server` for a preview of every post as written: drafts, future and expired posts
 * included, served on loopback only, at the root of the address (whatever the site's `baseURL`), and fully
 * rendered on each change so the page always matches the files.
 */
export function hugoServerArguments({ source, port }: HugoServerOptions): string[] {
	return [
		'server',
		'--source', source,
		'--bind', '127.0.0.1',
		'--port', String(port),
		'--baseURL', 'http://127.0.0.1/',
		'--buildDrafts',
		'--buildFuture',
		'--buildExpired',
		'--disableFastRender',
	];
}

/** A command line as a person would type it (arguments with spaces or quotes quoted). */
export function commandLine(command: string, args: readonly string[]): string {
	return [command, ...args].map(arg => /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
}

/** The address Hugo serves at, from its `Web Server is available at http://…/` line. */
export function servedAddressIn(line: string): string | undefined {
	return /Web Server is available at (https?:\/\/\S+?)\/?(?:\s|$)/.exec(line)?.[1];
}

/** Whether a line says the port is taken (`bind: address already in use`). */
export function isPortTakenIn(line: string): boolean {
	return /address already in use/i.test(line);
}

/** Whether a line says the folder holds no site configuration. */
export function isMissingConfigurationIn(line: string): boolean {
	return /Unable to locate config file or config directory/i.test(line);
}

export interface HugoBuildError {
	readonly message: string;
	/** The file Hugo names, absolute as Hugo prints it. */
	readonly file?: string;
	/** 1-based, as Hugo prints them. */
	readonly line?: number;
	readonly column?: number;
}

/**
 * A build error from a line of Hugo's output (`Error: Error building site: "/site/content/x.md:2:11":
 * unmarshal failed: …`), with the file, line and column when Hugo names them.
 */
export function buildErrorIn(line: string): HugoBuildError | undefined {
	const error = /^\s*Error:\s*(.*)$/.exec(line);
	if (!error || isPortTakenIn(line) || isMissingConfigurationIn(line)) {
		return undefined;
	}
	const message = error[1].trim();
	const place = /"([^"]+?):(\d+):(\d+)"\s*:?\s*(.*)$/.exec(message) ?? /"([^"]+?):(\d+)"\s*:?\s*(.*)$/.exec(message);
	if (!place) {
		return { message };
	}
	const hasColumn = place.length === 5;
	return {
		message: (hasColumn ? place[4] : place[3]) || message,
		file: place[1],
		line: Number(place[2]),
		...(hasColumn ? { column: Number(place[3]) } : {}),
	};
}

/** The address of a page on the server: the server's address and the page's folder URL (`/post/x/`). */
export function pageAddressOn(server: string, pageUrl: string): string {
	return `${server.replace(/\/+$/, '')}/${pageUrl.replace(/^\/+/, '')}`;
}
