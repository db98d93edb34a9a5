// "Add Photos to Sessions" in either extension host (the web worker has no Node): a photo's EXIF read from
// plain bytes, its copy and link made through workspace.fs. The photo is the EXIF block exiftool wrote into
// test/fixtures/photos/IMG_0001.jpg (14:19:49 at UTC-4), between a JPEG's start and end markers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AddPhotosResult } from '../../src/features/photos';
import { activateExtension, closeAllEditors, withTimeout, workspaceFile } from './util';

const PHOTO = '/9j/4QDMRXhpZgAATU0AKgAAAAgABQEaAAUAAAABAAAASgEbAAUAAAABAAAAUgEoAAMAAAABAAEAAAITAAMAAAABAAEAAIdpAAQAAAABAAAAWgAAAAAAAAABAAAAAQAAAAEAAAABAAaQAAAHAAAABDAyMzKQAwACAAAAFAAAAKiQEQACAAAABwAAALyRAQAHAAAABAECAwCgAAAHAAAABDAxMDCgAQADAAAAAf//AAAAAAAAMjAxNzowNTowOSAxNDoxOTo0OQAtMDQ6MDAAAP/Z';
const POST = [
	'+++', 'title = "Boston - Tuesday PM"', 'date = 2017-05-09T14:00:00-04:00', '+++', '',
	'#### Kuryr Lab', '<!-- session start=2017-05-09T14:00:00-04:00 end=2017-05-09T14:40:00-04:00 -->', '', 'Notes.', '', '',
	'#### Kolla', '<!-- session start=2017-05-09T14:50:00-04:00 end=2017-05-09T15:30:00-04:00 -->', '', '',
].join('\n');

suite('integration.photosAnywhere', function () {
	this.timeout(60_000);

	suiteSetup(activateExtension);
	teardown(closeAllEditors);

	test('Should place a photo by its EXIF time in either host (#18)', async () => {
		const photo = workspaceFile('photo-anywhere', 'IMG_0101.jpg');
		await vscode.workspace.fs.writeFile(photo, Uint8Array.from(atob(PHOTO), ch => ch.charCodeAt(0)));
		const post = workspaceFile('content', 'post', 'boston-anywhere.md');
		await vscode.workspace.fs.writeFile(post, new TextEncoder().encode(POST));
		const document = await vscode.workspace.openTextDocument(post);
		await vscode.window.showTextDocument(document);
		const result = await withTimeout(30_000, Promise.resolve(vscode.commands.executeCommand<AddPhotosResult>('eventWriteup.addPhotosToSessions', { files: [photo.toString()], leftOut: 'leave' })), 'adding the photo');
		assert.ok(result);
		assert.equal(result.placed.length, 1);
		assert.match(result.placed[0], /^\/images\/2017\/05\/kuryr-lab-1419(?:-\d+)?\.jpg$/);
		const text = document.getText();
		assert.ok(text.indexOf('Notes.') < text.indexOf('kuryr-lab-1419') && text.indexOf('kuryr-lab-1419') < text.indexOf('#### Kolla'));
		const copy = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFile(), 'static', result.placed[0].slice(1)));
		assert.equal(copy.length, 210);
	});
});
