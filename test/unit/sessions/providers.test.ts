import * as assert from 'node:assert/strict';
import { resolveSession } from '../../../src/core/sessions/resolve';
import { NodeHttpFetcher } from '../../../src/util/httpFetcher';
import { fixture, JSON_TYPE, startLoopbackServer, type LoopbackServer } from './loopback';

const SUBMISSION_QUERY = '?expand=speakers,slots.room&lang=en';

/** Every platform's host, routed to one loopback server by `Host` header: tests never touch the network. */
const HOSTS = [
	'www.openstack.org', 'openstackid-resources.openstack.org', '*.sched.com', 'sched.co', 'pretalx.com',
	'talks.example.org', 'program.example.net', 'fahrplan.events.ccc.de', 'sessionize.com', 'frab.example.org',
	'fosdem.org', 'archive.fosdem.org', 'pretalx.fosdem.org', 'events.ccc.de', 'conf.example.com',
	'blog.example.com', 'summit.example.org', 'evil.example', 'conf.example.org', 'events.example.net',
];

suite('sessions.providers', () => {
	let server: LoopbackServer;
	let fetcher: NodeHttpFetcher;

	suiteSetup(async () => {
		server = await startLoopbackServer({
			'www.openstack.org/summit/boston-2017/summit-schedule/events/18385/easier-openstack-deployment-novice-installation-using-kolla':
				{ body: fixture('openstack-event-18385.html') },
			'openstackid-resources.openstack.org/api/public/v1/summits/22/events/18236/published?expand=speakers,location':
				{ headers: JSON_TYPE, body: fixture('openstack-summit-api-18236.json') },
			// A summit outside the slug → id table, found by its slug (the ids are this server's own).
			'openstackid-resources.openstack.org/api/public/v1/summits/all/vancouver-2018': { headers: JSON_TYPE, body: JSON.stringify({ id: 9024, slug: 'vancouver-2018', name: 'OpenStack Summit Vancouver 2018' }) },
			'openstackid-resources.openstack.org/api/public/v1/summits/9024/events/18236/published?expand=speakers,location':
				{ headers: JSON_TYPE, body: fixture('openstack-summit-api-18236.json') },
			'www.openstack.org/videos/api/video/OpenStack-Plugin-for-Vault': { headers: JSON_TYPE, body: fixture('openstack-video-api.json') },
			'kccncna2023.sched.com/event/1R2pr/kubernetes-networking-deep-dive-jane-doe-acme-corp-jose-garcia-ejemplo-sa':
				{ body: fixture('sched-event.html') },
			'sched.co/1R2pr': { status: 301, headers: { location: 'https://kccncna2023.sched.com/event/1R2pr/kubernetes-networking-deep-dive-jane-doe-acme-corp-jose-garcia-ejemplo-sa' } },
			'ebpfsummit2024.sched.com/event/ke3a/cilium-the-hard-parts': { body: fixture('sched-event-subtitle.html') },
			'kccnceu2024.sched.com/event/1YeQ7/securing-the-supply-chain-alice-smith-example-inc': {
				status: 403, headers: { 'content-type': 'text/html', 'cf-mitigated': 'challenge' }, body: '<title>Just a moment...</title>',
			},
			[`pretalx.com/api/events/democon/submissions/ABC7QX/${SUBMISSION_QUERY}`]: { headers: JSON_TYPE, body: fixture('pretalx-submission.json') },
			'talks.example.org/api/events/conf2019/talks/XYZ37P/': { headers: JSON_TYPE, body: fixture('pretalx-legacy-talk.json') },
			'program.example.net/sessions/7/opening-keynote': { body: fixture('pretalx-self-hosted.html') },
			[`program.example.net/api/events/exconf/submissions/K3YN7E/${SUBMISSION_QUERY}`]: { headers: JSON_TYPE, body: fixture('pretalx-self-hosted-submission.json') },
			'fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HCKPLN/': { body: fixture('pretalx-talk-page.html') },
			'events.example.net/schedule/democon/talk/ABC7QX/': { body: fixture('pretalx-talk-page-api-link.html') },
			[`events.example.net/api/events/democon/submissions/ABC7QX/${SUBMISSION_QUERY}`]: { headers: JSON_TYPE, body: fixture('pretalx-submission.json') },
			'sessionize.com/s/jane-doe/building-accessible-design-systems-that-scale-acro/81234': { body: fixture('sessionize-session.html') },
			'sessionize.com/jane-doe': { body: fixture('sessionize-profile.html') },
			'sessionize.com/s/jane-doe/observability-on-a-budget/81240': { body: fixture('sessionize-session-og-only.html') },
			'sessionize.com/s/john-roe/observability-on-a-budget/81241': { body: fixture('sessionize-session-og-only.html') },
			'frab.example.org/en/democon2019/public/events/1234': { body: fixture('frab-event.html') },
			'fahrplan.events.ccc.de/congress/2019/Fahrplan/schedule.json': { headers: JSON_TYPE, body: fixture('c3voc-schedule-v1.json') },
			'fosdem.org/2024/schedule/event/fosdem-2024-1683-who-s-testing-the-tests-mutation-testing-with-strykerjs/': { body: fixture('fosdem-event.html') },
			'pretalx.fosdem.org/fosdem-2024/schedule/export/schedule.json': {
				headers: JSON_TYPE,
				body: JSON.stringify({ schedule: { conference: { days: [{ rooms: { 'K.1.105 (La Fontaine)': [{
					id: 2412, title: 'Ephemeral Environments with Nix', date: '2024-02-04T12:00:00+01:00', room: 'K.1.105 (La Fontaine)',
					persons: [{ name: 'Łukasz Żółw' }], abstract: 'Throwaway shells.',
				}] } }] } } }),
			},
			'events.ccc.de/congress/2023/hub/en/event/fnord-news-show/': { body: fixture('ccc-hub-event.html') },
			'conf.example.com/2025/talks/rust-in-the-linux-kernel': { body: fixture('generic-jsonld-graph.html') },
			'blog.example.com/events/kubernetes-at-scale': { body: fixture('generic-og.html') },
			'summit.example.org/agenda/zero-trust-networking-a-primer.html': { body: fixture('generic-title-only.html') },
			'evil.example/talks/exploit': { body: fixture('hostile.html') },
			'conf.example.org/indico/event/12/contributions/34/': { body: fixture('indico-contribution.html') },
			'conf.example.org/events/summer-conf-2025/sessions/123': { body: fixture('indico-contribution.html') },
			'conf.example.org/program/session/4567': { body: fixture('generic-numeric-id.html') },
			'conf.example.org/ld/4567': { body: fixture('generic-numeric-id.html') },
			'conf.example.com/2025/talks/huge-talk': { body: `<script type="application/ld+json">${JSON.stringify({
				'@type': 'Event', 'name': `Huge Talk ${'x'.repeat(5_000)}`,
				'performer': Array.from({ length: 500 }, (_, i) => ({ name: `${'Name'.repeat(30)} ${i}` })),
			})}</script>` },
		});
		fetcher = new NodeHttpFetcher({ hostMap: server.hostMap(...HOSTS), timeoutMs: 2_000 });
	});

	suiteTeardown(() => server.close());

	const resolve = (url: string) => resolveSession(url, { fetcher, casing: { dictionary: { strykerjs: 'StrykerJS' } } });

	test('Should read an OpenStack 2017 event page: og:title, speakers, local time and room, not the generic h1 (#5)', async () => {
		const url = 'https://www.openstack.org/summit/boston-2017/summit-schedule/events/18385/easier-openstack-deployment-novice-installation-using-kolla';
		const info = await resolve(url);
		assert.equal(info.title, 'Easier OpenStack Deployment: Novice Installation Using Kolla');
		assert.deepEqual(info.speakers, ['Michał Jastrzębski', 'Steven Dake']);
		assert.equal(info.start, '2017-05-09T14:50');
		assert.equal(info.room, 'Hynes Convention Center - Level One - MR 104');
		assert.equal(info.derived, false);
		assert.equal(info.url, url);
		assert.equal(info.source, 'og');
		// The summit API was asked first and answered 404.
		assert.ok(server.requests.some(r => r.key.startsWith('openstackid-resources.openstack.org/api/public/v1/summits/22/events/18385/published')));
	});

	test('Should read an OpenStack event from the public summit API (#5)', async () => {
		const info = await resolve('https://www.openstack.org/summit/boston-2017/summit-schedule/events/18236/fwaas-v2-a-new-beginning');
		assert.equal(info.title, 'FWaaS v2: A New Beginning');
		assert.deepEqual(info.speakers, ['Nate Johnston', 'Sridar Kandaswamy']);
		assert.equal(info.start, '2017-05-09T18:50:00Z');
		assert.equal(info.room, 'MR 102');
		assert.equal(info.abstract, 'Firewall-as-a-Service v2 applies rules per port instead of per router.');
		assert.equal(info.source, 'openstack-api');
	});

	test('Should find a summit outside the known ones by its slug, then read the event from the summit API (#17)', async () => {
		const info = await resolve('https://www.openstack.org/summit/vancouver-2018/summit-schedule/events/18236/fwaas-v2-a-new-beginning');
		assert.equal(info.title, 'FWaaS v2: A New Beginning');
		assert.deepEqual(info.speakers, ['Nate Johnston', 'Sridar Kandaswamy']);
		assert.equal(info.source, 'openstack-api');
	});

	test('Should read an OpenStack video from the videos API (#5)', async () => {
		const info = await resolve('https://www.openstack.org/videos/berlin-2022/OpenStack-Plugin-for-Vault');
		assert.equal(info.title, 'OpenStack Plugin for Vault');
		assert.deepEqual(info.speakers, ['Ana Krivokapić', 'Grzegorz Grasza']);
		assert.equal(info.abstract, 'Storing OpenStack secrets in Vault.');
		assert.equal(info.source, 'openstack-video-api');
	});

	test('Should read a Sched page and cut the speaker suffix that names the parsed speakers (#5)', async () => {
		const info = await resolve('https://kccncna2023.sched.com/event/1R2pr/kubernetes-networking-deep-dive-jane-doe-acme-corp-jose-garcia-ejemplo-sa');
		assert.equal(info.title, 'Kubernetes Networking Deep Dive');
		assert.deepEqual(info.speakers, ['Jane Doe', 'José García']);
		assert.equal(info.start, '2023-11-07T11:00');
		assert.equal(info.room, 'W183c');
		assert.equal(info.abstract, 'Services, EndpointSlices and the gateway API, from packet to pod.');
	});

	test('Should keep a Sched subtitle after a dash when it is not the speakers (#5)', async () => {
		const info = await resolve('https://ebpfsummit2024.sched.com/event/ke3a/cilium-the-hard-parts');
		assert.equal(info.title, 'Cilium - The Hard Parts');
		assert.deepEqual(info.speakers, ['Liz Rice']);
		assert.equal(info.room, 'Main Hall');
	});

	test('Should follow a sched.co short link to the session page (#5)', async () => {
		const info = await resolve('https://sched.co/1R2pr');
		assert.equal(info.title, 'Kubernetes Networking Deep Dive');
		assert.equal(info.url, 'https://sched.co/1R2pr');
	});

	test('Should fall back to the offline entry with a warning behind a Sched 403 challenge (#5)', async () => {
		const info = await resolve('https://kccnceu2024.sched.com/event/1YeQ7/securing-the-supply-chain-alice-smith-example-inc');
		assert.equal(info.derived, true);
		assert.equal(info.source, 'offline');
		assert.equal(info.title, 'Securing the Supply Chain Alice Smith Example Inc');
		assert.match(info.warnings.join('\n'), /403.*challenge/);
	});

	test('Should read a pretalx talk from the submissions API on pretalx.com (#5)', async () => {
		const info = await resolve('https://pretalx.com/democon/talk/abc7qx/');
		assert.equal(info.title, 'Reproducible Builds: Where Are We Now?');
		assert.deepEqual(info.speakers, ['Chris Lamb', 'Holger Levsen']);
		assert.equal(info.start, '2025-03-15T10:30:00+01:00');
		assert.equal(info.room, 'Saal 1');
		assert.equal(info.abstract, 'Ten years of bit-for-bit identical builds.');
		assert.equal(info.source, 'pretalx-api');
	});

	test('Should fall back to the legacy pretalx talks API and read translated titles (#5)', async () => {
		const info = await resolve('https://talks.example.org/conf2019/talk/XYZ37P');
		assert.equal(info.title, 'Community Maintained Firmware');
		assert.deepEqual(info.speakers, ['Zoë Ångström']);
		assert.equal(info.start, '2019-08-22T14:00:00+02:00');
		assert.equal(info.room, 'Hall B');
		assert.equal(info.abstract, 'Why & how.');
	});

	test('Should detect a self-hosted pretalx by its generator and follow its API link (#5)', async () => {
		const info = await resolve('https://program.example.net/sessions/7/opening-keynote');
		assert.equal(info.title, 'Opening Keynote');
		assert.deepEqual(info.speakers, ['Ada Lovelace']);
		assert.equal(info.room, 'Aula');
		assert.equal(info.source, 'pretalx-api');
	});

	test('Should read a pretalx talk page under a path prefix when its API is not reachable (#5)', async () => {
		const info = await resolve('https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HCKPLN/');
		assert.equal(info.title, 'Hacking the Planet (Again)');
		assert.deepEqual(info.speakers, ['Jörg Müller']);
		assert.ok(server.requests.some(r => r.key === `fahrplan.events.ccc.de/congress/2024/api/events/fahrplan/submissions/HCKPLN/${SUBMISSION_QUERY}`));
	});

	test('Should follow the API link of a pretalx talk page when the API is not under the talk URL', async () => {
		const info = await resolve('https://events.example.net/schedule/democon/talk/ABC7QX/');
		assert.equal(info.title, 'Reproducible Builds: Where Are We Now?');
		assert.deepEqual(info.speakers, ['Chris Lamb', 'Holger Levsen']);
		assert.equal(info.source, 'pretalx-api');
		assert.ok(server.requests.some(r => r.key.startsWith('events.example.net/schedule/api/events/democon/submissions/ABC7QX/')));
	});

	test('Should read a Sessionize page whose slug was cut, keeping the full title (#5)', async () => {
		const info = await resolve('https://sessionize.com/s/jane-doe/building-accessible-design-systems-that-scale-acro/81234');
		assert.equal(info.title, 'Building Accessible Design Systems That Scale Across Teams: Lessons from Five Products');
		assert.deepEqual(info.speakers, ['Jane Doe-Smith']);
	});

	test('Should find a Sessionize session on the speaker profile when its page is gone (#5)', async () => {
		const info = await resolve('https://sessionize.com/s/jane-doe/css-container-queries-in-practice/81235');
		assert.equal(info.title, 'CSS Container Queries in Practice');
		assert.deepEqual(info.speakers, ['Jane Doe-Smith']);
		assert.equal(info.abstract, 'Layouts that respond to their container.');
		assert.equal(info.source, 'sessionize-profile');
	});

	test('Should take the speaker from the profile when the Sessionize page names none', async () => {
		const info = await resolve('https://sessionize.com/s/jane-doe/observability-on-a-budget/81240');
		assert.equal(info.title, 'Observability on a Budget');
		assert.deepEqual(info.speakers, ['Jane Doe-Smith']);
		assert.equal(info.source, 'og');
		assert.deepEqual(info.warnings, []);
	});

	test('Should keep the speaker guessed from the Sessionize handle, with a warning, when neither page names one', async () => {
		const info = await resolve('https://sessionize.com/s/john-roe/observability-on-a-budget/81241');
		assert.equal(info.title, 'Observability on a Budget');
		assert.deepEqual(info.speakers, ['John Roe']);
		assert.equal(info.derived, false);
		assert.match(info.warnings.join('\n'), /guessed from the Sessionize handle/);
	});

	test('Should read a frab event page from its JSON-LD (#5)', async () => {
		const info = await resolve('https://frab.example.org/en/democon2019/public/events/1234');
		assert.equal(info.title, 'Decentralised Identity for Everyone');
		assert.deepEqual(info.speakers, ['Amélie Dupont', 'Bjørn Nilsen']);
		assert.equal(info.start, '2019-08-21T14:00:00+0100');
		assert.equal(info.room, 'Room Ada');
		assert.equal(info.source, 'json-ld');
	});

	test('Should find a frab static export event in the C3VOC schedule.json next to it (#5)', async () => {
		const info = await resolve('https://fahrplan.events.ccc.de/congress/2019/Fahrplan/events/10523.html');
		// The heading is the talk's title; the subtitle has a placeholder of its own (#11).
		assert.equal(info.title, 'The Ecosystem Is Moving');
		assert.equal(info.subtitle, 'Challenges for distributed and secure communication');
		assert.deepEqual(info.speakers, ['Moxie Marlinspike']);
		assert.equal(info.start, '2019-12-27T16:10:00+01:00');
		assert.equal(info.room, 'Borg');
		assert.equal(info.source, 'c3voc-schedule');
	});

	test('Should read a FOSDEM page by DC.Title with its speakers table and room (#5)', async () => {
		const info = await resolve('https://fosdem.org/2024/schedule/event/fosdem-2024-1683-who-s-testing-the-tests-mutation-testing-with-strykerjs/');
		assert.equal(info.title, 'Who\'s Testing the Tests? Mutation testing with StrykerJS');
		assert.deepEqual(info.speakers, ['Nico Jansen']);
		assert.equal(info.room, 'UB2.252A (Lameere)');
		assert.equal(info.abstract, 'Code coverage lies. Mutants do not.');
		assert.equal(info.source, 'dc-title');
	});

	test('Should find a FOSDEM 2024 talk in the pretalx schedule export when the page is gone (#5)', async () => {
		const info = await resolve('https://archive.fosdem.org/2024/schedule/event/fosdem-2024-2412-ephemeral-environments-with-nix/');
		assert.equal(info.title, 'Ephemeral Environments with Nix');
		assert.deepEqual(info.speakers, ['Łukasz Żółw']);
		assert.equal(info.room, 'K.1.105 (La Fontaine)');
	});

	test('Should read a CCC hub page without its site name (#5)', async () => {
		const info = await resolve('https://events.ccc.de/congress/2023/hub/en/event/fnord-news-show/');
		assert.equal(info.title, 'Fnord News Show');
	});

	test('Should prefer a JSON-LD Event inside @graph on a generic page (#5)', async () => {
		const info = await resolve('https://conf.example.com/2025/talks/rust-in-the-linux-kernel');
		assert.equal(info.title, 'Rust in the Linux Kernel: Two Years In');
		assert.deepEqual(info.speakers, ['Michał Jastrzębski', 'Miguel Ojeda']);
		assert.equal(info.start, '2025-09-18T10:00:00+02:00');
		assert.equal(info.room, 'Hall 3');
		assert.equal(info.abstract, 'What the first drivers taught us.');
		assert.equal(info.source, 'json-ld');
	});

	test('Should strip the site name from og:title and reject generic headings (#5)', async () => {
		const info = await resolve('https://blog.example.com/events/kubernetes-at-scale');
		assert.equal(info.title, 'Kubernetes at Scale');
		assert.equal(info.source, 'og');
	});

	test('Should cut the site name off a <title> scored against the slug (#5)', async () => {
		const info = await resolve('https://summit.example.org/agenda/zero-trust-networking-a-primer.html');
		assert.equal(info.title, 'Zero Trust Networking: A Primer');
		assert.equal(info.source, 'title');
	});

	test('Should read the page title when the URL ends in a numeric ID after a page-type word (Indico)', async () => {
		const info = await resolveSession('http://conf.example.org/indico/event/12/contributions/34/', { fetcher, fallback: false });
		assert.equal(info.title, 'Measuring eBPF Overhead');
		assert.equal(info.derived, false);
		assert.equal(info.source, 'og');
		assert.equal(info.abstract, 'Where the cycles go when every packet runs a program.');
	});

	test('Should read the page title when the URL ends in a numeric ID', async () => {
		for (const url of ['http://conf.example.org/program/session/4567', 'http://conf.example.org/ld/4567',
			'http://conf.example.org/events/summer-conf-2025/sessions/123']) {
			const info = await resolveSession(url, { fetcher, fallback: false });
			assert.equal(info.title, 'Measuring eBPF Overhead', url);
			assert.equal(info.source, 'og', url);
		}
	});

	test('Should fall back offline with the reason when a page is missing (#5)', async () => {
		const info = await resolve('https://conf.example.com/2025/talks/no-such-talk');
		assert.equal(info.derived, true);
		assert.equal(info.title, 'No Such Talk');
		assert.match(info.warnings.join('\n'), /404/);
	});

	test('Should throw instead of falling back when fallback is off (#5)', async () => {
		await assert.rejects(resolveSession('https://conf.example.com/2025/talks/no-such-talk', { fetcher, fallback: false }), /404/);
	});

	test('Should bound oversized remote text: title, speakers and their number (#5)', async () => {
		const info = await resolve('https://conf.example.com/2025/talks/huge-talk');
		assert.equal(info.title.length, 300);
		assert.ok(info.title.startsWith('Huge Talk ') && info.title.endsWith('…'));
		assert.equal(info.speakers.length, 30);
		assert.equal(info.speakers[0], `${'Name'.repeat(29)}Nam…`);
		assert.match(info.warnings.join('\n'), /first 30 of 500 speakers/);
	});

	test('Should keep hostile remote text as plain text in SessionInfo (#5)', async () => {
		const info = await resolve('https://evil.example/talks/exploit');
		assert.match(info.title, /^Exploit <img src=x onerror=alert\(1\)> \[x\]\(javascript:alert\(1\)\) \{\{< shortcode >\}\}/);
		assert.ok(!info.title.includes('\n'));
		assert.equal(info.speakers.length, 4);
	});
});

suite('sessions.resolve', () => {
	test('Should return the offline entry with a warning when no fetcher is given (#5)', async () => {
		const info = await resolveSession('https://www.openstack.org/summit/boston-2017/summit-schedule/events/18236/fwaas-v2-a-new-beginning', {});
		assert.equal(info.title, 'FWaaS v2 a New Beginning');
		assert.equal(info.derived, true);
		assert.match(info.warnings.join('\n'), /Fetching is off/);
	});

	test('Should reject a non-http URL whatever the options (#5)', async () => {
		await assert.rejects(resolveSession('javascript:alert(1)', { offline: true }), /Only http and https/);
		await assert.rejects(resolveSession('not a url', {}), /Not a URL/);
	});

	test('Should stop and report cancellation when the signal fires mid-lookup (#5)', async () => {
		const server = await startLoopbackServer({ '/talks/slow-talk': { handle: () => { /* never answers */ } } });
		try {
			const controller = new AbortController();
			const fetcher = new NodeHttpFetcher({ hostMap: server.hostMap('slow.example') });
			const pending = resolveSession('https://slow.example/talks/slow-talk', { fetcher, signal: controller.signal });
			setImmediate(() => controller.abort());
			await assert.rejects(pending, (error: Error & { kind?: string }) => error.kind === 'cancelled');
		} finally {
			await server.close();
		}
	});

	test('Should bound the whole lookup and fall back when a server never answers (#5)', async () => {
		const server = await startLoopbackServer({ '/talks/slow-talk': { handle: () => { /* never answers */ } } });
		try {
			const fetcher = new NodeHttpFetcher({ hostMap: server.hostMap('slow.example'), timeoutMs: 10_000 });
			const info = await resolveSession('https://slow.example/talks/slow-talk', { fetcher, timeoutMs: 200 });
			assert.equal(info.derived, true);
			assert.equal(info.title, 'Slow Talk');
			assert.match(info.warnings.join('\n'), /no answer within/);
		} finally {
			await server.close();
		}
	});

	test('Should serve HTML of any content for unknown hosts only through the map: no real network (#5)', () => {
		assert.throws(() => new NodeHttpFetcher({ hostMap: { 'www.openstack.org': 'http://203.0.113.7:80' } }), /loopback/);
	});
});
