import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveSession } from '../../../src/core/sessions/resolve';
import { NodeHttpFetcher } from '../../../src/util/httpFetcher';
import { SESSION_FIXTURES, startLoopbackServer, type LoopbackServer } from './loopback';

const REAL = path.join(SESSION_FIXTURES, 'real');

interface ExpectedSession {
	readonly url: string;
	readonly title: string;
	readonly speakers: string[];
}

/** XML's own escapes and character references, read here without the product's parser. */
function decodeXml(text: string): string {
	return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex?: string, decimal?: string, name?: string) =>
		hex ? String.fromCodePoint(parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal))
			: ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' } as Record<string, string>)[name!.toLowerCase()]);
}

/** Only ASCII whitespace is layout in an export; everything else is the talk's text. */
const asciiCollapse = (text: string) => text.replace(/[ \t\n\r\f\v]+/g, ' ').replace(/^ | $/g, '');

/** Every event of a Pentabarf-style export: its URL, title and speakers as the export writes them. */
function exportedEvents(xml: string): ExpectedSession[] {
	return [...xml.matchAll(/<event\b[^>]*>([\s\S]*?)<\/event>/g)].map(([, body]) => ({
		url: decodeXml(/<url>([^<]*)<\/url>/.exec(body)![1]),
		title: asciiCollapse(decodeXml(/<title>([^<]*)<\/title>/.exec(body)![1])),
		speakers: [...body.matchAll(/<person\b[^>]*>([^<]*)<\/person>/g)].map(m => asciiCollapse(decodeXml(m[1]))),
	}));
}

suite('sessions.realSchedules', function () {
	this.timeout(60_000);
	let server: LoopbackServer;
	let fetcher: NodeHttpFetcher;
	const exports = ['2025', '2026'].map(year => ({ year, xml: fs.readFileSync(path.join(REAL, `fosdem-${year}-schedule.xml`), 'utf8') }));

	suiteSetup(async () => {
		// FOSDEM's event pages are gone (404) and only the year's export answers, as for a past edition.
		server = await startLoopbackServer(Object.fromEntries(exports.map(({ year, xml }) =>
			[`fosdem.org/${year}/schedule/xml`, { headers: { 'content-type': 'application/xml' }, body: xml }])));
		fetcher = new NodeHttpFetcher({ hostMap: server.hostMap('fosdem.org', 'archive.fosdem.org', 'pretalx.fosdem.org'), timeoutMs: 5_000 });
	});

	suiteTeardown(() => server.close());

	for (const { year } of [{ year: '2025' }, { year: '2026' }]) {
		test(`Should give every FOSDEM ${year} session of the real export its exact title and speakers (#11)`, async () => {
			const events = exportedEvents(exports.find(e => e.year === year)!.xml);
			assert.ok(events.length >= 100, `${events.length} events`);
			const wrong: string[] = [];
			for (const event of events) {
				const info = await resolveSession(event.url, { fetcher });
				if (info.title !== event.title || JSON.stringify(info.speakers) !== JSON.stringify(event.speakers) || info.derived) {
					wrong.push(`${event.url}: ${JSON.stringify({ title: info.title, speakers: info.speakers })} ≠ ${JSON.stringify({ title: event.title, speakers: event.speakers })}`);
				}
			}
			assert.deepEqual(wrong, []);
		});
	}

	test('Should find a FOSDEM 2026 session whose URL slug is not its title, through the pretalx code (#11)', async () => {
		const info = await resolveSession('https://fosdem.org/2026/schedule/event/SFKNTZ-welcome_to_fosdem_2026/', { fetcher });
		assert.equal(info.title, 'Welcome to FOSDEM 2026');
		assert.deepEqual(info.speakers, ['FOSDEM Staff']);
		assert.equal(info.source, 'schedule-xml');
	});
});
