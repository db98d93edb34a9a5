import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { textContent } from 'domutils';
import { all as selectAll, parseHtml as parseDocument } from '../../../src/core/sessions/html';
import { DEFAULT_ENTRY_TEMPLATE, DERIVED_TITLE_NOTE, escapeMarkdownInline, formatSessionEntry } from '../../../src/core/sessions/entry';
import type { SessionInfo } from '../../../src/core/sessions/types';

const KOLLA_URL = 'https://www.openstack.org/summit/boston-2017/summit-schedule/events/18385/easier-openstack-deployment-novice-installation-using-kolla';

function session(overrides: Partial<SessionInfo> = {}): SessionInfo {
	return {
		title: 'Easier OpenStack Deployment: Novice Installation Using Kolla',
		speakers: ['Michał Jastrzębski', 'Steven Dake'],
		url: KOLLA_URL,
		source: 'og',
		derived: false,
		warnings: [],
		...overrides,
	};
}

const HOSTILE_TEXTS = [
	'<img src=x onerror=alert(1)>',
	'[x](javascript:alert(1))',
	'![i](http://e.vil/i.png)',
	'{{< shortcode >}} and {{% raw %}}',
	'#### injected',
	'line one\n#### injected heading\n<script>alert(2)</script>',
	'- [Mallory](javascript:alert(2))',
	'1. ordered',
	'> quoted',
	'= setext',
	'Title ### closing hashes ###',
	'Title {#custom-id .class}',
	'`code` *em* _em_ __strong__ ~~del~~',
	'https://e.vil and www.e.vil and mallory@e.vil',
	'&lt;b&gt; &amp; &#60;',
	'<https://e.vil>',
	'back\\slash\\',
	'[ref]: https://e.vil',
	'a\u202Eexe.txt\u200B',
	'Q&A: C++ | Rust',
];

/** What markdown-it with every risky option on renders for one line. */
function renderInline(markdown: string): { html: string; text: string } {
	const md = new MarkdownIt({ html: true, linkify: true });
	const html = md.render(markdown);
	return { html, text: textContent(parseDocument(html)).trim() };
}

suite('sessions.entry', () => {
	test('Should keep every character of a title and name but ASCII whitespace as the platform serves it (#11)', () => {
		// A narrow no-break space before French punctuation, a no-break space in a name: text, not layout.
		const { text } = formatSessionEntry(session({ title: '  Accueil\u202f/ Welcome\t\n', speakers: ['Jean\u00a0Dupont'] }));
		assert.ok(text.startsWith('#### Accueil\u202f/ Welcome\n'), JSON.stringify(text));
		assert.ok(text.includes('- Jean\u00a0Dupont\n'), JSON.stringify(text));
		assert.equal(escapeMarkdownInline('a \u00a0 b\u2009c'), 'a \u00a0 b\u2009c');
	});

	test('Should give a subtitle its own placeholder, left out of the default entry (#11)', () => {
		const info = session({ title: 'The Ecosystem Is Moving', subtitle: 'Challenges for distributed and secure communication' });
		assert.ok(formatSessionEntry(info).text.startsWith('#### The Ecosystem Is Moving\n'));
		assert.ok(!formatSessionEntry(info).text.includes('Challenges'));
		assert.equal(formatSessionEntry(info, '#### ${title}\n*${subtitle}*').text, '#### The Ecosystem Is Moving\n*Challenges for distributed and secure communication*');
		assert.equal(formatSessionEntry(session(), '#### ${title}\n*${subtitle}*').text, '#### Easier OpenStack Deployment: Novice Installation Using Kolla');
	});

	test('Should format an entry exactly as the write-up sample has it, cursor on the notes line (#5)', () => {
		const { text, cursorOffset } = formatSessionEntry(session());
		assert.equal(text, [
			'#### Easier OpenStack Deployment: Novice Installation Using Kolla',
			'',
			'- Michał Jastrzębski',
			'- Steven Dake',
			`- [${KOLLA_URL}](${KOLLA_URL})`,
			'',
			'',
		].join('\n'));
		assert.equal(cursorOffset, text.length);
	});

	test('Should match the entries of the sample post (#5)', async () => {
		const sample = await fs.readFile(path.resolve(__dirname, '../../../../sample-site/content/post/openstack-summit-boston-2017.md'), 'utf8');
		const { text } = formatSessionEntry(session());
		assert.ok(sample.includes(text.trimEnd()), 'the sample post holds this entry verbatim');
	});

	test('Should flag a derived title with an HTML comment under the heading (#5)', () => {
		const { text } = formatSessionEntry(session({ title: 'FWaaS v2 a New Beginning', speakers: [], derived: true }));
		assert.equal(text.split('\n').slice(0, 3).join('\n'), `#### FWaaS v2 a New Beginning\n${DERIVED_TITLE_NOTE}\n`);
		assert.ok(!text.includes('- \n'), 'no empty speaker line');
	});

	test('Should expand a custom template: repeated speaker lines, optional lines dropped, cursor anywhere (#5)', () => {
		const template = '## ${title}\n\nBy ${speakers}\n* ${speaker}\n* Room: ${room}\n* When: ${start}\n<${url}>\n\n> ${cursor}\n${unknown}';
		const { text, cursorOffset } = formatSessionEntry(session({ room: 'MR 104' }), template);
		assert.equal(text, [
			'## Easier OpenStack Deployment: Novice Installation Using Kolla',
			'',
			'By Michał Jastrzębski, Steven Dake',
			'* Michał Jastrzębski',
			'* Steven Dake',
			'* Room: MR 104',
			`<${KOLLA_URL}>`,
			'',
			'> ',
			'${unknown}',
		].join('\n'));
		assert.equal(text.slice(cursorOffset), '\n${unknown}');
	});

	test('Should keep the default template\'s placeholders documented and the URL link well formed (#5)', () => {
		assert.match(DEFAULT_ENTRY_TEMPLATE, /^#### \$\{title\}/);
		const url = 'https://example.org/talks/a_(b)_c?x=<1>&y=`2`';
		const { text } = formatSessionEntry(session({ url, speakers: [] }));
		const { html } = renderInline(text);
		const links = selectAll(parseDocument(html), 'a');
		assert.equal(links.length, 1);
		assert.equal(decodeURI(links[0].attribs.href), url);
		assert.equal(textContent(links[0]), url);
	});

	test('Should escape hostile remote text so markdown-it renders exactly that text and no markup (#5)', () => {
		for (const hostile of HOSTILE_TEXTS) {
			const escaped = escapeMarkdownInline(hostile);
			assert.ok(!escaped.includes('\n'), hostile);
			for (const line of [`#### ${escaped}`, `- ${escaped}`]) {
				const { html, text } = renderInline(line);
				const expected = hostile.replace(/[\u202E\u200B]/g, '').replace(/\s+/g, ' ').trim();
				assert.equal(text, expected, `${JSON.stringify(hostile)} rendered as ${html}`);
				const tags = selectAll(parseDocument(html), '*').map(e => e.name);
				assert.deepEqual(tags.filter(t => !['h4', 'ul', 'li'].includes(t)), [], `${JSON.stringify(hostile)} rendered as ${html}`);
				assert.ok(!/\{\{[<%]/.test(escaped), 'no shortcode opener survives');
			}
		}
	});

	test('Should escape every field of an entry, the title and each speaker (#5)', () => {
		const { text } = formatSessionEntry(session({
			title: '<img src=x onerror=alert(1)> {{< x >}}',
			speakers: ['[Mallory](javascript:alert(1))', '#### injected'],
		}));
		const lines = text.split('\n');
		assert.equal(lines[0], '#### \\<img src=x onerror=alert(1)\\> \\{\\{\\< x \\>\\}\\}');
		assert.equal(lines[2], '- \\[Mallory\\](javascript:alert(1))');
		assert.equal(lines[3], '- \\#\\#\\#\\# injected');
		assert.equal(text.split('\n').filter(l => l.startsWith('#')).length, 1);
	});

	test('Should render hostile entries in Hugo as plain text, shortcodes untouched (#5)', async function () {
		if (spawnSync('hugo', ['version']).status !== 0) {
			this.skip();
		}
		this.timeout(60_000);
		const site = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-entry-'));
		try {
			await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Oracle"\n');
			await fs.mkdir(path.join(site, 'layouts/_default'), { recursive: true });
			await fs.writeFile(path.join(site, 'layouts/_default/single.html'), '<main>{{ .Content }}</main>');
			await fs.mkdir(path.join(site, 'content/post'), { recursive: true });
			const title = 'Exploit <img src=x onerror=alert(1)> [x](javascript:alert(1)) {{< shortcode >}} {{% raw %}} https://e.vil';
			const speakers = ['- [Mallory](javascript:alert(2))', '<script>alert(3)</script>', '# Eve {#id .class}', 'mallory@e.vil www.e.vil'];
			const entry = formatSessionEntry(session({ title, speakers, url: 'https://evil.example/talks/exploit', derived: true })).text;
			await fs.writeFile(path.join(site, 'content/post/entry.md'), `+++\ntitle = "Entry"\n+++\n\n${entry}Notes.\n`);
			const build = spawnSync('hugo', ['--quiet'], { cwd: site, encoding: 'utf8', timeout: 60_000 });
			assert.equal(build.status, 0, build.stderr);
			const html = await fs.readFile(path.join(site, 'public/post/entry/index.html'), 'utf8');
			const doc = parseDocument(html);
			const h4 = selectAll(doc, 'h4');
			assert.equal(h4.length, 1);
			assert.equal(textContent(h4[0]), title);
			assert.deepEqual(selectAll(doc, 'li').map(li => textContent(li)), [...speakers, 'https://evil.example/talks/exploit']);
			const links = selectAll(doc, 'a');
			assert.deepEqual(links.map(a => a.attribs.href), ['https://evil.example/talks/exploit']);
			assert.deepEqual(selectAll(doc, 'img, script'), []);
		} finally {
			await fs.rm(site, { recursive: true, force: true });
		}
	});
});
