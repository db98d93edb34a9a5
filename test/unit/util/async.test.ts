import * as assert from 'node:assert/strict';
import { KeyedDelayer } from '../../../src/util/async';

suite('util.keyedDelayer', () => {
	test('Should run a task asked for now at once, in place of the one still waiting for its key (#19)', async () => {
		const delayer = new KeyedDelayer(20);
		const ran: string[] = [];
		try {
			delayer.schedule('post', () => ran.push('typed'));
			delayer.schedule('other', () => ran.push('other'));
			delayer.schedule('post', () => ran.push('opened'), 'now');
			assert.deepEqual(ran, ['opened']);
			await new Promise(resolve => setTimeout(resolve, 60));
			// The waiting task of the same key was dropped; another key's still ran.
			assert.deepEqual(ran, ['opened', 'other']);
		} finally {
			delayer.dispose();
		}
	});
});
