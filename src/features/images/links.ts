import * as vscode from 'vscode';
import { relativeInside } from '../../core/fs/posixPath';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { toVscodeRange } from './convert';

/** Makes every image path that resolves a link to the file Hugo publishes for it. */
export class ImageLinkProvider implements vscode.DocumentLinkProvider {
	readonly #sites: WorkspaceSiteIndex;

	constructor(sites: WorkspaceSiteIndex) {
		this.#sites = sites;
	}

	async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
		const { context, references } = await this.#sites.resolveReferences(document);
		if (!context || token.isCancellationRequested) {
			return [];
		}
		const links: vscode.DocumentLink[] = [];
		for (const { reference, image } of references) {
			if (image.resolved === undefined) {
				continue;
			}
			const link = new vscode.DocumentLink(toVscodeRange(reference.range), this.#sites.toUri(document.uri, image.resolved));
			link.tooltip = `Open ${relativeInside(context.site.root, image.resolved) ?? image.resolved}`;
			links.push(link);
		}
		return links;
	}
}
