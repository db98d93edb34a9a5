// The messages between the post preview's host (the extension) and its webview script (media/preview.js),
// shared as discriminated unions: the host switches on `type`, the script checks the same names.

/** Host → webview. */
export type ToPreview =
	/** `sequence` numbers the bodies sent, so an acknowledgement names exactly one (a version can render twice). */
	| { readonly type: 'update'; readonly sequence: number; readonly html: string }
	/** The editor scrolled: bring this source line (0-based, fractions between lines) to the top of the page. */
	| { readonly type: 'scrollToLine'; readonly line: number }
	/** Tests only: scroll to a line as the reader would, so the page asks the editor to follow. */
	| { readonly type: 'scrollAsReader'; readonly line: number };

/** Webview → host. */
export type FromPreview =
	/** The new body is in the page, at the scroll position the reader had. */
	| { readonly type: 'rendered'; readonly sequence: number }
	/**
	 * The page scrolled (by the reader or to follow the editor), reported once it settles: kept so a reloaded
	 * page opens where it was. `line` is the source line at the top of the page.
	 */
	| { readonly type: 'scrolled'; readonly scrollY: number; readonly line: number }
	/** The reader scrolled the page: the editor should show this source line (0-based) at its top. */
	| { readonly type: 'revealLine'; readonly line: number };

/** The state the page starts with, as JSON in the `data-state` attribute of `<meta id="preview-state">`. */
export interface PreviewInitialState {
	readonly sequence: number;
	readonly scrollY: number;
	/** The previewed document's URI: the page keeps it in its state, for restoring the preview after a reload. */
	readonly document: string;
}

/** What the page keeps with `setState`, and VS Code hands back to restore the preview after a reload. */
export interface PreviewSavedState {
	readonly document?: string;
	readonly scrollY?: number;
}

export function isPreviewSavedState(value: unknown): value is PreviewSavedState & { readonly document: string } {
	return typeof value === 'object' && value !== null && typeof (value as PreviewSavedState).document === 'string';
}

export function isFromPreview(value: unknown): value is FromPreview {
	if (typeof value !== 'object' || value === null) {
		return false;
	}
	const message = value as { type?: unknown; sequence?: unknown; scrollY?: unknown; line?: unknown };
	switch (message.type) {
		case 'rendered':
			return typeof message.sequence === 'number';
		case 'scrolled':
			return isFiniteNumber(message.scrollY) && isFiniteNumber(message.line);
		case 'revealLine':
			return isFiniteNumber(message.line) && message.line >= 0;
		default:
			return false;
	}
}

function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}
