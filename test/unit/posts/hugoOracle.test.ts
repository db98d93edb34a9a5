// Hugo is the judge of a new post: it must build, as a draft, with the title and the instant we wrote.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { formatRfc3339 } from '../../../src/core/posts/date';
import { planNewPost } from '../../../src/core/posts/newPost';
import { parseCsvLine } from '../helpers/hugoCsv';

const SAMPLE_ARCHETYPE = path.resolve(__dirname, '..', '..', '..', '..', 'sample-site', 'archetypes', 'default.md');

function hugoAvailable(): boolean {
	return spawnSync('hugo', ['version']).status === 0;
}

/** Parses `hugo list all` CSV (RFC 4180: quoted fields, doubled quotes) into one record per page. */
function listAll(site: string): Array<Record<string, string>> {
	const result = spawnSync('hugo', ['list', 'all'], { cwd: site, encoding: 'utf8', timeout: 60_000 });
	assert.equal(result.status, 0, result.stderr);
	const [header, ...rows] = result.stdout.trim().split('\n').map(parseCsvLine);
	return rows.map(row => Object.fromEntries(row.map((value, i) => [header[i], value])));
}

suite('core.posts.hugoOracle', () => {
	let site: string;

	setup(async function () {
		if (!hugoAvailable()) {
			this.skip();
		}
		site = await fs.mkdtemp(path.join(os.tmpdir(), 'event-writeup-newpost-'));
		await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Oracle"\ntimeZone = "America/New_York"\n');
	});

	teardown(async () => {
		if (site) {
			await fs.rm(site, { recursive: true, force: true });
		}
	});

	for (const format of ['toml', 'yaml'] as const) {
		test(`Should plan a ${format} post Hugo builds as a draft with our title and instant (#5)`, async function () {
			this.timeout(60_000);
			const instant = new Date('2017-05-09T18:50:07Z');
			const plan = await planNewPost(new MemoryFileReader(), { root: site, contentDir: path.join(site, 'content'), themesDir: path.join(site, 'themes'), themes: [] },
				{ title: 'Kolla in Production', tags: ['kolla'], date: formatRfc3339(instant, 330), format });
			await fs.mkdir(path.dirname(plan.path), { recursive: true });
			await fs.writeFile(plan.path, plan.text);
			const rows = listAll(site);
			assert.equal(rows.length, 1);
			assert.equal(rows[0].title, 'Kolla in Production');
			assert.equal(rows[0].draft, 'true');
			assert.equal(new Date(rows[0].date).getTime(), instant.getTime(), `Hugo read ${rows[0].date}`);
		});
	}

	test('Should apply the sample site archetype into a post Hugo builds (#5)', async function () {
		this.timeout(60_000);
		const archetype = await fs.readFile(SAMPLE_ARCHETYPE, 'utf8');
		const instant = new Date('2017-05-09T18:50:07Z');
		const files = new MemoryFileReader({ [path.join(site, 'archetypes', 'default.md')]: archetype });
		const plan = await planNewPost(files, { root: site, contentDir: path.join(site, 'content'), themesDir: path.join(site, 'themes'), themes: [] },
			{ title: 'What\'s new in "Nova"', tags: ['nova'], date: formatRfc3339(instant, -240), format: 'auto' });
		assert.deepEqual(plan.warnings, []);
		await fs.mkdir(path.dirname(plan.path), { recursive: true });
		await fs.writeFile(plan.path, plan.text);
		const rows = listAll(site);
		assert.equal(rows.length, 1);
		assert.equal(rows[0].slug, 'whats-new-in-nova');
		assert.equal(rows[0].title, 'What\'s new in "Nova"');
		assert.equal(rows[0].draft, 'true');
		assert.equal(new Date(rows[0].date).getTime(), instant.getTime());
	});
});
