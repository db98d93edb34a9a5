import * as assert from 'node:assert/strict';
import { findScheduleEvent, scheduleEvents } from '../../../src/core/sessions/providers/c3voc';
import { chooseTitle, slugScore, slugTokens, trimToSlug } from '../../../src/core/sessions/score';
import { fixture } from './loopback';

suite('sessions.score', () => {
	test('Should take the page\'s own metadata title when no candidate resembles the slug, and never an h1 or <title> alone (#11)', () => {
		// FOSDEM 2026: the slug is the editor's (`DBGZAU-rust-cel`), not the title's.
		const candidates = [
			{ title: 'Common Expression Language (CEL) in Rust', source: 'og', priority: 3 },
			{ title: 'FOSDEM 2026', source: 'title', priority: 1 },
		];
		assert.deepEqual(chooseTitle(candidates, 'DBGZAU-rust-cel'), { ...candidates[0], unlikeSlug: true });
		assert.equal(chooseTitle([{ title: 'Schedule', source: 'og', priority: 3 }, { title: 'A page', source: 'h1', priority: 2 }], 'x-y-z'), undefined);
		// A candidate that resembles the slug still wins over a more structured one that does not.
		assert.equal(chooseTitle([{ title: 'Rust CEL bindings', source: 'h1', priority: 2 }, ...candidates], 'DBGZAU-rust-cel')?.title, 'Rust CEL bindings');
	});

	test('Should slugify candidates as the platforms do: ASCII fold, apostrophes dropped (#5)', () => {
		assert.deepEqual(slugTokens('Michał\'s Café: Node.js & C++! Straße Ærø'), ['michals', 'cafe', 'node', 'js', 'c', 'strasse', 'aero']);
	});

	test('Should match a title with an apostrophe against both kinds of slug (#5)', () => {
		assert.equal(slugScore('What\'s New in Nova?', slugTokens('whats-new-in-nova')), 1);
		assert.equal(slugScore('What\'s New in Nova?', slugTokens('what-s-new-in-nova')), 1);
	});

	test('Should score the share of slug tokens found in order (#5)', () => {
		const slug = slugTokens('fwaas-v2-a-new-beginning');
		assert.equal(slugScore('FWaaS v2: A New Beginning', slug), 1);
		assert.equal(slugScore('A New Beginning', slug), 3 / 5);
		assert.equal(slugScore('Beginning new a v2 FWaaS', slug), 1 / 5);
		assert.equal(slugScore('Event Details', slug), 0);
	});

	test('Should cut site names at either end but keep words the slug has (#5)', () => {
		const slug = slugTokens('zero-trust-networking-a-primer');
		assert.equal(trimToSlug('Example Summit | Zero Trust Networking: A Primer | Day 2', slug), 'Zero Trust Networking: A Primer');
		assert.equal(trimToSlug('Zero Trust Networking - A Primer', slug), 'Zero Trust Networking - A Primer');
	});

	test('Should pick by score, break ties by source, and reject generic or unrelated titles (#5)', () => {
		const candidates = [
			{ title: 'OpenStack Summit | Schedule', source: 'title', priority: 1 },
			{ title: 'Event Details', source: 'h1', priority: 2 },
			{ title: 'Kolla Deep Dive', source: 'og', priority: 3 },
			{ title: 'Kolla Deep Dive', source: 'json-ld', priority: 5 },
		];
		assert.equal(chooseTitle(candidates, 'kolla-deep-dive')?.source, 'json-ld');
		assert.equal(chooseTitle(candidates.slice(0, 2), 'kolla-deep-dive'), undefined);
		assert.equal(chooseTitle(candidates.slice(0, 3), undefined)?.title, 'Kolla Deep Dive');
		assert.equal(chooseTitle([{ title: 'Schedule', source: 'h1', priority: 2 }], undefined), undefined);
	});
});

suite('sessions.c3voc', () => {
	test('Should list the events of schedule.json v1 and v2 (#5)', () => {
		assert.deepEqual(scheduleEvents(JSON.parse(fixture('c3voc-schedule-v1.json'))).map(e => e.id), [10500, 10523]);
		assert.deepEqual(scheduleEvents(JSON.parse(fixture('c3voc-schedule-v2.json'))).map(e => e.guid), ['c3']);
		assert.deepEqual(scheduleEvents({ nothing: true }), []);
	});

	test('Should read a v2 event by its pretalx origin URL: speakers only, room object (#5)', () => {
		const v2 = JSON.parse(fixture('c3voc-schedule-v2.json'));
		const info = findScheduleEvent(v2, { url: 'https://fahrplan.events.ccc.de/congress/2023/fahrplan/talk/FNORD7' });
		assert.deepEqual(info, {
			title: 'Fnord News Show', speakers: ['Fefe', 'Frank'], abstract: undefined,
			start: '2023-12-29T21:00:00+01:00', room: 'Saal 1', source: 'c3voc-schedule',
		});
		assert.equal(findScheduleEvent(v2, { slug: 'fnord-news-show' })?.title, 'Fnord News Show');
		assert.equal(findScheduleEvent(v2, { id: '404' }), undefined);
	});

	test('Should read a v1 event with its subtitle and the frab public names (#5)', () => {
		const info = findScheduleEvent(JSON.parse(fixture('c3voc-schedule-v1.json')), { id: '10500' });
		assert.equal(info?.title, 'Opening Ceremony');
		assert.deepEqual(info?.speakers, ['bleeptrack']);
		assert.equal(info?.room, 'Ada');
	});
});
