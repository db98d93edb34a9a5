import * as vscode from 'vscode';
import type { HugoRenderContext } from '../../core/markdown/hugoMarkdown';
import { lazyPageAddress } from '../../core/site/references';
import { resolveImage } from '../../core/site/resolve';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';

/**
 * The render context of a post in its site, from the site index's in-memory state only: rendering never
 * waits for the disk. While the site is still loading, images stay as written (the index fires
 * `onDidChange` once it is ready and the preview renders again).
 */
export function siteRenderContext(sites: WorkspaceSiteIndex, documentUri: vscode.Uri, text: string, toUrl: (file: vscode.Uri) => string): HugoRenderContext {
	const site = sites.loadedSiteFor(documentUri);
	if (!site) {
		return { unsafeHtml: false };
	}
	// Only relative paths depend on where the page is published (its slug/url): read that only for them.
	const page = lazyPageAddress(text);
	return {
		unsafeHtml: site.site.unsafeHtml,
		highlight: site.site.highlight,
		resolveImage: src => {
			const image = resolveImage(site, documentUri.path, src, page);
			return image.resolved === undefined ? undefined : toUrl(sites.toUri(documentUri, image.resolved));
		},
	};
}
