/** Text positions and edits shared by every core module: 0-based, as in LSP and VS Code. */

export interface Position {
	readonly line: number;
	readonly character: number;
}

export interface Range {
	readonly start: Position;
	readonly end: Position;
}

export interface TextEdit {
	readonly range: Range;
	readonly newText: string;
}

export function position(line: number, character: number): Position {
	return { line, character };
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
	return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/**
 * Converts between offsets and positions of one text, in O(log lines) per lookup. Line starts are found as
 * far as the lookups reach: most ask about a post's first lines (its front matter), and a post of thousands
 * of lines is then never scanned to its end.
 */
export class LineIndex {
	readonly #text: string;
	readonly #lineStarts: number[] = [0];
	/** Every line start at or before this offset is in `#lineStarts`. */
	#scannedTo = 0;
	#carriageReturn: boolean | undefined;

	constructor(text: string) {
		this.#text = text;
	}

	get #hasCarriageReturn(): boolean {
		return this.#carriageReturn ??= this.#text.includes('\r');
	}

	get lineCount(): number {
		this.#scanTo(this.#text.length);
		return this.#lineStarts.length;
	}

	lineStart(line: number): number {
		while (this.#lineStarts.length <= line && this.#scannedTo < this.#text.length) {
			this.#scanTo(this.#scannedTo + 4096);
		}
		return this.#lineStarts[Math.max(0, Math.min(line, this.#lineStarts.length - 1))];
	}

	positionAt(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.#text.length));
		this.#scanTo(clamped);
		let low = 0;
		let high = this.#lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.#lineStarts[mid] <= clamped) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		return { line: low, character: clamped - this.#lineStarts[low] };
	}

	offsetAt(position: Position): number {
		return Math.min(this.lineStart(position.line) + position.character, this.#text.length);
	}

	rangeOf(startOffset: number, endOffset: number): Range {
		return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
	}

	/** Finds the line starts up to `offset` (a line starts after `\n`, and after a `\r` not followed by `\n`). */
	#scanTo(offset: number): void {
		const text = this.#text;
		const end = Math.min(offset, text.length);
		if (!this.#hasCarriageReturn) {
			// Only `\n` breaks lines: indexOf finds each far faster than a loop over every character.
			for (let i = text.indexOf('\n', this.#scannedTo); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
				this.#lineStarts.push(i + 1);
			}
			this.#scannedTo = Math.max(this.#scannedTo, end);
			return;
		}
		for (let i = this.#scannedTo; i < end; i++) {
			const ch = text.charCodeAt(i);
			if (ch === 10 /* \n */) {
				this.#lineStarts.push(i + 1);
			} else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) {
				this.#lineStarts.push(i + 1);
			}
		}
		this.#scannedTo = Math.max(this.#scannedTo, end);
	}
}

/** The offset where the line holding `offset` starts (after `\n` or `\r`). */
export function lineStartOf(text: string, offset: number): number {
	let i = offset;
	while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') {
		i--;
	}
	return i;
}

/** The offset of the line break (or the end of `text`) that ends the line holding `offset`. */
export function lineEndOf(text: string, offset: number): number {
	let i = Math.max(0, offset);
	while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
		i++;
	}
	return i;
}

/** Joins lines with `\n`: the way tests write fixtures. */
export function joinLines(...lines: string[]): string {
	return lines.join('\n');
}

/**
 * Collapses runs of ASCII whitespace (space, tab, line breaks, form feed) to one space and trims them at
 * both ends. Every other character survives as written: a narrow no-break space before French
 * punctuation (U+202F) or a no-break space in a name is part of the text, not layout.
 */
export function collapseAsciiWhitespace(text: string): string {
	// Most names and titles are already clean: one scan instead of two replacements.
	return needsCollapsing(text) ? trimAsciiWhitespace(text.replace(/[ \t\n\r\f\v]+/g, ' ')) : text;
}

/** Whether a text holds layout whitespace a collapsed one cannot: other than one space between two characters. */
function needsCollapsing(text: string): boolean {
	// Native scans: the text's characters are not each handled in script.
	return text.charCodeAt(0) === 0x20 || text.charCodeAt(text.length - 1) === 0x20 || text.includes('  ') || LAYOUT_CONTROL.test(text);
}

const LAYOUT_CONTROL = /[\t\n\r\f\v]/;

/** Trims ASCII whitespace only (`String.prototype.trim` also takes no-break and other Unicode spaces). */
export function trimAsciiWhitespace(text: string): string {
	return text.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
}

/**
 * Applies edits that do not overlap (as `selectNonOverlappingFixes` picks them) to `text`. Insertions at
 * one point keep their order.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
	const lines = new LineIndex(text);
	const spans = edits.map((edit, order) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText, order }))
		.sort((a, b) => a.start - b.start || a.order - b.order);
	let result = '';
	let at = 0;
	for (const span of spans) {
		result += text.slice(at, span.start) + span.newText;
		at = Math.max(at, span.end);
	}
	return result + text.slice(at);
}
