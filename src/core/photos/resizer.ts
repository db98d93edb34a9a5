/**
 * Scales a photo down to a maximum width on copy (JPEG, PNG, WebP where the host can encode it), turned
 * upright by its EXIF orientation. Node's uses a JavaScript image library, the web host the browser's own
 * decoder and canvas.
 */
export interface PhotoResizer {
	/** The scaled photo, or `undefined` when it is narrow enough already or its type cannot be scaled here. */
	resize(bytes: Uint8Array, mimeType: string, maxWidth: number): Promise<Uint8Array | undefined>;
}

/** The media type of a photo file by its name. */
export function photoMimeType(name: string): string | undefined {
	const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1].toLowerCase();
	return extension === 'jpg' || extension === 'jpeg' ? 'image/jpeg' : extension === 'png' ? 'image/png' : extension === 'webp' ? 'image/webp' : undefined;
}
