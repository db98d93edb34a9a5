import * as assert from 'node:assert/strict';
import { joinLines } from '../../../src/core/text';
import { configuredTaxonomies, rankTerms, readFrontMatterData, termsOf } from '../../../src/core/writing/taxonomyTerms';

function posts(...texts: string[]): Record<string, unknown>[] {
	return texts.map(readFrontMatterData).filter((d): d is Record<string, unknown> => d !== undefined);
}

suite('writing.taxonomyTerms', () => {
	test('Should rank terms by the number of posts using them, then by name (#6)', () => {
		const ranked = rankTerms(posts(
			joinLines('+++', 'tags = ["kolla", "openstack"]', 'categories = ["conferences"]', '+++'),
			joinLines('+++', 'tags = ["openstack", "vault"]', '+++'),
			joinLines('---', 'tags:', '  - openstack', '  - kolla', '---'),
			joinLines('{', '  "tags": ["ansible"]', '}'),
		), ['tags', 'categories']);
		assert.deepEqual(ranked.get('tags'), [
			{ term: 'openstack', posts: 3 }, { term: 'kolla', posts: 2 }, { term: 'ansible', posts: 1 }, { term: 'vault', posts: 1 },
		]);
		assert.deepEqual(ranked.get('categories'), [{ term: 'conferences', posts: 1 }]);
	});

	test('Should count a post once per term and fold case as Hugo does, keeping the usual spelling (#6)', () => {
		const ranked = rankTerms(posts(
			joinLines('+++', 'tags = ["Kolla", "kolla"]', '+++'),
			joinLines('+++', 'Tags = ["Kolla"]', '+++'),
			joinLines('+++', 'tags = ["kolla"]', '+++'),
			joinLines('+++', 'tags = ["Kolla", "zuul"]', '+++'),
		), ['tags']);
		assert.deepEqual(ranked.get('tags'), [{ term: 'Kolla', posts: 4 }, { term: 'zuul', posts: 1 }]);
	});

	test('Should read a single string as one term and skip posts that do not parse (#6)', () => {
		assert.deepEqual(termsOf({ tags: 'single' }, 'tags'), ['single']);
		assert.equal(readFrontMatterData(joinLines('+++', 'tags = ["a",', '+++')), undefined);
		assert.equal(readFrontMatterData(joinLines('+++', 'tags = ["a"]')), undefined, 'unterminated');
		assert.equal(readFrontMatterData('No front matter'), undefined);
	});

	test('Should take the taxonomies a site configures, else tags and categories (#6)', () => {
		assert.deepEqual(configuredTaxonomies({ taxonomies: { tag: 'tags', series: 'series' } }), ['tags', 'series']);
		assert.deepEqual(configuredTaxonomies({}), ['tags', 'categories']);
		assert.deepEqual(configuredTaxonomies(undefined), ['tags', 'categories']);
	});
});
