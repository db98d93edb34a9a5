import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { listed } from '../helpers/cliEntry';
import type { CliIo } from '../../../src/cli/io';
import { createSessionCommand } from '../../../src/cli/sessionCommand';
import type { SessionInfo } from '../../../src/core/sessions/types';
import { NodeHttpFetcher } from '../../../src/util/httpFetcher';
import { fixture, JSON_TYPE, startLoopbackServer, type LoopbackServer } from './loopback';

const CLI = path.resolve(__dirname, '../../../../dist/cli.mjs');
const KOLLA = 'https://www.openstack.org/summit/boston-2017/summit-schedule/events/18385/easier-openstack-deployment-novice-installation-using-kolla';
const FWAAS = 'https://www.openstack.org/summit/boston-2017/summit-schedule/events/18236/fwaas-v2-a-new-beginning';
const HOSTS = ['www.openstack.org', 'openstackid-resources.openstack.org', 'evil.example'];

function captureIo(): CliIo & { out: string; err: string } {
	const io = { out: '', err: '', cwd: '/', stdout(t: string) { io.out += t; }, stderr(t: string) { io.err += t; } };
	return io;
}

/** Runs the bundled CLI as a user would, with the loopback host map as the only way out. */
function spawnCli(args: string[], hostMap?: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
	assert.ok(existsSync(CLI), `${CLI} is missing: run 'node esbuild.mjs' first`);
	return new Promise((resolve, reject) => {
		const env = { ...process.env };
		delete env.EVENT_WRITEUP_TEST_HOST_MAP;
		if (hostMap) {
			env.EVENT_WRITEUP_TEST_HOST_MAP = JSON.stringify(hostMap);
		}
		const child = spawn(process.execPath, [CLI, 'session', ...args], { env });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => { stdout += chunk; });
		child.stderr.on('data', chunk => { stderr += chunk; });
		child.on('error', reject);
		child.on('close', code => resolve({ code, stdout, stderr }));
	});
}

suite('cli.session', () => {
	let server: LoopbackServer;

	suiteSetup(async () => {
		server = await startLoopbackServer({
			[`www.openstack.org${new URL(KOLLA).pathname}`]: { body: fixture('openstack-event-18385.html') },
			'openstackid-resources.openstack.org/api/public/v1/summits/22/events/18236/published?expand=speakers,location':
				{ headers: JSON_TYPE, body: fixture('openstack-summit-api-18236.json') },
			'evil.example/talks/exploit': { body: fixture('hostile.html') },
		});
	});

	suiteTeardown(() => server.close());

	const command = () => createSessionCommand(() => new NodeHttpFetcher({ hostMap: server.hostMap(...HOSTS), timeoutMs: 2_000 }));

	test('Should print the entry as the editor inserts it, from the loopback page (#5)', async () => {
		const io = captureIo();
		assert.equal(await runCli(['session', KOLLA], io, [listed(command())]), 0);
		assert.equal(io.out, [
			'#### Easier OpenStack Deployment: Novice Installation Using Kolla', '', '- Michał Jastrzębski', '- Steven Dake',
			`- [${KOLLA}](${KOLLA})`, '', '',
		].join('\n'));
		assert.equal(io.err, '');
	});

	test('Should print the SessionInfo as JSON (#5)', async () => {
		const io = captureIo();
		assert.equal(await runCli(['session', '--format', 'json', FWAAS], io, [listed(command())]), 0);
		const info = JSON.parse(io.out) as SessionInfo;
		assert.deepEqual({ ...info, abstract: undefined }, {
			title: 'FWaaS v2: A New Beginning', speakers: ['Nate Johnston', 'Sridar Kandaswamy'], url: FWAAS,
			abstract: undefined, start: '2017-05-09T18:50:00Z', room: 'MR 102', source: 'openstack-api', derived: false, warnings: [],
		});
	});

	test('Should fall back to the derived entry with warnings on stderr, or fail with --no-fallback (#5)', async () => {
		const missing = 'https://www.openstack.org/summit/boston-2017/summit-schedule/events/99999/a-talk-that-is-gone';
		const io = captureIo();
		assert.equal(await runCli(['session', missing], io, [listed(command())]), 0);
		assert.match(io.out, /^#### A Talk That is Gone\n<!-- title derived from the URL: check it -->\n/);
		assert.match(io.err, /warning: Could not read the session online \(.*404/);
		const strict = captureIo();
		assert.equal(await runCli(['session', '--no-fallback', missing], strict, [listed(command())]), 1);
		assert.equal(strict.out, '');
		assert.match(strict.err, /404/);
	});

	test('Should apply --word and --small-words to a derived title (#5)', async () => {
		const io = captureIo();
		const url = 'https://fosdem.org/2024/schedule/event/fosdem-2024-1683-who-s-testing-the-tests-mutation-testing-with-strykerjs/';
		assert.equal(await runCli(['session', '--offline', '--word', 'strykerjs=StrykerJS', '--small-words', 'ap', url], io, [listed(command())]), 0);
		assert.match(io.out, /^#### Who's Testing the Tests Mutation Testing With StrykerJS\n/);
	});

	test('Should exit 2 on a bad command line and 1 on a URL that cannot be looked up (#5)', async () => {
		for (const args of [['session'], ['session', '--format', 'yaml', KOLLA], ['session', '--bogus', KOLLA], ['session', 'a', 'b'],
			['session', '--offline', '--no-fallback', KOLLA], ['session', '--word', 'strykerjs', KOLLA], ['session', '--small-words', 'mla', KOLLA]]) {
			const io = captureIo();
			assert.equal(await runCli(args, io, [listed(command())]), 2, args.join(' '));
			assert.equal(io.out, '');
		}
		const io = captureIo();
		assert.equal(await runCli(['session', 'javascript:alert(1)'], io, [listed(command())]), 1);
		assert.equal(io.out, '');
		assert.match(io.err, /Only http and https/);
	});

	test('Should run offline from the bundled binary (#5)', async function () {
		this.timeout(20_000);
		const result = await spawnCli(['--offline', FWAAS]);
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stdout, `#### FWaaS v2 a New Beginning\n<!-- title derived from the URL: check it -->\n\n- [${FWAAS}](${FWAAS})\n\n`);
		assert.match(result.stderr, /^warning: Title derived from the URL/);
		const json = await spawnCli(['--offline', '--format', 'json', 'https://fosdem.org/2024/schedule/event/fosdem-2024-3141-don-t-panic-a-guide-to-rust-in-the-kernel-/']);
		assert.equal((JSON.parse(json.stdout) as SessionInfo).title, 'Don\'t Panic a Guide to Rust in the Kernel');
	});

	test('Should look up through the testing host map from the bundled binary, escaping hostile text (#5)', async function () {
		this.timeout(20_000);
		const result = await spawnCli([FWAAS], server.hostMap(...HOSTS));
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /^#### FWaaS v2: A New Beginning\n\n- Nate Johnston\n- Sridar Kandaswamy\n/);
		const hostile = await spawnCli(['https://evil.example/talks/exploit'], server.hostMap(...HOSTS));
		assert.equal(hostile.code, 0, hostile.stderr);
		// Every markup character arrives backslash-escaped.
		assert.ok(!/(?<!\\)<img|(?<!\\)\]\(javascript|\{\{|^#### injected/m.test(hostile.stdout), hostile.stdout);
		assert.match(hostile.stdout, /^#### Exploit \\<img src=x onerror=alert\(1\)\\> \\\[x\\\]\(javascript/);
		assert.equal(hostile.stdout.split('\n').filter(line => line.startsWith('#')).length, 1);
	});

	test('Should fail with exit 1 and nothing on stdout when the binary cannot look up and may not fall back (#5)', async function () {
		this.timeout(20_000);
		const result = await spawnCli(['--no-fallback', 'https://evil.example/talks/not-there'], server.hostMap(...HOSTS));
		assert.equal(result.code, 1);
		assert.equal(result.stdout, '');
		assert.match(result.stderr, /^event-writeup session: .*404/);
	});

	test('Should refuse a host map that points anywhere but loopback (#5)', async function () {
		this.timeout(20_000);
		const result = await spawnCli(['--no-fallback', FWAAS], { 'www.openstack.org': 'http://198.51.100.1' });
		assert.equal(result.code, 1);
		assert.equal(result.stdout, '');
		assert.match(result.stderr, /loopback/);
	});
});
