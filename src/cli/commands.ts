import { checkCommand } from './checkCommand';
import { imagesCommand } from './imagesCommand';
import type { CliCommand } from './io';
import { photosCommand } from './photosCommand';
import { renderCommand } from './renderCommand';
import { scheduleCommand } from './scheduleCommand';
import { sessionCommand } from './sessionCommand';

/** The subcommands of `event-writeup`, in the order `--help` lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [
	checkCommand,
	imagesCommand,
	photosCommand,
	renderCommand,
	scheduleCommand,
	sessionCommand,
];
