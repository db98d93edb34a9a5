import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_ENTRY_TEMPLATE } from '../../../src/core/sessions/entry';

interface Manifest {
	contributes: {
		commands: Array<{ command: string; category?: string }>;
		menus: { commandPalette: Array<{ command: string; when?: string }> };
		configuration: { properties: Record<string, { default?: unknown; markdownDescription?: string }> };
	};
}

// Compiled to out/test/unit/features-sessions: the manifest is four folders up.
const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as Manifest;

suite('features.sessions.manifest', () => {
	test('Should show the entry template the commands use as the setting default (#5)', () => {
		assert.equal(manifest.contributes.configuration.properties['eventWriteup.sessions.entryTemplate'].default, DEFAULT_ENTRY_TEMPLATE);
	});

	test('Should contribute the session and new-post commands with a category, a palette condition and documented settings (#5)', () => {
		for (const id of ['eventWriteup.insertSession', 'eventWriteup.insertSessions', 'eventWriteup.newPost']) {
			assert.equal(manifest.contributes.commands.find(c => c.command === id)?.category, 'Event Write-up', id);
			assert.ok(manifest.contributes.menus.commandPalette.find(m => m.command === id)?.when, id);
		}
		for (const key of ['sessions.fetch', 'sessions.entryTemplate', 'sessions.titleDictionary', 'sessions.smallWords', 'sessions.timeoutSeconds', 'newPost.folder', 'newPost.format']) {
			assert.ok(manifest.contributes.configuration.properties[`eventWriteup.${key}`]?.markdownDescription, key);
		}
	});
});
