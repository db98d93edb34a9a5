import * as assert from 'node:assert/strict';
import * as TOML from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { parseFrontMatter as parseProjectFrontMatter } from '../../../src/core/frontMatter/parse';
import { validateFrontMatter } from '../../../src/core/frontMatter/validate';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { applyArchetype, setFrontMatterList } from '../../../src/core/posts/archetype';
import { formatOffset, formatRfc3339 } from '../../../src/core/posts/date';
import { detectPostFormat, newPostFrontMatter, quoteString, type PostFormat } from '../../../src/core/posts/frontMatter';
import { planNewPost, type PostSiteLayout } from '../../../src/core/posts/newPost';
import { slugify } from '../../../src/core/posts/slug';
import { joinLines } from '../../../src/core/text';

/** The text between the delimiters of a front matter block. */
function frontMatterBody(text: string, delimiter: string): string {
	const lines = text.split(/\r?\n/);
	const close = lines.indexOf(delimiter, 1);
	assert.equal(lines[0], delimiter, 'opens with the delimiter');
	assert.ok(close > 0, 'closes with the delimiter');
	return lines.slice(1, close).join('\n');
}

function parseFrontMatter(text: string, format: PostFormat): Record<string, unknown> {
	return format === 'toml'
		? TOML.parse(frontMatterBody(text, '+++')) as Record<string, unknown>
		: parseYaml(frontMatterBody(text, '---')) as Record<string, unknown>;
}

const HOSTILE_TITLES = [
	'OpenStack Summit Boston 2017: what I learned',
	'Say "hello" \\ goodbye',
	'It\'s # not a comment',
	'tab\there',
	'Ünïcödé — 東京 🎉',
	'{{< shortcode >}} & <b>html</b>',
	'line\u2028separator and \u0085 next line',
	'del\u007f and nul\u0000',
	'- looks: like yaml',
];

suite('core.posts.frontMatter', () => {
	for (const format of ['toml', 'yaml'] as const) {
		test(`Should write ${format} front matter that parses back to the same values (#5)`, () => {
			for (const title of HOSTILE_TITLES) {
				const text = newPostFrontMatter({
					title, date: '2017-05-09T14:50:00-04:00', slug: 'a-slug', tags: ['kolla', 'say "hi"'], categories: ['conferences'], draft: true,
				}, format);
				const data = parseFrontMatter(text, format);
				assert.equal(data.title, title, `title ${JSON.stringify(title)}`);
				assert.equal(data.slug, 'a-slug');
				assert.equal(data.draft, true);
				assert.deepEqual(data.tags, ['kolla', 'say "hi"']);
				assert.deepEqual(data.categories, ['conferences']);
			}
		});
	}

	test('Should write the date unquoted so TOML reads it as a date with its offset (#5)', () => {
		const text = newPostFrontMatter({ title: 't', date: '2017-05-09T14:50:00-04:00', slug: 't', tags: [], categories: [], draft: true }, 'toml');
		assert.match(text, /^date = 2017-05-09T14:50:00-04:00$/m);
		const date = parseFrontMatter(text, 'toml').date;
		assert.ok(date instanceof Date);
		assert.equal(new Date(date.getTime()).toISOString(), '2017-05-09T18:50:00.000Z');
	});

	test('Should write the exact lines of a TOML post (#5)', () => {
		const text = newPostFrontMatter({ title: 'Kolla in "production"', date: '2026-01-02T03:04:05+01:00', slug: 'kolla', tags: ['a'], categories: [], draft: true }, 'toml');
		assert.equal(text, joinLines('+++', 'title = "Kolla in \\"production\\""', 'date = 2026-01-02T03:04:05+01:00', 'draft = true',
			'slug = "kolla"', 'tags = ["a"]', 'categories = []', '+++', ''));
	});

	test('Should escape line separators in YAML but not in TOML (#5)', () => {
		assert.equal(quoteString('a\u2028b', 'yaml'), '"a\\u2028b"');
		assert.equal(quoteString('a\u2028b', 'toml'), '"a\u2028b"');
		assert.equal(quoteString('\ud800x', 'toml'), '"\ufffdx"');
	});

	test('Should detect the format most posts use, TOML on a tie or with none (#5)', () => {
		assert.equal(detectPostFormat(['---\na: 1\n---\n', '---\nb: 1\n---\n', '+++\nc = 1\n+++\n']), 'yaml');
		assert.equal(detectPostFormat(['\uFEFF---\na: 1\n---\n', '+++\nc = 1\n+++\n']), 'toml');
		assert.equal(detectPostFormat(['\n\n---  \r\na: 1\r\n---\r\n']), 'yaml');
		assert.equal(detectPostFormat(['no front matter']), undefined);
		assert.equal(detectPostFormat([]), undefined);
	});
});

suite('core.posts.slug', () => {
	const cases: Array<[string, string]> = [
		['Easier OpenStack Deployment: Novice Installation Using Kolla', 'easier-openstack-deployment-novice-installation-using-kolla'],
		['What\'s new in Nova?', 'whats-new-in-nova'],
		['Michał Jastrzębski & Steven Dake', 'michal-jastrzebski-and-steven-dake'],
		['Straße, Æsir, Øresund', 'strasse-aesir-oresund'],
		['  --Node.js -- in   production!! ', 'node-js-in-production'],
		['東京 Summit 2017', '東京-summit-2017'],
		['?!', 'post'],
		['', 'post'],
	];
	for (const [title, slug] of cases) {
		test(`Should slug ${JSON.stringify(title)} as ${slug} (#5)`, () => {
			assert.equal(slugify(title), slug);
		});
	}

	test('Should cut a long title at a word boundary (#5)', () => {
		const slug = slugify('word '.repeat(40));
		assert.ok(slug.length <= 80, `length ${slug.length}`);
		assert.match(slug, /^(word-)*word$/);
	});
});

suite('core.posts.date', () => {
	test('Should format a date at a negative offset with its wall-clock time (#5)', () => {
		assert.equal(formatRfc3339(new Date('2017-05-09T18:50:07.900Z'), -240), '2017-05-09T14:50:07-04:00');
	});

	test('Should carry the day over at a positive offset, including half-hour zones (#5)', () => {
		assert.equal(formatRfc3339(new Date('2017-05-09T20:00:00Z'), 330), '2017-05-10T01:30:00+05:30');
		assert.equal(formatRfc3339(new Date('2017-12-31T23:59:59Z'), 60), '2018-01-01T00:59:59+01:00');
	});

	test('Should write UTC as +00:00 and use the local offset by default (#5)', () => {
		assert.equal(formatRfc3339(new Date('2017-05-09T18:50:00Z'), 0), '2017-05-09T18:50:00+00:00');
		const now = new Date('2021-03-28T12:00:00Z');
		assert.ok(formatRfc3339(now).endsWith(formatOffset(-now.getTimezoneOffset())));
		assert.equal(new Date(formatRfc3339(now)).getTime(), now.getTime());
		assert.equal(formatOffset(-570), '-09:30');
	});

	test('Should refuse an invalid date (#5)', () => {
		assert.throws(() => formatRfc3339(new Date('nope'), 0), RangeError);
	});
});

const SAMPLE_ARCHETYPE = joinLines(
	'+++',
	'title = "{{ replace .Name "-" " " | title }}"',
	'date = {{ .Date }}',
	'draft = true',
	'slug = "{{ .Name }}"',
	'tags = []',
	'categories = ["conferences"]',
	'description = ""',
	'+++',
	'',
);

const VALUES = { name: 'whats-new-in-nova', title: 'What\'s new in "Nova"', date: '2017-05-09T14:50:00-04:00', type: 'post' };

suite('core.posts.archetype', () => {
	test('Should substitute name, title and date in the classic archetype (#5)', () => {
		const result = applyArchetype(SAMPLE_ARCHETYPE, VALUES);
		assert.deepEqual(result.unresolved, []);
		assert.equal(result.format, 'toml');
		assert.equal(result.text, joinLines(
			'+++',
			'title = "What\'s new in \\"Nova\\""',
			'date = 2017-05-09T14:50:00-04:00',
			'draft = true',
			'slug = "whats-new-in-nova"',
			'tags = []',
			'categories = ["conferences"]',
			'description = ""',
			'+++',
			'',
		));
		const data = parseFrontMatter(result.text, 'toml');
		assert.equal(data.title, VALUES.title);
	});

	test('Should handle current Hugo spellings, trim markers and comments (#5)', () => {
		const template = joinLines(
			'---',
			'{{/* written by hugo new */ -}}',
			'title: \'{{ replace .File.ContentBaseName "-" " " | title }}\'',
			'date: {{ .Date }}',
			'type: {{ .Type }}',
			'name: {{- " " -}} {{ .File.ContentBaseName }}',
			'draft: true',
			'---',
			'# {{ .Name | humanize | title }}',
			'',
		);
		const result = applyArchetype(template, VALUES);
		assert.equal(result.format, 'yaml');
		assert.deepEqual(result.unresolved, ['{{- " " -}}']);
		const lines = result.text.split('\n');
		assert.equal(lines[1], 'title: \'What\'\'s new in "Nova"\'');
		assert.equal(lines[3], 'type: "post"');
		assert.equal(lines[7], '# What\'s new in "Nova"', 'the body gets the title as written');
		const data = parseYaml(frontMatterBody(result.text.replace(/name:.*\n/, ''), '---')) as Record<string, unknown>;
		assert.equal(data.title, VALUES.title);
		assert.equal(data.type, 'post');
	});

	test('Should quote a value that lands outside quotes in front matter (#5)', () => {
		const result = applyArchetype(joinLines('---', 'title: {{ replace .Name "-" " " | title }}', '---', ''), { ...VALUES, title: 'Kolla: #1 tool' });
		assert.equal((parseYaml(frontMatterBody(result.text, '---')) as Record<string, unknown>).title, 'Kolla: #1 tool');
	});

	test('Should keep unknown actions as written and report them (#5)', () => {
		const template = joinLines('+++', 'title = "{{ .Site.Title }}"', 'date = {{ now.Format "2006" }}', '+++', '');
		const result = applyArchetype(template, VALUES);
		assert.equal(result.text, template);
		assert.deepEqual(result.unresolved, ['{{ .Site.Title }}', '{{ now.Format "2006" }}']);
	});

	test('Should replace an existing tags value and keep every other line (#5)', () => {
		const text = joinLines('+++', '# keep me', 'Tags = [', '  "old",', ']', 'draft = true', '+++', 'body');
		assert.equal(setFrontMatterList(text, 'toml', 'tags', ['a', 'b']),
			joinLines('+++', '# keep me', 'Tags = ["a", "b"]', 'draft = true', '+++', 'body'));
	});

	test('Should add a missing TOML key before the first table, where it stays top-level (#5)', () => {
		const text = joinLines('+++', 'title = "x"', '[params]', 'cover = "c.jpg"', '+++', '');
		const updated = setFrontMatterList(text, 'toml', 'tags', ['kolla']);
		const data = parseFrontMatter(updated, 'toml');
		assert.deepEqual(data.tags, ['kolla']);
		assert.deepEqual({ ...data.params as object }, { cover: 'c.jpg' });
	});

	test('Should replace a YAML block sequence and keep CRLF line endings (#5)', () => {
		const text = joinLines('---', 'tags:', '  - old', '- older', 'draft: true', '---', '').replace(/\n/g, '\r\n');
		const updated = setFrontMatterList(text, 'yaml', 'tags', ['new']);
		assert.equal(updated, joinLines('---', 'tags: ["new"]', 'draft: true', '---', '').replace(/\n/g, '\r\n'));
	});
});

suite('core.posts.newPost', () => {
	const site: PostSiteLayout = { root: '/blog', contentDir: '/blog/content', themesDir: '/blog/themes', themes: ['plain'] };
	const request = { title: 'Kolla in Production', date: '2017-05-09T14:50:00-04:00', format: 'auto' as const };

	test('Should write a TOML post in content/post with the cursor after the front matter (#5)', async () => {
		const files = new MemoryFileReader({ '/blog/hugo.toml': '' });
		const plan = await planNewPost(files, site, { ...request, tags: ['kolla'] });
		assert.equal(plan.path, '/blog/content/post/kolla-in-production.md');
		assert.equal(plan.format, 'toml');
		assert.equal(plan.archetype, undefined);
		const data = parseFrontMatter(plan.text, 'toml');
		assert.equal(data.title, 'Kolla in Production');
		assert.equal(data.draft, true);
		assert.deepEqual(data.tags, ['kolla']);
		const lines = plan.text.split('\n');
		assert.equal(lines[plan.cursor.line - 2], '+++');
		assert.equal(lines[plan.cursor.line - 1], '');
		assert.equal(plan.cursor.line, lines.length - 1);
	});

	test('Should follow the YAML habit of the existing posts (#5)', async () => {
		const files = new MemoryFileReader({
			'/blog/content/post/a.md': '---\ntitle: a\n---\n', '/blog/content/post/b.md': '---\ntitle: b\n---\n', '/blog/content/post/c.md': '+++\n+++\n',
		});
		const plan = await planNewPost(files, site, request);
		assert.equal(plan.format, 'yaml');
		assert.equal(parseFrontMatter(plan.text, 'yaml').title, 'Kolla in Production');
		assert.equal((await planNewPost(files, site, { ...request, format: 'toml' })).format, 'toml');
	});

	test('Should never plan over an existing post and say so (#5)', async () => {
		const files = new MemoryFileReader({ '/blog/content/post/kolla-in-production.md': 'x', '/blog/content/post/kolla-in-production-2.md': 'y' });
		const plan = await planNewPost(files, site, request);
		assert.equal(plan.path, '/blog/content/post/kolla-in-production-3.md');
		assert.equal(parseFrontMatter(plan.text, 'toml').slug, 'kolla-in-production-3');
		assert.equal(plan.warnings.length, 1);
	});

	test('Should apply the section archetype before default.md and the theme\'s (#5)', async () => {
		const files = new MemoryFileReader({
			'/blog/archetypes/default.md': '+++\ntitle = "default"\n+++\n',
			'/blog/themes/plain/archetypes/post.md': '+++\ntitle = "theme post"\n+++\n',
			'/blog/archetypes/post.md': SAMPLE_ARCHETYPE,
		});
		const plan = await planNewPost(files, site, { ...request, tags: ['kolla', 'openstack'] });
		assert.equal(plan.archetype, '/blog/archetypes/post.md');
		const data = parseFrontMatter(plan.text, 'toml');
		assert.equal(data.title, 'Kolla in Production');
		assert.equal(data.slug, 'kolla-in-production');
		assert.deepEqual(data.tags, ['kolla', 'openstack']);
		assert.deepEqual(data.categories, ['conferences'], 'the archetype\'s categories stay');
		assert.equal(data.description, '');
		assert.equal(plan.text.split('\n')[plan.cursor.line - 2], '+++');
		files.delete('/blog/archetypes/post.md');
		assert.equal((await planNewPost(files, site, request)).archetype, '/blog/themes/plain/archetypes/post.md');
		files.delete('/blog/themes/plain/archetypes/post.md');
		assert.equal((await planNewPost(files, site, request)).archetype, '/blog/archetypes/default.md');
	});

	test('Should keep an archetype body and put the cursor at its start (#5)', async () => {
		const files = new MemoryFileReader({ '/blog/archetypes/default.md': '---\ntitle: "{{ .Name }}"\n---\n## Sessions\n' });
		const plan = await planNewPost(files, site, { ...request, folder: 'content/events' });
		assert.equal(plan.path, '/blog/content/events/kolla-in-production.md');
		assert.equal(plan.format, 'yaml');
		assert.equal(plan.text.split('\n')[plan.cursor.line], '## Sessions');
	});
});

suite('core.posts.validated', () => {
	test('Should plan posts the front matter validator finds nothing wrong with (#5)', async () => {
		const site: PostSiteLayout = { root: '/blog', contentDir: '/blog/content', themesDir: '/blog/themes', themes: [] };
		for (const format of ['toml', 'yaml'] as const) {
			for (const title of HOSTILE_TITLES) {
				const plan = await planNewPost(new MemoryFileReader(), site, { title, tags: ['a "tag"'], categories: ['conferences'], date: formatRfc3339(new Date('2017-05-09T18:50:00Z'), -240), format });
				const parsed = parseProjectFrontMatter(plan.text);
				assert.equal(parsed?.block.format, format);
				assert.deepEqual(parsed?.problems, [], `${format} ${JSON.stringify(title)}`);
				assert.equal(parsed?.data?.title, title);
				assert.deepEqual(validateFrontMatter(plan.text).filter(finding => finding.severity !== 'info'), [], `${format} ${JSON.stringify(title)}`);
			}
		}
	});
});
