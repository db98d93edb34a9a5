// @ts-check
// The post preview's page script: swaps in each new body the extension sends, keeping the reader's scroll
// position, keeps the page and the editor scrolled to the same source line (each block carries the line it
// starts on in `data-line`), and reports back so the extension knows what is on screen. Message shapes:
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

	/**
	 * Hugo writes the colours of highlighted code as style attributes, which the page's Content Security
	 * Policy does not apply (it allows no inline style). Set through the CSSOM they apply; only inside code
	 * blocks (`.highlight`), where the extension's highlighter wrote them: any other style attribute of a
	 * post stays as the policy leaves it.
	 * @param {ParentNode} root
	 */
	function applyCodeStyles(root) {
		for (const element of root.querySelectorAll('.highlight[style], .highlight [style]')) {
			const value = element.getAttribute('style');
			if (value !== null && element instanceof HTMLElement) {
				element.style.cssText = value;
			}
		}
	}
	if (post) {
		applyCodeStyles(post);
	}

	/**
	 * The blocks that carry a source line, with their offsets from the top of the page, in page order.
	 * @returns {{ line: number, top: number }[]}
	 */
	function lineMarks() {
		if (!post) {
			return [];
		}
		/** @type {{ line: number, top: number }[]} */
		const marks = [];
		for (const element of post.querySelectorAll('[data-line]')) {
			const line = Number(element.getAttribute('data-line'));
			const box = element.getBoundingClientRect();
			// A hidden block has no place on the page to scroll to.
			if (Number.isFinite(line) && (box.width > 0 || box.height > 0)) {
				marks.push({ line, top: box.top + window.scrollY });
			}
		}
		return marks;
	}

	/**
	 * Maps `value` from one measure of the blocks to the other (source line to page offset, or back): the
	 * block at or before it (within `slack`), moved towards the next block in proportion.
	 * @param {'line' | 'top'} from
	 * @param {'line' | 'top'} to
	 * @param {number} value
	 * @param {number} [slack]
	 */
	function mapBetween(from, to, value, slack = 0) {
		let previous;
		let next;
		for (const mark of lineMarks()) {
			if (mark[from] <= value + slack) {
				previous = mark;
			} else {
				next = mark;
				break;
			}
		}
		if (!previous) {
			return 0;
		}
		if (!next || next[from] === previous[from]) {
			return previous[to];
		}
		return previous[to] + (next[to] - previous[to]) * (value - previous[from]) / (next[from] - previous[from]);
	}

	/** The page offset where source `line` starts. @param {number} line */
	function offsetOfLine(line) {
		return mapBetween('line', 'top', line);
	}

	/** The source line at the top of the page; a block within a pixel of the top counts as reached. */
	function lineAtTop() {
		return mapBetween('top', 'line', window.scrollY, 1);
	}

	// Where the page scrolled to follow the editor: scroll events that find the page there are not the
	// reader's and are not sent back. (The browser coalesces scroll events, so they cannot be counted.)
	/** @type {number | undefined} */
	let followedTo;
	/** @param {number} line @param {boolean} asReader */
	function scrollToLine(line, asReader) {
		const y = Math.round(offsetOfLine(line));
		followedTo = asReader ? undefined : y;
		if (Math.abs(y - window.scrollY) < 1) {
			// No scroll event will come; the extension still hears where the page is.
			report();
			return;
		}
		window.scrollTo(0, y);
	}

	function report() {
		vscode.postMessage({ type: 'scrolled', scrollY: window.scrollY, line: lineAtTop() });
	}

	window.addEventListener('load', () => {
		window.scrollTo(0, restoreTo);
		vscode.postMessage({ type: 'rendered', sequence: initial.sequence });
	});

	let reportTimer = 0;
	let revealTimer = 0;
	window.addEventListener('scroll', () => {
		vscode.setState({ document: initial.document, scrollY: window.scrollY });
		window.clearTimeout(reportTimer);
		reportTimer = window.setTimeout(report, 150);
		if (followedTo !== undefined && Math.abs(window.scrollY - followedTo) < 2) {
			return;
		}
		followedTo = undefined;
		// The reader scrolled: the editor follows, at most every 50 ms while the page moves.
		if (!revealTimer) {
			revealTimer = window.setTimeout(() => {
				revealTimer = 0;
				vscode.postMessage({ type: 'revealLine', line: lineAtTop() });
			}, 50);
		}
	}, { passive: true });

	window.addEventListener('message', event => {
		const message = event.data;
		if (!message || !post) {
			return;
		}
		switch (message.type) {
			case 'update': {
				if (typeof message.html !== 'string') {
					return;
				}
				// The body is replaced wholesale; the window keeps its scroll offset, clamped if the post got shorter.
				const scrollY = window.scrollY;
				post.innerHTML = message.html;
				applyCodeStyles(post);
				window.scrollTo(0, scrollY);
				vscode.postMessage({ type: 'rendered', sequence: message.sequence });
				break;
			}
			case 'scrollToLine':
			case 'scrollAsReader':
				if (typeof message.line === 'number' && Number.isFinite(message.line)) {
					scrollToLine(message.line, message.type === 'scrollAsReader');
				}
				break;
		}
	});
})();
