// What both HTTP clients (Node's and the browser's) share: which media types a lookup reads, how a body
// is recognised as text and decoded with its charset. No Node and no DOM: it runs in either host.
import { Parser } from 'htmlparser2';
import { FetchError } from '../core/sessions/types';

/** Media types the session reader can use; anything else (images, PDFs, archives) is refused. */
export const ACCEPTED_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml', 'application/json', 'application/ld+json', 'application/xml', 'text/xml']);

export function parseHttpUrl(text: string): URL {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new FetchError('protocol', `Not a URL: '${text}'`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new FetchError('protocol', `Only http and https URLs are fetched (got '${url.protocol}')`);
	}
	return url;
}

/** The media types of an Accept header that are also safe to read; `*\/*` means all safe ones. */
export function acceptedTypes(accept: string): ReadonlySet<string> {
	const requested = accept.split(',').map(part => part.split(';')[0].trim().toLowerCase());
	if (requested.includes('*/*')) {
		return ACCEPTED_TYPES;
	}
	return new Set(requested.filter(type => ACCEPTED_TYPES.has(type)));
}

/** Why a response of `contentType` (without parameters) is not read, or `undefined` when it is one the caller accepts. */
export function refusedContentType(href: string, contentType: string, accepted: ReadonlySet<string>): FetchError | undefined {
	return accepted.has(contentType) ? undefined : new FetchError('content-type', `${href} is ${contentType || 'of no declared type'}, not a web page, JSON or XML`);
}

/** Why a body whose `Content-Length` header says `declared` is not read, or `undefined` when it may be. */
export function refusedLength(href: string, declared: string | null | undefined, maxBytes: number): FetchError | undefined {
	const length = Number(declared);
	return Number.isFinite(length) && length > maxBytes ? new FetchError('too-large', `${href} is ${length} bytes, more than the ${maxBytes}-byte limit`) : undefined;
}

/** How many first bytes of a body are looked at for a NUL (`looksBinary`). */
const BINARY_SNIFF_BYTES = 4096;

/** NUL bytes never occur in HTML or JSON text (nor in UTF-16 text we could not read anyway). */
export function looksBinary(bytes: Uint8Array): boolean {
	return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/**
 * Decodes a body as its bytes arrive, for a caller that reads it while it downloads (`FetchOptions.onText`):
 * with the header's charset, else UTF-8 (a streamed body is an export, not a page with a `<meta charset>`).
 */
export class TextStream {
	readonly #decoder: TextDecoder;
	readonly #onText: (text: string) => void;
	/** How many of the first bytes have been looked at for a NUL. */
	#checked = 0;

	constructor(contentTypeHeader: string, onText: (text: string) => void) {
		this.#decoder = decoderFor(charsetOf(contentTypeHeader));
		this.#onText = onText;
	}

	/** Passes the text of `bytes` on; `false`, passing nothing, when the body turns out to be binary. */
	push(bytes: Uint8Array): boolean {
		if (this.#checked < BINARY_SNIFF_BYTES) {
			const head = bytes.subarray(0, BINARY_SNIFF_BYTES - this.#checked);
			if (looksBinary(head)) {
				return false;
			}
			this.#checked += head.length;
		}
		const text = this.#decoder.decode(bytes, { stream: true });
		if (text !== '') {
			this.#onText(text);
		}
		return true;
	}

	/** The body is complete: what the decoder still holds is passed on. */
	end(): void {
		const rest = this.#decoder.decode();
		if (rest !== '') {
			this.#onText(rest);
		}
	}
}

/** A decoder for the charset a body declares; UTF-8 when it declares none, or one the platform does not know. */
function decoderFor(charset: string | undefined): TextDecoder {
	try {
		return new TextDecoder(charset ?? 'utf-8');
	} catch {
		return new TextDecoder('utf-8');
	}
}

/** Decodes with the header's charset, else the page's `<meta charset>`, else UTF-8. */
export function decodeBody(bytes: Uint8Array, contentTypeHeader: string, contentType: string): string {
	let charset = charsetOf(contentTypeHeader);
	if (!charset && contentType !== 'application/json') {
		// The HTML standard's prescan also looks only at the first 1024 bytes.
		charset = metaCharset(String.fromCharCode(...bytes.subarray(0, 1024)));
	}
	return decoderFor(charset).decode(bytes);
}

function charsetOf(contentType: string): string | undefined {
	for (const parameter of contentType.split(';').slice(1)) {
		const [name, value] = parameter.split('=').map(part => part.trim());
		if (name?.toLowerCase() === 'charset' && value) {
			return value.replace(/^"|"$/g, '');
		}
	}
	return undefined;
}

/** `<meta charset>` or `<meta http-equiv="content-type" content="…; charset=…">`, read with a real HTML tokenizer. */
function metaCharset(head: string): string | undefined {
	let charset: string | undefined;
	const parser = new Parser({
		onopentag(name, attributes) {
			if (charset || name !== 'meta') {
				return;
			}
			if (attributes.charset) {
				charset = attributes.charset.trim();
			} else if (attributes['http-equiv']?.toLowerCase() === 'content-type' && attributes.content) {
				charset = charsetOf(attributes.content);
			}
		},
	}, { decodeEntities: true });
	parser.end(head);
	return charset;
}
