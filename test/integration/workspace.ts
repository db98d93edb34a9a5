// Prepares the folder the integration tests open: a fresh copy of the bundled sample site, so tests may edit it.
import * as path from 'node:path';
import * as os from 'node:os';
import { promises as fs } from 'node:fs';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * User settings for the suites that open the prepared workspace: VS Code's watcher reports nothing under
 * `static/unwatched/`, which stands in for a folder whose file events a watcher dropped.
 */
export const TEST_USER_SETTINGS = {
	'files.watcherExclude': { '**/static/unwatched/**': true },
};

export async function prepareWorkspace(): Promise<string> {
	const target = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-it-'));
	await fs.cp(path.join(REPO_ROOT, 'sample-site'), target, { recursive: true });
	return target;
}
