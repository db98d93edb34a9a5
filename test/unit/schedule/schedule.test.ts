// Schedules read from real exports (FOSDEM 2026, 38C3, C3VOC samples, ical.js's calendar samples), found
// from session URLs on loopback servers that serve each export where its platform publishes it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSchedule, ScheduleFormatError } from '../../../src/core/schedule/readers';
import { formatLocalTime, proposedTitle, readSlotComments, scheduleDays, sessionsOf, weekdayOf } from '../../../src/core/schedule/schedule';
import { fetchSchedule, SCHEDULE_MAX_BYTES, scheduleExportUrls, ScheduleNotFoundError } from '../../../src/core/schedule/sources';
import { sessionEntries } from '../../../src/core/schedule/writeUp';
import { NodeHttpFetcher } from '../../../src/util/httpFetcher';
import { SESSION_FIXTURES, startLoopbackServer, type LoopbackServer } from '../sessions/loopback';
import { bigXmlExport } from './bigExports';

const SCHEDULE_FIXTURES = path.resolve(SESSION_FIXTURES, '..', 'schedule');
const read = (...segments: string[]) => fs.readFileSync(path.join(...segments), 'utf8');
const fosdem2026 = () => read(SESSION_FIXTURES, 'real', 'fosdem-2026-schedule.xml');
const icaljs = (name: string) => read(SCHEDULE_FIXTURES, 'icaljs', name);

/** The events of a Pentabarf export as its XML writes them, read without the product's parser. */
function exportedEvents(xml: string): Array<{ title: string; date: string; persons: string[] }> {
	const decode = (text: string) => text.replace(/&(?:#(\d+)|(amp|lt|gt|quot|apos));/g, (_, n?: string, name?: string) =>
		n ? String.fromCodePoint(Number(n)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' } as Record<string, string>)[name!]);
	return [...xml.matchAll(/<event\b[^>]*>([\s\S]*?)<\/event>/g)].map(([, body]) => ({
		title: decode(/<title>([^<]*)<\/title>/.exec(body)![1]).replace(/[ \t\n\r]+/g, ' ').trim(),
		date: /<date>([^<]*)<\/date>/.exec(body)![1],
		persons: [...body.matchAll(/<person\b[^>]*>([^<]*)<\/person>/g)].map(m => decode(m[1]).replace(/[ \t\n\r]+/g, ' ').trim()),
	}));
}

suite('core.schedule: reading exports', () => {
	test('Should read every session of FOSDEM 2026\'s XML with its exact title, speakers and local time (#17)', () => {
		const xml = fosdem2026();
		const schedule = readSchedule(xml);
		assert.equal(schedule.name, 'FOSDEM 2026');
		assert.equal(schedule.timeZone, 'Europe/Brussels');
		assert.deepEqual(scheduleDays(schedule), ['2026-01-31', '2026-02-01']);
		const exported = exportedEvents(xml);
		assert.equal(schedule.sessions.length, exported.length);
		const byStartAndTitle = new Map(schedule.sessions.map(s => [`${formatLocalTime(s.start)} ${s.title}`, s]));
		for (const event of exported) {
			const session = byStartAndTitle.get(`${event.date} ${event.title}`);
			assert.ok(session, `${event.date} ${event.title}`);
			assert.deepEqual(session.speakers, event.persons, event.title);
		}
		const welcome = schedule.sessions.find(s => s.title === 'Welcome to FOSDEM 2026')!;
		assert.deepEqual([welcome.room, welcome.track, formatLocalTime(welcome.end!)], ['Janson', 'Main Track', '2026-01-31T09:50:00+01:00']);
		// In time order.
		const starts = schedule.sessions.map(s => formatLocalTime(s.start));
		assert.deepEqual(starts, [...starts].sort());
	});

	test('Should read the 38C3 hub export over four days, non-ASCII text kept (#17)', () => {
		const schedule = readSchedule(read(SESSION_FIXTURES, 'real', '38c3-hub-schedule.xml'));
		assert.equal(schedule.name, '38C3');
		assert.equal(scheduleDays(schedule).length, 4);
		assert.ok(schedule.sessions.some(s => s.title === '"Natürlich bin ich 18!" - Altersprüfungen im Netz aus Datenschutzperspektive'));
	});

	test('Should read C3VOC JSON v1 (days and rooms, subtitles) and v2 (speakers by role) (#17)', () => {
		const v1 = readSchedule(read(SESSION_FIXTURES, 'c3voc-schedule-v1.json'));
		const ecosystem = v1.sessions.find(s => s.title === 'The Ecosystem Is Moving')!;
		assert.equal(ecosystem.subtitle, 'Challenges for distributed and secure communication');
		assert.equal(formatLocalTime(ecosystem.end!), '2019-12-27T17:10:00+01:00');
		const v2 = readSchedule(read(SESSION_FIXTURES, 'c3voc-schedule-v2.json'));
		assert.deepEqual(v2.sessions[0].speakers, ['Fefe', 'Frank']);
	});

	test('Should read iCalendar agendas: recurrences expanded, zones from the file, all-day events left out (#17)', () => {
		const daily = readSchedule(icaljs('daily_recur.ics'));
		assert.deepEqual(daily.sessions.slice(0, 3).map(s => formatLocalTime(s.start)), ['2012-08-01T05:00:00-07:00', '2012-08-02T05:00:00-07:00', '2012-08-03T05:00:00-07:00']);
		assert.ok(new Set(daily.sessions.map(s => s.id)).size === daily.sessions.length, 'each occurrence has an id of its own');
		// A recurrence the parser cannot expand (RDATE periods) keeps its first occurrence; a broken VTIMEZONE is skipped.
		const instances = readSchedule(icaljs('recur_instances.ics'));
		assert.equal(formatLocalTime(instances.sessions[0].start), '2012-10-02T10:00:00-07:00');
		assert.equal(instances.sessions[0].room, 'PLACE');
		assert.equal(readSchedule(icaljs('minimal.ics')).sessions[0].title, 'Really long event name thing');
		assert.throws(() => readSchedule(icaljs('only_dtstart_date.ics')), ScheduleFormatError);
	});

	test('Should place sessions on each side of a daylight-saving change at their wall time and offset (#17)', () => {
		const zone = icaljs('America-New_York.ics').replace(/^[\s\S]*?(BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE)[\s\S]*$/, '$1');
		const event = (uid: string, start: string, end: string, summary: string) =>
			`BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTART;TZID=America/New_York:${start}\r\nDTEND;TZID=America/New_York:${end}\r\nSUMMARY:${summary}\r\nLOCATION:Room 1\r\nURL:https://example.org/${uid}\r\nEND:VEVENT\r\n`;
		const agenda = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//agenda//EN\r\nX-WR-CALNAME:KubeCon NA\r\n${zone.replace(/\r?\n/g, '\r\n')}\r\n` +
			event('a', '20260308T013000', '20260308T014500', 'Before the change') +
			event('b', '20260308T093000', '20260308T100000', 'After the change') +
			event('c', '20260307T233000', '20260308T000000', 'The evening before') +
			'BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20260308\r\nSUMMARY:All day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
		const schedule = readSchedule(agenda);
		assert.equal(schedule.name, 'KubeCon NA');
		assert.deepEqual(schedule.sessions.map(s => [s.title, formatLocalTime(s.start)]), [
			['The evening before', '2026-03-07T23:30:00-05:00'],
			['Before the change', '2026-03-08T01:30:00-05:00'],
			['After the change', '2026-03-08T09:30:00-04:00'],
		]);
		assert.deepEqual(scheduleDays(schedule), ['2026-03-07', '2026-03-08']);
	});

	test('Should refuse what is no schedule with a message (#17)', () => {
		assert.throws(() => readSchedule('<html><body>hi</body></html>'), /not a frab or Pentabarf schedule/);
		assert.throws(() => readSchedule('{"talks": []}'), /no "schedule" object/);
		assert.throws(() => readSchedule('{broken'), /not valid JSON/);
		assert.throws(() => readSchedule('hello'), /not a schedule export/);
	});
});

suite('core.schedule: a half day\'s write-up', () => {
	const schedule = readSchedule(fosdem2026());

	test('Should pick a day\'s morning or afternoon and title the post after it (#17)', () => {
		const afternoon = sessionsOf(schedule, { day: '2026-02-01', from: '12:00' });
		assert.ok(afternoon.length > 0 && afternoon.every(s => s.start.date === '2026-02-01' && s.start.time >= '12:00'));
		assert.equal(proposedTitle(schedule, afternoon), 'FOSDEM 2026 - Sunday Sessions PM');
		const morning = sessionsOf(schedule, { day: '2026-01-31', to: '12:00' });
		assert.equal(proposedTitle(schedule, morning), 'FOSDEM 2026 - Saturday Sessions AM');
		assert.equal(proposedTitle(schedule, [...morning.slice(0, 1), ...afternoon.slice(0, 1)]), 'FOSDEM 2026 - Saturday Sessions');
		assert.equal(weekdayOf('2017-05-09'), 'Tuesday');
	});

	test('Should write one entry per session in time order, each slot in a comment Hugo does not publish (#17)', () => {
		const picked = sessionsOf(schedule, { day: '2026-01-31', from: '12:00', to: '13:00' }).slice(0, 3);
		const { text, cursorOffset } = sessionEntries(picked);
		const headings = [...text.matchAll(/^#### (.*)$/gm)].map(m => m[1]);
		assert.equal(headings.length, 3);
		assert.deepEqual(readSlotComments(text).map(c => c.start), picked.map(s => formatLocalTime(s.start)));
		assert.equal(readSlotComments(text)[0].end, formatLocalTime(picked[0].end!));
		assert.ok(text.includes(`- ${picked[0].speakers[0]}\n`));
		// The cursor waits in the first entry, after its links, for the notes.
		assert.ok(cursorOffset > text.indexOf(picked[0].url!) && cursorOffset < text.indexOf(`#### ${headings[1]}`));
	});
});

suite('core.schedule: finding a schedule from a URL', function () {
	this.timeout(30_000);
	let server: LoopbackServer;
	let fetcher: NodeHttpFetcher;

	suiteSetup(async () => {
		server = await startLoopbackServer({
			'fosdem.org/2026/schedule/xml': { headers: { 'content-type': 'application/xml' }, body: fosdem2026() },
			'pretalx.example.org/democon/schedule/export/schedule.json': { headers: { 'content-type': 'application/json' }, body: read(SESSION_FIXTURES, 'c3voc-schedule-v1.json') },
			'talks.example.org/conf/schedule/export/schedule.json': { headers: { 'content-type': 'text/html' }, body: '<html>Log in</html>' },
		});
		fetcher = new NodeHttpFetcher({ hostMap: server.hostMap('fosdem.org', 'pretalx.fosdem.org', 'pretalx.example.org', 'talks.example.org'), timeoutMs: 5_000 });
	});

	suiteTeardown(() => server.close());

	test('Should know where each platform exports the schedule of a session URL (#17)', () => {
		assert.deepEqual(scheduleExportUrls('https://fosdem.org/2026/schedule/event/DBGZAU-rust-cel/'),
			['https://fosdem.org/2026/schedule/xml', 'https://pretalx.fosdem.org/fosdem-2026/schedule/export/schedule.json']);
		assert.deepEqual(scheduleExportUrls('https://pretalx.com/pycon-uk-2022/talk/ABCDEF/'), ['https://pretalx.com/pycon-uk-2022/schedule/export/schedule.json']);
		assert.ok(scheduleExportUrls('https://fahrplan.events.ccc.de/congress/2019/Fahrplan/events/10523.html').includes('https://fahrplan.events.ccc.de/congress/2019/Fahrplan/schedule.json'));
		assert.ok(scheduleExportUrls('https://events.ccc.de/congress/2024/hub/en/event/some-talk/').includes('https://events.ccc.de/congress/2024/hub/api/c/38c3/schedule.xml'));
		assert.deepEqual(scheduleExportUrls('https://kccncna2023.sched.com/event/1R2mJ/x'), ['https://kccncna2023.sched.com/all.ics']);
		assert.deepEqual(scheduleExportUrls('not a url'), []);
	});

	test('Should read the whole schedule from a session URL, from the export where the platform publishes it (#17)', async () => {
		const schedule = await fetchSchedule(fetcher, 'https://fosdem.org/2026/schedule/event/SFKNTZ-welcome_to_fosdem_2026/');
		assert.equal(schedule.name, 'FOSDEM 2026');
		assert.equal(schedule.sessions.length, exportedEvents(fosdem2026()).length);
		const pretalx = await fetchSchedule(fetcher, 'https://pretalx.example.org/democon/talk/ABC123/');
		assert.equal(pretalx.name, '36th Chaos Communication Congress');
	});

	test('Should say why no schedule was found: a 404, a page that is no export (#17)', async () => {
		await assert.rejects(fetchSchedule(fetcher, 'https://talks.example.org/conf/talk/XYZ/'), (error: unknown) =>
			error instanceof ScheduleNotFoundError && /schedule\.json/.test(error.message));
		await assert.rejects(fetchSchedule(fetcher, 'https://example.com/about'), /is not a schedule or a session of a schedule/);
	});
});

suite('core.schedule: big exports at the size limits', function () {
	this.timeout(60_000);
	let server: LoopbackServer;
	const big = bigXmlExport(3_000);

	suiteSetup(async () => {
		server = await startLoopbackServer({ 'fosdem.org/2026/schedule/xml': { headers: { 'content-type': 'application/xml' }, body: big } });
	});

	suiteTeardown(() => server.close());

	test('Should read a 3,000-session export that a session lookup\'s 2 MB cap would refuse (#17)', async () => {
		assert.ok(big.length > 2 * 1024 * 1024, `${big.length} bytes`);
		const sessionLimits = new NodeHttpFetcher({ hostMap: server.hostMap('fosdem.org', 'pretalx.fosdem.org'), timeoutMs: 5_000 });
		await assert.rejects(fetchSchedule(sessionLimits, 'https://fosdem.org/2026/schedule/event/X/'), /larger than the 2097152-byte limit/);
		const scheduleLimits = new NodeHttpFetcher({ hostMap: server.hostMap('fosdem.org', 'pretalx.fosdem.org'), timeoutMs: 5_000, maxBytes: SCHEDULE_MAX_BYTES, totalTimeoutMs: 60_000 });
		const schedule = await fetchSchedule(scheduleLimits, 'https://fosdem.org/2026/schedule/event/X/');
		assert.equal(schedule.sessions.length, 3_000);
		assert.deepEqual(scheduleDays(schedule), ['2026-01-31', '2026-02-01']);
	});

	test('Should refuse an export over the schedule cap with the reason (#17)', async () => {
		const tight = new NodeHttpFetcher({ hostMap: server.hostMap('fosdem.org', 'pretalx.fosdem.org'), timeoutMs: 5_000, maxBytes: 1024 * 1024 });
		await assert.rejects(fetchSchedule(tight, 'https://fosdem.org/2026/schedule/event/X/'), (error: unknown) =>
			error instanceof ScheduleNotFoundError && /larger than the 1048576-byte limit/.test(error.message));
	});
});

suite('core.schedule: Sessionize API views', () => {
	const view = (name: string) => read(SCHEDULE_FIXTURES, 'sessionize', name);

	test('Should read the Sessions view: local times, speakers by name, breaks left out (#17)', () => {
		const schedule = readSchedule(view('view-sessions.json'), 'Global Azure 2023');
		assert.equal(schedule.format, 'sessionize');
		assert.deepEqual(schedule.sessions.map(s => [s.title, formatLocalTime(s.start), s.room, s.speakers]), [
			['Success in a Chaotic IT World: Tips for New and Seasoned Pros', '2023-03-25T08:45:00', 'Auditorium 202', ['Rick Claus']],
		]);
	});

	test('Should read the All view, speakers and rooms resolved from their ids (#17)', () => {
		const schedule = readSchedule(view('view-all.json'), 'SecCon');
		assert.deepEqual(schedule.sessions.map(s => [s.title, s.room, s.speakers, s.end && formatLocalTime(s.end)]), [
			['Morning Keynote', 'Main Hall', ['Ana Lopes', 'Tomás Øster'], '2026-09-10T09:25:00'],
			['Zero Trust in Practice', 'Room B', ['Tomás Øster'], '2026-09-10T10:30:00'],
		]);
		assert.deepEqual(scheduleExportUrls('https://sessionize.com/api/v2/abc123/view/All'), ['https://sessionize.com/api/v2/abc123/view/All']);
	});
});

suite('core.schedule: OpenStack summits', function () {
	this.timeout(30_000);
	let server: LoopbackServer;

	suiteSetup(async () => {
		// The summit API's shapes: the summit with its zone, published events in pages (the FWaaS event as the
		// API serves it, test/fixtures/sessions/openstack-summit-api-18236.json).
		const fwaas = JSON.parse(read(SESSION_FIXTURES, 'openstack-summit-api-18236.json')) as Record<string, unknown>;
		const kolla = { ...fwaas, id: 18385, title: 'Easier OpenStack Deployment: Novice Installation Using Kolla', start_date: 1494342000, end_date: 1494344400,
			speakers: [{ id: 1, first_name: 'Michał', last_name: 'Jastrzębski' }, { id: 2, first_name: 'Steven', last_name: 'Dake' }], location: { id: 9, name: 'Ballroom A' } };
		const json = (value: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
		server = await startLoopbackServer({
			'openstackid-resources.openstack.org/api/public/v1/summits/22': json({ id: 22, name: 'OpenStack Summit Boston 2017', time_zone_id: 'America/New_York', time_zone: { name: 'America/New_York', offset: -14400 } }),
			'openstackid-resources.openstack.org/api/public/v1/summits/22/events/published?expand=speakers,location&per_page=100&page=1': json({ total: 2, per_page: 1, current_page: 1, last_page: 2, data: [fwaas] }),
			'openstackid-resources.openstack.org/api/public/v1/summits/22/events/published?expand=speakers,location&per_page=100&page=2': json({ total: 2, per_page: 1, current_page: 2, last_page: 2, data: [kolla] }),
			// A summit outside the slug → id table: found by its slug (this server's own id), then read by id.
			'openstackid-resources.openstack.org/api/public/v1/summits/all/vancouver-2018': json({ id: 9024, slug: 'vancouver-2018', name: 'OpenStack Summit Vancouver 2018', time_zone_id: 'America/Vancouver', time_zone: { name: 'America/Vancouver', offset: -25200 } }),
			'openstackid-resources.openstack.org/api/public/v1/summits/9024/events/published?expand=speakers,location&per_page=100&page=1': json({ total: 1, per_page: 100, current_page: 1, last_page: 1, data: [fwaas] }),
			'openstackid-resources.openstack.org/api/public/v1/summits/all/atlantis-2099': { status: 404, headers: { 'content-type': 'application/json' }, body: '{"message":"Not Found"}' },
		});
	});

	suiteTeardown(() => server.close());

	test('Should read a summit\'s schedule from the summit API, page by page, in the summit\'s local time (#17)', async () => {
		const fetcher = new NodeHttpFetcher({ hostMap: server.hostMap('openstackid-resources.openstack.org', 'www.openstack.org'), timeoutMs: 5_000 });
		const schedule = await fetchSchedule(fetcher, 'https://www.openstack.org/summit/boston-2017/summit-schedule/events/18385/easier-openstack-deployment-novice-installation-using-kolla');
		assert.equal(schedule.name, 'OpenStack Summit Boston 2017');
		assert.equal(schedule.timeZone, 'America/New_York');
		assert.deepEqual(schedule.sessions.map(s => [s.title, formatLocalTime(s.start), s.room, s.speakers]), [
			['Easier OpenStack Deployment: Novice Installation Using Kolla', '2017-05-09T11:00:00-04:00', 'Ballroom A', ['Michał Jastrzębski', 'Steven Dake']],
			['FWaaS v2: A New Beginning', '2017-05-09T14:50:00-04:00', 'MR 102', ['Nate Johnston', 'Sridar Kandaswamy']],
		]);
		assert.equal(proposedTitle(schedule, schedule.sessions.slice(1)), 'OpenStack Summit Boston 2017 - Tuesday Sessions PM');
	});

	test('Should find a summit outside the known ones by its slug, and say so when the API knows none (#17)', async () => {
		const fetcher = new NodeHttpFetcher({ hostMap: server.hostMap('openstackid-resources.openstack.org', 'www.openstack.org'), timeoutMs: 5_000 });
		const schedule = await fetchSchedule(fetcher, 'https://www.openstack.org/summit/vancouver-2018/summit-schedule/events/18236/fwaas-v2-a-new-beginning');
		assert.equal(schedule.name, 'OpenStack Summit Vancouver 2018');
		assert.deepEqual(schedule.sessions.map(s => [s.title, formatLocalTime(s.start)]), [['FWaaS v2: A New Beginning', '2017-05-09T11:50:00-07:00']]);
		await assert.rejects(fetchSchedule(fetcher, 'https://www.openstack.org/summit/atlantis-2099/summit-schedule/events/1/x'),
			(error: Error) => error instanceof ScheduleNotFoundError && /summit API: .*404/.test(error.message));
	});
});
