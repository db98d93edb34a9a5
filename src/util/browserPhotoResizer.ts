import type { PhotoResizer } from '../core/photos/resizer';

// The browser's image APIs, which the Node-typed build does not declare: only what is used here.
interface ImageBitmapLike {
	readonly width: number;
	readonly height: number;
	close(): void;
}
interface CanvasLike {
	getContext(kind: '2d'): { drawImage(image: ImageBitmapLike, x: number, y: number, width: number, height: number): void } | null;
	convertToBlob(options: { type: string; quality?: number }): Promise<Blob>;
}
interface BrowserImaging {
	createImageBitmap?(image: Blob, options: { imageOrientation: 'from-image' }): Promise<ImageBitmapLike>;
	OffscreenCanvas?: new (width: number, height: number) => CanvasLike;
}

/** Scales photos with the browser's decoder and an OffscreenCanvas (the web-worker host), upright by their EXIF. */
export class BrowserPhotoResizer implements PhotoResizer {
	async resize(bytes: Uint8Array, mimeType: string, maxWidth: number): Promise<Uint8Array | undefined> {
		const imaging = globalThis as BrowserImaging;
		if (!imaging.OffscreenCanvas || !imaging.createImageBitmap) {
			return undefined;
		}
		const bitmap = await imaging.createImageBitmap(new Blob([bytes as BlobPart], { type: mimeType }), { imageOrientation: 'from-image' });
		try {
			if (bitmap.width <= maxWidth) {
				return undefined;
			}
			const height = Math.round(bitmap.height * maxWidth / bitmap.width);
			const canvas = new imaging.OffscreenCanvas(maxWidth, height);
			canvas.getContext('2d')?.drawImage(bitmap, 0, 0, maxWidth, height);
			const blob = await canvas.convertToBlob({ type: mimeType, quality: 0.85 });
			// A browser that cannot encode the type (WebP in some) gives PNG: then the photo is copied as it is.
			return blob.type === mimeType ? new Uint8Array(await blob.arrayBuffer()) : undefined;
		} finally {
			bitmap.close();
		}
	}
}
