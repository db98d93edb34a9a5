// Local times as exports write them, read by position where the shape allows and by pattern otherwise:
// checked on generated times against what `Date` arithmetic says, in every shape the readers accept.
import * as assert from 'node:assert/strict';
import { addDuration, inStartOrder, parseLocalTime, type ScheduleSession } from '../../../src/core/schedule/schedule';

function randomSource(seed: number): () => number {
	return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

suite('core.schedule: local times', () => {
	test('Should read every written shape of a local time to the same date, time and offset', () => {
		const random = randomSource(11);
		const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
		for (let i = 0; i < 2_000; i++) {
			const date = `${1990 + Math.floor(random() * 60)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
			const time = `${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}`;
			const offset = pick([undefined, 0, 60, -300, 330, -570, 765, -720]);
			const seconds = pick(['', ':00', ':59', ':07.250']);
			const zone = offset === undefined ? '' : offset === 0 && random() < 0.5 ? 'Z'
				: `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}${pick([':', ''])}${pad(Math.abs(offset) % 60)}`;
			const written = `${date}${pick(['T', ' '])}${time}${seconds}${zone}`;
			const expected = offset === undefined ? { date, time } : { date, time, offsetMinutes: offset };
			assert.deepEqual(parseLocalTime(written), expected, written);
		}
	});

	test('Should refuse what is not a local time, also in the length the positional reading takes', () => {
		for (const written of ['2026-01-31T09:30:00+01:0x', '2026-01-31X09:30:00+01:00', '2026-01-3lT09:30:00+01:00', '2026-01-31T09:30:00*01:00', '2026-01-31', 'tomorrow', '']) {
			assert.equal(parseLocalTime(written), undefined, written);
		}
	});

	test('Should move the wall clock on by a duration, across midnight and month ends, as Date arithmetic does', () => {
		const random = randomSource(23);
		for (let i = 0; i < 2_000; i++) {
			const month = 1 + Math.floor(random() * 12);
			const lastDay = new Date(Date.UTC(2026, month, 0)).getUTCDate();
			const startDay = random() < 0.2 ? lastDay : 1 + Math.floor(random() * 28);
			const start = { date: `2026-${pad(month)}-${pad(startDay)}`, time: `${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}`, offsetMinutes: 60 };
			const hours = Math.floor(random() * (random() < 0.1 ? 200 : 4)), minutes = Math.floor(random() * 60);
			const written = random() < 0.5 ? `${pad(hours)}:${pad(minutes)}` : ` ${hours}:${pad(minutes)}:${pad(Math.floor(random() * 60))} `;
			const [year, startMonth, day] = start.date.split('-').map(Number);
			const wall = new Date(Date.UTC(year, startMonth - 1, day, Number(start.time.slice(0, 2)), Number(start.time.slice(3, 5))) + (hours * 60 + minutes) * 60_000);
			const expected = {
				date: `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
				time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
				offsetMinutes: 60,
			};
			assert.deepEqual(addDuration(start, written), expected, `${start.date} ${start.time} + ${written}`);
		}
		assert.deepEqual(addDuration({ date: '2026-01-31', time: '09:30' }, '00:45'), { date: '2026-01-31', time: '10:15' });
		assert.equal(addDuration({ date: '2026-01-31', time: '09:30' }, '45 minutes'), undefined);
	});

	test('Should order sessions by start, keeping the export\'s order among sessions at one time', () => {
		const random = randomSource(5);
		const sessions: ScheduleSession[] = Array.from({ length: 500 }, (_, i) => ({
			id: String(i), title: `Talk ${i}`, speakers: [],
			start: { date: `2026-02-0${1 + Math.floor(random() * 3)}`, time: `${pad(9 + Math.floor(random() * 3))}:${random() < 0.5 ? '00' : '30'}` },
		}));
		const ordered = inStartOrder(sessions);
		const expected = sessions.map((session, i) => ({ session, i }))
			.sort((a, b) => `${a.session.start.date}T${a.session.start.time}`.localeCompare(`${b.session.start.date}T${b.session.start.time}`) || a.i - b.i)
			.map(({ session }) => session.id);
		assert.deepEqual(ordered.map(s => s.id), expected);
		assert.equal(inStartOrder(ordered), ordered, 'sessions already in order are kept as they are');
	});
});
