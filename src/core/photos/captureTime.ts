import readExif from 'exif-reader';
import { errorMessage } from '../errors';

/**
 * When a photo was taken: from its EXIF (`DateTimeOriginal`, with `OffsetTimeOriginal` where the camera
 * wrote one), else from a time in its file name (as phones name photos), else from the file's modification
 * time, each marked with where it came from.
 */

/** A wall-clock moment, with the UTC offset it was taken at when known. */
export interface CaptureTime {
	/** `YYYY-MM-DD` */
	readonly date: string;
	/** `HH:MM:SS` */
	readonly time: string;
	/** Minutes east of UTC; `undefined` when only the camera's clock is known. */
	readonly offsetMinutes?: number;
	readonly source: 'exif' | 'file-name' | 'modified';
	/** The file name gave no year (`Photo-May-09--2-19-49-PM.jpg`): the date's year is a guess to be replaced. */
	readonly yearUnknown?: boolean;
}

/** A photo this reader refuses, with what the writer can do. */
export class UnsupportedPhotoError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnsupportedPhotoError';
	}
}

export interface PhotoExif {
	readonly capture?: { date: string; time: string; offsetMinutes?: number };
	/** EXIF orientation (1 to 8). */
	readonly orientation?: number;
}

/** The bytes of the EXIF block of a JPEG (APP1), PNG (`eXIf`) or WebP (`EXIF`) photo; `undefined` when it has none. */
export function exifBlock(bytes: Uint8Array): Uint8Array | undefined {
	const ascii = (start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
	if (bytes[0] === 0xFF && bytes[1] === 0xD8) {
		for (let at = 2; at + 4 <= bytes.length && bytes[at] === 0xFF;) {
			const marker = bytes[at + 1];
			const length = (bytes[at + 2] << 8) | bytes[at + 3];
			if (marker === 0xDA || length < 2) {
				return undefined;
			}
			if (marker === 0xE1 && ascii(at + 4, 6) === 'Exif\0\0') {
				return bytes.subarray(at + 10, at + 2 + length);
			}
			at += 2 + length;
		}
		return undefined;
	}
	if (ascii(0, 8) === '\x89PNG\r\n\x1A\n') {
		for (let at = 8; at + 8 <= bytes.length;) {
			const length = ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) + bytes[at + 3];
			const type = ascii(at + 4, 4);
			if (type === 'eXIf') {
				return bytes.subarray(at + 8, at + 8 + length);
			}
			if (type === 'IEND') {
				return undefined;
			}
			at += 12 + length;
		}
		return undefined;
	}
	if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
		for (let at = 12; at + 8 <= bytes.length;) {
			const length = bytes[at + 4] + (bytes[at + 5] << 8) + (bytes[at + 6] << 16) + ((bytes[at + 7] << 24) >>> 0);
			if (ascii(at, 4) === 'EXIF') {
				const block = bytes.subarray(at + 8, at + 8 + length);
				return ascii(at + 8, 6) === 'Exif\0\0' ? block.subarray(6) : block;
			}
			at += 8 + length + (length % 2);
		}
		return undefined;
	}
	if (ascii(4, 4) === 'ftyp' && /^(?:heic|heix|hevc|heim|heis|mif1|msf1|avif)$/.test(ascii(8, 4))) {
		throw new UnsupportedPhotoError('HEIC and AVIF photos are not supported: export them as JPEG (most phones can save JPEG instead).');
	}
	throw new UnsupportedPhotoError('This is not a JPEG, PNG or WebP photo.');
}

/**
 * The little of a Node `Buffer` that exif-reader uses, over any bytes: the reader then runs in the browser
 * too, without a Buffer polyfill.
 */
class ExifBytes extends Uint8Array {
	static over(bytes: Uint8Array): ExifBytes {
		return new ExifBytes(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
	}

	#view(): DataView {
		return new DataView(this.buffer, this.byteOffset, this.byteLength);
	}

	readUInt8(offset: number): number { return this.#view().getUint8(offset); }
	readUInt16BE(offset: number): number { return this.#view().getUint16(offset, false); }
	readUInt16LE(offset: number): number { return this.#view().getUint16(offset, true); }
	readUInt32BE(offset: number): number { return this.#view().getUint32(offset, false); }
	readUInt32LE(offset: number): number { return this.#view().getUint32(offset, true); }
	readInt8(offset: number): number { return this.#view().getInt8(offset); }
	readInt16BE(offset: number): number { return this.#view().getInt16(offset, false); }
	readInt16LE(offset: number): number { return this.#view().getInt16(offset, true); }
	readInt32BE(offset: number): number { return this.#view().getInt32(offset, false); }
	readInt32LE(offset: number): number { return this.#view().getInt32(offset, true); }

	override slice(start?: number, end?: number): ExifBytes {
		return ExifBytes.over(this.subarray(start, end));
	}

	/** Latin-1 text, as Buffer's `ascii` and `binary` give it. */
	override toString(_encoding?: string, start = 0, end = this.length): string {
		let text = '';
		for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) {
			text += String.fromCharCode(this[i]);
		}
		return text;
	}
}

/** The capture time and orientation a photo's EXIF gives; throws `UnsupportedPhotoError` for HEIC and non-photos. */
export function readPhotoExif(bytes: Uint8Array): PhotoExif {
	const block = exifBlock(bytes);
	if (!block) {
		return {};
	}
	let exif: ReturnType<typeof readExif>;
	try {
		exif = readExif(ExifBytes.over(block) as unknown as Buffer);
	} catch (error) {
		throw new UnsupportedPhotoError(`Its EXIF data is damaged (${errorMessage(error)}).`);
	}
	const taken = exif.Photo?.DateTimeOriginal ?? exif.Image?.DateTime;
	const offsetText = (exif.Photo as Record<string, unknown> | undefined)?.OffsetTimeOriginal;
	const orientation = exif.Image?.Orientation;
	let capture: PhotoExif['capture'];
	if (taken instanceof Date && !Number.isNaN(taken.getTime())) {
		// exif-reader reads the wall clock as if it were UTC: its UTC fields are the camera's clock.
		const iso = taken.toISOString();
		const offset = typeof offsetText === 'string' ? parseOffset(offsetText) : undefined;
		capture = { date: iso.slice(0, 10), time: iso.slice(11, 19), ...(offset !== undefined ? { offsetMinutes: offset } : {}) };
	}
	return { ...(capture ? { capture } : {}), ...(typeof orientation === 'number' ? { orientation } : {}) };
}

function parseOffset(text: string): number | undefined {
	const match = /^([+-])(\d{2}):(\d{2})$/.exec(text.trim());
	return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A capture time written in a file name: `IMG_20170509_141949.jpg`, `PXL_20230506_101500123.jpg`,
 * `2017-05-09 14.19.49.jpg`, `Screenshot 2017-05-09 at 14.19.49.png`, `Photo-May-09--2-19-49-PM.jpg`
 * (no year: marked).
 */
export function captureTimeInName(name: string): CaptureTime | undefined {
	const compact = /(?:^|[^\d])((?:19|20)\d{2})(\d{2})(\d{2})[_-](\d{2})(\d{2})(\d{2})/.exec(name);
	const dashed = /((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[ _T]|\s+at\s+)(\d{1,2})[.:-](\d{2})[.:-](\d{2})/i.exec(name);
	const found = compact ?? dashed;
	if (found) {
		const [year, month, day, hour, minute, second] = found.slice(1).map(Number);
		if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60) {
			return { date: `${year}-${pad(month)}-${pad(day)}`, time: `${pad(hour)}:${pad(minute)}:${pad(second)}`, source: 'file-name' };
		}
	}
	const spoken = /([A-Za-z]{3})[a-z]*-(\d{1,2})-+(\d{1,2})-(\d{2})-(\d{2})-?(AM|PM)/i.exec(name);
	if (spoken) {
		const month = MONTHS.indexOf(spoken[1].toLowerCase()) + 1;
		let hour = Number(spoken[3]) % 12;
		if (spoken[6].toUpperCase() === 'PM') {
			hour += 12;
		}
		if (month > 0) {
			return { date: `0000-${pad(month)}-${pad(Number(spoken[2]))}`, time: `${pad(hour)}:${spoken[4]}:${spoken[5]}`, source: 'file-name', yearUnknown: true };
		}
	}
	return undefined;
}

/** The capture time of a photo: EXIF, else its name, else its modification time (at `offsetMinutes`, the event's). */
export function captureTimeOf(photo: { readonly bytes: Uint8Array; readonly name: string; readonly modifiedMillis?: number }, offsetMinutes: number | undefined): CaptureTime | undefined {
	const exif = readPhotoExif(photo.bytes);
	if (exif.capture) {
		return { ...exif.capture, source: 'exif' };
	}
	const named = captureTimeInName(photo.name);
	if (named) {
		return named;
	}
	if (photo.modifiedMillis !== undefined) {
		const local = new Date(photo.modifiedMillis + (offsetMinutes ?? 0) * 60_000).toISOString();
		return { date: local.slice(0, 10), time: local.slice(11, 19), ...(offsetMinutes !== undefined ? { offsetMinutes } : {}), source: 'modified' };
	}
	return undefined;
}
