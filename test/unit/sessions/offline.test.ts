import * as assert from 'node:assert/strict';
import { classifySessionUrl } from '../../../src/core/sessions/classify';
import { formatSessionEntry } from '../../../src/core/sessions/entry';
import { deriveSessionOffline } from '../../../src/core/sessions/offline';
import { SessionUrlError } from '../../../src/core/sessions/types';

suite('sessions.classify', () => {
	test('Should recognise each platform and pull out its keys (#5)', () => {
		const cases: Array<[string, Record<string, string | undefined>]> = [
			['https://www.openstack.org/summit/boston-2017/summit-schedule/events/18236/fwaas-v2-a-new-beginning',
				{ platform: 'openstack-schedule', event: 'boston-2017', id: '18236', slug: 'fwaas-v2-a-new-beginning' }],
			['https://www.openstack.org/summit/boston-2017/summit-schedule/events/18236',
				{ platform: 'openstack-schedule', event: 'boston-2017', id: '18236', slug: undefined }],
			['https://www.openstack.org/videos/summits/boston-2017/fwaas-v2-a-new-beginning',
				{ platform: 'openstack-video', event: 'boston-2017', slug: 'fwaas-v2-a-new-beginning' }],
			['https://kccncna2023.sched.com/event/1R2pr/some-talk?iframe=no', { platform: 'sched', event: 'kccncna2023', id: '1R2pr', slug: 'some-talk' }],
			['https://sched.co/1R2pr', { platform: 'sched-short', id: '1R2pr' }],
			['https://pretalx.com/democon/talk/abc7qx/', { platform: 'pretalx', event: 'democon', id: 'ABC7QX', base: 'https://pretalx.com' }],
			['https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HCKPLN/',
				{ platform: 'pretalx', event: 'fahrplan', id: 'HCKPLN', base: 'https://fahrplan.events.ccc.de/congress/2024' }],
			['https://sessionize.com/s/jane-doe/some-talk/81234', { platform: 'sessionize', handle: 'jane-doe', slug: 'some-talk', id: '81234' }],
			['https://frab.example.org/en/democon2019/public/events/1234', { platform: 'frab', event: 'democon2019', id: '1234' }],
			['https://fahrplan.events.ccc.de/congress/2019/Fahrplan/events/10523.html', { platform: 'frab', event: '2019', id: '10523' }],
			['https://fosdem.org/2024/schedule/event/fosdem-2024-1683-x/', { platform: 'fosdem', event: '2024', slug: 'fosdem-2024-1683-x' }],
			['https://archive.fosdem.org/2019/schedule/event/unix_evolution/', { platform: 'fosdem', event: '2019', slug: 'unix_evolution' }],
			['https://events.ccc.de/congress/2023/hub/en/event/fnord-news-show/', { platform: 'ccc-hub', event: '2023', slug: 'fnord-news-show' }],
			['https://conf.example.com/2025/talks/rust-in-the-linux-kernel/', { platform: 'generic', slug: 'rust-in-the-linux-kernel' }],
			['https://conf.example.com/talks/rust-in-the-linux-kernel/1234', { platform: 'generic', slug: 'rust-in-the-linux-kernel' }],
			// A path ending in an ID or a page-type word, with no title segment, has no slug.
			['http://conf.example.org/indico/event/12/contributions/34/', { platform: 'generic', slug: undefined }],
			['http://conf.example.org/program/session/4567', { platform: 'generic', slug: undefined }],
			['http://conf.example.org/ld/4567', { platform: 'generic', slug: undefined }],
			['https://conf.example.org/schedule/event/ke3a', { platform: 'generic', slug: undefined }],
			['https://conf.example.org/2025/talks/', { platform: 'generic', slug: undefined }],
			['https://conf.example.org/talks/keynote', { platform: 'generic', slug: 'keynote' }],
			// A hyphenated segment before a page-type word names the event, not the session.
			['https://conf.example.org/events/summer-conf-2025/sessions/123', { platform: 'generic', slug: undefined }],
			['https://conf.example.org/events/summer-conf-2025/sessions/', { platform: 'generic', slug: undefined }],
		];
		for (const [url, expected] of cases) {
			const c = classifySessionUrl(url);
			const actual = Object.fromEntries(Object.keys(expected).map(k => [k, (c as unknown as Record<string, unknown>)[k]]));
			assert.deepEqual(actual, expected, url);
		}
	});

	test('Should not take a pretalx review URL for a talk (#5)', () => {
		assert.equal(classifySessionUrl('https://pretalx.com/orga/event/x/talk/review/ABCDEF/').platform, 'generic');
	});

	test('Should refuse anything but http(s) URLs, and credentials in URLs (#5)', () => {
		for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.org/x', 'data:text/html,x', 'not a url', '']) {
			assert.throws(() => classifySessionUrl(bad), SessionUrlError, bad);
		}
		assert.throws(() => classifySessionUrl('https://user:pw@example.org/x'), /password/);
	});
});

suite('sessions.deriveSessionOffline', () => {
	test('Should derive a flagged entry and keep the URL exactly as pasted (#5)', () => {
		const url = 'https://www.openstack.org/summit/boston-2017/summit-schedule/events/18236/fwaas-v2-a-new-beginning';
		const info = deriveSessionOffline(`  ${url}\n`);
		assert.deepEqual({ ...info, warnings: info.warnings.length }, {
			title: 'FWaaS v2 a New Beginning', speakers: [], url, source: 'offline', derived: true, warnings: 1,
		});
	});

	test('Should give placeholder titles where the URL has none, and say so (#5)', () => {
		const pretalx = deriveSessionOffline('https://pretalx.com/democon/talk/abc7qx/');
		assert.equal(pretalx.title, 'democon talk ABC7QX');
		assert.match(pretalx.warnings.join('\n'), /no title: fill it in/);
		assert.equal(deriveSessionOffline('https://frab.example.org/en/democon2019/public/events/1234').title, 'democon2019 event 1234');
		assert.equal(deriveSessionOffline('https://archive.fosdem.org/2019/schedule/event/unix_evolution/').title, 'FOSDEM 2019 event unix_evolution');
		assert.equal(deriveSessionOffline('https://sched.co/1R2pr').title, 'Sched session 1R2pr');
		assert.equal(deriveSessionOffline('https://www.openstack.org/summit/boston-2017/summit-schedule/events/18236').title, 'OpenStack boston-2017 session 18236');
		assert.equal(deriveSessionOffline('https://example.org/').title, 'example.org');
	});

	test('Should say a 50-character Sessionize slug may be cut, mark one cut before a word, and guess the speaker from the handle (#5, #11)', () => {
		// Sessionize cuts at 50 characters: a slug that long may still be the whole title (#11).
		const info = deriveSessionOffline('https://sessionize.com/s/jane-doe/building-accessible-design-systems-that-scale-acro/81234');
		assert.equal(info.title, 'Building Accessible Design Systems That Scale Acro');
		assert.deepEqual(info.speakers, ['Jane Doe']);
		assert.match(info.warnings.join('\n'), /50 characters: the end of the title may be missing/);
		const cut = deriveSessionOffline('https://sessionize.com/s/jane-doe/building-accessible-design-systems-that-scale-acr-/81234');
		assert.equal(cut.title, 'Building Accessible Design Systems That Scale Acr…');
		const short = deriveSessionOffline('https://sessionize.com/s/jane-doe/css-container-queries-in-practice/81235');
		assert.equal(short.title, 'CSS Container Queries in Practice');
	});

	test('Should derive a FOSDEM 2026 title after the pretalx code and a CCC hub title without its suffix, marking a cut one (#11)', () => {
		const fosdem = deriveSessionOffline('https://fosdem.org/2026/schedule/event/SFKNTZ-welcome_to_fosdem_2026/');
		assert.equal(fosdem.title, 'Welcome to FOSDEM 2026');
		assert.match(fosdem.warnings.join('\n'), /editors chose/);
		// Real 38C3 URLs (the schedule export in test/fixtures/sessions/real).
		const cut = deriveSessionOffline('https://events.ccc.de/congress/2024/hub/de/event/telefonarmbander-aus-waschbarer-pappe-selberm_y92p/');
		assert.ok(cut.title.endsWith('Selberm…'), cut.title);
		assert.match(cut.warnings.join('\n'), /45 characters/);
		const whole = deriveSessionOffline('https://events.ccc.de/congress/2024/hub/de/event/libbitcoinkernel_yrz1/');
		assert.equal(whole.title.toLowerCase(), 'libbitcoinkernel');
	});

	test('Should warn that a Sched slug may carry the speakers (#5)', () => {
		const info = deriveSessionOffline('https://kccncna2023.sched.com/event/1R2pr/kubernetes-networking-deep-dive-jane-doe-acme-corp');
		assert.equal(info.title, 'Kubernetes Networking Deep Dive Jane Doe Acme Corp');
		assert.match(info.warnings.join('\n'), /speakers/);
		// The marker in the entry says what to check, since nothing tells the names apart offline (#11).
		assert.ok(formatSessionEntry(info).text.includes('\n<!-- title derived from the URL, which may end with the speakers and their company: check it -->\n'));
	});

	test('Should apply the writer\'s casing options (#5)', () => {
		const info = deriveSessionOffline('https://fosdem.org/2024/schedule/event/fosdem-2024-1683-who-s-testing-the-tests-mutation-testing-with-strykerjs/',
			{ dictionary: { strykerjs: 'StrykerJS' }, smallWords: 'ap' });
		assert.equal(info.title, 'Who\'s Testing the Tests Mutation Testing With StrykerJS');
	});
});
