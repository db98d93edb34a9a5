import { FetchError, type FetchOptions, type FetchResponse, type HttpFetcher } from '../core/sessions/types';
import { acceptedTypes, decodeBody, looksBinary, parseHttpUrl, refusedContentType, refusedLength, TextStream } from './httpText';

export interface BrowserHttpFetcherOptions {
	/** Per request, body included. Default 5 s. */
	timeoutMs?: number;
	/** For the whole `get`. Default 15 s. */
	totalTimeoutMs?: number;
	/** Reading stops and the request is aborted past this many bytes. Default 2 MB. */
	maxBytes?: number;
}

/**
 * Session lookups through the browser's `fetch`, for the web extension host (vscode.dev, github.dev). The
 * browser follows redirects and keeps pages from reaching the writer's machine itself; it also refuses
 * every site that does not allow cross-origin requests (CORS), which is most schedule pages: that failure
 * says so, and the entry is derived from the URL.
 */
export class BrowserHttpFetcher implements HttpFetcher {
	readonly #timeoutMs: number;
	readonly #totalTimeoutMs: number;
	readonly #maxBytes: number;

	constructor(options: BrowserHttpFetcherOptions = {}) {
		this.#timeoutMs = options.timeoutMs ?? 5_000;
		this.#totalTimeoutMs = options.totalTimeoutMs ?? 15_000;
		this.#maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
	}

	async get(url: string, options: FetchOptions): Promise<FetchResponse> {
		const target = parseHttpUrl(url);
		const accepted = acceptedTypes(options.accept);
		const timeoutMs = Math.min(this.#timeoutMs, this.#totalTimeoutMs);
		const abort = new AbortController();
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			abort.abort();
		}, timeoutMs);
		const onCancel = () => abort.abort();
		if (options.signal?.aborted) {
			throw new FetchError('cancelled', `Cancelled while fetching ${target.href}`);
		}
		options.signal?.addEventListener('abort', onCancel);
		const failed = (error: unknown): FetchError => {
			if (error instanceof FetchError) {
				return error;
			}
			if (timedOut) {
				return new FetchError('timeout', `No complete answer from ${target.href} within ${timeoutMs} ms`);
			}
			if (options.signal?.aborted) {
				return new FetchError('cancelled', `Cancelled while fetching ${target.href}`);
			}
			return new FetchError('network', `The browser could not fetch ${target.href}: the site does not allow requests from other sites (CORS), or cannot be reached. VS Code for the desktop fetches session details directly.`);
		};
		try {
			const response = await fetch(target.href, {
				headers: { ...options.headers, accept: options.accept },
				signal: abort.signal,
				redirect: 'follow',
				credentials: 'omit',
			});
			if (response.status < 200 || response.status >= 300) {
				throw new FetchError('status', `${response.url || target.href} answered ${response.status} ${response.statusText}`.trimEnd(), response.status);
			}
			const contentTypeHeader = response.headers.get('content-type') ?? '';
			const contentType = contentTypeHeader.split(';')[0].trim().toLowerCase();
			const refusal = refusedContentType(target.href, contentType, accepted) ?? refusedLength(target.href, response.headers.get('content-length'), this.#maxBytes);
			if (refusal) {
				throw refusal;
			}
			if (options.onText) {
				await this.#readCapped(response, target.href, new TextStream(contentTypeHeader, options.onText));
				return { url: response.url || target.href, status: response.status, contentType, body: '' };
			}
			const bytes = await this.#readCapped(response, target.href);
			if (looksBinary(bytes)) {
				throw new FetchError('content-type', `${target.href} sent binary data, not text`);
			}
			return { url: response.url || target.href, status: response.status, contentType, body: decodeBody(bytes, contentTypeHeader, contentType) };
		} catch (error) {
			throw failed(error);
		} finally {
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', onCancel);
			abort.abort();
		}
	}

	/** The body's bytes, under the size cap; with a `stream`, passed on as they arrive instead (and none returned). */
	async #readCapped(response: Response, href: string, stream?: TextStream): Promise<Uint8Array> {
		const reader = response.body?.getReader();
		if (!reader) {
			return new Uint8Array(0);
		}
		const chunks: Uint8Array[] = [];
		let received = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) {
				break;
			}
			received += value.length;
			if (received > this.#maxBytes) {
				void reader.cancel();
				throw new FetchError('too-large', `${href} is larger than the ${this.#maxBytes}-byte limit`);
			}
			if (!stream) {
				chunks.push(value);
			} else if (!stream.push(value)) {
				void reader.cancel();
				throw new FetchError('content-type', `${href} sent binary data, not text`);
			}
		}
		stream?.end();
		const bytes = new Uint8Array(received);
		let offset = 0;
		for (const chunk of chunks) {
			bytes.set(chunk, offset);
			offset += chunk.length;
		}
		return bytes;
	}
}
