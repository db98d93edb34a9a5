import type { IFileReader } from '../core/fs/fileReader';
import { describeMissingImage } from '../core/site/problems';
import { findImageReferences } from '../core/site/references';
import { resolveImage } from '../core/site/resolve';
import { oneOf, parseCommandArgs } from './args';
import { ExitCode, type CliCommand } from './io';
import { NodeFileReader } from './nodeFileReader';
import { readPostInSite } from './postInSite';

const USAGE = `Usage: event-writeup images [--format json|text] FILE

Lists every image path of a post (Markdown images, reference-style images, <img src>,
{{< figure src=... >}}, front matter cover/images) in document order, each with the file
Hugo publishes for it: site-root paths through the site's static folders, themes and mounts,
relative paths through the page bundle or the page's published address.

Options:
  --format FMT    json (default): {"images":[{"line","column","src","resolved"}]}, 1-based
                  positions, "resolved" an absolute path or null;
                  text: one "FILE:LINE:COLUMN SRC -> PATH" line per image.

Exit codes: 0 every image of the post is published, 1 some image resolves to nothing (all are
still listed) or FILE cannot be read, 2 bad command line.`;

export interface ImageListing {
	readonly line: number;
	readonly column: number;
	readonly src: string;
	readonly resolved: string | null;
}

/** The `images` command; `files` exists for tests. */
export function createImagesCommand(files: IFileReader = new NodeFileReader()): CliCommand {
	return {
		name: 'images',
		usage: USAGE,
		async run(args, io) {
			const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' } });
			const format = oneOf('format', values.format, ['json', 'text'], 'json');
			const post = await readPostInSite('images', positionals, io, files, 'no path resolves');
			if (!post) {
				return ExitCode.Failure;
			}
			const { file, text, site, context, page } = post;
			const lines: string[] = [];
			const images: ImageListing[] = [];
			let missing = 0;
			for (const reference of findImageReferences(text, site)) {
				const image = resolveImage(context, file, reference.src, page, reference.kind === 'frontMatter' ? 'frontMatter' : 'body');
				const listing = { line: reference.range.start.line + 1, column: reference.range.start.character + 1, src: reference.src, resolved: image.resolved ?? null };
				images.push(listing);
				// A relative path in a page whose address only a build knows is not checked, so not missing.
				if (!image.remote && image.resolved === undefined && !image.addressUnknown) {
					missing++;
				}
				const outcome = image.resolved ?? (image.remote ? '(remote)' : `(not found) ${describeMissingImage(image, site)}`);
				lines.push(`${post.argument}:${listing.line}:${listing.column} ${reference.src} -> ${outcome}\n`);
			}
			io.stdout(format === 'json' ? `${JSON.stringify({ images }, undefined, 2)}\n` : lines.join(''));
			return missing > 0 ? ExitCode.Failure : ExitCode.Ok;
		},
	};
}

export const imagesCommand = createImagesCommand();
