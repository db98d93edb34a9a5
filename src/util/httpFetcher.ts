import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { FetchError, type FetchOptions, type FetchResponse, type HttpFetcher } from '../core/sessions/types';
import { acceptedTypes, decodeBody, looksBinary, parseHttpUrl, refusedContentType, refusedLength, TextStream } from './httpText';

/** Resolves a host name to every address, as `dns.lookup` with `all: true` does. */
export type AddressResolver = (hostname: string, callback: (error: Error | null, addresses: dns.LookupAddress[]) => void) => void;

const systemResolver: AddressResolver = (hostname, callback) => dns.lookup(hostname, { all: true }, callback);

export const DEFAULT_USER_AGENT = 'EventWriteup/0.1 (session entry lookup; +https://example.invalid/event-writeup)';

export interface NodeHttpFetcherOptions {
	/** Per request (each redirect hop): connection, headers and body. Default 5 s. */
	timeoutMs?: number;
	/** For the whole `get`, redirects included. Default 15 s. */
	totalTimeoutMs?: number;
	/** Reading stops and the request is aborted past this many bytes. Default 2 MB. */
	maxBytes?: number;
	/** Default 5. */
	maxRedirects?: number;
	userAgent?: string;
	/**
	 * Testing hook: sends requests for these host names (`www.openstack.org`, `*.sched.com`) to another
	 * origin (`http://127.0.0.1:4711`) while keeping the URL's host in the `Host` header and in every
	 * reported URL. Targets must be loopback addresses.
	 */
	hostMap?: Record<string, string>;
	/** Testing hook: resolves host names in place of the system resolver. */
	resolver?: AddressResolver;
}

/** Parses `EVENT_WRITEUP_TEST_HOST_MAP` (JSON `{"host": "http://127.0.0.1:port"}`); see `hostMap`. */
export function parseHostMap(json: string | undefined): Record<string, string> | undefined {
	if (!json) {
		return undefined;
	}
	const parsed: unknown = JSON.parse(json);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new Error('EVENT_WRITEUP_TEST_HOST_MAP must be a JSON object of host → origin');
	}
	const map: Record<string, string> = {};
	for (const [host, origin] of Object.entries(parsed)) {
		if (typeof origin !== 'string') {
			throw new Error(`EVENT_WRITEUP_TEST_HOST_MAP: the origin for '${host}' must be a string`);
		}
		map[host.toLowerCase()] = origin;
	}
	return map;
}

function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Loopback, private, link-local (cloud metadata) and unspecified addresses, by literal host name.
 * A trailing dot names the same host (`localhost.`), so it is dropped first.
 */
function isPrivateHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/\.+$/, '');
	if (isLoopback(host) || host.endsWith('.localhost') || host === '[::]' || /^\[(?:fc|fd|fe8|fe9|fea|feb|::ffff:)/.test(host)) {
		return true;
	}
	const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
	if (!v4) {
		return false;
	}
	const [a, b] = [Number(v4[1]), Number(v4[2])];
	return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

function parseUrlOrUndefined(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/** The core's `HttpFetcher` over `node:http`/`node:https`, streaming so a huge body is never buffered. */
export class NodeHttpFetcher implements HttpFetcher {
	readonly #timeoutMs: number;
	readonly #totalTimeoutMs: number;
	readonly #maxBytes: number;
	readonly #maxRedirects: number;
	readonly #userAgent: string;
	readonly #hostMap: ReadonlyMap<string, URL>;
	readonly #resolver: AddressResolver;

	constructor(options: NodeHttpFetcherOptions = {}) {
		this.#timeoutMs = options.timeoutMs ?? 5_000;
		this.#totalTimeoutMs = options.totalTimeoutMs ?? 15_000;
		this.#maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
		this.#maxRedirects = options.maxRedirects ?? 5;
		this.#userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
		const map = new Map<string, URL>();
		for (const [host, origin] of Object.entries(options.hostMap ?? {})) {
			const target = new URL(origin);
			if (!isLoopback(target.hostname)) {
				throw new Error(`The host map may only point at loopback addresses (got '${origin}')`);
			}
			map.set(host.toLowerCase(), target);
		}
		this.#hostMap = map;
		this.#resolver = options.resolver ?? systemResolver;
	}

	async get(url: string, options: FetchOptions): Promise<FetchResponse> {
		const accepted = acceptedTypes(options.accept);
		const deadline = Date.now() + this.#totalTimeoutMs;
		const seen = new Set<string>();
		let current = parseHttpUrl(url);
		// A URL a public page named on another host is that page's choice, not the writer's.
		const namedBy = options.namedBy === undefined ? undefined : parseUrlOrUndefined(options.namedBy);
		const fromPublicPage = namedBy !== undefined && namedBy.host !== current.host && !isPrivateHost(namedBy.hostname);
		if (fromPublicPage && isPrivateHost(current.hostname)) {
			throw new FetchError('protocol', `Refused a link from ${namedBy.host} to the local address ${current.host}`);
		}
		// The pasted URL is the writer's to fetch, wherever it points; when it is public, no redirect
		// may reach a local address, by literal name or through DNS.
		let publicStart = fromPublicPage || !isPrivateHost(current.hostname);
		for (let hop = 0; ; hop++) {
			if (seen.has(current.href)) {
				throw new FetchError('redirects', `Redirect loop at ${current.href}`);
			}
			seen.add(current.href);
			const remaining = deadline - Date.now();
			if (remaining <= 0) {
				throw new FetchError('timeout', `No answer from ${url} within ${this.#totalTimeoutMs} ms`);
			}
			const guard: AddressGuard = hop === 0 && !fromPublicPage
				? { refuseLocal: false, onLocal: () => { publicStart = false; } }
				: { refuseLocal: publicStart, onLocal: () => { /* refused above */ } };
			const result = await this.#request(current, options, accepted, Math.min(this.#timeoutMs, remaining), guard);
			if ('location' in result) {
				if (hop >= this.#maxRedirects) {
					throw new FetchError('redirects', `More than ${this.#maxRedirects} redirects from ${url}`);
				}
				let next: URL;
				try {
					next = new URL(result.location, current);
				} catch {
					throw new FetchError('protocol', `Bad redirect target '${result.location}' from ${current.href}`);
				}
				if (next.protocol !== 'http:' && next.protocol !== 'https:') {
					throw new FetchError('protocol', `Refused a redirect to a ${next.protocol} URL`);
				}
				// A public page must not steer the request to the writer's own machine or network.
				if (isPrivateHost(next.hostname) && !isPrivateHost(current.hostname)) {
					throw new FetchError('protocol', `Refused a redirect from ${current.host} to the local address ${next.host}`);
				}
				current = next;
				continue;
			}
			return result;
		}
	}

	#target(url: URL): { module: typeof http | typeof https; options: http.RequestOptions } {
		const hostname = url.hostname.toLowerCase();
		const wildcard = hostname.includes('.') ? `*.${hostname.slice(hostname.indexOf('.') + 1)}` : '';
		const mapped = this.#hostMap.get(hostname) ?? this.#hostMap.get(wildcard);
		const target = mapped ?? url;
		return {
			module: target.protocol === 'https:' ? https : http,
			options: {
				protocol: target.protocol,
				hostname: target.hostname.replace(/^\[|\]$/g, ''),
				port: target.port || undefined,
				path: `${url.pathname}${url.search}`,
				method: 'GET',
				headers: { host: url.host },
			},
		};
	}

	/** A `lookup` for `http.request` that checks every address the name resolves to against `guard`. */
	#guardedLookup(url: URL, guard: AddressGuard, refuse: (error: FetchError) => void): net.LookupFunction {
		return (hostname, lookupOptions, callback) => {
			// Answered on a later tick, so a resolver that calls back at once cannot settle the request
			// before it exists.
			this.#resolver(hostname, (error, addresses) => queueMicrotask(() => {
				if (error || addresses.length === 0) {
					callback(error ?? new Error(`${hostname} has no address`), '', 0);
					return;
				}
				const local = addresses.find(a => isPrivateHost(net.isIPv6(a.address) ? `[${a.address}]` : a.address));
				if (local) {
					if (guard.refuseLocal) {
						const refusal = new FetchError('protocol', `Refused ${url.host}, which resolves to the local address ${local.address}: a public page led here`);
						refuse(refusal);
						callback(refusal, '', 0);
						return;
					}
					guard.onLocal();
				}
				const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : undefined;
				const usable = family ? addresses.filter(a => a.family === family) : addresses;
				if (lookupOptions.all) {
					callback(null, usable);
				} else if (usable.length > 0) {
					callback(null, usable[0].address, usable[0].family);
				} else {
					callback(new Error(`${hostname} has no IPv${family} address`), '', 0);
				}
			}));
		};
	}

	#request(url: URL, options: FetchOptions, accepted: ReadonlySet<string>, timeoutMs: number, guard: AddressGuard): Promise<FetchResponse | { location: string }> {
		const { module, options: requestOptions } = this.#target(url);
		return new Promise((resolve, reject) => {
			let settled = false;
			const finish = (error: FetchError | undefined, value?: FetchResponse | { location: string }) => {
				if (settled) {
					return;
				}
				settled = true;
				clearTimeout(timer);
				options.signal?.removeEventListener('abort', onAbort);
				if (error) {
					request.destroy();
					reject(error);
				} else {
					resolve(value!);
				}
			};
			const onAbort = () => finish(new FetchError('cancelled', `Cancelled while fetching ${url.href}`));
			const request = module.request({
				...requestOptions,
				lookup: this.#guardedLookup(url, guard, error => finish(error)),
				// A pooled connection would skip the lookup, and with it the check of where a name resolves.
				agent: false,
				headers: {
					...options.headers,
					...requestOptions.headers,
					'user-agent': this.#userAgent,
					'accept': options.accept,
					// Compressed bodies would need a second byte cap after inflating: ask for none.
					'accept-encoding': 'identity',
				},
			}, response => {
				const status = response.statusCode ?? 0;
				if (status >= 300 && status < 400 && status !== 304) {
					response.resume();
					const location = response.headers.location;
					if (!location) {
						finish(new FetchError('protocol', `Redirect without a Location from ${url.href}`));
					} else {
						finish(undefined, { location });
					}
					return;
				}
				if (status < 200 || status >= 300) {
					response.resume();
					const challenge = status === 403 && response.headers['cf-mitigated'] ? ' (the site asks for a browser challenge)' : '';
					finish(new FetchError('status', `${url.href} answered ${status} ${response.statusMessage ?? ''}`.trimEnd() + challenge, status));
					return;
				}
				const contentTypeHeader = response.headers['content-type'] ?? '';
				const contentType = contentTypeHeader.split(';')[0].trim().toLowerCase();
				const wrongType = refusedContentType(url.href, contentType, accepted);
				if (wrongType) {
					response.resume();
					finish(wrongType);
					return;
				}
				const tooLarge = refusedLength(url.href, response.headers['content-length'], this.#maxBytes);
				if (tooLarge) {
					finish(tooLarge);
					return;
				}
				const chunks: Buffer[] = [];
				const stream = options.onText && new TextStream(contentTypeHeader, options.onText);
				let received = 0;
				response.on('data', (chunk: Buffer) => {
					received += chunk.length;
					if (received > this.#maxBytes) {
						finish(new FetchError('too-large', `${url.href} is larger than the ${this.#maxBytes}-byte limit`));
						return;
					}
					if (!stream) {
						chunks.push(chunk);
					} else if (!settled && !stream.push(chunk)) {
						finish(new FetchError('content-type', `${url.href} sent binary data, not text`));
					}
				});
				response.on('error', error => finish(new FetchError('network', `Reading ${url.href} failed: ${error.message}`)));
				response.on('aborted', () => finish(new FetchError('network', `${url.href} closed the connection early`)));
				response.on('end', () => {
					if (stream) {
						if (!settled) {
							stream.end();
							finish(undefined, { url: url.href, status, contentType, body: '' });
						}
						return;
					}
					const bytes = Buffer.concat(chunks);
					if (looksBinary(bytes)) {
						finish(new FetchError('content-type', `${url.href} sent binary data, not text`));
						return;
					}
					finish(undefined, { url: url.href, status, contentType, body: decodeBody(bytes, contentTypeHeader, contentType) });
				});
			});
			const timer = setTimeout(() => finish(new FetchError('timeout', `No complete answer from ${url.href} within ${timeoutMs} ms`)), timeoutMs);
			request.on('error', error => finish(new FetchError('network', `Could not fetch ${url.href}: ${error.message}`)));
			if (options.signal?.aborted) {
				onAbort();
				return;
			}
			options.signal?.addEventListener('abort', onAbort);
			request.end();
		});
	}
}

/** What a request may connect to, by the addresses its host name resolves to. */
interface AddressGuard {
	/** Reached from a public page (by a redirect or a link it names): local addresses are refused. */
	refuseLocal: boolean;
	/** Called when the name resolves to a local address that is allowed. */
	onLocal: () => void;
}

