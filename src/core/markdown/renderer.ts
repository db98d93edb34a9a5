import type { MarkdownIt } from 'markdown-it';
import { postHeader, type FrontMatterReader } from './frontMatterHeader';
import { escapeHtml } from './html';
import { createHugoMarkdownIt, renderedFrontMatter, type HugoRenderContext } from './hugoMarkdown';

export type { HugoRenderContext } from './hugoMarkdown';

export interface RenderOptions extends HugoRenderContext {
	readonly readFrontMatter?: FrontMatterReader;
}

export interface RenderedPost {
	/** The post's HTML: the front matter header, then the body. */
	readonly html: string;
	readonly title?: string;
	readonly draft: boolean;
	/** Why the front matter does not parse, when it does not. */
	readonly frontMatterError?: string;
}

const CONTEXT_KEY = 'hugoRender';

/**
 * Renders posts as Hugo's Goldmark does by default. Holds one markdown-it instance; each render brings its
 * own context (image resolution, raw HTML policy), so one renderer serves every site.
 */
export class PostRenderer {
	readonly #md: MarkdownIt;

	constructor(readFrontMatter?: FrontMatterReader) {
		this.#md = createHugoMarkdownIt({
			context: env => (env as Record<string, HugoRenderContext | undefined>)[CONTEXT_KEY],
			...(readFrontMatter ? { readFrontMatter } : {}),
		});
	}

	/** The markdown-it instance, with every Hugo rule installed. */
	get markdownIt(): MarkdownIt {
		return this.#md;
	}

	render(text: string, context: HugoRenderContext): RenderedPost {
		const env: Record<string, unknown> = { [CONTEXT_KEY]: context };
		const html = this.#md.render(text, env);
		const frontMatter = renderedFrontMatter(env);
		const header = frontMatter && postHeader(frontMatter);
		return {
			html,
			...(header?.title !== undefined ? { title: header.title } : {}),
			draft: header?.draft ?? false,
			...(frontMatter?.error ? { frontMatterError: frontMatter.error } : {}),
		};
	}
}

/** Renders one post with a renderer of its own (convenient for one-off renders; reuse a `PostRenderer` otherwise). */
export function renderPost(text: string, options: RenderOptions): RenderedPost {
	return new PostRenderer(options.readFrontMatter).render(text, options);
}

/** A complete HTML page for a rendered post, with the stylesheet inlined so the file stands alone. */
export function standalonePage(post: RenderedPost, css: string, fallbackTitle: string): string {
	return [
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(post.title ?? fallbackTitle)}</title>`,
		`<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`,
		'</head>',
		'<body>',
		'<article class="hugo-post">',
		post.html.trimEnd(),
		'</article>',
		'</body>',
		'</html>',
		'',
	].join('\n');
}
