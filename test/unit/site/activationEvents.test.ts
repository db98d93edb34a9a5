// The extension activates with a workspace whose folder is a Hugo site, by the names Hugo's own lookup
// reads (src/core/site/config.ts): a name missing from package.json leaves such a site unindexed until
// a post opens.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { ROOT_CONFIG_NAMES } from '../../../src/core/site/config';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };

suite('site.activationEvents', () => {
	test('Should activate on every configuration name a site root is found by, and on a config folder (#19)', () => {
		const watched = manifest.activationEvents.filter(event => event.startsWith('workspaceContains:')).map(event => event.slice('workspaceContains:'.length));
		assert.deepEqual([...watched].sort(), [...ROOT_CONFIG_NAMES, 'config/_default'].sort());
	});
});
