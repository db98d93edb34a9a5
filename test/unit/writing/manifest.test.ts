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
		commands: Array<{ command: string }>;
		walkthroughs: Array<{ id: string; steps: Array<{ id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }> }>;
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

	test('Should walk a first-time writer through a post, its checks, a session and the preview, with working links (#13)', () => {
		const [walkthrough] = manifest.contributes.walkthroughs;
		assert.deepEqual(walkthrough.steps.map(step => step.id), ['openPost', 'checkFrontMatter', 'insertSession', 'openPreview']);
		const commands = new Set(manifest.contributes.commands.map(c => c.command));
		for (const step of walkthrough.steps) {
			assert.ok(step.media.markdown && existsSync(path.join(REPO_ROOT, step.media.markdown)), `${step.id}: its page is shipped`);
			const linked = [...step.description.matchAll(/\(command:([\w.]+)\)/g), ...(step.completionEvents ?? []).flatMap(e => [.../^onCommand:([\w.]+)$/.exec(e) ?? []].slice(1).map(c => [c, c]))];
			assert.ok(linked.length > 0, `${step.id} names a command`);
			for (const [, command] of linked) {
				assert.ok(commands.has(command), `${step.id}: ${command} is a contributed command`);
			}
		}
	});
});
