// Highlighted code against hugo 0.111.3, when it is installed: each fixture under test/fixtures/markdown/
// highlight is built by hugo with several `[markup.highlight]` settings and rendered by us with the same
// settings. The markup around the tokens (wrappers, lines, line numbers, highlighted lines, tables) and the
// code's text must be equal; the colour of each character may differ only where highlight.js splits a
// language into tokens differently from Chroma's lexer, and the share of characters coloured alike is held
// to a floor.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { getOuterHTML } from 'domutils';
import type { Element } from 'domhandler';
import { PostRenderer } from '../../../src/core/markdown/renderer';
import { chromaStylesheet } from '../../../src/core/markdown/highlight/chromaStyle';
import { highlightSettingsOf } from '../../../src/core/site/highlightConfig';
import { renderWithHugo } from '../commonmark/hugoRender';
import { colourAgreement, highlightShape, type ClassRules } from './highlightShape';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'markdown', 'highlight');
const hugoAvailable = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;

/** Site settings to build with: TOML for hugo, the same as Hugo's lowercased configuration for us. */
const SETTINGS: Array<{ name: string; toml: string; config: Record<string, unknown> }> = [
	{ name: 'defaults', toml: '', config: {} },
	{ name: 'github style, classes', toml: '[markup.highlight]\nstyle = "github"\nnoClasses = false\n', config: { markup: { highlight: { style: 'github', noclasses: false } } } },
	{ name: 'dracula, line numbers inline, tab width 2', toml: '[markup.highlight]\nstyle = "dracula"\nlineNos = true\nlineNumbersInTable = false\ntabWidth = 2\n', config: { markup: { highlight: { style: 'dracula', linenos: true, linenumbersintable: false, tabwidth: 2 } } } },
	{ name: 'guessSyntax, hl_Lines from the site', toml: '[markup.highlight]\nguessSyntax = true\nhl_Lines = "1"\n', config: { markup: { highlight: { guesssyntax: true, hl_lines: '1' } } } },
];

/** Each class of a style's stylesheet and its rule. */
function classRulesOf(style: string): ClassRules {
	return new Map([...chromaStylesheet(style, 4).matchAll(/\.chroma \.(\w+) \{ (.*) \}/g)].map(m => [m[1], m[2]]));
}

/** The top-level elements of a page: one per code block. */
function blocks(html: string): string[] {
	return parseDocument(html).children.filter((node): node is Element => node.type === 'tag').map(node => getOuterHTML(node, { decodeEntities: false }));
}

// The share of code characters coloured as Hugo colours them, per language, at least (measured: see the log).
const COLOUR_FLOOR = 0.8;

suite('core.markdown: highlighted code against hugo', function () {
	this.timeout(120_000);
	let fixtures: string[] = [];
	const built = new Map<string, Map<string, string>>();

	suiteSetup(async function () {
		if (!hugoAvailable) {
			this.skip();
		}
		fixtures = (await fs.readdir(FIXTURES)).filter(f => f.endsWith('.md')).sort();
		for (const settings of SETTINGS) {
			const posts = new Map<string, string>();
			for (const fixture of fixtures) {
				posts.set(fixture.replace(/\.md$/, ''), `+++\n+++\n${await fs.readFile(path.join(FIXTURES, fixture), 'utf8')}`);
			}
			built.set(settings.name, await renderWithHugo(posts, settings.toml));
		}
	});

	for (const settings of SETTINGS) {
		test(`markup and text equal hugo's, colours mostly (${settings.name})`, async () => {
			const renderer = new PostRenderer();
			const agreements: string[] = [];
			for (const fixture of fixtures) {
				const name = fixture.replace(/\.md$/, '');
				const text = `+++\n+++\n${await fs.readFile(path.join(FIXTURES, fixture), 'utf8')}`;
				const ours = blocks(renderer.render(text, { unsafeHtml: false, frontMatterHeader: false, highlight: highlightSettingsOf(settings.config) }).html);
				const hugo = blocks(built.get(settings.name)!.get(name)!);
				assert.equal(ours.length, hugo.length, `${fixture}: blocks`);
				ours.forEach((block, k) => {
					const highlight = highlightSettingsOf(settings.config);
					const classRules = highlight.noClasses ? undefined : classRulesOf(highlight.style);
					const mine = highlightShape(block, classRules), theirs = highlightShape(hugo[k], classRules);
					assert.deepEqual(mine.markup, theirs.markup, `${fixture} block ${k + 1}: markup`);
					assert.equal(mine.text, theirs.text, `${fixture} block ${k + 1}: text`);
					const agreement = colourAgreement(mine, theirs);
					agreements.push(`${name}#${k + 1} ${(agreement * 100).toFixed(0)}%`);
					assert.ok(agreement >= COLOUR_FLOOR, `${fixture} block ${k + 1}: ${(agreement * 100).toFixed(1)}% of characters coloured as hugo colours them`);
				});
			}
			console.log(`      colours as hugo's (${settings.name}): ${agreements.join(', ')}`);
		});
	}
});
