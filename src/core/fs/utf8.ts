/**
 * UTF-8 decoding that remembers where the bytes were not UTF-8. A post is read as text with U+FFFD in
 * place of each invalid sequence (as an editor shows it), but Hugo's TOML reader fails the build on
 * invalid UTF-8, which a U+FFFD written on purpose does not do: the checks need to tell the two apart.
 */
export interface DecodedText {
	readonly text: string;
	/** Offsets in `text` of each U+FFFD that stands for invalid bytes, ascending. */
	readonly invalidOffsets: readonly number[];
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
	const b0 = bytes[i];
	if (b0 < 0x80) {
		return 1;
	}
	const continuation = (k: number, low = 0x80, high = 0xbf) => i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
	if (b0 >= 0xc2 && b0 <= 0xdf) {
		return continuation(1) ? 2 : 0;
	}
	if (b0 >= 0xe0 && b0 <= 0xef) {
		// No overlong forms (E0 80..9F) and no surrogates (ED A0..BF).
		const low = b0 === 0xe0 ? 0xa0 : 0x80;
		const high = b0 === 0xed ? 0x9f : 0xbf;
		return continuation(1, low, high) && continuation(2) ? 3 : 0;
	}
	if (b0 >= 0xf0 && b0 <= 0xf4) {
		const low = b0 === 0xf0 ? 0x90 : 0x80;
		const high = b0 === 0xf4 ? 0x8f : 0xbf;
		return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
	}
	return 0;
}

export function decodeUtf8(bytes: Uint8Array): DecodedText {
	try {
		return { text: strict.decode(bytes), invalidOffsets: [] };
	} catch {
		// Rare: find the invalid bytes one by one.
	}
	let text = '';
	const invalidOffsets: number[] = [];
	let runStart = 0;
	let i = 0;
	while (i < bytes.length) {
		const length = sequenceLength(bytes, i);
		if (length > 0) {
			i += length;
			continue;
		}
		text += lenient.decode(bytes.subarray(runStart, i));
		invalidOffsets.push(text.length);
		text += '\ufffd';
		i++;
		runStart = i;
	}
	text += lenient.decode(bytes.subarray(runStart));
	return { text, invalidOffsets };
}
