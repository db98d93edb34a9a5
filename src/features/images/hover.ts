import * as vscode from 'vscode';
import { relativeInside } from '../../core/fs/posixPath';
import { describeMissingImage } from '../../core/site/problems';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { toVscodeRange } from './convert';

/** How wide the hover shows an image, in pixels. */
const PREVIEW_WIDTH = 320;

/** On an image path: the image Hugo publishes for it and where it comes from, or why there is none. */
export class ImageHoverProvider implements vscode.HoverProvider {
	readonly #sites: WorkspaceSiteIndex;

	constructor(sites: WorkspaceSiteIndex) {
		this.#sites = sites;
	}

	async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
		const { context, references } = await this.#sites.resolveReferences(document);
		const hit = references.find(({ reference }) => toVscodeRange(reference.range).contains(position));
		if (!context || !hit || hit.image.remote || token.isCancellationRequested) {
			return undefined;
		}
		const { reference, image } = hit;
		const markdown = new vscode.MarkdownString();
		if (image.resolved === undefined) {
			markdown.appendText(describeMissingImage(image, context.site));
		} else {
			const uri = this.#sites.toUri(document.uri, image.resolved);
			const shown = relativeInside(context.site.root, image.resolved) ?? image.resolved;
			// Where the file comes from first: a tall photo would push it below the hover's fold.
			markdown.appendMarkdown(`${code(image.sitePath ?? reference.src)} → [${escapeMarkdown(shown)}](${uri.toString()})\n\n`);
			markdown.appendMarkdown(`![${escapeMarkdown(reference.src)}](${uri.toString()}|width=${PREVIEW_WIDTH})`);
		}
		return new vscode.Hover(markdown, toVscodeRange(reference.range));
	}
}

function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function code(text: string): string {
	const fence = text.includes('`') ? '``' : '`';
	return `${fence}${text}${fence}`;
}
