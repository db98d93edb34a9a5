import * as assert from 'node:assert/strict';
import { extensionForMimeType, imageFolderDate, imageMarkdown, isImageFileName, planImages, postName, referenceFor, relativePath, resolveImageFolder, sanitizeImageName, uniqueFileName } from '../../../src/core/writing/imageFiles';

const SITE = '/home/me/blog';
const MOUNTS = [{ source: '/home/me/blog/static', target: '' }, { source: '/home/me/blog/assets/pics', target: 'pics' }];
const MOUNTS_B = [{ source: '/b/static', target: '' }];

suite('writing.imageFiles', () => {
	test('Should make lowercase hyphenated ASCII names with an image extension (#6)', () => {
		assert.deepEqual(sanitizeImageName('Salle Plénière (2).JPG'), { base: 'salle-pleniere-2', extension: '.jpg' });
		assert.deepEqual(sanitizeImageName('IMG_2041.jpeg'), { base: 'img-2041', extension: '.jpg' });
		assert.deepEqual(sanitizeImageName('C:\\Users\\me\\Desktop\\Kolla room.png'), { base: 'kolla-room', extension: '.png' });
		assert.deepEqual(sanitizeImageName('', 'image/webp'), { base: 'image', extension: '.webp' });
		assert.deepEqual(sanitizeImageName('スライド', 'image/png'), { base: 'image', extension: '.png' });
		assert.deepEqual(sanitizeImageName('slide.v2', 'image/gif'), { base: 'slide-v2', extension: '.gif' });
		assert.equal(extensionForMimeType('image/svg+xml'), '.svg');
		assert.equal(extensionForMimeType('text/plain'), undefined);
		assert.equal(isImageFileName('/x/y.PNG'), true);
		assert.equal(isImageFileName('/x/notes.txt'), false);
	});

	test('Should never reuse a taken name, whatever its case (#6)', () => {
		assert.equal(uniqueFileName('hall', '.jpg', []), 'hall.jpg');
		assert.equal(uniqueFileName('hall', '.jpg', ['hall.jpg', 'hall-1.jpg', 'other.jpg']), 'hall-2.jpg');
		assert.equal(uniqueFileName('hall', '.jpg', ['HALL.JPG']), 'hall-1.jpg');
	});

	test('Should plan a batch without collisions between its own files (#6)', () => {
		const plan = planImages([{ name: 'Hall.jpg' }, { name: 'hall.JPG' }, { name: '', mimeType: 'image/png' }],
			'/home/me/blog/static/images/2025/03', ['hall.jpg'], MOUNTS, '/home/me/blog/content/post/boston.md');
		assert.deepEqual(plan.map(p => p.fileName), ['hall-1.jpg', 'hall-2.jpg', 'boston-1.png']);
		assert.deepEqual(plan.map(p => p.reference), ['/images/2025/03/hall-1.jpg', '/images/2025/03/hall-2.jpg', '/images/2025/03/boston-1.png']);
		assert.equal(plan[0].path, '/home/me/blog/static/images/2025/03/hall-1.jpg');
		assert.equal(plan[0].markdown, '![hall](/images/2025/03/hall-1.jpg)');
	});

	test('Should name clipboard images after the post and date their folder by the post (#13)', () => {
		// VS Code hands a clipboard image over as image.png.
		const plan = planImages([{ name: 'image.png' }, { name: 'image.png' }, { name: 'IMG_2041.JPG' }],
			'/b/static/images/2017/05', ['boston-tuesday-1.png'], MOUNTS_B, '/b/content/post/Boston-Tuesday/index.md');
		assert.deepEqual(plan.map(p => p.fileName), ['boston-tuesday-2.png', 'boston-tuesday-3.png', 'img-2041.jpg']);
		const now = new Date(2026, 11, 2);
		assert.equal(imageFolderDate({ year: 2017, month: 5, day: 9 }, 'post', now).getMonth(), 4);
		assert.equal(imageFolderDate(undefined, 'post', now), now);
		assert.equal(imageFolderDate({ year: 2017, month: 5, day: 9 }, 'today', now), now);
	});

	test('Should expand the folder setting and keep it inside the site (#6)', () => {
		const date = new Date(2025, 2, 7, 21, 5);
		assert.deepEqual(resolveImageFolder(SITE, 'static/images/${year}/${month}', { date, post: 'boston' }), { folder: '/home/me/blog/static/images/2025/03' });
		assert.deepEqual(resolveImageFolder(SITE, 'static/${post}/${day}/', { date, post: 'boston' }), { folder: '/home/me/blog/static/boston/07' });
		assert.match((resolveImageFolder(SITE, '../elsewhere', { date, post: 'x' }) as { error: string }).error, /inside the site/);
		assert.match((resolveImageFolder(SITE, '/tmp', { date, post: 'x' }) as { error: string }).error, /relative/);
		assert.match((resolveImageFolder(SITE, 'static/${yaer}', { date, post: 'x' }) as { error: string }).error, /\$\{yaer\}/);
	});

	test('Should refer to a file by its site path in a static mount, else relative to the post (#6)', () => {
		const post = '/home/me/blog/content/post/boston/index.md';
		assert.equal(referenceFor('/home/me/blog/static/images/x.jpg', MOUNTS, post), '/images/x.jpg');
		assert.equal(referenceFor('/home/me/blog/assets/pics/2025/x.jpg', MOUNTS, post), '/pics/2025/x.jpg');
		assert.equal(referenceFor('/home/me/blog/content/post/boston/x.jpg', MOUNTS, post), 'x.jpg');
		assert.equal(relativePath('/a/b', '/a/c/x.jpg'), '../c/x.jpg');
		assert.equal(postName(post), 'boston');
		assert.equal(postName('/home/me/blog/content/post/berlin.md'), 'berlin');
	});

	test('Should escape the alt text and wrap a URL that needs it (#6)', () => {
		assert.equal(imageMarkdown('/images/a.jpg', 'a [b]'), '![a \\[b\\]](/images/a.jpg)');
		assert.equal(imageMarkdown('../my pics/a.jpg', 'a'), '![a](<../my pics/a.jpg>)');
	});
});
