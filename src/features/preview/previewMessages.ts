// The messages between the post preview's host (the extension) and its webview script (media/preview.js),
// shared as discriminated unions: the host switches on `type`, the script checks the same names.

/** Host → webview. */
export type ToPreview =
	| { readonly type: 'update'; readonly version: number; readonly html: string };

/** Webview → host. */
export type FromPreview =
	/** The new body is in the page, at the scroll position the reader had. */
	| { readonly type: 'rendered'; readonly version: number }
	/** The reader scrolled: kept so a reloaded page opens where they were. */
	| { readonly type: 'scrolled'; readonly scrollY: number };

/** The state the page starts with, as JSON in the `data-state` attribute of `<meta id="preview-state">`. */
export interface PreviewInitialState {
	readonly version: number;
	readonly scrollY: number;
}

export function isFromPreview(value: unknown): value is FromPreview {
	if (typeof value !== 'object' || value === null) {
		return false;
	}
	const message = value as { type?: unknown; version?: unknown; scrollY?: unknown };
	switch (message.type) {
		case 'rendered':
			return typeof message.version === 'number';
		case 'scrolled':
			return typeof message.scrollY === 'number' && Number.isFinite(message.scrollY);
		default:
			return false;
	}
}
