import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { NodeFileReader } from '../../../src/cli/nodeFileReader';
import { findHugoSite } from '../../../src/core/site/hugoSite';
import { findImageReferences, readPageAddress } from '../../../src/core/site/references';
import { resolveImage } from '../../../src/core/site/resolve';
import { StaticFileIndex } from '../../../src/core/site/staticIndex';
import { buildWithHugo, hugoAvailable, oracleSites } from './siteOracle';

async function readIfFile(file: string): Promise<Buffer | undefined> {
	try {
		return (await fs.stat(file)).isFile() ? await fs.readFile(file) : undefined;
	} catch {
		return undefined;
	}
}

async function markdownFiles(dir: string): Promise<string[]> {
	const result: string[] = [];
	for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			result.push(...await markdownFiles(full));
		} else if (entry.name.endsWith('.md')) {
			result.push(full);
		}
	}
	return result;
}

suite('site.oracle', function () {
	this.timeout(180_000);

	test('Should resolve every image reference of the fixture sites and the sample site to the file Hugo publishes, and nothing else (#4)', async function () {
		if (!await hugoAvailable()) {
			this.skip();
		}
		const files = new NodeFileReader();
		let checked = 0;
		let unpublished = 0;
		for (const siteDir of await oracleSites()) {
			const name = path.basename(siteDir);
			const built = await buildWithHugo(siteDir);
			try {
				const contentRoot = path.join(built.root, 'content');
				for (const post of await markdownFiles(contentRoot)) {
					const relative = path.relative(contentRoot, post).split(path.sep).join('/');
					const permalink = built.permalinks.get(relative);
					assert.ok(permalink, `hugo list all lists ${name}/${relative}`);
					const site = await findHugoSite(post, files);
					assert.ok(site, `a site is found for ${name}/${relative}`);
					const index = await StaticFileIndex.build(site, files);
					const text = await fs.readFile(post, 'utf8');
					for (const reference of findImageReferences(text)) {
						const result = resolveImage({ site, index }, post, reference.src, readPageAddress(text));
						const where = `${name}/${relative}:${reference.range.start.line + 1} ${reference.src}`;
						if (result.remote) {
							continue;
						}
						// The address the browser requests from the published page, as Hugo leaves the path as written.
						const requested = decodeURIComponent(new URL(reference.src, permalink).pathname);
						const published = await readIfFile(path.join(built.root, 'public', requested));
						if (published === undefined) {
							assert.equal(result.resolved, undefined, `${where}: Hugo publishes nothing at ${requested}`);
							unpublished++;
						} else {
							assert.ok(result.resolved, `${where}: Hugo publishes ${requested}, the resolver found nothing (looked in ${result.lookedIn.join(', ')})`);
							assert.deepEqual(await fs.readFile(result.resolved), published, `${where}: resolved ${result.resolved} is not the file Hugo publishes at ${requested}`);
						}
						checked++;
					}
				}
			} finally {
				await built.dispose();
			}
		}
		assert.ok(checked >= 40, `checked ${checked} references`);
		assert.ok(unpublished >= 8, `checked ${unpublished} unpublished references`);
	});
});
