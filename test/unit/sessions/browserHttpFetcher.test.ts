import * as assert from 'node:assert/strict';
import { BrowserHttpFetcher } from '../../../src/util/browserHttpFetcher';
import { HTML, isKind, PAGE, startLoopbackServer, type LoopbackServer } from './loopback';

// The web extension host's client, run here on Node's own `fetch` (the same WHATWG API the browser has).
suite('util.BrowserHttpFetcher', () => {
	let server: LoopbackServer;

	suiteSetup(async () => {
		server = await startLoopbackServer({
			'/ok': { headers: HTML, body: '<title>ok \u00e9</title>' },
			'/latin1': { headers: { 'content-type': 'text/html' }, body: Buffer.from('<meta charset="iso-8859-1"><title>caf\xe9</title>', 'latin1') },
			'/moved': { status: 302, headers: { location: '/ok' } },
			'/missing': { status: 404, body: 'gone' },
			'/image': { headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) },
			'/binary-as-html': { headers: HTML, body: Buffer.from([0x3c, 0x68, 0, 0, 0xff, 0xfe]) },
			'/big': { headers: HTML, body: 'x'.repeat(4096) },
			'/slow': { handle: (_request, response) => {
				response.writeHead(200, HTML);
				response.write('<html>');
			} },
		});
	});

	suiteTeardown(async () => {
		await server.close();
	});

	test('Should read a page, following redirects, in its charset (#15)', async () => {
		const fetcher = new BrowserHttpFetcher();
		const page = await fetcher.get(`${server.origin}/moved`, PAGE);
		assert.equal(page.body, '<title>ok \u00e9</title>');
		assert.equal(page.url, `${server.origin}/ok`);
		assert.equal(page.contentType, 'text/html');
		assert.equal((await fetcher.get(`${server.origin}/latin1`, PAGE)).body, '<meta charset="iso-8859-1"><title>caf\u00e9</title>');
	});

	test('Should refuse what a lookup cannot read, each with its reason (#15)', async () => {
		const fetcher = new BrowserHttpFetcher({ maxBytes: 1024, timeoutMs: 300 });
		await assert.rejects(fetcher.get(`${server.origin}/missing`, PAGE), isKind('status', /404/));
		await assert.rejects(fetcher.get(`${server.origin}/image`, { accept: '*/*' }), isKind('content-type', /image\/png/));
		await assert.rejects(fetcher.get(`${server.origin}/binary-as-html`, PAGE), isKind('content-type', /binary/));
		await assert.rejects(fetcher.get(`${server.origin}/big`, PAGE), isKind('too-large'));
		await assert.rejects(fetcher.get(`${server.origin}/slow`, PAGE), isKind('timeout', /300 ms/));
		await assert.rejects(fetcher.get('file:///etc/passwd', PAGE), isKind('protocol'));
	});

	test('Should pass a body on as it arrives when asked, under the same cap and binary check (#17)', async () => {
		const fetcher = new BrowserHttpFetcher({ maxBytes: 1024 });
		let text = '';
		const streamed = await fetcher.get(`${server.origin}/ok`, { ...PAGE, onText: piece => text += piece });
		assert.equal(streamed.body, '');
		assert.equal(text, '<title>ok \u00e9</title>');
		await assert.rejects(fetcher.get(`${server.origin}/big`, { ...PAGE, onText: () => undefined }), isKind('too-large'));
		await assert.rejects(fetcher.get(`${server.origin}/binary-as-html`, { ...PAGE, onText: () => undefined }), isKind('content-type', /binary/));
	});

	test('Should say that the browser refused a request and what works better (#15)', async () => {
		const closed = await startLoopbackServer({});
		const origin = closed.origin;
		await closed.close();
		await assert.rejects(new BrowserHttpFetcher().get(`${origin}/talk`, PAGE), isKind('network', /CORS.*desktop/));
	});

	test('Should stop when the writer cancels (#15)', async () => {
		const cancel = new AbortController();
		const pending = new BrowserHttpFetcher({ timeoutMs: 10_000 }).get(`${server.origin}/slow`, { ...PAGE, signal: cancel.signal });
		setTimeout(() => cancel.abort(), 50);
		await assert.rejects(pending, isKind('cancelled'));
	});
});
