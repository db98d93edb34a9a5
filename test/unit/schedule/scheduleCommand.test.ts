// `event-writeup schedule` on real exports: from a file (offline) and from a session URL on loopback.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { listed } from '../helpers/cliEntry';
import type { CliIo } from '../../../src/cli/io';
import { createScheduleCommand } from '../../../src/cli/scheduleCommand';
import { NodeHttpFetcher } from '../../../src/util/httpFetcher';
import { SESSION_FIXTURES, startLoopbackServer, type LoopbackServer } from '../sessions/loopback';

const FOSDEM_2026 = path.join(SESSION_FIXTURES, 'real', 'fosdem-2026-schedule.xml');

function captureIo(): CliIo & { out: string; err: string } {
	const io = { out: '', err: '', cwd: '/', stdout(t: string) { io.out += t; }, stderr(t: string) { io.err += t; } };
	return io;
}

suite('cli: schedule', function () {
	this.timeout(30_000);
	let server: LoopbackServer;
	const command = () => createScheduleCommand(() => new NodeHttpFetcher({ hostMap: server.hostMap('fosdem.org', 'pretalx.fosdem.org'), timeoutMs: 5_000 }));
	const run = async (...args: string[]) => {
		const io = captureIo();
		const code = await runCli(args, io, [listed(command())]);
		return { code, ...io };
	};

	suiteSetup(async () => {
		server = await startLoopbackServer({ 'fosdem.org/2026/schedule/xml': { headers: { 'content-type': 'text/xml' }, body: fs.readFileSync(FOSDEM_2026, 'utf8') } });
	});

	suiteTeardown(() => server.close());

	test('Should print a day\'s sessions as JSON from an export file, offline (#17)', async () => {
		const { code, out } = await run('schedule', '--day', '2026-02-01', '--from', '14:00', '--to', '15:00', FOSDEM_2026);
		assert.equal(code, 0);
		const printed = JSON.parse(out) as { name: string; timeZone: string; days: string[]; sessions: Array<{ start: string; title: string; speakers: string[] }> };
		assert.equal(printed.name, 'FOSDEM 2026');
		assert.equal(printed.timeZone, 'Europe/Brussels');
		assert.ok(printed.sessions.length > 0);
		assert.ok(printed.sessions.every(s => s.start >= '2026-02-01T14:00' && s.start < '2026-02-01T15:00'), out);
	});

	test('Should print the write-up of an afternoon from a session URL, its title on stderr (#17)', async () => {
		const { code, out, err } = await run('schedule', '--day', '2026-01-31', '--from', '12:00', '--format', 'markdown', 'https://fosdem.org/2026/schedule/event/SFKNTZ-welcome_to_fosdem_2026/');
		assert.equal(code, 0, err);
		assert.match(err, /^title: FOSDEM 2026 - Saturday Sessions PM$/m);
		assert.match(out, /^#### .+\n<!-- session start=2026-01-31T1\d:\d\d:00\+01:00 end=/);
	});

	test('Should fail clearly: a day without sessions, markdown of several days, a file that is no schedule (#17)', async () => {
		const noDay = await run('schedule', '--day', '2026-03-01', FOSDEM_2026);
		assert.equal(noDay.code, 1);
		assert.match(noDay.err, /has no session on 2026-03-01; its days: 2026-01-31, 2026-02-01/);
		const severalDays = await run('schedule', '--format', 'markdown', FOSDEM_2026);
		assert.equal(severalDays.code, 2);
		assert.match(severalDays.err, /needs --day/);
		const notASchedule = await run('schedule', path.join(SESSION_FIXTURES, 'fosdem-event.html'));
		assert.equal(notASchedule.code, 1);
		assert.match(notASchedule.err, /not a frab or Pentabarf schedule/);
		const badTime = await run('schedule', '--from', '25:00', FOSDEM_2026);
		assert.equal(badTime.code, 2);
	});
});
