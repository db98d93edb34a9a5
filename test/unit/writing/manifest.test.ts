import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_IMAGE_FOLDER, HUGO_IMAGE_EDIT_KIND } from '../../../src/core/writing/imageFiles';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface Manifest {
	contributes: {
		snippets: Array<{ language: string; path: string }>;
		grammars: Array<{ scopeName: string; path: string; injectTo?: string[] }>;
		configuration: { properties: Record<string, { default?: unknown; markdownDescription?: string }> };
		configurationDefaults: Record<string, Record<string, unknown>>;
	};
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

suite('writing.manifest', () => {
	test('Should contribute the Markdown snippets file (#6)', () => {
		const snippets = manifest.contributes.snippets.filter(s => s.language === 'markdown');
		assert.equal(snippets.length, 1);
		assert.ok(existsSync(path.join(REPO_ROOT, snippets[0].path)));
	});

	test('Should inject both grammars into Markdown under the scope names their files declare (#6)', () => {
		const ours = manifest.contributes.grammars.filter(g => g.path.startsWith('./syntaxes/'));
		assert.deepEqual(ours.map(g => g.scopeName).sort(), ['event-writeup.frontmatter.toml.injection', 'event-writeup.hugo.shortcode.injection']);
		for (const grammar of ours) {
			const file = JSON.parse(readFileSync(path.join(REPO_ROOT, grammar.path), 'utf8')) as { scopeName: string; injectionSelector: string };
			assert.equal(file.scopeName, grammar.scopeName);
			assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
			assert.match(file.injectionSelector, /^L:text\.html\.markdown\b/, 'left priority, so +++ and {{< win over Markdown rules');
		}
	});

	test('Should document the image folder setting with the default the code uses (#6)', () => {
		const setting = manifest.contributes.configuration.properties['eventWriteup.images.folder'];
		assert.equal(setting.default, DEFAULT_IMAGE_FOLDER);
		assert.match(setting.markdownDescription ?? '', /\$\{year\}/);
	});

	test('Should prefer our image paste and drop edits in Markdown (#6)', () => {
		const markdown = manifest.contributes.configurationDefaults['[markdown]'];
		assert.deepEqual(markdown['editor.pasteAs.preferences'], [HUGO_IMAGE_EDIT_KIND]);
		assert.deepEqual(markdown['editor.dropIntoEditor.preferences'], [HUGO_IMAGE_EDIT_KIND]);
	});
});
