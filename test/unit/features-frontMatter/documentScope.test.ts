import * as assert from 'node:assert/strict';
import { isCheckedMarkdownPath, isListPagePath } from '../../../src/features/frontMatter/documentScope';

suite('features.frontMatter.documentScope', () => {
	test('Should skip archetypes, the site\'s and a theme\'s, and check posts (#3)', () => {
		assert.equal(isCheckedMarkdownPath('/blog/archetypes/default.md'), false);
		assert.equal(isCheckedMarkdownPath('/blog/themes/plain/archetypes/post.md'), false);
		assert.equal(isCheckedMarkdownPath('/blog/content/post/openstack-summit-boston-2017.md'), true);
		assert.equal(isCheckedMarkdownPath('/blog/content/post/archetypes-explained.md'), true);
	});

	test('Should recognise list pages by their _index name only (#3)', () => {
		assert.equal(isListPagePath('/blog/content/_index.md'), true);
		assert.equal(isListPagePath('/blog/content/post/_INDEX.md'), true);
		assert.equal(isListPagePath('/blog/content/post/bundle/index.md'), false);
		assert.equal(isListPagePath('/blog/content/post/my_index.md'), false);
	});
});
