import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IFileReader } from '../core/fs/fileReader';
import { basename } from '../core/fs/posixPath';
import { PostRenderer, standalonePage } from '../core/markdown/renderer';
import { resolveImage } from '../core/site/resolve';
import { oneOf, parseCommandArgs } from './args';
import { ExitCode, type CliCommand } from './io';
import { NodeFileReader } from './nodeFileReader';
import { readPostInSite } from './postInSite';

const USAGE = `Usage: event-writeup render [--images file|site] FILE

Prints the post as one standalone HTML page (stylesheet inlined), rendered as Hugo's Goldmark
renders it by default: the front matter as a header (title, date, tags, categories, cover, draft
badge), typographer, linkify, tables, task lists, footnotes, definition lists, heading ids, the
figure and youtube shortcodes, raw HTML omitted unless the site sets
markup.goldmark.renderer.unsafe.

Options:
  --images MODE   file (default): every image the site publishes is written as the file:// URL of
                  that file, so the page shows the photos when opened from anywhere;
                  site: paths stay as written, as on the published site.

Images that resolve to nothing are kept as written, marked data-unresolved, and listed on stderr.

Exit codes: 0 rendered, 1 FILE cannot be read, 2 bad command line.`;

/** Where the preview stylesheet is, from the bundle (dist/cli-*.mjs) or the compiled tests (out/src/cli/). */
async function readPreviewCss(): Promise<string> {
	for (const candidate of [path.join(__dirname, '..', 'media', 'preview.css'), path.join(__dirname, '..', '..', '..', 'media', 'preview.css')]) {
		try {
			return await fs.readFile(candidate, 'utf8');
		} catch {
			// try the next location
		}
	}
	return '';
}

/** The `render` command; `files` and `css` exist for tests. */
export function createRenderCommand(files: IFileReader = new NodeFileReader(), css: () => Promise<string> = readPreviewCss): CliCommand {
	return {
		name: 'render',
		usage: USAGE,
		async run(args, io) {
			const { values, positionals } = parseCommandArgs(args, { images: { type: 'string' } });
			const mode = oneOf('images', values.images, ['file', 'site'], 'file');
			const input = await readPostInSite('render', positionals, io, files, 'images stay as written');
			if (!input) {
				return ExitCode.Failure;
			}
			const { file, text, site, context, page } = input;
			const unresolved: string[] = [];
			const post = new PostRenderer().render(text, {
				unsafeHtml: site?.unsafeHtml ?? false,
				...(site ? { highlight: site.highlight } : {}),
				resolveImage: src => {
					const image = resolveImage(context, file, src, page);
					if (image.resolved === undefined) {
						unresolved.push(src);
						return undefined;
					}
					return mode === 'file' ? pathToFileURL(image.resolved).href : src;
				},
			});
			for (const src of new Set(unresolved)) {
				io.stderr(`warning: ${input.argument}: image ${src} resolves to no file the site publishes\n`);
			}
			io.stdout(standalonePage(post, await css(), basename(file)));
			return ExitCode.Ok;
		},
	};
}

export const renderCommand = createRenderCommand();
