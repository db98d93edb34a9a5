import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { FetchError } from '../../../src/core/sessions/types';

export const SESSION_FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/sessions');

export function fixture(name: string): string {
	return fs.readFileSync(path.join(SESSION_FIXTURES, name), 'utf8');
}

export interface Route {
	status?: number;
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** Serves the request itself (streams, stalls, loops). */
	handle?: (request: http.IncomingMessage, response: http.ServerResponse) => void;
}

export interface LoopbackServer {
	/** `http://127.0.0.1:port` */
	readonly origin: string;
	/** Every request the server saw: `host + path` and its headers. */
	readonly requests: Array<{ key: string; headers: http.IncomingHttpHeaders }>;
	/** Maps host names (or `*.domain`) to this server, for `NodeHttpFetcher`'s `hostMap`. */
	hostMap(...hosts: string[]): Record<string, string>;
	close(): Promise<void>;
}

export const HTML = { 'content-type': 'text/html; charset=utf-8' };
/** The options of a lookup that asks for a web page. */
export const PAGE = { accept: 'text/html,application/xhtml+xml' };

/** For `assert.rejects`: the error is a `FetchError` of `kind`, its message matching `message` when given. */
export function isKind(kind: FetchError['kind'], message?: RegExp): (error: unknown) => true {
	return (error: unknown) => {
		assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
		assert.equal(error.kind, kind, error.message);
		if (message) {
			assert.match(error.message, message);
		}
		return true;
	};
}
export const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * A loopback HTTP server on a random port. Routes are keyed by `Host` header + path and query
 * (`www.openstack.org/videos/api/video/x`), so one server stands in for every platform; a key
 * without a host (`/path`) matches any host.
 */
export async function startLoopbackServer(routes: Record<string, Route>): Promise<LoopbackServer> {
	const requests: Array<{ key: string; headers: http.IncomingHttpHeaders }> = [];
	const sockets = new Set<import('node:net').Socket>();
	const server = http.createServer((request, response) => {
		const host = (request.headers.host ?? '').replace(/:\d+$/, '');
		const key = `${host}${request.url ?? '/'}`;
		requests.push({ key, headers: request.headers });
		const route = routes[key] ?? routes[request.url ?? '/'];
		if (!route) {
			response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
			return;
		}
		if (route.handle) {
			route.handle(request, response);
			return;
		}
		response.writeHead(route.status ?? 200, route.headers ?? HTML).end(route.body ?? '');
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		requests,
		hostMap: (...hosts) => Object.fromEntries(hosts.map(h => [h, origin])),
		close: () => new Promise<void>(resolve => {
			for (const socket of sockets) {
				socket.destroy();
			}
			server.close(() => resolve());
		}),
	};
}
