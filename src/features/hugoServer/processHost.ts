/** A running `hugo`: its output line by line, its end, and a way to stop it. */
export interface HugoProcess {
	readonly pid: number | undefined;
	onOutput(listener: (line: string) => void): void;
	/** `error` when it could not start at all (`ENOENT`: no such program). */
	onExit(listener: (code: number | null, error?: Error) => void): void;
	/** Stops it and resolves once it has exited. */
	stop(): Promise<void>;
}

/** Starting programs: only the Node extension host can; the web host has none. */
export interface HugoProcessHost {
	start(command: string, args: readonly string[]): HugoProcess;
	/** A loopback port nothing listens on. */
	freePort(): Promise<number>;
}
