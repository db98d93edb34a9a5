import * as assert from 'node:assert/strict';
import { globToRegExp, mountFileFilter } from '../../../src/core/site/glob';

const FILES = ['a.png', 'a.jpg', 'A.PNG', 'sub/b.png', 'sub/b.jpg', 'sub/deep/c.png', 'sub/deep/c.jpg'];

/** The files of FILES a mount with these patterns publishes. */
function kept(includeFiles: string[], excludeFiles: string[]): string {
	const filter = mountFileFilter(includeFiles, excludeFiles);
	return FILES.filter(file => !filter || filter(file)).join(' ');
}

suite('site.glob', () => {
	// Each expectation is what hugo 0.111.3 publishes from a static mount holding FILES.
	test('Should filter excludeFiles as Hugo 0.111.3 does (#4)', () => {
		assert.equal(kept([], ['*.png']), 'a.jpg sub/b.png sub/b.jpg sub/deep/c.png sub/deep/c.jpg');
		assert.equal(kept([], ['/*.png']), 'a.jpg sub/b.png sub/b.jpg sub/deep/c.png sub/deep/c.jpg');
		assert.equal(kept([], ['**.png']), 'a.jpg sub/b.jpg sub/deep/c.jpg');
		assert.equal(kept([], ['**/*.png']), 'a.png a.jpg A.PNG sub/b.jpg sub/deep/c.jpg');
		assert.equal(kept([], ['**.PNG']), 'a.jpg sub/b.jpg sub/deep/c.jpg');
		assert.equal(kept([], ['SUB/B.png']), 'a.png a.jpg A.PNG sub/b.jpg sub/deep/c.png sub/deep/c.jpg');
		assert.equal(kept([], ['sub']), 'a.png a.jpg A.PNG');
		assert.equal(kept([], ['deep']), FILES.join(' '));
		assert.equal(kept([], ['**/deep']), 'a.png a.jpg A.PNG sub/b.png sub/b.jpg');
		assert.equal(kept([], ['a.{png,jpg}']), 'sub/b.png sub/b.jpg sub/deep/c.png sub/deep/c.jpg');
		assert.equal(kept([], ['sub/[bc].png']), 'a.png a.jpg A.PNG sub/b.jpg sub/deep/c.png sub/deep/c.jpg');
		assert.equal(kept([], ['sub/?.png']), 'a.png a.jpg A.PNG sub/b.jpg sub/deep/c.png sub/deep/c.jpg');
		assert.equal(kept([], ['*']), '');
		assert.equal(kept([], ['']), '', 'an empty pattern matches the mount\'s own folder');
	});

	test('Should filter includeFiles as Hugo 0.111.3 does, entering only folders a pattern leads into (#4)', () => {
		assert.equal(kept(['*.png'], []), 'a.png A.PNG');
		assert.equal(kept(['**.png'], []), 'a.png A.PNG');
		assert.equal(kept(['sub/**'], []), 'sub/b.png sub/b.jpg sub/deep/c.png sub/deep/c.jpg');
		assert.equal(kept(['/sub/*.jpg'], []), 'sub/b.jpg');
		assert.equal(kept(['**/c.*'], []), 'sub/deep/c.png sub/deep/c.jpg');
		assert.equal(kept(['**c.png'], []), '');
		assert.equal(kept(['s*'], []), '');
		assert.equal(kept(['**.jpg'], ['sub/deep/**']), 'a.jpg');
		assert.equal(kept(['sub/**'], ['**.png']), 'sub/b.png sub/b.jpg sub/deep/c.png sub/deep/c.jpg', 'an inclusion wins');
		assert.equal(kept(['**'], ['sub']), FILES.join(' '));
	});

	test('Should ignore a pattern that does not compile rather than throw (#4)', () => {
		for (const pattern of ['[z-a', '[', '{a,b', 'a\\', '[]']) {
			assert.equal(globToRegExp(pattern), undefined, pattern);
		}
		assert.equal(kept([], ['[z-a']), FILES.join(' '));
		assert.equal(mountFileFilter([], []), undefined);
	});
});
