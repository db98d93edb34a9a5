import { CLI_COMMANDS } from './commands';
import { ExitCode, UsageError, type CliCommandEntry, type CliIo } from './io';
import { VERSION } from './version';
import { errorMessage } from '../core/errors';

const PROGRAM = 'event-writeup';


export function helpText(commands: readonly CliCommandEntry[] = CLI_COMMANDS): string {
	const width = Math.max(0, ...commands.map(c => c.name.length));
	const lines = commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`);
	return [
		`Usage: ${PROGRAM} <command> [options]`,
		'',
		'Event Write-up: check, preview and scaffold Hugo conference write-ups.',
		'',
		'Commands:',
		...(lines.length > 0 ? lines : ['  (none)']),
		'',
		`Run '${PROGRAM} <command> --help' for a command's options.`,
		'',
	].join('\n');
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommandEntry[] = CLI_COMMANDS): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined) {
		// No command is a usage error: the help goes to stderr so that a script's output stays clean.
		io.stderr(helpText(commands));
		return ExitCode.Usage;
	}
	if (name === '--help' || name === '-h' || name === 'help') {
		io.stdout(helpText(commands));
		return ExitCode.Ok;
	}
	if (name === '--version' || name === '-v') {
		io.stdout(`${PROGRAM} ${VERSION}\n`);
		return ExitCode.Ok;
	}
	const entry = commands.find(c => c.name === name);
	if (!entry) {
		const what = name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`;
		io.stderr(`${PROGRAM}: ${what}. Run '${PROGRAM} --help' for the list of commands.\n`);
		return ExitCode.Usage;
	}
	const command = await entry.load();
	if (rest.includes('--help') || rest.includes('-h')) {
		io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
		return ExitCode.Ok;
	}
	try {
		return await command.run(rest, io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`${PROGRAM} ${command.name}: ${error.message}\nRun '${PROGRAM} ${command.name} --help' for usage.\n`);
			return ExitCode.Usage;
		}
		io.stderr(`${PROGRAM} ${command.name}: ${errorMessage(error)}\n`);
		return ExitCode.Failure;
	}
}
