import * as assert from 'node:assert/strict';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { findHugoSite } from '../../../src/core/site/hugoSite';
import { findImageReferences } from '../../../src/core/site/references';
import { readShortcodeTemplate } from '../../../src/core/site/shortcodes';

suite('site.shortcodes', () => {
	test('Should tell from a template what reaches the page of its inner text (#10)', () => {
		assert.deepEqual(readShortcodeTemplate('{{ highlight (trim .Inner "\\n") "go" "" }}'), { inner: 'nothing', htmlBlock: false });
		assert.deepEqual(readShortcodeTemplate('<pre>{{ .Inner | htmlEscape }}</pre>'), { inner: 'nothing', htmlBlock: true });
		assert.deepEqual(readShortcodeTemplate('{{ .Inner }}'), { inner: 'verbatim', htmlBlock: false });
		assert.deepEqual(readShortcodeTemplate('{{ $lang := .Get 0 }}\n<pre><code class="{{ $lang }}">{{ .Inner }}</code></pre>'), { inner: 'verbatim', htmlBlock: true });
		assert.deepEqual(readShortcodeTemplate('<aside>{{ .Inner | markdownify }}</aside>'), { inner: 'markdown', htmlBlock: true });
		assert.deepEqual(readShortcodeTemplate('{{ partial "note.html" . }}'), { inner: 'markdown', htmlBlock: false });
		assert.deepEqual(readShortcodeTemplate('<iframe src="{{ .Get 0 }}"></iframe>'), { inner: 'nothing', htmlBlock: true });
	});

	test('Should let the project\'s template of a name hide a theme\'s, and a site redefine highlight (#10)', async () => {
		const files = new MemoryFileReader({
			'/s/hugo.toml': 'theme = "t"',
			'/s/layouts/shortcodes/note.html': '{{ .Inner | markdownify }}',
			'/s/layouts/shortcodes/highlight.html': '{{ .Inner | markdownify }}',
			'/s/themes/t/layouts/shortcodes/note.html': '{{ highlight .Inner "go" "" }}',
			'/s/themes/t/layouts/shortcodes/code.html': '<pre>{{ .Inner }}</pre>',
			'/s/themes/t/layouts/shortcodes/code.amp.html': '{{ .Inner | markdownify }}',
		});
		const site = await findHugoSite('/s/content/x.md', files);
		assert.ok(site);
		assert.deepEqual(Object.fromEntries([...site.shortcodes].map(([name, t]) => [name, t.inner])), { note: 'markdown', highlight: 'markdown', code: 'markdown' });
		const text = '{{< highlight >}}![a](/a.jpg){{< /highlight >}}';
		assert.deepEqual(findImageReferences(text, site).map(r => r.src), ['/a.jpg']);
		assert.deepEqual(findImageReferences(text).map(r => r.src), []);
	});

	test('Should keep a verbatim shortcode\'s raw <img> on the page whatever Goldmark\'s unsafe, and its Markdown off (#10)', () => {
		const site = { unsafeHtml: false, shortcodes: new Map([['raw', { inner: 'verbatim' as const, htmlBlock: false }], ['pre', { inner: 'verbatim' as const, htmlBlock: true }]]) };
		const found = (text: string, unsafeHtml = false) => findImageReferences(text, { ...site, unsafeHtml }).map(r => `${r.src} ${r.kind}`);
		assert.deepEqual(found('{{< raw >}}![a](/a.jpg) <img src="/b.jpg">{{< /raw >}}'), ['/b.jpg shortcodeHtml']);
		assert.deepEqual(found('{{% raw %}}![a](/a.jpg) <img src="/b.jpg">{{% /raw %}}'), ['/a.jpg markdown', '/b.jpg html']);
		assert.deepEqual(found('{{% pre %}}![a](/a.jpg) <img src="/b.jpg">{{% /pre %}}'), []);
		assert.deepEqual(found('{{% pre %}}![a](/a.jpg) <img src="/b.jpg">{{% /pre %}}', true), ['/b.jpg html']);
		// A closing tag of another shortcode does not end it.
		assert.deepEqual(found('{{< raw >}}![a](/a.jpg){{< /pre >}} ![c](/c.jpg)'), ['/a.jpg markdown', '/c.jpg markdown']);
	});
});
