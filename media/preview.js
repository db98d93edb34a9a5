// @ts-check
// The post preview's page script: swaps in each new body the extension sends, keeping the reader's scroll
// position, and reports back so the extension knows what is on screen. Message shapes:
// src/features/preview/previewMessages.ts.
(function () {
	/** @type {import('vscode-webview').WebviewApi<{ scrollY?: number, document?: string }>} */
	const vscode = acquireVsCodeApi();
	const post = document.getElementById('post');
	const stateElement = document.getElementById('preview-state');
	/** @type {{ sequence: number, scrollY: number, document?: string }} */
	const initial = JSON.parse(stateElement?.getAttribute('data-state') ?? '{"sequence":-1,"scrollY":0}');
	const saved = vscode.getState();
	const restoreTo = saved?.scrollY ?? initial.scrollY;
	// Kept by VS Code across a window reload: which post this preview shows, and where it was scrolled.
	vscode.setState({ document: initial.document, scrollY: restoreTo });

	window.addEventListener('load', () => {
		window.scrollTo(0, restoreTo);
		vscode.postMessage({ type: 'rendered', sequence: initial.sequence });
	});

	let scrollTimer = 0;
	window.addEventListener('scroll', () => {
		vscode.setState({ document: initial.document, scrollY: window.scrollY });
		window.clearTimeout(scrollTimer);
		scrollTimer = window.setTimeout(() => vscode.postMessage({ type: 'scrolled', scrollY: window.scrollY }), 150);
	}, { passive: true });

	window.addEventListener('message', event => {
		const message = event.data;
		if (!message || message.type !== 'update' || typeof message.html !== 'string' || !post) {
			return;
		}
		// The body is replaced wholesale; the window keeps its scroll offset, clamped if the post got shorter.
		const scrollY = window.scrollY;
		post.innerHTML = message.html;
		window.scrollTo(0, scrollY);
		vscode.postMessage({ type: 'rendered', sequence: message.sequence });
	});
})();
