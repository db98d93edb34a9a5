import type { CliCommand, CliCommandEntry } from '../../../src/cli/io';

/** A command built by a test (with its own file reader or fetcher), listed as the CLI lists its commands. */
export function listed(command: CliCommand, summary = ''): CliCommandEntry {
	return { name: command.name, summary, load: async () => command };
}
