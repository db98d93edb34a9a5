/** Where a CLI command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	/** The working directory that relative paths are resolved against. */
	readonly cwd: string;
}

/** Exit codes shared by every subcommand. */
export const enum ExitCode {
	Ok = 0,
	/** The command ran and found errors (or could not produce its result). */
	Failure = 1,
	/** The command line itself is wrong. */
	Usage = 2,
}

/** Thrown for a bad command line; the dispatcher prints it with the usage hint and exits 2. */
export class UsageError extends Error {}

export interface CliCommand {
	readonly name: string;
	/** The full usage text for `event-writeup <name> --help`. */
	readonly usage: string;
	run(args: readonly string[], io: CliIo): Promise<number>;
}

/**
 * A command as `--help` lists it. Its code loads only when it runs: each command brings its own libraries
 * (highlighting, calendars, image scaling), and `check` in a blog's CI should not wait for the others.
 */
export interface CliCommandEntry {
	readonly name: string;
	/** One line for `--help`. */
	readonly summary: string;
	load(): Promise<CliCommand>;
}
