import * as assert from 'node:assert/strict';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';

suite('core.MemoryFileReader', () => {
	test('Should list files and implied folders of a directory (#2)', async () => {
		const files = new MemoryFileReader({ '/site/static/a.jpg': 'A', '/site/static/img/b.jpg': 'B', '/site/hugo.toml': '' });
		assert.deepEqual((await files.readDirectory('/site/static')).sort(), [['a.jpg', 'file'], ['img', 'directory']]);
		assert.equal(await files.stat('/site/static/img'), 'directory');
		assert.equal(await files.stat('/site/static/missing.jpg'), undefined);
		assert.equal(await files.readText('/site/static/img/b.jpg'), 'B');
	});
});
