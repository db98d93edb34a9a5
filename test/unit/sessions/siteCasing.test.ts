import * as assert from 'node:assert/strict';
import { slugToTitle } from '../../../src/core/sessions/casing';
import { learnSiteCasing, markdownHeadings } from '../../../src/core/sessions/siteCasing';

suite('sessions.siteCasing', () => {
	test('Should learn the writer\'s spellings from headings and titles, and from tags only where they carry capitals (#11)', () => {
		const learned = learnSiteCasing({
			headings: ['Easier OpenStack Deployment: Novice Installation Using Kolla', 'FWaaS v2: A New Beginning', 'Zuul at Scale', 'kubevirt in production'],
			tags: ['openstack', 'Magnum', 'summit'],
		});
		assert.equal(learned.openstack, 'OpenStack');
		assert.equal(learned.fwaas, 'FWaaS');
		assert.equal(learned.kolla, 'Kolla');
		assert.equal(learned.magnum, 'Magnum');
		assert.equal(learned.at, 'at');
		// First words are capitalized by any style: they tell nothing, and lowercase tags tell nothing either.
		assert.equal(learned.zuul, undefined);
		assert.equal(learned.summit, undefined);
		assert.equal(learned.kubevirt, 'kubevirt');
	});

	test('Should spell a derived title\'s words as the site does, over the lexicon and the style, under the writer\'s dictionary (#11)', () => {
		const site = { smartnics: 'SmartNICs', kolla: 'Kolla', with: 'With', the: 'the' };
		assert.equal(slugToTitle('smartnics-with-kolla', 'generic', { site }), 'SmartNICs With Kolla');
		// A lowercase spelling still opens the title capitalized.
		assert.equal(slugToTitle('the-smartnics-story', 'generic', { site }), 'The SmartNICs Story');
		assert.equal(slugToTitle('smartnics-with-kolla', 'generic', { site, dictionary: { smartnics: 'SmartNIC-s' } }), 'SmartNIC-s With Kolla');
	});

	test('Should read ATX headings of a body, not a shell comment in a fence (#11)', () => {
		assert.deepEqual(markdownHeadings('#### Kuryr Lab\n\n```sh\n# Install Kuryr\n```\n\n## Notes ##\ntext # not a heading\n'), ['Kuryr Lab', 'Notes']);
	});
});
