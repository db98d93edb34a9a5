import * as assert from 'node:assert/strict';
import { findImageReferences, readPageAddress } from '../../../src/core/site/references';
import { joinLines, LineIndex } from '../../../src/core/text';

/** Each reference as `kind src @line:character`, and a check that its range covers exactly its text. */
function describe(text: string): string[] {
	const lines = new LineIndex(text);
	return findImageReferences(text).map(r => {
		const written = text.slice(lines.offsetAt(r.range.start), lines.offsetAt(r.range.end));
		assert.equal(written.replace(/\\(.)/g, '$1').replace(/&amp;/g, '&'), r.src, `the range of ${r.src} covers its text`);
		return `${r.kind} ${r.src} @${r.range.start.line}:${r.range.start.character}`;
	});
}

suite('site.references', () => {
	test('Should find every image of a huge post without overflowing the stack (#14)', () => {
		const text = `+++\ntitle = "Big"\n+++\n${'![x](/y.jpg) <img src="/z.jpg">\n'.repeat(200_000)}`;
		const references = findImageReferences(text);
		assert.equal(references.length, 400_000);
		assert.deepEqual(references[399_999].range.start, { line: 200_002, character: 23 });
	});

	test('Should find inline Markdown images with their exact ranges, titles and angle brackets (#4)', () => {
		assert.deepEqual(describe(joinLines(
			'Intro ![a](/images/a.jpg) and ![b [nested]](b.jpg "Title") then',
			'![c](<my photo.jpg>) ![d](  spaced.jpg  ) ![e](paren(1).jpg)',
			'[![linked](/thumb.jpg)](/full.jpg)',
		)), [
			'markdown /images/a.jpg @0:11',
			'markdown b.jpg @0:44',
			'markdown my photo.jpg @1:6',
			'markdown spaced.jpg @1:28',
			'markdown paren(1).jpg @1:47',
			'markdown /thumb.jpg @2:11',
		]);
	});

	test('Should report a reference-style image at its definition, once, and ignore unused definitions (#4)', () => {
		assert.deepEqual(describe(joinLines(
			'![one][Slide  Photo] and ![slide photo][] and ![Shortcut]',
			'',
			'[slide photo]: /images/slide.jpg "Slide"',
			'[shortcut]: <short cut.jpg>',
			'[unused]: /images/unused.jpg',
			'[slide photo]: /images/second-definition-ignored.jpg',
		)), [
			'reference /images/slide.jpg @2:15',
			'reference short cut.jpg @3:13',
		]);
	});

	test('Should decode numeric character references in <img src>, an impossible code point as U+FFFD (#4)', () => {
		const text = joinLines(
			'<img src="&#47;images&#47;a.jpg">',
			'<img src=\'&#x2F;images&#X2f;b.jpg\'>',
			'<img src="/c&#35x.jpg?&#0;&#x110000;&#xD800;&#99999999999;">',
		);
		assert.deepEqual(findImageReferences(text).map(r => `${r.src} @${r.range.start.line}:${r.range.start.character}-${r.range.end.character}`), [
			'/images/a.jpg @0:10-31',
			'/images/b.jpg @1:10-33',
			'/c#x.jpg?\ufffd\ufffd\ufffd\ufffd @2:10-58',
		]);
	});

	test('Should find definitions inside blockquotes and list items, but not one that would interrupt a paragraph, as Hugo 0.111.3 renders them (#4)', () => {
		assert.deepEqual(describe(joinLines(
			'> ![continues the paragraph][qr]',
			'> [qr]: /images/both.jpg',
			'',
			'![outside, defined in a quote][q2]',
			'',
			'> [q2]: /images/q2.jpg',
			'',
			'- ![in an item][li]',
			'- [li]: /images/li.jpg',
			'',
			'1. item',
			'',
			'   [li2]: <images/li 2.jpg>',
			'   [li3]: /images/li3.jpg',
			'',
			'![defined in an item][li2] ![second definition in a row][li3]',
			'',
			'Para ![p][pp]',
			'[pp]: /images/para.jpg',
			'',
			'> [q3]:',
			'> /images/q3.jpg',
			'',
			'![destination on the next line][q3]',
		)), [
			'reference /images/q2.jpg @5:8',
			'reference /images/li.jpg @8:8',
			'reference images/li 2.jpg @12:11',
			'reference /images/li3.jpg @13:10',
			'reference /images/q3.jpg @21:2',
		]);
	});

	test('Should find raw <img src> and figure shortcodes, also over several lines (#4)', () => {
		assert.deepEqual(describe(joinLines(
			'<img alt="x" src="/content/images/a.jpg"> <IMG SRC=\'/b.jpg\'> <img src=/c.jpg?x=1&amp;y=2>',
			'{{< figure src="/images/fig.jpg" title="A figure" >}}',
			'{{% figure',
			'    caption="two lines"',
			'    src="two-lines.jpg" %}}',
			'{{< figure src=bare.jpg >}}',
		)), [
			'html /content/images/a.jpg @0:18',
			'html /b.jpg @0:52',
			'html /c.jpg?x=1&y=2 @0:70',
			'figure /images/fig.jpg @1:16',
			'figure two-lines.jpg @4:9',
			'figure bare.jpg @5:15',
		]);
	});

	test('Should skip code fences, inline code, comments, escapes and commented-out shortcodes (#4)', () => {
		assert.deepEqual(describe(joinLines(
			'```markdown',
			'![fenced](/fenced.jpg)',
			'```',
			'~~~~',
			'![tilde](/tilde.jpg)',
			'```',
			'still fenced ![x](/still.jpg)',
			'~~~~',
			'`![inline](/inline.jpg)` and ``![double `tick`](/double.jpg)``',
			'\\![escaped](/escaped.jpg) <!-- ![commented](/commented.jpg) -->',
			'{{</* figure src="/escaped-shortcode.jpg" */>}}',
			'![real](/real.jpg)',
		)), ['markdown /real.jpg @11:8']);
	});

	test('Should skip indented code blocks, but not indented lines that continue a paragraph or a list item, as Hugo 0.111.3 renders them (#4)', () => {
		assert.deepEqual(describe(joinLines(
			'    ![first body line](/a1.jpg)',
			'',
			'Para',
			'    ![lazy continuation](/a2.jpg)',
			'',
			'# Heading',
			'    ![after a heading](/a3.jpg)',
			'',
			'- item',
			'',
			'      ![six spaces in an item](/a4.jpg)',
			'',
			'- item',
			'',
			'    ![four spaces in an item](/a5.jpg)',
			'',
			'text',
			'',
			'\t![tab](/a6.jpg)',
			'',
			'1. ordered',
			'',
			'       ![seven spaces in an ordered item](/a8.jpg)',
			'',
			'> quote',
			'>',
			'>     ![in a quote](/a10.jpg)',
			'',
			'---',
			'    ![after a thematic break](/a13.jpg)',
		)), ['markdown /a2.jpg @3:25', 'markdown /a5.jpg @14:30']);
	});

	test('Should find figure shortcodes inside code, which Hugo expands before Markdown, and not raw HTML there (#4)', () => {
		assert.deepEqual(describe(joinLines(
			'```',
			'{{< figure src="/fence.jpg" >}}',
			'```',
			'',
			'    {{< figure src="/indented.jpg" >}}',
			'    <img src="/html.jpg">',
			'',
			'`{{< figure src="/inline.jpg" >}}`',
		)), ['figure /fence.jpg @1:16', 'figure /indented.jpg @4:20', 'figure /inline.jpg @7:17']);
	});

	test('Should read a figure src written as a Go raw string, whose backticks open no code span (#4)', () => {
		assert.deepEqual(describe(joinLines(
			'{{< figure src=`/raw.jpg` >}} and `![code](/code.jpg)` then ![after](/after.jpg)',
		)), ['figure /raw.jpg @0:16', 'markdown /after.jpg @0:69']);
	});

	test('Should treat an unclosed fence as running to the end, as CommonMark does (#4)', () => {
		assert.deepEqual(describe(joinLines('![before](/before.jpg)', '```', '![after](/after.jpg)')), ['markdown /before.jpg @0:10']);
	});

	test('Should find cover and images in TOML, YAML and JSON front matter, not elsewhere in it (#4)', () => {
		assert.deepEqual(describe(joinLines(
			'+++',
			'title = "/images/cover.jpg is also in the title"',
			'Cover = "/images/cover.jpg"',
			'images = ["/images/a.jpg", "/images/b.jpg"]',
			'+++',
			'![body](/images/cover.jpg)',
		)), [
			'frontMatter /images/cover.jpg @2:9',
			'frontMatter /images/a.jpg @3:11',
			'frontMatter /images/b.jpg @3:28',
			'markdown /images/cover.jpg @5:8',
		]);
		assert.deepEqual(describe(joinLines(
			'---',
			'title: Berlin',
			'cover:',
			'  image: berlin.jpg',
			'images:',
			'  - one.jpg',
			'  - two.jpg',
			'---',
		)), ['frontMatter berlin.jpg @3:9', 'frontMatter one.jpg @5:4', 'frontMatter two.jpg @6:4']);
		assert.deepEqual(describe(joinLines('{', '  "title": "x",', '  "cover": "/c.jpg"', '}', 'body')), ['frontMatter /c.jpg @2:12']);
		assert.deepEqual(describe(joinLines('+++', '[params]', 'cover = "/params.jpg"', '+++')), ['frontMatter /params.jpg @2:9']);
	});

	test('Should find nothing in a front matter that does not parse, and keep finding body images (#4)', () => {
		assert.deepEqual(describe(joinLines('+++', 'cover = "/c.jpg', '+++', '![b](/b.jpg)')), ['markdown /b.jpg @3:5']);
	});

	test('Should keep exact ranges with CRLF line endings (#4)', () => {
		assert.deepEqual(describe('+++\r\ncover = "/c.jpg"\r\n+++\r\n\r\n![b](/b.jpg)\r\n'), ['frontMatter /c.jpg @1:9', 'markdown /b.jpg @4:5']);
	});

	test('Should read the slug and url that decide where a page is published (#4)', () => {
		assert.deepEqual(readPageAddress(joinLines('+++', 'Slug = "renamed"', 'url = "/elsewhere/"', '+++')), { slug: 'renamed', url: '/elsewhere/' });
		assert.deepEqual(readPageAddress(joinLines('---', 'slug: yaml-slug', '---')), { slug: 'yaml-slug' });
		assert.deepEqual(readPageAddress('no front matter'), {});
	});
});
