import { formatSessionEntry } from '../core/sessions/entry';
import { resolveSession } from '../core/sessions/resolve';
import type { CasingOptions, HttpFetcher } from '../core/sessions/types';
import { NodeHttpFetcher, parseHostMap } from '../util/httpFetcher';
import { oneOf, parseCommandArgs } from './args';
import { ExitCode, UsageError, type CliCommand } from './io';

const USAGE = `Usage: event-writeup session [--offline] [--no-fallback] [--format markdown|json]
                             [--word SLUG=Title]... [--small-words STYLE] URL

Prints the write-up entry for one session from its schedule URL (OpenStack summit schedule and
videos, Sched, pretalx, Sessionize, frab, FOSDEM, CCC, or any page with event meta data).

Options:
  --offline           Derive the entry from the URL alone; no network.
  --no-fallback       Fail (exit 1) when the online lookup fails instead of deriving from the URL.
  --format FMT        markdown (default): the entry as the editor inserts it;
                      json: the session details (title, speakers, url, abstract, start, room,
                      source, derived, warnings).
  --word SLUG=Title   Casing for slug words in derived titles, e.g. --word strykerjs=StrykerJS
                      or --word "node js=Node.js"; repeatable.
  --small-words STYLE Words kept lowercase in derived titles: schedules (default: as real
                      talk titles write them), conservative, none, ap, chicago.

Warnings (a title derived from the URL, why the network was not used) go to stderr.
Exit codes: 0 printed, 1 no entry (nothing on stdout), 2 bad command line.`;

/**
 * The `session` command. `makeFetcher` exists for tests; the default honours the testing hook
 * EVENT_WRITEUP_TEST_HOST_MAP, which may only send requests to loopback addresses.
 */
export function createSessionCommand(makeFetcher: () => HttpFetcher = () => new NodeHttpFetcher({
	hostMap: parseHostMap(process.env.EVENT_WRITEUP_TEST_HOST_MAP),
})): CliCommand {
	return {
		name: 'session',
		usage: USAGE,
		async run(args, io) {
			const { values, positionals } = parseCommandArgs(args, {
				'offline': { type: 'boolean' },
				'no-fallback': { type: 'boolean' },
				'format': { type: 'string' },
				'word': { type: 'string', multiple: true },
				'small-words': { type: 'string' },
			});
			const format = oneOf('format', values.format, ['markdown', 'json'], 'markdown');
			if (positionals.length !== 1) {
				throw new UsageError(positionals.length === 0 ? 'expected a URL' : 'expected exactly one URL');
			}
			if (values.offline && values['no-fallback']) {
				throw new UsageError('--offline and --no-fallback cannot be combined');
			}
			const smallWords = oneOf('small-words', values['small-words'], ['schedules', 'conservative', 'none', 'ap', 'chicago'], 'schedules');
			const casing: CasingOptions = { dictionary: parseWords(values.word ?? []), smallWords };
			const info = await resolveSession(positionals[0], {
				casing,
				offline: values.offline === true,
				fetcher: values.offline ? undefined : makeFetcher(),
				fallback: values['no-fallback'] !== true,
			});
			if (format === 'json') {
				io.stdout(`${JSON.stringify(info, undefined, 2)}\n`);
			} else {
				for (const warning of info.warnings) {
					io.stderr(`warning: ${warning}\n`);
				}
				io.stdout(formatSessionEntry(info).text);
			}
			return ExitCode.Ok;
		},
	};
}

/** `--word strykerjs=StrykerJS` pairs as a casing dictionary. */
function parseWords(words: readonly string[]): Record<string, string> {
	const dictionary: Record<string, string> = {};
	for (const word of words) {
		const at = word.indexOf('=');
		if (at <= 0 || at === word.length - 1) {
			throw new UsageError(`--word expects SLUG=Title (got '${word}')`);
		}
		dictionary[word.slice(0, at).trim()] = word.slice(at + 1).trim();
	}
	return dictionary;
}

export const sessionCommand = createSessionCommand();
