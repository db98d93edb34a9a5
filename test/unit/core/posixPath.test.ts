import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { basename, dirname, extname, isAtOrInsideAny, join, normalize, relativeInside, resolve } from '../../../src/core/fs/posixPath';

suite('core.posixPath', () => {
	test('Should normalize dot segments and repeated slashes (#2)', () => {
		assert.equal(normalize('/a//b/./c/../d/'), '/a/b/d');
		assert.equal(normalize('/../x'), '/x');
		assert.equal(normalize('a/../../b'), '../b');
	});

	test('Should normalize as Node does, without a trailing slash (#2)', () => {
		// A fixed pseudo-random sequence of paths made of names, dots and slashes, so a failure repeats.
		let seed = 5;
		for (let i = 0; i < 5000; i++) {
			let path = '';
			for (let n = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 9; n > 0; n--) {
				seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
				path += ['a', 'b.c', '.', '..', '/', '/', '.x'][(seed >>> 8) % 7];
			}
			const expected = nodePath.posix.normalize(path);
			assert.equal(normalize(path), expected.length > 1 && expected.endsWith('/') ? expected.slice(0, -1) : expected, JSON.stringify(path));
		}
	});

	test('Should resolve relative paths against a base and keep absolute ones (#2)', () => {
		assert.equal(resolve('/site/content/post', '../images/x.jpg'), '/site/content/images/x.jpg');
		assert.equal(resolve('/site/content/post', '/images/x.jpg'), '/images/x.jpg');
		assert.equal(join('/site', 'static', '', 'images'), '/site/static/images');
	});

	test('Should split names and extensions like Node does (#2)', () => {
		assert.equal(dirname('/site/static/x.jpg'), '/site/static');
		assert.equal(dirname('/x'), '/');
		assert.equal(basename('/site/static/x.jpeg'), 'x.jpeg');
		assert.equal(extname('/site/static/x.jpeg'), '.jpeg');
		assert.equal(extname('/site/.hidden'), '');
	});

	test('Should tell whether a path lies inside a folder (#2)', () => {
		assert.equal(relativeInside('/site/static', '/site/static/images/x.jpg'), 'images/x.jpg');
		assert.equal(relativeInside('/site/static', '/site/static2/x.jpg'), undefined);
		assert.equal(relativeInside('/site/static/', '/site/static'), '');
	});

	test('Should tell whether a path is one of some folders or inside one, by whole names (#14)', () => {
		const links = new Set(['/site/static/up', '/site/content/post/dir']);
		assert.equal(isAtOrInsideAny('/site/static/up', links), true);
		assert.equal(isAtOrInsideAny('/site/static/up/content/post', links), true);
		assert.equal(isAtOrInsideAny('/site/static/upper', links), false);
		assert.equal(isAtOrInsideAny('/site/static', links), false);
		assert.equal(isAtOrInsideAny('/site/content/post/dir/a.md', links), true);
	});
});
