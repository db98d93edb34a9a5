// Big schedules made from a real one: FOSDEM 2026's events repeated (ids, slugs and times varied) until the
// export holds `count` sessions, as frab XML and as C3VOC JSON. FOSDEM 2026 itself has about 1,000 talks.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SESSION_FIXTURES } from '../sessions/loopback';

const FOSDEM_2026 = path.join(SESSION_FIXTURES, 'real', 'fosdem-2026-schedule.xml');

function events(): string[] {
	return [...fs.readFileSync(FOSDEM_2026, 'utf8').matchAll(/<event\b[\s\S]*?<\/event>/g)].map(m => m[0]);
}

/** A frab XML export of `count` sessions over two days. */
export function bigXmlExport(count: number): string {
	const source = events();
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const day = i % 2 === 0 ? '2026-01-31' : '2026-02-01';
		const hour = String(9 + (i % 9)).padStart(2, '0');
		out.push(source[i % source.length]
			.replace(/guid="[^"]*"/, `guid="big-${i}"`)
			.replace(/<date>[^<]*<\/date>/, `<date>${day}T${hour}:${String(i % 60).padStart(2, '0')}:00+01:00</date>`));
	}
	return `<?xml version='1.0' encoding='utf-8'?>\n<schedule><conference><title>FOSDEM 2026</title><time_zone_name>Europe/Brussels</time_zone_name></conference>\n`
		+ `<day index="1" date="2026-01-31"><room name="All">\n${out.join('\n')}\n</room></day></schedule>\n`;
}

/** The same sessions as a C3VOC `schedule.json` (v2: a flat list of events). */
export function bigJsonExport(count: number): string {
	const xmlEvents = [...bigXmlExport(count).matchAll(/<event\b[\s\S]*?<\/event>/g)].map(m => m[0]);
	const tag = (body: string, name: string) => /<([a-z]+)>([^<]*)<\/\1>/.exec(body.slice(body.indexOf(`<${name}>`)))?.[2] ?? '';
	return JSON.stringify({
		schedule: {
			version: '2.0',
			conference: { title: 'FOSDEM 2026', time_zone_name: 'Europe/Brussels' },
			events: xmlEvents.map((body, i) => ({
				guid: `big-${i}`, title: tag(body, 'title'), start: tag(body, 'date'), duration: tag(body, 'duration'),
				room: { name: tag(body, 'room') }, url: tag(body, 'url'),
				participants: [...body.matchAll(/<person\b[^>]*>([^<]*)<\/person>/g)].map(m => ({ name: m[1], role: 'speaker' })),
			})),
		},
	});
}
