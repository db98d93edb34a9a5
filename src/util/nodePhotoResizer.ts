import type { PhotoResizer } from '../core/photos/resizer';

/** JPEG quality of a scaled copy: what cameras and phones write. */
const JPEG_QUALITY = 85;

/** Scales photos with jimp (plain JavaScript, no native binaries): JPEG and PNG; WebP is left as it is. */
export class NodePhotoResizer implements PhotoResizer {
	async resize(bytes: Uint8Array, mimeType: string, maxWidth: number): Promise<Uint8Array | undefined> {
		if (mimeType !== 'image/jpeg' && mimeType !== 'image/png') {
			return undefined;
		}
		// Loaded on first use: the image library is large, and most sessions scale nothing.
		const { Jimp } = await import('jimp');
		// Reading applies the EXIF orientation: the width compared is the upright photo's.
		const image = await Jimp.read(Buffer.from(bytes));
		if (image.width <= maxWidth) {
			return undefined;
		}
		image.resize({ w: maxWidth });
		return mimeType === 'image/jpeg' ? image.getBuffer('image/jpeg', { quality: JPEG_QUALITY }) : image.getBuffer('image/png');
	}
}
