// "Add Photos to Sessions" on a write-up with timed entries: photos whose EXIF exiftool wrote as cameras do
// (test/fixtures/photos) copied into the site and linked under the right sessions in one edit, nothing
// overwritten, a damaged photo reported and the rest placed. Node host: the fixtures are read from disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PhotoDropProvider, PhotoPlacer, PHOTO_DROP_KIND, type AddPhotosResult } from '../../src/features/photos';
import { WorkspaceSiteIndex } from '../../src/services/workspaceSiteIndex';
import { NodeHttpFetcher } from '../../src/util/httpFetcher';
import { NodePhotoResizer } from '../../src/util/nodePhotoResizer';
import { activateExtension, closeAllEditors, FileItem, withTimeout, workspaceFile } from './util';
import { REPO_ROOT } from './workspace';

const ADD = 'eventWriteup.addPhotosToSessions';
const PHOTOS = path.join(REPO_ROOT, 'test', 'fixtures', 'photos');
const WRITE_UP = [
	'+++', 'title = "OpenStack Summit Boston - Tuesday Sessions PM"', 'date = 2017-05-09T14:00:00-04:00', '+++', '',
	'#### Kuryr Lab', '<!-- session start=2017-05-09T14:00:00-04:00 end=2017-05-09T14:40:00-04:00 -->', '', '- Antoni Segura Puimedon', '',
	'My notes on Kuryr.', '', '',
	'#### Kolla', '<!-- session start=2017-05-09T14:50:00-04:00 end=2017-05-09T15:30:00-04:00 -->', '', '- Michał Jastrzębski', '', '',
].join('\n');

suite('integration.photos', function () {
	this.timeout(60_000);
	const post = () => workspaceFile('content', 'post', 'boston-tuesday-photos.md');
	const folder = () => workspaceFile('static', 'images', '2017', '05');
	const incoming = () => workspaceFile('incoming-photos');

	suiteSetup(async () => {
		await activateExtension();
		await vscode.workspace.fs.createDirectory(incoming());
		for (const name of ['DSC_0040.jpg', 'IMG_0001.jpg', 'IMG_0002.jpg', 'IMG_0003-damaged.jpg', 'slide.png']) {
			await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(incoming(), name), fs.readFileSync(path.join(PHOTOS, name)));
		}
		await vscode.workspace.fs.writeFile(post(), new TextEncoder().encode(WRITE_UP));
		// A photo already in the site where a copy would go: it must survive.
		await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'kuryr-lab-1419.jpg'), new TextEncoder().encode('already here'));
	});

	teardown(closeAllEditors);

	test('Should place a folder of photos under their sessions in one undoable edit, reporting what did not fit (#18)', async () => {
		const document = await vscode.workspace.openTextDocument(post());
		await vscode.window.showTextDocument(document);
		const result = await withTimeout(30_000, Promise.resolve(vscode.commands.executeCommand<AddPhotosResult>(ADD, { files: [incoming().toString()], leftOut: 'leave' })), 'adding photos');
		assert.ok(result, 'the command finished');
		assert.deepEqual(result.placed, ['/images/2017/05/kuryr-lab-1405.jpg', '/images/2017/05/kuryr-lab-1419-1.jpg', '/images/2017/05/kolla-1510.png']);
		assert.deepEqual(result.leftOut.map(line => line.split(':')[0]), ['IMG_0002.jpg', 'IMG_0003-damaged.jpg']);
		const text = document.getText();
		assert.ok(text.indexOf('My notes on Kuryr.') < text.indexOf('kuryr-lab-1405.jpg'));
		assert.ok(text.indexOf('kuryr-lab-1405.jpg') < text.indexOf('kuryr-lab-1419-1.jpg'));
		assert.ok(text.indexOf('kuryr-lab-1419-1.jpg') < text.indexOf('#### Kolla'));
		assert.ok(text.indexOf('#### Kolla') < text.indexOf('kolla-1510.png'));
		assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'kuryr-lab-1419.jpg'))), 'already here');
		const copy = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'kuryr-lab-1419-1.jpg'));
		assert.ok(Buffer.from(copy).equals(fs.readFileSync(path.join(PHOTOS, 'IMG_0001.jpg'))), 'the copy is the photo');
		// One undo takes every link out.
		await vscode.commands.executeCommand('undo');
		assert.equal(document.getText(), WRITE_UP);
	});

	test('Should offer a second way to drop photos: under their sessions, after the plain link (#18)', async () => {
		const dropped = workspaceFile('content', 'post', 'boston-tuesday-drop.md');
		await vscode.workspace.fs.writeFile(dropped, new TextEncoder().encode(WRITE_UP));
		const document = await vscode.workspace.openTextDocument(dropped);
		await vscode.window.showTextDocument(document);
		const sites = new WorkspaceSiteIndex();
		const placer = new PhotoPlacer(sites, limits => new NodeHttpFetcher(limits), new NodePhotoResizer());
		try {
			const transfer = new vscode.DataTransfer();
			transfer.set('image/jpeg', new FileItem('DSC_0042.jpg', fs.readFileSync(path.join(PHOTOS, 'DSC_0042.jpg'))));
			const source = new vscode.CancellationTokenSource();
			const edit = await new PhotoDropProvider(placer).provideDocumentDropEdits(document, new vscode.Position(0, 0), transfer, source.token);
			assert.ok(edit?.additionalEdit, 'a drop edit');
			assert.equal(edit.kind?.value, PHOTO_DROP_KIND.value);
			assert.equal(edit.insertText, '', 'nothing at the drop point: the photo goes under its session');
			assert.ok(await vscode.workspace.applyEdit(edit.additionalEdit));
			assert.match(document.getText(), /#### Kolla[\s\S]*!\[\]\(\/images\/2017\/05\/kolla-1505(?:-\d+)?\.jpg\)/);
		} finally {
			placer.dispose();
			sites.dispose();
		}
	});

	test('Should take the slots the writer gives for entries that keep none (#18)', async () => {
		const untimed = workspaceFile('content', 'post', 'boston-tuesday-untimed.md');
		await vscode.workspace.fs.writeFile(untimed, new TextEncoder().encode(WRITE_UP.replace(/<!-- session [^>]*-->\n/g, '')));
		const document = await vscode.workspace.openTextDocument(untimed);
		await vscode.window.showTextDocument(document);
		const result = await withTimeout(30_000, Promise.resolve(vscode.commands.executeCommand<AddPhotosResult>(ADD, {
			files: [vscode.Uri.joinPath(incoming(), 'IMG_0001.jpg').toString()], leftOut: 'leave', slots: { 'Kuryr Lab': '14:00-14:40', 'Kolla': '' },
		})), 'adding photos');
		assert.ok(result);
		assert.equal(result.placed.length, 1);
		assert.match(result.placed[0], /^\/images\/2017\/05\/kuryr-lab-1419(?:-\d+)?\.jpg$/);
		assert.ok(document.getText().indexOf('kuryr-lab-1419') < document.getText().indexOf('#### Kolla'));
	});
});
