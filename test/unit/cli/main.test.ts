import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, helpText } from '../../../src/cli/main';
import { listed } from '../helpers/cliEntry';
import { UsageError, type CliCommand, type CliIo } from '../../../src/cli/io';
import { parseCommandArgs } from '../../../src/cli/args';

function captureIo(): CliIo & { out: string; err: string } {
	const io = { out: '', err: '', cwd: '/', stdout(t: string) { io.out += t; }, stderr(t: string) { io.err += t; } };
	return io;
}

const echo: CliCommand = {
	name: 'echo',
	usage: 'Usage: event-writeup echo [--upper] WORD...',
	async run(args, io) {
		const { values, positionals } = parseCommandArgs(args, { upper: { type: 'boolean' } });
		if (positionals.length === 0) {
			throw new UsageError('expected at least one WORD');
		}
		io.stdout(`${values.upper ? positionals.join(' ').toUpperCase() : positionals.join(' ')}\n`);
		return 0;
	},
};

suite('cli.main', () => {
	test('Should list every subcommand in --help (#2)', async () => {
		const io = captureIo();
		assert.equal(await runCli(['--help'], io, [listed(echo, 'Print the arguments')]), 0);
		assert.match(io.out, /^ {2}echo {2}Print the arguments$/m);
		assert.equal(helpText([listed(echo, 'Print the arguments')]), io.out);
	});

	test('Should exit 2 with a clear message on an unknown subcommand or flag (#2)', async () => {
		const unknownCommand = captureIo();
		assert.equal(await runCli(['frobnicate'], unknownCommand, [listed(echo, 'Print the arguments')]), 2);
		assert.match(unknownCommand.err, /unknown command 'frobnicate'/);
		const unknownFlag = captureIo();
		assert.equal(await runCli(['echo', '--shout', 'x'], unknownFlag, [listed(echo)]), 2);
		assert.match(unknownFlag.err, /^event-writeup echo: unknown option '--shout'/);
		assert.equal(unknownFlag.out, '');
		const noCommand = captureIo();
		assert.equal(await runCli([], noCommand, [listed(echo)]), 2);
		assert.equal(noCommand.out, '');
		assert.match(noCommand.err, /^Usage: event-writeup <command>/);
	});

	test('Should say which option lacks a value or takes none (#2)', async () => {
		const options = { format: { type: 'string' }, upper: { type: 'boolean' } } as const;
		assert.throws(() => parseCommandArgs(['--format'], options), /^Error: option '--format' needs a value$/);
		assert.throws(() => parseCommandArgs(['--upper=yes'], options), /^Error: option '--upper' takes no value$/);
		assert.throws(() => parseCommandArgs(['-z'], options), /^Error: unknown option '-z'/);
	});

	test('Should run a subcommand with its flags and print its usage on --help (#2)', async () => {
		const io = captureIo();
		assert.equal(await runCli(['echo', '--upper', 'hello'], io, [listed(echo)]), 0);
		assert.equal(io.out, 'HELLO\n');
		const help = captureIo();
		assert.equal(await runCli(['echo', '--help'], help, [listed(echo)]), 0);
		assert.match(help.out, /Usage: event-writeup echo/);
	});

	test('Should print the package version from the built binary (#2)', () => {
		const repo = path.resolve(__dirname, '..', '..', '..', '..');
		const { version } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };
		const printed = execFileSync(process.execPath, [path.join(repo, 'dist', 'cli.mjs'), '--version'], { encoding: 'utf8', timeout: 20_000 });
		assert.equal(printed, `event-writeup ${version}\n`);
	});

	test('Should turn an unexpected error into exit 1, never a throw (#2)', async () => {
		const failing: CliCommand = { ...echo, name: 'boom', async run() { throw new Error('disk on fire'); } };
		const io = captureIo();
		assert.equal(await runCli(['boom'], io, [listed(failing)]), 1);
		assert.match(io.err, /boom: disk on fire/);
	});
});
