import * as assert from 'node:assert/strict';
import { suggestedCategories } from '../../../src/core/posts/suggestCategories';

suite('posts.suggestedCategories', () => {
	test('Should offer the categories at least half of the categorised posts use, most used first', () => {
		const posts = [
			{ categories: ['Conferences', 'OpenStack'] },
			{ categories: ['conferences'] },
			{ Categories: 'Conferences' },
			{ categories: ['Meetups', 'OpenStack'] },
			{ tags: ['kolla'] },
		];
		assert.deepEqual(suggestedCategories(posts), ['Conferences', 'OpenStack']);
		assert.deepEqual(suggestedCategories(posts, 1), ['Conferences']);
	});

	test('Should offer nothing for a site without categories or with only occasional ones', () => {
		assert.deepEqual(suggestedCategories([]), []);
		assert.deepEqual(suggestedCategories([{ tags: ['a'] }, { title: 'x' }]), []);
		assert.deepEqual(suggestedCategories([{ categories: ['a'] }, { categories: ['b'] }, { categories: ['c'] }]), []);
	});
});
