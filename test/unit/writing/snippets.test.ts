import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as os from 'node:os';
import { readFileSync, promises as fs } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as TOML from 'smol-toml';
import * as YAML from 'yaml';
import MarkdownIt from 'markdown-it';
import { expandSnippet, parseSnippet, SnippetSyntaxError, tabstopIndexes, variableNames, type SnippetNode } from '../helpers/snippetSyntax';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface SnippetDefinition {
	prefix: string;
	description: string;
	body: string[];
}

const snippets = JSON.parse(readFileSync(path.join(REPO_ROOT, 'snippets', 'markdown.json'), 'utf8')) as Record<string, SnippetDefinition>;

/** Fixed values of the date variables VS Code resolves, as its resolver formats them. */
function dateVariables(year: string, month: string, day: string, time: [string, string, string], offset: string): Record<string, string> {
	return {
		CURRENT_YEAR: year, CURRENT_MONTH: month, CURRENT_DATE: day,
		CURRENT_HOUR: time[0], CURRENT_MINUTE: time[1], CURRENT_SECOND: time[2],
		CURRENT_TIMEZONE_OFFSET: offset,
	};
}

const BERLIN_EVENING = dateVariables('2025', '03', '07', ['21', '05', '09'], '+01:00');

function snippet(prefix: string): { nodes: SnippetNode[]; text: (vars?: Record<string, string>) => string } {
	const definition = Object.values(snippets).find(s => s.prefix === prefix);
	assert.ok(definition, `a snippet with prefix ${prefix}`);
	const nodes = parseSnippet(definition.body.join('\n'));
	return { nodes, text: (vars = BERLIN_EVENING) => expandSnippet(nodes, vars) };
}

/** The front matter block between the first two delimiter lines. */
function frontMatterOf(text: string, delimiter: string): string {
	const lines = text.split('\n');
	assert.equal(lines[0], delimiter);
	const end = lines.indexOf(delimiter, 1);
	assert.ok(end > 0, 'the block is closed');
	return lines.slice(1, end).join('\n');
}

// RFC 3339 with a numeric offset or Z: the format Hugo reads without guessing (hugo.md §3).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

suite('writing.snippetSyntax', () => {
	test('Should parse tabstops, placeholders, choices, variables and escapes (#6)', () => {
		const nodes = parseSnippet('a $1 ${2:two ${3:three}} ${4|x,y\\,z|} $TM_FILENAME ${CURRENT_YEAR:none} \\$5 \\} $0');
		assert.deepEqual(tabstopIndexes(nodes), [0, 1, 2, 3, 4]);
		assert.deepEqual(variableNames(nodes), ['CURRENT_YEAR', 'TM_FILENAME']);
		assert.equal(expandSnippet(nodes, { TM_FILENAME: 'post.md', CURRENT_YEAR: '2025' }), 'a  two three x post.md 2025 $5 } ');
	});

	test('Should give every mirror of a tabstop the text of its placeholder (#6)', () => {
		assert.equal(expandSnippet(parseSnippet('[${1:url}]($1) $1'), {}), '[url](url) url');
	});

	test('Should accept a transform and check its regular expression (#6)', () => {
		assert.deepEqual(variableNames(parseSnippet('${TM_FILENAME/(.*)\\.md$/${1:/upcase}/i}')), ['TM_FILENAME']);
		assert.throws(() => parseSnippet('${TM_FILENAME/(/x/}'), SnippetSyntaxError);
	});

	test('Should reject what the editor would insert as literal text (#6)', () => {
		for (const broken of ['${1:unclosed', '${2|a,b', 'cost: $ 5', '${}', '${1 x}', '${1|a,b|']) {
			assert.throws(() => parseSnippet(broken), SnippetSyntaxError, broken);
		}
	});

	test('Should reject an unknown variable when expanding (#6)', () => {
		assert.throws(() => expandSnippet(parseSnippet('$CURRENT_YAER'), BERLIN_EVENING), /CURRENT_YAER/);
	});
});

suite('writing.snippets', () => {
	test('Should give every snippet a prefix, a description and a body that parses (#6)', () => {
		const prefixes = Object.values(snippets).map(s => s.prefix);
		assert.deepEqual([...prefixes].sort(), ['figure', 'fm-toml', 'fm-yaml', 'img', 'session', 'speaker', 'talk-quote']);
		for (const [name, definition] of Object.entries(snippets)) {
			assert.ok(definition.description.length > 20, `${name} has a description`);
			const nodes = parseSnippet(definition.body.join('\n'));
			const stops = tabstopIndexes(nodes).filter(i => i > 0);
			assert.deepEqual(stops, stops.map((_, i) => i + 1), `${name} numbers its tabstops 1..n`);
			for (const variable of variableNames(nodes)) {
				assert.ok(variable in BERLIN_EVENING, `${name} uses only the date variables (${variable})`);
			}
		}
	});

	test('Should expand the TOML front matter into TOML that dates the post now with its offset (#6)', () => {
		for (const [vars, instant] of [
			[BERLIN_EVENING, '2025-03-07T20:05:09.000Z'],
			[dateVariables('2024', '12', '31', ['23', '59', '59'], '-04:00'), '2025-01-01T03:59:59.000Z'],
			[dateVariables('2026', '01', '02', ['00', '00', '00'], '+05:30'), '2026-01-01T18:30:00.000Z'],
			[dateVariables('2026', '07', '15', ['12', '00', '00'], '+00:00'), '2026-07-15T12:00:00.000Z'],
		] as const) {
			const parsed = TOML.parse(frontMatterOf(snippet('fm-toml').text(vars), '+++'));
			assert.ok(parsed.date instanceof Date, 'date is a native TOML datetime');
			assert.equal(new Date((parsed.date as Date).getTime()).toISOString(), instant);
			assert.equal(parsed.title, 'Event 2025: what I learned');
			assert.equal(parsed.draft, true);
			assert.deepEqual(parsed.tags, ['conference']);
			assert.deepEqual(parsed.categories, ['conferences']);
		}
	});

	test('Should expand the YAML front matter into YAML with an RFC 3339 date (#6)', () => {
		const block = frontMatterOf(snippet('fm-yaml').text(), '---');
		const parsed = YAML.parse(block) as Record<string, unknown>;
		assert.match(String(parsed.date), RFC3339);
		assert.equal(new Date(String(parsed.date)).toISOString(), '2025-03-07T20:05:09.000Z');
		assert.equal(parsed.draft, true);
		assert.deepEqual(parsed.tags, ['conference']);
		assert.equal(parsed.slug, 'event-2025');
	});

	test('Should expand the TOML front matter with every line in the date format Hugo reads (#6)', () => {
		const dateLine = snippet('fm-toml').text().split('\n').find(l => l.startsWith('date = '));
		assert.match(dateLine?.slice('date = '.length) ?? '', RFC3339);
	});

	test('Should expand the session entry into a heading, a speaker list and a link (#6)', () => {
		const tokens = new MarkdownIt().parse(snippet('session').text(), {});
		assert.deepEqual(tokens.filter(t => t.type === 'heading_open').map(t => t.tag), ['h4']);
		const links = tokens.flatMap(t => t.children ?? []).filter(t => t.type === 'link_open').map(t => t.attrGet('href'));
		assert.deepEqual(links, ['https://schedule.example.org/session']);
		assert.equal(tokens.filter(t => t.type === 'list_item_open').length, 2);
	});

	test('Should expand the speaker line into one list item with the affiliation (#6)', () => {
		const html = new MarkdownIt().render(snippet('speaker').text());
		assert.equal(html, '<ul>\n<li>Speaker name, Company</li>\n</ul>\n');
	});

	test('Should expand the image into a site-root path in the current month (#6)', () => {
		const images = new MarkdownIt().parse(snippet('img').text(), {}).flatMap(t => t.children ?? []).filter(t => t.type === 'image');
		assert.deepEqual(images.map(t => t.attrGet('src')), ['/images/2025/03/photo.jpg']);
		assert.equal(images[0].content, 'What the photo shows');
	});

	test('Should expand the figure into a shortcode with quoted named parameters (#6)', () => {
		assert.equal(snippet('figure').text(),
			'{{< figure src="/images/2025/03/photo.jpg" alt="What the photo shows" caption="Caption" >}}');
	});

	test('Should expand the quote into one blockquote with attribution (#6)', () => {
		const tokens = new MarkdownIt().parse(snippet('talk-quote').text(), {});
		assert.equal(tokens.filter(t => t.type === 'blockquote_open').length, 1);
		assert.ok(tokens.some(t => t.type === 'inline' && t.content.includes('— Speaker name, *Session title*')));
	});

	test('Should expand the front matter and a session into a post Hugo builds with that date (#6)', async function () {
		this.timeout(30_000); // a Hugo build, on a machine that may be busy
		if (spawnSync('hugo', ['version']).status !== 0) {
			this.skip();
		}
		const site = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-snippets-'));
		try {
			await fs.mkdir(path.join(site, 'content', 'post'), { recursive: true });
			await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "t"\n');
			const post = [snippet('fm-toml').text(), snippet('session').text(), snippet('talk-quote').text(), snippet('img').text()].join('\n');
			await fs.writeFile(path.join(site, 'content', 'post', 'snippet.md'), post);
			const result = spawnSync('hugo', ['list', 'all'], { cwd: site, encoding: 'utf8' });
			assert.equal(result.status, 0, result.stderr);
			const row = result.stdout.split('\n').find(l => l.startsWith('content/post/snippet.md'));
			assert.ok(row, result.stdout);
			assert.match(row, /,2025-03-07T21:05:09\+01:00,/);
			assert.match(row, /,true,/);
		} finally {
			await fs.rm(site, { recursive: true, force: true });
		}
	});
});
