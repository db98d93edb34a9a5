/** What a schedule URL tells about one session, online or from the URL alone. */
export interface SessionInfo {
	/** Plain text, not escaped: `formatSessionEntry` escapes it for Markdown. */
	title: string;
	/** The talk's subtitle where the platform has one (frab, pretalx), plain text. */
	subtitle?: string;
	speakers: string[];
	/** The URL exactly as the writer pasted it. */
	url: string;
	abstract?: string;
	/** ISO 8601; without an offset when the platform only gives local time. */
	start?: string;
	room?: string;
	/** Where the title came from, e.g. 'openstack-api', 'pretalx-api', 'json-ld', 'og', 'offline'. */
	source: string;
	/** True when the title was derived from the URL and needs checking by the writer. */
	derived: boolean;
	/** What in particular to check in a derived title, said in the entry's marker (`the end may be the speakers`). */
	derivedCaveat?: string;
	/** Human-readable notes: why the network was not used, what is guessed. */
	warnings: string[];
}

/** The platforms the URL classifier recognises; `generic` is any other http(s) page. */
export type SessionPlatform =
	| 'openstack-schedule'
	| 'openstack-video'
	| 'sched'
	| 'sched-short'
	| 'pretalx'
	| 'sessionize'
	| 'frab'
	| 'fosdem'
	| 'ccc-hub'
	| 'generic';

export interface FetchResponse {
	/** The final URL after redirects. */
	url: string;
	status: number;
	/** The media type without parameters, lowercased (`text/html`). */
	contentType: string;
	/** The body decoded with its charset; empty when it went to `FetchOptions.onText` instead. */
	body: string;
}

export interface FetchOptions {
	/** The `Accept` header; the response's media type must be one of the types listed here. */
	accept: string;
	signal?: AbortSignal;
	headers?: Record<string, string>;
	/**
	 * The page that named this URL (the pasted session page, whose links and API addresses a lookup
	 * follows). A public page may not point the lookup at a local address on another host, just as it
	 * may not redirect there.
	 */
	namedBy?: string;
	/**
	 * Receives the body as it arrives, decoded, instead of `FetchResponse.body`: a schedule export is read
	 * while it downloads rather than held whole first. The checks of status, type and size come first, and
	 * the size cap holds as the bytes arrive. A fetcher that cannot stream leaves it and fills `body`.
	 */
	onText?: (chunk: string) => void;
}

/**
 * Fetches one text resource with safety limits (size, time, redirects, content type).
 * Implementations throw `FetchError` and never return a non-2xx response.
 */
export interface HttpFetcher {
	get(url: string, options: FetchOptions): Promise<FetchResponse>;
}

export type FetchErrorKind = 'timeout' | 'too-large' | 'redirects' | 'content-type' | 'status' | 'network' | 'protocol' | 'cancelled';

/** A fetch that failed for a reason the writer can act on; `message` says which. */
export class FetchError extends Error {
	readonly kind: FetchErrorKind;
	/** The HTTP status for kind `status`. */
	readonly status?: number;

	constructor(kind: FetchErrorKind, message: string, status?: number) {
		super(message);
		this.name = 'FetchError';
		this.kind = kind;
		this.status = status;
	}
}

/** The URL cannot be a session link at all (not http/https, or not a URL). No fallback exists. */
export class SessionUrlError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SessionUrlError';
	}
}

/**
 * How words of a derived title are cased: `schedules` writes each word as real talk titles most often do
 * (learned from conference schedules); the others capitalize every word but a style's small words.
 */
export type SmallWordsStyle = 'schedules' | 'conservative' | 'none' | 'ap' | 'chicago';

export interface CasingOptions {
	/** The writer's additions to the acronym and brand dictionary: `{ strykerjs: 'StrykerJS', 'node js': 'Node.js' }`. */
	dictionary?: Record<string, string>;
	/**
	 * How the writer's site writes words (`learnSiteCasing`): over the built-in lexicon and the small-word
	 * style, under the built-in acronyms and the writer's `dictionary`.
	 */
	site?: Readonly<Record<string, string>>;
	/** Which words stay lowercase inside a title; `schedules` by default. */
	smallWords?: SmallWordsStyle;
}
