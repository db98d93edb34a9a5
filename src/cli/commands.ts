import type { CliCommand } from './io';

/** The subcommands of `event-writeup`, in the order `--help` lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [
];
