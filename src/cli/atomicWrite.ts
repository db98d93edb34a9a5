import { promises as fs } from 'node:fs';

/**
 * Writes `text` to a new file next to `path` and renames it over `path`: a run stopped midway leaves the
 * old post or the new one, never half of one. The post keeps its permissions.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
	const temporary = `${path}.event-writeup-${process.pid}.tmp`;
	try {
		await fs.writeFile(temporary, text, { mode: (await fs.stat(path)).mode, flag: 'wx' });
		await fs.rename(temporary, path);
	} catch (error) {
		await fs.rm(temporary, { force: true });
		throw error;
	}
}
