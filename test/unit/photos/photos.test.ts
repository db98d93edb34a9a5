// Photos placed by their capture time under the sessions of a write-up, on photos whose EXIF exiftool wrote
// as cameras do (test/fixtures/photos, made by scripts/makePhotoFixtures.sh).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { listed } from '../helpers/cliEntry';
import type { CliIo } from '../../../src/cli/io';
import { createPhotosCommand } from '../../../src/cli/photosCommand';
import { captureTimeInName, readPhotoExif, UnsupportedPhotoError } from '../../../src/core/photos/captureTime';
import { parseClockOffset, parseTypedSlot, planPhotos, postSessions, postSessionsWith, type PhotoFile } from '../../../src/core/photos/placement';
import { NodeHttpFetcher } from '../../../src/util/httpFetcher';
import { SESSION_FIXTURES, startLoopbackServer, type LoopbackServer } from '../sessions/loopback';

const PHOTOS = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'photos');
const SAMPLE_SITE = path.resolve(__dirname, '..', '..', '..', '..', 'sample-site');
const photo = (name: string): PhotoFile => ({ name, bytes: fs.readFileSync(path.join(PHOTOS, name)) });

/** A Boston write-up as "New Write-up from Schedule" makes it: two sessions with their slots, notes in the first. */
const WRITE_UP = [
	'+++', 'title = "OpenStack Summit Boston - Tuesday Sessions PM"', 'date = 2017-05-09T14:00:00-04:00', '+++', '',
	'#### Kuryr Lab', '<!-- session start=2017-05-09T14:00:00-04:00 end=2017-05-09T14:40:00-04:00 -->', '', '- Antoni Segura Puimedon', '',
	'My notes on Kuryr.', '', '',
	'#### Easier OpenStack Deployment: Novice Installation Using Kolla', '<!-- session start=2017-05-09T14:50:00-04:00 end=2017-05-09T15:30:00-04:00 -->', '',
	'- Michał Jastrzębski', '', '',
].join('\n');

function captureIo(cwd: string): CliIo & { out: string; err: string } {
	const io = { out: '', err: '', cwd, stdout(t: string) { io.out += t; }, stderr(t: string) { io.err += t; } };
	return io;
}

suite('core.photos: capture times', () => {
	test('Should read EXIF capture times, offsets and orientation from JPEG and PNG (#18)', () => {
		assert.deepEqual(readPhotoExif(photo('IMG_0001.jpg').bytes), { capture: { date: '2017-05-09', time: '14:19:49', offsetMinutes: -240 } });
		assert.deepEqual(readPhotoExif(photo('DSC_0042.jpg').bytes), { capture: { date: '2017-05-09', time: '15:05:00' }, orientation: 6 });
		assert.deepEqual(readPhotoExif(photo('slide.png').bytes).capture, { date: '2017-05-09', time: '15:10:00', offsetMinutes: -240 });
		assert.deepEqual(readPhotoExif(photo('Photo-May-09--2-25-00-PM.jpg').bytes), {});
	});

	test('Should refuse damaged EXIF and HEIC with a message saying what to do (#18)', () => {
		assert.throws(() => readPhotoExif(photo('IMG_0003-damaged.jpg').bytes), (error: unknown) => error instanceof UnsupportedPhotoError && /EXIF data is damaged/.test(error.message));
		assert.throws(() => readPhotoExif(photo('IMG_0004.heic').bytes), /HEIC and AVIF photos are not supported: export them as JPEG/);
		assert.throws(() => readPhotoExif(new TextEncoder().encode('hello')), /not a JPEG, PNG or WebP photo/);
	});

	test('Should read the times phones and tools write in file names (#18)', () => {
		assert.deepEqual(captureTimeInName('IMG_20170509_141949.jpg'), { date: '2017-05-09', time: '14:19:49', source: 'file-name' });
		assert.deepEqual(captureTimeInName('PXL_20230506_101500123.jpg'), { date: '2023-05-06', time: '10:15:00', source: 'file-name' });
		assert.deepEqual(captureTimeInName('Screenshot 2017-05-09 at 14.19.49.png'), { date: '2017-05-09', time: '14:19:49', source: 'file-name' });
		assert.deepEqual(captureTimeInName('Photo-May-09--2-19-49-PM.jpg'), { date: '0000-05-09', time: '14:19:49', source: 'file-name', yearUnknown: true });
		assert.equal(captureTimeInName('kolla-room.jpg'), undefined);
		assert.equal(parseClockOffset('+00:03:20'), 200);
		assert.equal(parseClockOffset('-1:00'), -3600);
		assert.equal(parseClockOffset('an hour'), undefined);
	});
});

suite('core.photos: placement', () => {
	const names = ['slide.png', 'IMG_0001.jpg', 'IMG_0002.jpg', 'DSC_0042.jpg', 'IMG_0003-damaged.jpg', 'Photo-May-09--2-25-00-PM.jpg', 'DSC_0040.jpg', 'IMG_0004.heic'];

	test('Should find the sessions and where each one\'s notes end (#18)', () => {
		const sessions = postSessions(WRITE_UP);
		assert.deepEqual(sessions.map(s => s.title), ['Kuryr Lab', 'Easier OpenStack Deployment: Novice Installation Using Kolla']);
		assert.equal(WRITE_UP.slice(0, sessions[0].insertOffset).split('\n').pop(), 'My notes on Kuryr.');
		assert.equal(sessions[0].end - sessions[0].start, 40 * 60_000);
	});

	test('Should place each photo in the session whose slot holds it, in capture order, and list the rest with why (#18)', () => {
		const plan = planPhotos(WRITE_UP, names.map(photo));
		const placed = plan.placed.map(p => [names[p.photo], p.session, p.fileName]);
		assert.deepEqual(placed, [
			['DSC_0040.jpg', 0, 'kuryr-lab-1405.jpg'],
			['IMG_0001.jpg', 0, 'kuryr-lab-1419.jpg'],
			['Photo-May-09--2-25-00-PM.jpg', 0, 'kuryr-lab-1425.jpg'],
			['DSC_0042.jpg', 1, 'easier-openstack-deployment-novice-installation-using-kolla-1505.jpg'],
			['slide.png', 1, 'easier-openstack-deployment-novice-installation-using-kolla-1510.png'],
		]);
		assert.deepEqual(plan.unplaced.map(u => [names[u.photo], u.reason.slice(0, 30)]), [
			['IMG_0002.jpg', 'taken at 2017-05-09 14:45, in '],
			['IMG_0003-damaged.jpg', 'Its EXIF data is damaged (Inva'],
			['IMG_0004.heic', 'HEIC and AVIF photos are not s'],
		]);
	});

	test('Should time entries from slots the writer types, on the post\'s day and offset (#18)', () => {
		assert.deepEqual(parseTypedSlot('14:00-14:40', '2017-05-09', -240), {
			start: { date: '2017-05-09', time: '14:00', offsetMinutes: -240 }, end: { date: '2017-05-09', time: '14:40', offsetMinutes: -240 },
		});
		assert.equal(parseTypedSlot('2pm', '2017-05-09', -240), undefined);
		assert.equal(parseTypedSlot('25:00-26:00', '2017-05-09', -240), undefined);
		const untimed = WRITE_UP.replace(/<!-- session [^>]*-->\n/g, '');
		assert.deepEqual(postSessions(untimed), []);
		const typed = postSessionsWith(untimed, title => title === 'Kuryr Lab' ? parseTypedSlot('14:00-14:40', '2017-05-09', -240) : undefined);
		const plan = planPhotos(untimed, [photo('IMG_0001.jpg'), photo('DSC_0042.jpg')], 0, typed);
		assert.deepEqual(plan.placed.map(p => p.fileName), ['kuryr-lab-1419.jpg']);
		assert.equal(plan.unplaced.length, 1);
	});

	test('Should apply a camera clock offset, and an offset written in UTC (#18)', () => {
		// The camera was 40 minutes behind: its 14:05:30 was 14:45:30, in the break.
		const behind = planPhotos(WRITE_UP, [photo('DSC_0040.jpg')], parseClockOffset('+00:40:00'));
		assert.deepEqual([behind.placed.length, behind.unplaced.length], [0, 1]);
		// A photo at 18:19:49 UTC is 14:19:49 in Boston.
		const utc = planPhotos(WRITE_UP, [{ name: 'IMG_20170509_181949.jpg', bytes: new Uint8Array([0xFF, 0xD8, 0xFF, 0xD9]) }]);
		assert.equal(utc.placed.length, 0, 'a time in a name is the local clock: 18:19 is after both sessions');
		const withOffset = planPhotos(WRITE_UP, [photo('IMG_0001.jpg')], 0);
		assert.equal(withOffset.placed[0].session, 0);
	});
});

suite('cli: photos', function () {
	this.timeout(30_000);
	let site = '';
	let server: LoopbackServer;

	suiteSetup(async () => {
		server = await startLoopbackServer({
			'fosdem.org/2026/schedule/xml': { headers: { 'content-type': 'application/xml' }, body: fs.readFileSync(path.join(SESSION_FIXTURES, 'real', 'fosdem-2026-schedule.xml'), 'utf8') },
		});
	});

	suiteTeardown(() => server.close());

	setup(() => {
		site = fs.mkdtempSync(path.join(os.tmpdir(), 'event-writeup-photos-'));
		fs.cpSync(SAMPLE_SITE, site, { recursive: true });
		fs.writeFileSync(path.join(site, 'content', 'post', 'boston-tuesday-pm.md'), WRITE_UP);
	});

	teardown(() => fs.rmSync(site, { recursive: true, force: true }));

	const run = async (...args: string[]) => {
		const io = captureIo(site);
		const command = createPhotosCommand(() => new NodeHttpFetcher({ hostMap: server.hostMap('fosdem.org', 'pretalx.fosdem.org', 'www.openstack.org', 'openstackid-resources.openstack.org'), timeoutMs: 5_000, maxBytes: 32 << 20 }));
		const code = await runCli(['photos', ...args], io, [listed(command)]);
		return { code, ...io };
	};

	test('Should copy the photos into the site, never over a file, and link them under their sessions (#18)', async () => {
		const folder = path.join(site, 'static', 'images', '2017', '05');
		fs.writeFileSync(path.join(folder, 'kuryr-lab-1419.jpg'), 'a photo already there');
		const { code, out, err } = await run('content/post/boston-tuesday-pm.md', ...['DSC_0040.jpg', 'IMG_0001.jpg', 'IMG_0002.jpg', 'slide.png'].map(n => path.join(PHOTOS, n)));
		assert.equal(code, 1, 'one photo was left out');
		assert.match(err, /left out: .*IMG_0002\.jpg: taken at 2017-05-09 14:45, in no session's slot/);
		assert.equal(fs.readFileSync(path.join(folder, 'kuryr-lab-1419.jpg'), 'utf8'), 'a photo already there');
		assert.deepEqual(fs.readFileSync(path.join(folder, 'kuryr-lab-1419-1.jpg')), fs.readFileSync(path.join(PHOTOS, 'IMG_0001.jpg')));
		assert.match(out, /copied .*kuryr-lab-1405\.jpg/);
		const post = fs.readFileSync(path.join(site, 'content', 'post', 'boston-tuesday-pm.md'), 'utf8');
		assert.ok(post.indexOf('My notes on Kuryr.') < post.indexOf('![](/images/2017/05/kuryr-lab-1405.jpg)'));
		assert.ok(post.indexOf('![](/images/2017/05/kuryr-lab-1405.jpg)') < post.indexOf('![](/images/2017/05/kuryr-lab-1419-1.jpg)'));
		assert.ok(post.indexOf('![](/images/2017/05/kuryr-lab-1419-1.jpg)') < post.indexOf('#### Easier OpenStack'));
		assert.ok(post.indexOf('#### Easier OpenStack') < post.indexOf('easier-openstack-deployment-novice-installation-using-kolla-1510.png'));
		assert.match(post, /!\[\]\(\/images\/2017\/05\/kuryr-lab-1405\.jpg\) <!-- alt text: describe the photo -->/);
	});

	test('Should scale copies down with --max-width, the originals untouched (#18)', async () => {
		const { code } = await run('--max-width', '200', 'content/post/boston-tuesday-pm.md', path.join(PHOTOS, 'DSC_0042.jpg'));
		assert.equal(code, 0);
		const { Jimp } = await import('jimp');
		const copy = await Jimp.read(path.join(site, 'static', 'images', '2017', '05', 'easier-openstack-deployment-novice-installation-using-kolla-1505.jpg'));
		assert.deepEqual([copy.width, copy.height], [200, 356]);
		assert.equal((await Jimp.read(path.join(PHOTOS, 'DSC_0042.jpg'))).width, 450);
	});

	test('Should only print the plan on a dry run (#18)', async () => {
		const before = fs.readFileSync(path.join(site, 'content', 'post', 'boston-tuesday-pm.md'), 'utf8');
		const { code, out } = await run('--dry-run', '--markup', 'figure', 'content/post/boston-tuesday-pm.md', path.join(PHOTOS, 'DSC_0042.jpg'));
		assert.equal(code, 0);
		assert.match(out, /would place .*DSC_0042\.jpg \(exif 2017-05-09 15:05:00\) under "Easier OpenStack Deployment: Novice Installation Using Kolla"/);
		assert.equal(fs.readFileSync(path.join(site, 'content', 'post', 'boston-tuesday-pm.md'), 'utf8'), before);
		assert.equal(fs.existsSync(path.join(site, 'static', 'images', '2017', '05', 'easier-openstack-deployment-novice-installation-using-kolla-1505.jpg')), false);
	});

	test('Should time entries that keep no slot from the event\'s schedule, found from their URLs (#18)', async () => {
		const written = ['+++', 'title = "FOSDEM 2026 - Saturday"', 'date = 2026-01-31T12:00:00+01:00', '+++', '',
			'#### Introducing the MSHV accelerator in QEMU', '', '- Magnus Kulke', '- [https://fosdem.org/2026/schedule/event/BFQ8XA-introducing-mshv-accelerator-in-qemu/](https://fosdem.org/2026/schedule/event/BFQ8XA-introducing-mshv-accelerator-in-qemu/)', '',
			'Notes.', ''].join('\n');
		fs.writeFileSync(path.join(site, 'content', 'post', 'fosdem-saturday.md'), written);
		// No EXIF: the time is in the name, 12:10 in Brussels, inside the 12:00-12:30 slot of the export.
		const photoPath = path.join(site, 'IMG_20260131_121000.jpg');
		fs.writeFileSync(photoPath, Buffer.from([0xFF, 0xD8, 0xFF, 0xD9]));
		const { code, out, err } = await run('content/post/fosdem-saturday.md', photoPath);
		assert.equal(code, 0, err);
		assert.match(out, /placed .*IMG_20260131_121000\.jpg \(file-name 2026-01-31 12:10:00\) under "Introducing the MSHV accelerator in QEMU"/);
		const post = fs.readFileSync(path.join(site, 'content', 'post', 'fosdem-saturday.md'), 'utf8');
		assert.match(post, /Notes\.\n\n!\[\]\(\/images\/2026\/01\/introducing-the-mshv-accelerator-in-qemu-1210\.jpg\)/);
	});

	test('Should refuse a post without slots and a bad offset (#18)', async () => {
		const noSlots = await run('content/post/openstack-summit-boston-2017.md', path.join(PHOTOS, 'IMG_0001.jpg'));
		assert.equal(noSlots.code, 1);
		assert.match(noSlots.err, /has no session with a time slot/);
		const badOffset = await run('--offset', 'soon', 'content/post/boston-tuesday-pm.md', path.join(PHOTOS, 'IMG_0001.jpg'));
		assert.equal(badOffset.code, 2);
	});
});

suite('photos: scaling copies down', function () {
	this.timeout(30_000);

	test('Should scale a wide photo to the maximum width, upright by its EXIF orientation, and leave a narrow one (#18)', async () => {
		const { NodePhotoResizer } = await import('../../../src/util/nodePhotoResizer');
		const { Jimp } = await import('jimp');
		const resizer = new NodePhotoResizer();
		// DSC_0042 is stored 800x450 with orientation 6: upright it is 450 wide and 800 tall.
		const scaled = await resizer.resize(photo('DSC_0042.jpg').bytes, 'image/jpeg', 300);
		assert.ok(scaled);
		const image = await Jimp.read(Buffer.from(scaled));
		assert.deepEqual([image.width, image.height], [300, 533]);
		assert.equal(await resizer.resize(photo('DSC_0042.jpg').bytes, 'image/jpeg', 450), undefined, 'no wider than the limit: copied as it is');
		const png = await resizer.resize(photo('slide.png').bytes, 'image/png', 1);
		assert.ok(png);
		assert.deepEqual([...png.subarray(1, 4)].map(c => String.fromCharCode(c)).join(''), 'PNG');
		assert.equal((await Jimp.read(Buffer.from(png))).width, 1);
		assert.equal(await resizer.resize(new Uint8Array([1, 2, 3]), 'image/webp', 10), undefined, 'WebP is not scaled in Node');
	});
});
