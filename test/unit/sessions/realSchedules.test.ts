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
	const read = (name: string) => fs.readFileSync(path.join(REAL, name), 'utf8');
	/** Each export where its platform serves it; the event pages are gone (404), as for a past edition. */
	const exports = [
		{ name: 'FOSDEM 2025', served: 'fosdem.org/2025/schedule/xml', xml: read('fosdem-2025-schedule.xml') },
		{ name: 'FOSDEM 2026', served: 'fosdem.org/2026/schedule/xml', xml: read('fosdem-2026-schedule.xml') },
		{ name: '38C3 (CCC hub)', served: 'events.ccc.de/congress/2024/hub/api/c/38c3/schedule.xml', xml: read('38c3-hub-schedule.xml') },
	];

	suiteSetup(async () => {
		server = await startLoopbackServer(Object.fromEntries(exports.map(({ served, xml }) => [served, { headers: { 'content-type': 'application/xml' }, body: xml }])));
		fetcher = new NodeHttpFetcher({ hostMap: server.hostMap('fosdem.org', 'archive.fosdem.org', 'pretalx.fosdem.org', 'events.ccc.de'), timeoutMs: 5_000 });
	});

	suiteTeardown(() => server.close());

	for (const { name, xml } of exports) {
		test(`Should give every ${name} session of the real export its exact title and speakers (#11)`, async () => {
			const events = exportedEvents(xml);
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
