import { promises as fs } from 'node:fs';
import { errorMessage } from '../core/errors';
import { readSchedule, ScheduleFormatError } from '../core/schedule/readers';
import { formatLocalTime, proposedTitle, scheduleDays, sessionsOf, type Schedule } from '../core/schedule/schedule';
import { fetchSchedule, SCHEDULE_MAX_BYTES, ScheduleNotFoundError } from '../core/schedule/sources';
import { sessionEntries } from '../core/schedule/writeUp';
import { FetchError, type HttpFetcher } from '../core/sessions/types';
import { NodeHttpFetcher, parseHostMap } from '../util/httpFetcher';
import { oneOf, parseCommandArgs } from './args';
import { ExitCode, UsageError, type CliCommand } from './io';

const USAGE = `Usage: event-writeup schedule [--day YYYY-MM-DD] [--from HH:MM] [--to HH:MM]
                              [--format json|markdown] URL|FILE

Reads a conference schedule: from a session's or the schedule's URL (pretalx on any host, frab and
CCC, FOSDEM, Sched's public calendar) or from an export file (frab or pretalx schedule.json or
schedule.xml, or an iCalendar .ics agenda, which works offline).

Options:
  --day DATE      Only the sessions of that day (in the event's time zone). Without it, json lists every
                  session; markdown needs it when the schedule has more than one day.
  --from HH:MM    Only sessions starting at or after this local time.
  --to HH:MM      Only sessions starting before this local time.
  --format FMT    json (default): the schedule's name, time zone, days and sessions (title, subtitle,
                  speakers, room, track, start, end, url);
                  markdown: the body of the write-up as "New Write-up from Schedule" makes it, one entry
                  per session in time order, its slot kept in an HTML comment; its title on stderr.

Exit codes: 0 printed, 1 no schedule (or no session left), 2 bad command line.`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The CLI's client for schedule downloads: a schedule's cap and patience. It honours the testing hook
 * EVENT_WRITEUP_TEST_HOST_MAP, which may only send requests to loopback addresses.
 */
export function scheduleFetcher(): HttpFetcher {
	return new NodeHttpFetcher({ maxBytes: SCHEDULE_MAX_BYTES, totalTimeoutMs: 60_000, hostMap: parseHostMap(process.env.EVENT_WRITEUP_TEST_HOST_MAP) });
}

/** The `schedule` command; `makeFetcher` exists for tests. */
export function createScheduleCommand(makeFetcher: () => HttpFetcher = scheduleFetcher): CliCommand {
	return {
		name: 'schedule',
		usage: USAGE,
		async run(args, io) {
			const { values, positionals } = parseCommandArgs(args, {
				day: { type: 'string' },
				from: { type: 'string' },
				to: { type: 'string' },
				format: { type: 'string' },
			});
			const format = oneOf('format', values.format, ['json', 'markdown'], 'json');
			if (positionals.length !== 1) {
				throw new UsageError(positionals.length === 0 ? 'expected a URL or a file' : 'expected exactly one URL or file');
			}
			for (const [name, value, pattern, shape] of [['day', values.day, DATE, 'YYYY-MM-DD'], ['from', values.from, TIME, 'HH:MM'], ['to', values.to, TIME, 'HH:MM']] as const) {
				if (value !== undefined && !pattern.test(value)) {
					throw new UsageError(`--${name} expects ${shape} (got '${value}')`);
				}
			}
			const source = positionals[0];
			let schedule: Schedule;
			try {
				schedule = /^https?:\/\//i.test(source)
					? await fetchSchedule(makeFetcher(), source)
					: readSchedule(await fs.readFile(source, 'utf8'));
			} catch (error) {
				if (error instanceof ScheduleFormatError || error instanceof ScheduleNotFoundError || error instanceof FetchError || (error as NodeJS.ErrnoException).code !== undefined) {
					io.stderr(`error: ${source}: ${errorMessage(error)}\n`);
					return ExitCode.Failure;
				}
				throw error;
			}
			const days = scheduleDays(schedule);
			if (values.day !== undefined && !days.includes(values.day)) {
				io.stderr(`error: ${schedule.name} has no session on ${values.day}; its days: ${days.join(', ')}\n`);
				return ExitCode.Failure;
			}
			if (format === 'markdown' && values.day === undefined && days.length > 1) {
				throw new UsageError(`--format markdown needs --day: ${schedule.name} runs on ${days.join(', ')}`);
			}
			const sessions = sessionsOf(schedule, { day: values.day, from: values.from, to: values.to });
			if (sessions.length === 0) {
				io.stderr(`error: no session of ${schedule.name} starts in that time\n`);
				return ExitCode.Failure;
			}
			if (format === 'markdown') {
				io.stderr(`title: ${proposedTitle(schedule, sessions)}\n`);
				io.stdout(sessionEntries(sessions).text);
				return ExitCode.Ok;
			}
			io.stdout(`${JSON.stringify({
				name: schedule.name,
				timeZone: schedule.timeZone ?? null,
				days,
				sessions: sessions.map(s => ({
					title: s.title, subtitle: s.subtitle ?? null, speakers: s.speakers, room: s.room ?? null, track: s.track ?? null,
					start: formatLocalTime(s.start), end: s.end ? formatLocalTime(s.end) : null, url: s.url ?? null,
				})),
			}, undefined, 2)}\n`);
			return ExitCode.Ok;
		},
	};
}

export const scheduleCommand = createScheduleCommand();
