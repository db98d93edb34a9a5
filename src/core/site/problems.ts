import { basename, relativeInside } from '../fs/posixPath';
import type { Range } from '../text';
import type { HugoSite } from './hugoSite';
import { findImageReferences, lazyPageAddress, type ImageReference } from './references';
import { unknownAddressReason } from './pages';
import { resolveImage, type ResolvedImage, type SiteContext } from './resolve';
import { decodeWrittenPath, suggestImagePaths } from './suggest';

export const enum ImageProblemCode {
	/** The path resolves to no file Hugo publishes. */
	NotFound = 'image-not-found',
	/** A raw `<img>` that Goldmark omits because the site does not allow raw HTML. */
	RawHtmlOmitted = 'image-raw-html-omitted',
	/** The page's address is decided while Hugo builds: its relative image paths cannot be checked. Information, once per post. */
	AddressUnknown = 'image-address-unknown',
}

/** Every image rule with its severity and what the README says of it, in the README's order; its code is its README anchor. */
export const IMAGE_RULES: ReadonlyArray<{ readonly code: ImageProblemCode; readonly severity: ImageProblem['severity']; readonly description: string }> = [
	{ code: ImageProblemCode.NotFound, severity: 'warning', description: 'The image path resolves to no file Hugo publishes.' },
	{ code: ImageProblemCode.RawHtmlOmitted, severity: 'warning', description: 'A raw <img> that Hugo omits because the site does not allow raw HTML.' },
	{ code: ImageProblemCode.AddressUnknown, severity: 'info', description: 'The page\'s address is decided while Hugo builds: its relative image paths are not checked.' },
];

export interface ImageProblem {
	readonly code: ImageProblemCode;
	readonly message: string;
	readonly range: Range;
	readonly severity: 'error' | 'warning' | 'info';
	/** A file worth pointing at (the one the author probably meant), absolute. */
	readonly related?: { readonly file: string; readonly message: string };
}

/** Every image problem of a post that belongs to `context`'s site, in document order. */
export function findImageProblems(text: string, documentPath: string, context: SiteContext): ImageProblem[] {
	const pageAddress = lazyPageAddress(text);
	const problems: ImageProblem[] = [];
	let addressUnknownSaid = false;
	for (const reference of findImageReferences(text, context.site)) {
		const image = resolveImage(context, documentPath, reference.src, pageAddress);
		if (image.addressUnknown) {
			// Said once, where the first such path is: the writer can do nothing about it but know it.
			if (!addressUnknownSaid) {
				addressUnknownSaid = true;
				const reason = unknownAddressReason(context.site, documentPath, pageAddress()) ?? 'Hugo decides this page\'s address while building';
				problems.push({
					code: ImageProblemCode.AddressUnknown,
					message: `Relative image paths in this post are not checked: ${reason}, so where they point is known only then.`,
					range: reference.range,
					severity: 'info',
				});
			}
			continue;
		}
		for (const problem of problemsOf(reference, image, context, documentPath)) {
			problems.push(problem);
		}
	}
	return problems;
}

function problemsOf(reference: ImageReference, image: ResolvedImage, context: SiteContext, documentPath: string): ImageProblem[] {
	const { site } = context;
	const problems: ImageProblem[] = [];
	if (reference.kind === 'html' && !site.unsafeHtml) {
		problems.push({
			code: ImageProblemCode.RawHtmlOmitted,
			message: 'Hugo omits raw HTML unless markup.goldmark.renderer.unsafe is true: this <img> will not appear on the page. Write it as ![alt](path) instead.',
			range: reference.range,
			severity: 'warning',
		});
	}
	// Front matter paths are the front matter checker's (`fm-image-missing`): one problem, one diagnostic.
	if (!image.remote && image.resolved === undefined && reference.kind !== 'frontMatter') {
		problems.push({
			code: ImageProblemCode.NotFound,
			message: explainMissingImage(context, documentPath, image),
			range: reference.range,
			severity: 'warning',
			...(image.nearMiss ? { related: { file: image.nearMiss.file, message: `Not published at this address: ${image.nearMiss.reason}` } } : {}),
		});
	}
	return problems;
}

/**
 * The message for an image path that resolves to nothing, in the body or the front matter: where Hugo
 * looked, plus the published path the writer most likely meant (the one file of that name, the bundle's
 * file at the page's real address).
 */
export function explainMissingImage(context: SiteContext, documentPath: string, image: ResolvedImage): string {
	// A path only a few letters away may be another photo: named only when it is the same file name.
	const name = basename(image.src.replace(/[?#].*$/s, ''));
	// The message names where Hugo publishes the file or a file of the same name, nothing else: when no
	// published file has the name (a photo not copied yet, typically), ranking every published path could
	// only find other photos.
	const mayName = image.nearMiss?.sitePath !== undefined || context.index.publishesName(name) || context.index.publishesName(decodeWrittenPath(name));
	const [best] = mayName ? suggestImagePaths(context, documentPath, image) : [];
	const sameName = best !== undefined && basename(best.path) === name;
	const meant = best === undefined ? '' : best.reason === 'published-at' ? ` Hugo publishes the file at ${best.path}.`
		: sameName ? ` Hugo publishes ${best.path}, a path close to it.` : '';
	return `${describeMissingImage(image, context.site)}${meant}`;
}

/** The message for an image path that resolves to nothing: what was written, and where Hugo would have looked. */
export function describeMissingImage(image: ResolvedImage, site: HugoSite | undefined): string {
	const shown = (path: string) => (site ? relativeInside(site.root, path) : undefined) ?? path;
	const places = image.lookedIn.map(shown);
	const where = places.length === 0 ? '' : places.length === 1
		? ` Hugo would publish it from ${places[0]}.`
		: ` Hugo would publish it from one of: ${places.join(', ')}.`;
	const requested = image.sitePath !== undefined && image.sitePath !== image.src ? ` (requested as ${image.sitePath})` : '';
	const nearMiss = image.nearMiss ? ` ${shown(image.nearMiss.file)} exists, but ${image.nearMiss.reason}.` : '';
	return `Image not found: ${image.src}${requested}.${where}${nearMiss}`;
}
