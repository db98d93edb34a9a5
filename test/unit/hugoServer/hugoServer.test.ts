// What hugo 0.111.3's server prints, copied from its output (tests/hugo server runs on the sample site).
import * as assert from 'node:assert/strict';
import { buildErrorIn, commandLine, hugoServerArguments, isMissingConfigurationIn, isPortTakenIn, pageAddressOn, servedAddressIn } from '../../../src/core/hugoServer/hugoServer';

suite('core.hugoServer', () => {
	test('Should serve drafts, future and expired posts on loopback at the root (#16)', () => {
		const args = hugoServerArguments({ source: '/blog site', port: 1400 });
		assert.deepEqual(args.slice(0, 7), ['server', '--source', '/blog site', '--bind', '127.0.0.1', '--port', '1400']);
		for (const flag of ['--buildDrafts', '--buildFuture', '--buildExpired']) {
			assert.ok(args.includes(flag), flag);
		}
		assert.equal(args[args.indexOf('--baseURL') + 1], 'http://127.0.0.1/');
		assert.equal(commandLine('hugo', args.slice(0, 3)), `hugo server --source '/blog site'`);
	});

	test('Should read the address, a taken port and a missing configuration from Hugo\'s words (#16)', () => {
		assert.equal(servedAddressIn('Web Server is available at http://127.0.0.1:18999/ (bind address 127.0.0.1)'), 'http://127.0.0.1:18999');
		assert.equal(servedAddressIn('Watching for changes in /tmp/hs/{archetypes,content}'), undefined);
		assert.ok(isPortTakenIn('Error: Server startup failed: listen tcp 127.0.0.1:18997: bind: address already in use'));
		assert.ok(isMissingConfigurationIn('Error: Unable to locate config file or config directory. Perhaps you need to create a new site.'));
		assert.equal(buildErrorIn('Error: Server startup failed: listen tcp 127.0.0.1:18997: bind: address already in use'), undefined);
	});

	test('Should name the file, line and column of a build error (#16)', () => {
		assert.deepEqual(buildErrorIn('Error: Error building site: "/tmp/hs/content/post/broken.md:2:11": unmarshal failed: toml: basic strings cannot have new lines'), {
			message: 'unmarshal failed: toml: basic strings cannot have new lines', file: '/tmp/hs/content/post/broken.md', line: 2, column: 11,
		});
		assert.deepEqual(buildErrorIn('Error: something else went wrong'), { message: 'something else went wrong' });
		assert.equal(buildErrorIn('Built in 3 ms'), undefined);
	});

	test('Should join the server address and a page folder (#16)', () => {
		assert.equal(pageAddressOn('http://127.0.0.1:1400', '/post/x/'), 'http://127.0.0.1:1400/post/x/');
		assert.equal(pageAddressOn('http://127.0.0.1:1400/', 'post/x/'), 'http://127.0.0.1:1400/post/x/');
	});
});
