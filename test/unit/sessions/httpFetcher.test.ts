import * as assert from 'node:assert/strict';
import { NodeHttpFetcher, parseHostMap, type AddressResolver } from '../../../src/util/httpFetcher';
import { HTML, isKind, PAGE, startLoopbackServer, type LoopbackServer } from './loopback';

suite('util.NodeHttpFetcher', () => {
	let server: LoopbackServer;
	let streamedBytes = 0;
	let streamClosed: Promise<void>;

	suiteSetup(async () => {
		let resolveClosed: () => void;
		streamClosed = new Promise(resolve => { resolveClosed = resolve; });
		server = await startLoopbackServer({
			'/ok': { body: '<title>ok</title>' },
			'/missing': { status: 404, body: 'gone' },
			'/loop-a': { status: 302, headers: { location: '/loop-b' } },
			'/loop-b': { status: 302, headers: { location: '/loop-a' } },
			'/chain/0': { status: 301, headers: { location: '/chain/1' } },
			'/chain/1': { status: 301, headers: { location: '/chain/2' } },
			'/chain/2': { status: 301, headers: { location: '/chain/3' } },
			'/chain/3': { status: 301, headers: { location: '/chain/4' } },
			'/chain/4': { status: 301, headers: { location: '/chain/5' } },
			'/chain/5': { status: 301, headers: { location: '/chain/6' } },
			'/chain/6': { body: 'end' },
			'/short-chain': { status: 308, headers: { location: 'https://mapped.example/ok' } },
			'/to-file': { status: 302, headers: { location: 'file:///etc/passwd' } },
			'/to-loopback': { handle: (_request, response) => {
				response.writeHead(302, { location: `${server.origin}/ok` }).end();
			} },
			'/to-metadata': { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } },
			'/to-localhost-dot': { handle: (_request, response) => {
				response.writeHead(302, { location: `http://localhost.:${new URL(server.origin).port}/ok` }).end();
			} },
			'/to-intranet': { handle: (_request, response) => {
				response.writeHead(302, { location: `http://intranet.example:${new URL(server.origin).port}/ok` }).end();
			} },
			'/image': { headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
			'/binary-as-html': { headers: HTML, body: Buffer.from([0x3c, 0x68, 0, 0, 0xff, 0xfe]) },
			'/no-type': { headers: {}, body: 'x' },
			'/json': { headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
			'/declared-huge': { headers: { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }, handle: (_request, response) => {
				response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
				response.write('<html>');
			} },
			'/endless': { handle: (request, response) => {
				response.writeHead(200, { 'content-type': 'text/html' });
				const chunk = Buffer.alloc(64 * 1024, 'a');
				const pump = () => {
					while (!response.destroyed && response.write(chunk)) {
						streamedBytes += chunk.length;
						if (streamedBytes > 200 * 1024 * 1024) {
							return; // Safety stop for the test itself.
						}
					}
					if (!response.destroyed) {
						response.once('drain', pump);
					}
				};
				request.socket.on('close', () => resolveClosed());
				pump();
			} },
			'/stall': { handle: () => { /* never answers */ } },
			'/trickle': { handle: (_request, response) => {
				response.writeHead(200, { 'content-type': 'text/html' });
				response.write('<html>'); // headers and a first byte, then nothing
			} },
			'/latin2': { headers: { 'content-type': 'text/html; charset=iso-8859-2' }, body: Buffer.from([
				...Buffer.from('<p>Micha', 'latin1'), 0xb3, ...Buffer.from(' Jastrz', 'latin1'), 0xea, ...Buffer.from('bski</p>', 'latin1'),
			]) },
			'/meta-charset': { headers: { 'content-type': 'text/html' }, body: Buffer.from([
				...Buffer.from('<html><head><meta charset="windows-1250"></head><body>Micha', 'latin1'), 0xb3,
				...Buffer.from(' Jastrz', 'latin1'), 0xea, ...Buffer.from('bski</body></html>', 'latin1'),
			]) },
			'/utf8': { headers: HTML, body: '<p>Michał Jastrzębski</p>' },
		});
	});

	suiteTeardown(() => server.close());

	const fetcher = (options: ConstructorParameters<typeof NodeHttpFetcher>[0] = {}) =>
		new NodeHttpFetcher({ hostMap: server.hostMap('mapped.example'), timeoutMs: 1_000, ...options });

	test('Should fetch through the host map with the original Host header and a real User-Agent (#5)', async () => {
		const response = await fetcher().get('https://mapped.example/ok', PAGE);
		assert.equal(response.body, '<title>ok</title>');
		assert.equal(response.url, 'https://mapped.example/ok');
		assert.equal(response.contentType, 'text/html');
		const request = server.requests.find(r => r.key === 'mapped.example/ok')!;
		assert.match(request.headers['user-agent'] ?? '', /^EventWriteup\/\d/);
		assert.equal(request.headers.accept, PAGE.accept);
	});

	test('Should report a 404 as a status error (#5)', async () => {
		await assert.rejects(fetcher().get('https://mapped.example/missing', PAGE), isKind('status', /404/));
	});

	test('Should detect a redirect loop (#5)', async () => {
		await assert.rejects(fetcher().get('https://mapped.example/loop-a', PAGE), isKind('redirects', /loop/));
	});

	test('Should follow at most five redirects, and report the final URL (#5)', async () => {
		await assert.rejects(fetcher().get('https://mapped.example/chain/0', PAGE), isKind('redirects', /More than 5/));
		const response = await fetcher().get('https://mapped.example/chain/1', { accept: '*/*' });
		assert.equal(response.body, 'end');
		assert.equal(response.url, 'https://mapped.example/chain/6');
		const absolute = await fetcher().get('https://mapped.example/short-chain', PAGE);
		assert.equal(absolute.url, 'https://mapped.example/ok');
	});

	test('Should refuse non-http URLs and redirects to them (#5)', async () => {
		await assert.rejects(fetcher().get('file:///etc/passwd', PAGE), isKind('protocol'));
		await assert.rejects(fetcher().get('https://mapped.example/to-file', PAGE), isKind('protocol', /file:/));
	});

	test('Should refuse a redirect from a public host to a local or private address (#5)', async () => {
		await assert.rejects(fetcher().get('https://mapped.example/to-loopback', PAGE), isKind('protocol', /local address 127\.0\.0\.1/));
		await assert.rejects(fetcher().get('https://mapped.example/to-metadata', PAGE), isKind('protocol', /169\.254\.169\.254/));
		// A local URL the writer pasted is theirs to fetch.
		const direct = new NodeHttpFetcher({ timeoutMs: 1_000 });
		assert.equal((await direct.get(`${server.origin}/ok`, PAGE)).body, '<title>ok</title>');
	});

	test('Should refuse a redirect to localhost with a trailing dot', async () => {
		await assert.rejects(fetcher().get('https://mapped.example/to-localhost-dot', PAGE), isKind('protocol', /local address localhost\.:/));
	});

	test('Should refuse a redirect to a name that resolves to a loopback address, but fetch it when pasted', async () => {
		const resolved: string[] = [];
		const resolver: AddressResolver = (hostname, callback) => {
			resolved.push(hostname);
			if (hostname === 'intranet.example') {
				callback(null, [{ address: '127.0.0.1', family: 4 }]);
			} else {
				callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
			}
		};
		await assert.rejects(fetcher({ resolver }).get('https://mapped.example/to-intranet', PAGE),
			isKind('protocol', /intranet\.example.*resolves to the local address 127\.0\.0\.1/));
		assert.deepEqual(resolved, ['intranet.example']);
		const pasted = await fetcher({ resolver }).get(`http://intranet.example:${new URL(server.origin).port}/ok`, PAGE);
		assert.equal(pasted.body, '<title>ok</title>');
		await assert.rejects(fetcher({ resolver }).get('http://nowhere.example/ok', PAGE), isKind('network', /ENOTFOUND/));
	});

	test('Should refuse a link a public page names on another host when it is local, by name or through DNS', async () => {
		const resolver: AddressResolver = (hostname, callback) => {
			if (hostname === 'intranet.example') {
				callback(null, [{ address: '10.0.0.5', family: 4 }]);
			} else {
				callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
			}
		};
		const port = new URL(server.origin).port;
		const namedByPublicPage = { ...PAGE, namedBy: 'https://conf.example.org/talk/ABC/' };
		await assert.rejects(fetcher({ resolver }).get(`${server.origin}/ok`, namedByPublicPage), isKind('protocol', /link from conf\.example\.org to the local address 127\.0\.0\.1/));
		await assert.rejects(fetcher({ resolver }).get(`http://intranet.example:${port}/ok`, namedByPublicPage), isKind('protocol', /resolves to the local address 10\.0\.0\.5/));
		// Named by a local page, or on the naming page's own host, the link is as much the writer's as the page.
		assert.equal((await fetcher({ resolver }).get(`${server.origin}/ok`, { ...PAGE, namedBy: `${server.origin}/talk` })).body, '<title>ok</title>');
		assert.equal((await fetcher().get('https://mapped.example/ok', { ...PAGE, namedBy: 'https://mapped.example/talk' })).body, '<title>ok</title>');
	});

	test('Should refuse binary content, undeclared types and types the caller did not ask for (#5)', async () => {
		await assert.rejects(fetcher().get('https://mapped.example/image', PAGE), isKind('content-type', /image\/png/));
		await assert.rejects(fetcher().get('https://mapped.example/image', { accept: '*/*' }), isKind('content-type'));
		await assert.rejects(fetcher().get('https://mapped.example/binary-as-html', PAGE), isKind('content-type', /binary/));
		await assert.rejects(fetcher().get('https://mapped.example/no-type', PAGE), isKind('content-type'));
		await assert.rejects(fetcher().get('https://mapped.example/json', PAGE), isKind('content-type'));
		assert.equal((await fetcher().get('https://mapped.example/json', { accept: 'application/json' })).body, '{"a":1}');
	});

	test('Should refuse a body whose declared length is over the cap without reading it (#5)', async () => {
		await assert.rejects(fetcher().get('https://mapped.example/declared-huge', PAGE), isKind('too-large', /52428800 bytes/));
	});

	test('Should stop reading an endless body at the byte cap and close the connection (#5)', async () => {
		const maxBytes = 256 * 1024;
		await assert.rejects(fetcher({ maxBytes }).get('https://mapped.example/endless', PAGE), isKind('too-large'));
		await streamClosed;
		// The server could push only what socket buffers hold beyond the cap: far less than it would have.
		assert.ok(streamedBytes < 64 * 1024 * 1024, `server pushed ${streamedBytes} bytes`);
	});

	test('Should time out on a server that never answers and on one that stops mid-body (#5)', async () => {
		await assert.rejects(fetcher({ timeoutMs: 150 }).get('https://mapped.example/stall', PAGE), isKind('timeout'));
		await assert.rejects(fetcher({ timeoutMs: 150 }).get('https://mapped.example/trickle', PAGE), isKind('timeout'));
	});

	test('Should cancel on an abort signal, before and during a request (#5)', async () => {
		const before = new AbortController();
		before.abort();
		await assert.rejects(fetcher().get('https://mapped.example/ok', { ...PAGE, signal: before.signal }), isKind('cancelled'));
		const during = new AbortController();
		const pending = fetcher({ timeoutMs: 5_000 }).get('https://mapped.example/stall', { ...PAGE, signal: during.signal });
		setTimeout(() => during.abort(), 20);
		await assert.rejects(pending, isKind('cancelled'));
	});

	test('Should decode the charset from the header, from <meta charset>, and UTF-8 by default (#5)', async () => {
		assert.equal((await fetcher().get('https://mapped.example/latin2', PAGE)).body, '<p>Michał Jastrzębski</p>');
		assert.match((await fetcher().get('https://mapped.example/meta-charset', PAGE)).body, /Michał Jastrzębski/);
		assert.equal((await fetcher().get('https://mapped.example/utf8', PAGE)).body, '<p>Michał Jastrzębski</p>');
	});

	test('Should report an unreachable host as a network error (#5)', async () => {
		const closed = await startLoopbackServer({});
		const origin = closed.origin;
		await closed.close();
		const unreachable = new NodeHttpFetcher({ hostMap: { 'down.example': origin }, timeoutMs: 1_000 });
		await assert.rejects(unreachable.get('https://down.example/', PAGE), isKind('network'));
	});

	test('Should accept only loopback targets in the test host map (#5)', () => {
		assert.deepEqual(parseHostMap('{"WWW.Openstack.org":"http://127.0.0.1:1"}'), { 'www.openstack.org': 'http://127.0.0.1:1' });
		assert.equal(parseHostMap(undefined), undefined);
		assert.throws(() => parseHostMap('[1]'), /JSON object/);
		assert.throws(() => new NodeHttpFetcher({ hostMap: { 'a.example': 'http://example.com' } }), /loopback/);
	});
});
