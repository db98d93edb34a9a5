import * as assert from 'node:assert/strict';
import { isCheckedMarkdownPath, isListPagePath } from '../../../src/core/frontMatter/documentScope';

suite('features.frontMatter.documentScope', () => {
	test('Should skip archetypes, the site\'s and a theme\'s, and check posts (#3)', () => {
		assert.equal(isCheckedMarkdownPath('archetypes/default.md'), false);
		assert.equal(isCheckedMarkdownPath('blog/themes/plain/archetypes/post.md'), false);
		assert.equal(isCheckedMarkdownPath('content/post/openstack-summit-boston-2017.md'), true);
		assert.equal(isCheckedMarkdownPath('content/post/archetypes-explained.md'), true);
		assert.equal(isCheckedMarkdownPath('README.md'), true);
	});

	test('Should skip the folders Hugo does not render and hidden folders, as the CLI does (#3)', () => {
		for (const path of ['static/docs/notes.md', 'layouts/partials/x.md', 'public/post/index.md',
			'node_modules/pkg/README.md', '.github/ISSUE_TEMPLATE/bug.md', 'themes/plain/layouts/a.md']) {
			assert.equal(isCheckedMarkdownPath(path), false, path);
		}
		// Only folders count: a post may be named after one.
		assert.equal(isCheckedMarkdownPath('content/post/static.md'), true);
	});

	test('Should recognise list pages by their _index name only (#3)', () => {
		assert.equal(isListPagePath('/blog/content/_index.md'), true);
		assert.equal(isListPagePath('/blog/content/post/_INDEX.md'), true);
		assert.equal(isListPagePath('/blog/content/post/bundle/index.md'), false);
		assert.equal(isListPagePath('/blog/content/post/my_index.md'), false);
	});
});
