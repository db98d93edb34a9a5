import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { findHugoSite } from '../../src/core/site/hugoSite';
import { StaticFileIndex } from '../../src/core/site/staticIndex';
import { DiskFileReader } from '../../src/util/diskFileReader';
import { WorkspaceFileReader } from '../../src/util/workspaceFileReader';
import { closeAllEditors, workspaceFile } from './util';

// The Node host reads a site's files from the disk directly: it must answer as VS Code's file service does.
suite('integration.diskFileReader', function () {
	this.timeout(60_000);
	const folder = workspaceFile('disk-reader-check');

	suiteSetup(async () => {
		await fs.rm(folder.fsPath, { recursive: true, force: true });
		await fs.mkdir(`${folder.fsPath}/sub/deeper`, { recursive: true });
		await fs.writeFile(`${folder.fsPath}/post.md`, '+++\ntitle = "On disk"\n+++\n');
		await fs.writeFile(`${folder.fsPath}/sub/photo.jpg`, new Uint8Array([0xff, 0xd8, 0xff]));
		await fs.symlink(`${folder.fsPath}/sub`, `${folder.fsPath}/linked-folder`);
		await fs.symlink(`${folder.fsPath}/post.md`, `${folder.fsPath}/linked-post.md`);
		await fs.symlink(`${folder.fsPath}/nowhere`, `${folder.fsPath}/broken-link`);
		await fs.mkdir(`${folder.fsPath}/site/static/images`, { recursive: true });
		await fs.writeFile(`${folder.fsPath}/site/hugo.toml`, 'baseURL = "https://example.org/"\n');
		await fs.writeFile(`${folder.fsPath}/site/static/images/a.jpg`, new Uint8Array([0xff, 0xd8, 0xff]));
		await fs.symlink('..', `${folder.fsPath}/site/static/images/up`);
		await fs.symlink(`${folder.fsPath}/sub`, `${folder.fsPath}/site/static/images/shots`);
	});

	suiteTeardown(async () => {
		await closeAllEditors();
		await fs.rm(folder.fsPath, { recursive: true, force: true });
	});

	test('Should list, stat and read as VS Code\'s file service, links as their targets and unsaved edits first (#19)', async () => {
		const disk = new DiskFileReader(folder);
		const service = new WorkspaceFileReader(folder);
		const sorted = (entries: Array<[string, string]>) => [...entries].sort(([a], [b]) => a.localeCompare(b));
		const listing = await disk.readDirectory(folder.path);
		assert.deepEqual(sorted(listing), sorted(await service.readDirectory(folder.path)));
		assert.deepEqual(sorted(listing), [['linked-folder', 'directory'], ['linked-post.md', 'file'], ['post.md', 'file'], ['site', 'directory'], ['sub', 'directory']]);
		for (const name of ['post.md', 'sub', 'linked-folder', 'linked-post.md', 'broken-link', 'missing.md', 'sub/deeper']) {
			const path = `${folder.path}/${name}`;
			assert.equal(await disk.stat(path), await service.stat(path), name);
			assert.equal(await disk.readText(path), await service.readText(path), name);
		}
		assert.deepEqual(await disk.readDirectory(`${folder.path}/missing`), []);

		const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'post.md'));
		await editor.edit(edit => edit.insert(new vscode.Position(1, 0), 'draft = true\n'));
		assert.equal(await disk.readText(`${folder.path}/post.md`), '+++\ndraft = true\ntitle = "On disk"\n+++\n');
		assert.equal(await disk.readText(`${folder.path}/post.md`), await service.readText(`${folder.path}/post.md`));
	});

	test('Should index a static folder reached through a link, and one linking back to its parent once (#19)', async () => {
		const disk = new DiskFileReader(folder);
		const site = await findHugoSite(`${folder.path}/site/content/post/x.md`, disk);
		assert.ok(site);
		const index = await StaticFileIndex.build(site, disk);
		assert.deepEqual(index.list(), ['/images/a.jpg', '/images/shots/photo.jpg']);
	});
});
