import * as assert from 'node:assert/strict';
import { parseTomlData } from '../../../src/core/frontMatter/toml';
import { calendarDateOf, droppedFromPath, expandPermalink, makePathSanitized, permalinkPattern, unicodeSanitize } from '../../../src/core/site/permalinks';

suite('site.permalinks', () => {
	const page = { date: { year: 2017, month: 5, day: 9 }, title: 'Neutron: FWaaS & You', slug: undefined, fileName: 'My Notes', sections: ['post'] };

	test('Should expand every date token of Hugo 0.111.3 from the day as written (#10)', () => {
		assert.equal(expandPermalink('/:year/:month/:day/:monthname/:weekday/:weekdayname/:yearday/', page, false), '/2017/05/09/May/2/Tuesday/129/');
		// Go's zero time, for a page without a date: Monday, January 1st of year 1.
		assert.equal(expandPermalink('/:year/:month/:day/:weekdayname/:yearday/', { ...page, date: undefined }, false), '/1/01/01/Monday/1/');
		assert.equal(expandPermalink('/:yearday/', { ...page, date: { year: 2016, month: 12, day: 31 } }, false), '/366/');
	});

	test('Should expand title, slug and file name tokens through Hugo\'s URLize (#10)', () => {
		assert.equal(expandPermalink('/:section/:title/', page, false), '/post/neutron-fwaas-you/');
		assert.equal(expandPermalink('/:slug/', page, false), '/neutron-fwaas-you/');
		assert.equal(expandPermalink('/:slug/', { ...page, slug: 'Kolla Lab' }, false), '/kolla-lab/');
		assert.equal(expandPermalink('/:slugorfilename/', page, false), '/my-notes/');
		assert.equal(expandPermalink('/:filename/', page, true), '/My-Notes/');
		// Go's QueryUnescape reads + as a space.
		assert.equal(expandPermalink('/:slug/', { ...page, slug: 'burnout++' }, false), '/burnout  /');
		assert.equal(expandPermalink('/:2006/', page, false), undefined);
		assert.equal(expandPermalink('/:sections/:filename/', { ...page, sections: ['post', '2017'] }, false), undefined);
	});

	test('Should sanitise paths as Hugo\'s UnicodeSanitize does (#10)', () => {
		assert.equal(unicodeSanitize('Neutron: FWaaS & You'), 'Neutron-FWaaS-You');
		assert.equal(unicodeSanitize('  a  b - c '), 'a-b-c');
		assert.equal(unicodeSanitize('100% %41 x+y~z@w #1'), '100-%41-x+y~z@w-#1');
		assert.equal(makePathSanitized('Café/Über Uns', false), 'café/über-uns');
		assert.deepEqual(droppedFromPath('Kolla Lab!? 100%41 50%'), ['!', '?', '%']);
		assert.deepEqual(droppedFromPath('powerdev/cryo-em burnout++'), []);
	});

	test('Should find a section\'s pattern and read dates as Hugo holds them (#10)', () => {
		assert.equal(permalinkPattern({ ' /Post/ ': '/:slug/' }, 'post'), '/:slug/');
		assert.equal(permalinkPattern({ post: '/:slug/' }, 'talks'), undefined);
		const data = parseTomlData('a = 2017-05-09T23:30:00-04:00\nb = 2017-05-09\nc = "Tue, 09 May 2017 10:00:00 EDT"\nd = 1494338400\ne = "nope"');
		assert.deepEqual(['a', 'b', 'c', 'd', 'e'].map(k => calendarDateOf(data[k])), [
			{ year: 2017, month: 5, day: 9 }, { year: 2017, month: 5, day: 9 }, { year: 2017, month: 5, day: 9 }, { year: 2017, month: 5, day: 9 }, undefined,
		]);
	});
});
