// Schedule exports read while they download: the same schedule as read whole, whatever the chunks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSchedule, ScheduleTextReader } from '../../../src/core/schedule/readers';
import { fetchSchedule, SCHEDULE_MAX_BYTES } from '../../../src/core/schedule/sources';
import type { FetchOptions, FetchResponse, HttpFetcher } from '../../../src/core/sessions/types';
import { NodeHttpFetcher } from '../../../src/util/httpFetcher';
import { TextStream } from '../../../src/util/httpText';
import { isKind, SESSION_FIXTURES, startLoopbackServer, type LoopbackServer } from '../sessions/loopback';

const read = (...segments: string[]) => fs.readFileSync(path.join(...segments), 'utf8');
const hub38c3 = () => read(SESSION_FIXTURES, 'real', '38c3-hub-schedule.xml');

/** `text` cut into pieces of the given sizes in turn. */
function pieces(text: string, sizes: readonly number[]): string[] {
	const result: string[] = [];
	for (let at = 0, i = 0; at < text.length; i++) {
		const size = sizes[i % sizes.length];
		result.push(text.slice(at, at + size));
		at += size;
	}
	return result;
}

suite('core.schedule: exports read as they arrive', function () {
	this.timeout(60_000);

	test('Should read an export fed in pieces as it reads it whole: XML, JSON and iCalendar, a leading BOM and blank lines included (#17)', () => {
		const exports = [
			`\uFEFF\n\n${hub38c3()}`,
			read(SESSION_FIXTURES, 'c3voc-schedule-v1.json'),
			read(SESSION_FIXTURES, '..', 'schedule', 'icaljs', 'daily_recur.ics'),
		];
		for (const text of exports) {
			const whole = readSchedule(text);
			for (const sizes of [[1], [7, 1, 300], [4096]]) {
				const reader = new ScheduleTextReader();
				pieces(text, sizes).forEach(piece => reader.write(piece));
				assert.deepEqual(reader.end(), whole, `${whole.format} in pieces of ${sizes.join(', ')}`);
			}
		}
	});

	test('Should decode a body whose pieces cut characters in two, in its declared charset (#17)', () => {
		const cases = [
			{ header: 'application/xml', text: 'Natürlich bin ich 18! — Altersprüfungen 🙂 im Netz', bytes: (t: string) => Buffer.from(t, 'utf8') },
			{ header: 'application/xml; charset=iso-8859-1', text: 'Natürlich bin ich 18! Altersprüfungen', bytes: (t: string) => Buffer.from(t, 'latin1') },
		];
		for (const { header, text, bytes: encode } of cases) {
			const bytes = encode(text);
			let decoded = '';
			const stream = new TextStream(header, piece => decoded += piece);
			for (let at = 0; at < bytes.length; at += 3) {
				assert.ok(stream.push(bytes.subarray(at, at + 3)));
			}
			stream.end();
			assert.equal(decoded, text, header);
		}
		assert.equal(new TextStream('application/xml', () => undefined).push(Buffer.from([0x3c, 0x00])), false, 'a NUL in the first bytes: binary');
	});

	suite('over HTTP', () => {
		let server: LoopbackServer;
		const xml = Buffer.from(hub38c3(), 'utf8');

		suiteSetup(async () => {
			server = await startLoopbackServer({
				// Small writes that cut UTF-8 sequences in two: the decoder must carry their bytes over.
				'events.ccc.de/congress/2024/hub/schedule.xml': {
					handle(_request, response) {
						response.writeHead(200, { 'content-type': 'application/xml' });
						let at = 0;
						const next = () => {
							if (at >= xml.length) {
								response.end();
								return;
							}
							response.write(xml.subarray(at, at + 997));
							at += 997;
							setImmediate(next);
						};
						next();
					},
				},
				'binary.example.org/schedule.xml': { headers: { 'content-type': 'application/xml' }, body: Buffer.from([0x3c, 0x00, 0x01, 0x02]) },
			});
		});

		suiteTeardown(() => server.close());

		test('Should read an export while it downloads, passed on in pieces, with the schedule of the whole (#17)', async () => {
			const fetcher = new NodeHttpFetcher({ hostMap: server.hostMap('events.ccc.de', 'binary.example.org'), maxBytes: SCHEDULE_MAX_BYTES, timeoutMs: 10_000 });
			let pieceCount = 0;
			const bodies: string[] = [];
			const watched: HttpFetcher = {
				async get(url: string, options: FetchOptions): Promise<FetchResponse> {
					const onText = options.onText;
					const response = await fetcher.get(url, onText ? { ...options, onText: chunk => { pieceCount++; onText(chunk); } } : options);
					bodies.push(response.body);
					return response;
				},
			};
			const schedule = await fetchSchedule(watched, 'https://events.ccc.de/congress/2024/hub/schedule.xml');
			assert.deepEqual(schedule, readSchedule(xml.toString('utf8')));
			assert.ok(pieceCount > 10, `read in ${pieceCount} pieces`);
			assert.deepEqual(bodies, [''], 'no whole body was kept');
			await assert.rejects(fetcher.get('https://binary.example.org/schedule.xml', { accept: 'application/xml', onText: () => undefined }), isKind('content-type', /binary data/));
		});
	});
});
