import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import markdownIt from 'markdown-it';
import * as path from 'node:path';
import { createHugoMarkdownIt } from '../../../src/core/markdown/hugoMarkdown';
import { githubHeadingId } from '../../../src/core/markdown/headingIds';
import { PostRenderer, renderPost, standalonePage, type RenderOptions } from '../../../src/core/markdown/renderer';
import { parseShortcodeAt } from '../../../src/core/markdown/shortcodes';
import { joinLines } from '../../../src/core/text';
import { htmlShape } from './htmlShape';

const SAFE: RenderOptions = { unsafeHtml: false, frontMatterHeader: false };

/** Renders a post body: an empty front matter first, since Hugo reads a post starting with `{` as JSON front matter. */
function body(markdown: string, options: RenderOptions = SAFE): string {
	return renderPost(`+++\n+++\n${markdown}`, { frontMatterHeader: false, ...options }).html;
}

suite('core.markdown.renderer', () => {
	suite('Goldmark defaults', () => {
		test('Should apply Goldmark\'s typographer substitutions and no others (#4)', () => {
			assert.equal(body('"Double" and \'single\', it\'s -- en --- em ... <<x>> (c) +-'),
				'<p>\u201CDouble\u201D and \u2018single\u2019, it\u2019s \u2013 en \u2014 em \u2026 \u00ABx\u00BB (c) +-</p>\n');
		});

		test('Should decide each quote from its neighbours as Goldmark does, not pair them (#4)', () => {
			assert.equal(body('a"b \'90s rock \'n\' roll "Monitor 21"" end'), '<p>a&quot;b \u201990s rock \u2019n\u2019 roll \u201CMonitor 21&quot;\u201D end</p>\n');
		});

		test('Should leave code spans and fences alone (#4)', () => {
			assert.equal(body('`"a" -- b`'), '<p><code>&quot;a&quot; -- b</code></p>\n');
			assert.match(body('```\n"a" -- ...\n```'), /<code>&quot;a&quot; -- \.\.\.\n<\/code>/);
		});

		test('Should link www. and scheme URLs and e-mail addresses, not bare domains (#4)', () => {
			assert.equal(body('www.example.com example.com https://x.org/a me@x.org'),
				'<p><a href="https://www.example.com">www.example.com</a> example.com <a href="https://x.org/a">https://x.org/a</a> <a href="mailto:me@x.org">me@x.org</a></p>\n');
		});

		test('Should render tables with alignment, strikethrough and disabled task checkboxes (#4)', () => {
			const html = body(joinLines('| a | b |', '|:--|--:|', '| 1 | 2 |', '', '~~gone~~', '', '- [ ] todo', '- [x] done'));
			assert.match(html, /<th style="text-align:left">a<\/th>/);
			assert.match(html, /<td style="text-align:right">2<\/td>/);
			assert.match(html, /<del>gone<\/del>/);
			assert.match(html, /<li><input disabled="" type="checkbox"> todo<\/li>/);
			assert.match(html, /<li><input checked="" disabled="" type="checkbox"> done<\/li>/);
		});

		test('Should render footnotes with Goldmark\'s ids and roles (#4)', () => {
			const html = body(joinLines('Text[^n].', '', '[^n]: Note.'));
			assert.match(html, /<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1<\/a><\/sup>/);
			assert.match(html, /<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n<li id="fn:1">/);
			assert.match(html, /Note\.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">/);
		});

		test('Should render definition lists (#4)', () => {
			assert.equal(body(joinLines('Term', ': Definition')), '<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>\n');
		});

		test('Should give headings github-style ids from their source, unique per page (#4)', () => {
			assert.equal(githubHeadingId('A [link](https://x.org) & 100%'), 'a-linkhttpsxorg--100');
			assert.equal(githubHeadingId('Über café x_y'), 'über-café-x_y');
			const html = body(joinLines('## My Heading', '', '## My Heading', '', '### Custom {#mine .wide}', '', '## !!!'));
			assert.match(html, /<h2 id="my-heading">My Heading<\/h2>/);
			assert.match(html, /<h2 id="my-heading-1">My Heading<\/h2>/);
			assert.match(html, /<h3 class="wide" id="mine">Custom<\/h3>/);
			assert.match(html, /<h2 id="heading">!!!<\/h2>/);
		});

		test('Should keep soft line breaks and wrap a lone image in a paragraph (#4)', () => {
			assert.equal(body('one\ntwo'), '<p>one\ntwo</p>\n');
			assert.equal(body('![a](/x.jpg)'), '<p><img src="/x.jpg" alt="a"></p>\n');
		});
	});

	suite('raw HTML', () => {
		test('Should omit raw HTML unless the site is unsafe (#4)', () => {
			const markdown = joinLines('<div>block</div>', '', 'inline <b>bold</b>');
			assert.equal(body(markdown), '<!-- raw HTML omitted -->\n<p>inline <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n');
			assert.equal(body(markdown, { unsafeHtml: true }), '<div>block</div>\n<p>inline <b>bold</b></p>\n');
		});

		test('Should resolve raw <img> sources when raw HTML passes (#4)', () => {
			const html = body('<img src="/content/images/y.jpg" alt="y"> <img src=\'/nope.jpg\'>', {
				unsafeHtml: true, resolveImage: src => src === '/content/images/y.jpg' ? 'file:///site/static/content/images/y.jpg' : undefined,
			});
			assert.match(html, /<img src="file:\/\/\/site\/static\/content\/images\/y\.jpg" alt="y">/);
			assert.match(html, /<img src="\/nope\.jpg" data-unresolved="\/nope\.jpg">/);
		});
	});

	suite('images', () => {
		test('Should rewrite Markdown and reference-style image sources through the resolver (#4)', () => {
			const seen: string[] = [];
			const html = body(joinLines('![a](/images/a.jpg) ![b][b] ![c](missing.jpg) ![d](https://cdn.example/d.jpg)', '', '[b]: bundle/b.jpg'), {
				unsafeHtml: false,
				resolveImage: src => {
					seen.push(src);
					return src === 'missing.jpg' ? undefined : `vscode-resource:${src}`;
				},
			});
			assert.deepEqual(seen, ['/images/a.jpg', 'bundle/b.jpg', 'missing.jpg'], 'remote URLs never reach the resolver');
			assert.match(html, /<img src="vscode-resource:\/images\/a\.jpg" alt="a">/);
			assert.match(html, /<img src="vscode-resource:bundle\/b\.jpg" alt="b">/);
			assert.match(html, /<img src="missing\.jpg" alt="c" data-unresolved="missing\.jpg">/);
			assert.match(html, /<img src="https:\/\/cdn\.example\/d\.jpg" alt="d">/);
		});
	});

	suite('shortcodes', () => {
		test('Should render figure with every 0.111.3 argument (#4)', () => {
			const html = body('{{< figure src="/images/a.jpg" title="Ti" caption="Cap *md*" alt="Alt" link="https://x.org" target="_blank" rel="noopener" class="c" width="10" height="20" attr="Me" attrlink="https://me.example" >}}', {
				unsafeHtml: false, resolveImage: src => `resolved:${src}`,
			});
			assert.deepEqual(htmlShape(html, { attributes: ['class'] }), [
				'<figure class="c">', '<a href="https://x.org" rel="noopener" target="_blank">',
				'<img alt="Alt" height="20" src="resolved:/images/a.jpg" width="10">', '</img>', '</a>',
				'<figcaption>', '<h4>', 'text: Ti', '</h4>', '<p>', 'text: Cap', '<em>', 'text: md', '</em>',
				'<a href="https://me.example">', 'text: Me', '</a>', '</p>', '</figcaption>', '</figure>',
			]);
		});

		test('Should fall back to the caption as plain-text alt and mark an unresolved figure (#4)', () => {
			const html = body('{{< figure src="/nope.jpg" caption="A *b* & c" >}}', { unsafeHtml: false, resolveImage: () => undefined });
			assert.match(html, /<img src="\/nope\.jpg" alt="A b &amp; c" data-unresolved="\/nope\.jpg">/);
		});

		test('Should render youtube as a link, never an iframe (#4)', () => {
			for (const call of ['{{< youtube dQw4w9WgXcQ >}}', '{{< youtube id="dQw4w9WgXcQ" title="Talk" >}}']) {
				const html = body(call);
				assert.doesNotMatch(html, /<iframe/);
				assert.match(html, /<a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ"/);
			}
			assert.match(body('{{< youtube id="x" title="Talk" >}}'), /Talk/);
		});

		test('Should show other shortcodes as visible placeholders, inline and paired (#4)', () => {
			assert.match(body('{{< gist user 123 >}}'), /<div class="hugo-shortcode"[^>]*><code>\{\{&lt; gist user 123 &gt;\}\}<\/code><\/div>/);
			assert.match(body('See {{< ref "other.md" >}} now'), /<p>See <span class="hugo-shortcode"[^>]*><code>\{\{&lt; ref &quot;other\.md&quot; &gt;\}\}<\/code><\/span> now<\/p>/);
			const paired = body(joinLines('{{% note %}}', '**inner**', '{{% /note %}}'));
			assert.match(paired, /<p><strong>inner<\/strong><\/p>/);
			assert.match(paired, /\{\{% \/note %\}\}/);
		});

		test('Should print a commented-out shortcode call as text (#4)', () => {
			assert.equal(body('{{</* figure src="x.jpg" */>}}'), '<p>{{&lt; figure src=&quot;x.jpg&quot; &gt;}}</p>\n');
		});

		test('Should render highlight as a code block (#4)', () => {
			assert.match(body(joinLines('{{< highlight go >}}', 'a := "<b>"', '{{< /highlight >}}')),
				/<div class="highlight"><pre tabindex="0" style="[^"]+"><code class="language-go" data-lang="go"><span style="display:flex;"><span>.*<span style="color:#e6db74">&#34;&lt;b&gt;&#34;<\/span><\/span><\/span><\/code><\/pre><\/div>/);
		});

		test('Should leave a broken shortcode as text without throwing (#4)', () => {
			assert.equal(body('{{< figure src="x.jpg"'), '<p>{{&lt; figure src=“x.jpg”</p>\n');
			assert.equal(body('{{< >}} and {{%'), '<p>{{&lt; &gt;}} and {{%</p>\n');
		});

		test('Should parse positional, named, quoted and raw arguments (#4)', () => {
			const parsed = parseShortcodeAt('x {{< name a "b c" key=`raw "v"` other="q\\"t" />}} y', 2);
			assert.ok(parsed);
			assert.deepEqual(parsed.call.positional, ['a', 'b c']);
			assert.deepEqual(parsed.call.named, { key: 'raw "v"', other: 'q"t' });
			assert.equal(parsed.call.selfClosing, true);
			assert.equal(parsed.end, 'x {{< name a "b c" key=`raw "v"` other="q\\"t" />}}'.length);
		});
	});

	suite('front matter header', () => {
		const post = joinLines(
			'+++',
			'title = "Boston <2017> & more"',
			'date = 2017-05-12T23:30:00-04:00',
			'draft = true',
			'tags = ["openstack", "kolla"]',
			'categories = "conferences"',
			'cover = "/images/cover.jpg"',
			'+++',
			'',
			'Body.',
		);

		test('Should hide the front matter and show title, date, draft badge, terms and cover (#4)', () => {
			const html = renderPost(post, { unsafeHtml: false, resolveImage: src => `resolved:${src}` }).html;
			assert.doesNotMatch(html, /\+\+\+|title =/);
			assert.match(html, /<h1 class="hugo-post-title">Boston &lt;2017&gt; &amp; more<\/h1>/);
			// The day as written, not shifted to UTC (23:30-04:00 is the 13th in UTC).
			assert.match(html, /<time datetime="2017-05-12">May 12, 2017<\/time>/);
			assert.match(html, /<span class="hugo-draft-badge">Draft<\/span>/);
			assert.match(html, /<span class="hugo-category">conferences<\/span>/);
			assert.match(html, /<span class="hugo-tag">#openstack<\/span> <span class="hugo-tag">#kolla<\/span>/);
			assert.match(html, /<img class="hugo-cover" src="resolved:\/images\/cover\.jpg" alt="">/);
			assert.match(html, /<p>Body\.<\/p>/);
		});

		test('Should mark a cover that resolves to nothing (#4)', () => {
			assert.match(renderPost(post, { unsafeHtml: false, resolveImage: () => undefined }).html,
				/<img class="hugo-cover" src="\/images\/cover\.jpg" alt="" data-unresolved="\/images\/cover\.jpg">/);
		});

		test('Should show a cover set under params, in TOML and in JSON', () => {
			const expected = /<img class="hugo-cover" src="resolved:\/images\/x\.jpg" alt="">/;
			const options = { unsafeHtml: false, resolveImage: (src: string) => `resolved:${src}` };
			assert.match(renderPost(joinLines('+++', 'title = "T"', '[params]', 'cover = "/images/x.jpg"', '+++', '', 'x'), options).html, expected);
			assert.match(renderPost(joinLines('{', '  "title": "T",', '  "params": {"cover": "/images/x.jpg"}', '}', '', 'x'), options).html, expected);
			assert.match(renderPost(joinLines('---', 'Params:', '  Cover:', '    Image: /images/x.jpg', '---', 'x'), options).html, expected);
		});

		test('Should read YAML and JSON front matter too (#4)', () => {
			assert.match(renderPost(joinLines('---', 'title: YAML post', 'date: 2022-06-10', '---', 'x'), { unsafeHtml: false }).html, /<h1 class="hugo-post-title">YAML post<\/h1>[\s\S]*June 10, 2022/);
			assert.match(renderPost(joinLines('{', '  "title": "JSON post",', '  "draft": false', '}', '', 'x'), { unsafeHtml: false }).html, /<h1 class="hugo-post-title">JSON post<\/h1>/);
		});

		test('Should explain front matter that does not parse, and not crash (#4)', () => {
			const html = renderPost(joinLines('+++', 'title = "x', '+++', '', 'Body'), { unsafeHtml: false }).html;
			assert.match(html, /<p class="hugo-front-matter-error">[^<]+<\/p>/);
			assert.match(html, /<p>Body<\/p>/);
		});

		test('Should report the title and draft state to the caller (#4)', () => {
			const rendered = renderPost(post, { unsafeHtml: false });
			assert.equal(rendered.title, 'Boston <2017> & more');
			assert.equal(rendered.draft, true);
		});
	});

	suite('source maps', () => {
		test('Should keep every block token\'s map on its source lines (#4)', () => {
			const text = joinLines(
				'+++', 'title = "x"', '+++', '',                 // 0-3
				'# Heading', '',                                   // 4-5
				'{{< figure src="/a.jpg"', '    caption="two lines" >}}', '', // 6-8
				'Para', 'graph', '',                               // 9-11
				'{{% note %}}', 'inner', '{{% /note %}}', '',      // 12-15
				'- item',                                          // 16
			);
			const md = createHugoMarkdownIt();
			const maps = md.parse(text, {}).filter(t => t.map && t.nesting >= 0 && t.type !== 'inline').map(t => `${t.type}:${t.map![0]}-${t.map![1]}`);
			assert.deepEqual(maps, [
				'hugo_front_matter:0-3', 'heading_open:4-5', 'hugo_shortcode:6-8', 'paragraph_open:9-11',
				'hugo_shortcode:12-15', 'bullet_list_open:16-17', 'list_item_open:16-17', 'paragraph_open:16-17',
			]);
		});
	});

		test('Should mark each block with its first source line only when the context asks, for scroll sync (#13)', () => {
			const text = joinLines(
				'+++', 'title = "x"', '+++', '',   // 0-3
				'#### Talk', '',                     // 4-5
				'- Speaker', '',                     // 6-7
				'```go', 'x := 1', '```', '',       // 8-11
				'Notes', '',                         // 12-13
				'{{% note %}}', 'inner', '{{% /note %}}', // 14-16
			);
			const marked = renderPost(text, { unsafeHtml: false, sourceLines: true }).html;
			const lines = [...marked.matchAll(/<(\w+)[^>]*\sdata-line="(\d+)"/g)].map(m => `${m[1]}:${m[2]}`);
			assert.deepEqual(lines, ['header:0', 'h4:4', 'ul:6', 'li:6', 'div:8', 'p:12', 'div:14', 'div:14']);
			assert.match(marked, /<div class="highlight" data-line="8"><pre tabindex="0" style="[^"]+"><code class="language-go"/);
			// The shortcode's inner paragraph is its own render: its lines would not be the post's.
			assert.match(marked, /<p>inner<\/p>/);
			const published = renderPost(text, { unsafeHtml: false }).html;
			assert.doesNotMatch(published, /data-line/);
		});

	suite('escaping', () => {
		test('Should escape document text in shortcode arguments and attributes (#4)', () => {
			const html = body('{{< figure src="x.jpg\\" onerror=\\"alert(1)" title="<script>alert(1)</script>" >}}');
			assert.doesNotMatch(html, /<script>/);
			assert.match(html, /src="x\.jpg&quot; onerror=&quot;alert\(1\)"/);
			assert.match(html, /<h4>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h4>/);
		});

		test('Should escape the title of a standalone page (#4)', () => {
			const page = standalonePage(renderPost(joinLines('+++', 'title = "</title><script>x</script>"', '+++'), { unsafeHtml: false }), 'body{}', 'post.md');
			assert.match(page, /<title>&lt;\/title&gt;&lt;script&gt;x&lt;\/script&gt;<\/title>/);
			assert.doesNotMatch(page, /<script>/);
		});
	});

	test('Should reuse one renderer across sites with different contexts (#4)', () => {
		const renderer = new PostRenderer();
		const text = '<b>x</b> ![a](/a.jpg)';
		assert.match(renderer.render(text, { unsafeHtml: true, resolveImage: () => 'one' }).html, /<b>x<\/b> <img src="one"/);
		assert.match(renderer.render(text, { unsafeHtml: false }).html, /<!-- raw HTML omitted -->x<!-- raw HTML omitted --> <img src="\/a\.jpg"/);
	});

	suite('typographer and linkify', () => {
		test('Should link right after substitutions as Hugo does (a quote is an element of its own), in paragraphs, links and image descriptions', () => {
			assert.equal(body('"Quoted" www.example.org -- \'x\' ana@example.org\'s ... "www.example.net" it\'s'),
				'<p>\u201CQuoted\u201D <a href="https://www.example.org">www.example.org</a> \u2013 \u2018x\u2019 ' +
				'<a href="mailto:ana@example.org">ana@example.org</a>\u2019s \u2026 \u201C<a href="https://www.example.net">www.example.net</a>\u201D it\u2019s</p>\n');
			assert.equal(body('![it\'s "alt"](/a.jpg) ["x" -- y](https://z.org)'),
				'<p><img src="/a.jpg" alt="it\u2019s \u201Calt\u201D"> <a href="https://z.org">\u201Cx\u201D \u2013 y</a></p>\n');
		});

		test('Should substitute next to autolinks, tags and link labels as Goldmark does', () => {
			assert.equal(body('<<https://x.org>> <<b>x</b>>> --<i>-</i> \'<b>\' ["a" -- b](c)', { unsafeHtml: true }),
				'<p>\u00AB<a href="https://x.org">https://x.org</a>\u00BB \u00ABb&gt;x</b>\u00BB \u2013<i>-</i> \u2018<b>\u2019 ' +
				'<a href="c">\u201Ca\u201D \u2013 b</a></p>\n');
		});

		test('Should write substitutions alike in text with and without links, and with linking off', () => {
			assert.equal(body('"a" -- b\n\n"a" -- www.b.org\n\n![\'c\' -- d](/e.jpg) "f"'),
				'<p>\u201Ca\u201D \u2013 b</p>\n<p>\u201Ca\u201D \u2013 <a href="https://www.b.org">www.b.org</a></p>\n' +
				'<p><img src="/e.jpg" alt="\u2018c\u2019 \u2013 d"> \u201Cf\u201D</p>\n');
			const unlinked = createHugoMarkdownIt().set({ linkify: false });
			assert.equal(unlinked.render('"a" -- www.b.org ana@b.org'), '<p>\u201Ca\u201D \u2013 www.b.org ana@b.org</p>\n');
		});

		test('Should read characters no rule takes as text, and still find labels, images and URLs after them (none after `:`, as in Hugo)', () => {
			assert.equal(body('[a: b ! c ^ d # e](f) ![g](h) z: https://y.org $5 50% a+b=c @me {x} see:www.q.org'),
				'<p><a href="f">a: b ! c ^ d # e</a> <img src="h" alt="g"> z: <a href="https://y.org">https://y.org</a> ' +
				'$5 50% a+b=c @me {x} see:www.q.org</p>\n');
		});

		test('Should decide quotes from ASCII and non-ASCII neighbours alike', () => {
			assert.equal(body('\u00E9\'\u00E9 1\'a $"x"$ ~\'y\'~ ="z"= ("w") x\u00A0"v"\u00A0 \u0663"u"\u0663 \u{1D400}\'s \u00AB"q"\u00BB'),
				'<p>\u00E9\u2019\u00E9 1\u2019a $\u201Cx\u201D$ ~\u2018y\u2019~ =\u201Cz\u201D= (\u201Cw\u201D) x\u00A0\u201Cv\u201D\u00A0 ' +
				'\u0663&quot;u&quot;\u0663 \u{1D400}\u2019s \u00AB\u201Cq\u201D\u00BB</p>\n');
		});

		test('Should link a URL right after a substitution, as Hugo does', () => {
			assert.equal(body('the recording...https://example.org/v and the talk --https://example.org/t.'),
				'<p>the recording\u2026<a href="https://example.org/v">https://example.org/v</a> and the talk ' +
				'\u2013<a href="https://example.org/t">https://example.org/t</a>.</p>\n');
		});

		test('Should keep private-use characters written in the text', () => {
			assert.equal(body('a\uE000b "c" \uE001 www.x.org -- d'),
				'<p>a\uE000b \u201Cc\u201D \uE001 <a href="https://www.x.org">www.x.org</a> \u2013 d</p>\n');
			assert.equal(body('"c" -- d\n\n"e\uE000"'), '<p>\u201Cc\u201D \u2013 d</p>\n<p>\u201Ce\uE000\u201D</p>\n');
		});

		test('Should normalize and validate link URLs and texts as markdown-it does', () => {
			const ours = createHugoMarkdownIt();
			const reference = markdownIt();
			const urls = ['https://example.org/a/b.html?x=1&y=2#z', 'HTTP://Example.ORG/A', 'https://xn--e1afmkfd.xn--p1ai/',
				'https://example.org/a%20b', 'https://example.org/a b', 'https://пример.рф/путь', 'mailto:ana@example.org',
				'mailto:ana@xn--e1afmkfd.xn--p1ai', 'https://user@example.org/', 'https://example.org/[x]', 'https://example.org:8080/x',
				'ftp://example.org/x', '/relative/path', 'javascript:alert(1)', 'https://example.org/%E2%80%9C',
				'www.example.org/a/b?c=d#e', 'www.xn--e1afmkfd.xn--p1ai/', 'www.example.org:8080/a', 'www.пример.рф', 'www.example.org/a%20b'];
			for (const url of urls) {
				assert.equal(ours.normalizeLink(url), reference.normalizeLink(url), url);
				assert.equal(ours.normalizeLinkText(url), reference.normalizeLinkText(url), url);
			}
			for (const url of [...urls, ' javascript:x', 'JavaScript:x', 'data:image/png;base64,x', 'data:text/html,x', 'file:///etc', 'https://x.org/javascript:']) {
				assert.equal(ours.validateLink(url), reference.validateLink(url), url);
			}
		});

	});

	suite('preview stylesheet', () => {
		test('Should align table columns from the style attribute the panel\'s CSP does not apply', () => {
			const css = readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'media', 'preview.css'), 'utf8');
			const html = body('| L | C | R |\n|:--|:-:|--:|\n| a | b | c |');
			for (const align of ['left', 'center', 'right']) {
				const styles = [...html.matchAll(/<(th|td) style="([^"]*)"/g)].filter(([, , style]) => style.includes(align));
				assert.equal(styles.length, 2, `a ${align} header and cell in ${html}`);
				for (const [, tag, style] of styles) {
					const rule = new RegExp(`(?:^|[,}]\\s*)${tag}\\[style\\*="${style}"\\][^{]*\\{[^}]*text-align: ${align};`, 'm');
					assert.match(css, rule, `${tag}[style*="${style}"]`);
				}
			}
		});
	});
});
