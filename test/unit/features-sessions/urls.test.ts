import * as assert from 'node:assert/strict';
import { httpUrlProblem, splitUrls, urlsFromLines } from '../../../src/features/sessions/urls';

suite('features.sessions.urls', () => {
	test('Should accept http(s) URLs and explain what is wrong with anything else (#5)', () => {
		assert.equal(httpUrlProblem(' https://example.org/talk '), undefined);
		assert.match(httpUrlProblem('')!, /Paste the URL/);
		assert.match(httpUrlProblem('kolla talk')!, /Not a URL/);
		assert.match(httpUrlProblem('javascript:alert(1)')!, /Only http and https/);
		assert.match(httpUrlProblem('ftp://example.org/x')!, /Only http and https/);
		assert.match(httpUrlProblem('https://me:secret@example.org/x')!, /user name or password/);
	});

	test('Should split a pasted list on white space, commas and URLs run together (#5)', () => {
		assert.deepEqual(splitUrls('https://a.org/1\nhttps://b.org/2, <https://c.org/3>'), ['https://a.org/1', 'https://b.org/2', 'https://c.org/3']);
		// An input box drops the line breaks of a pasted list.
		assert.deepEqual(splitUrls('https://a.org/1https://b.org/2http://c.org/3'), ['https://a.org/1', 'https://b.org/2', 'http://c.org/3']);
		assert.deepEqual(splitUrls('https://a.org/go?to=https://b.org/x'), ['https://a.org/go?to=https://b.org/x'], 'a URL inside a query stays');
		assert.deepEqual(splitUrls('  \n '), []);
	});

	test('Should read a selection of one URL per line, as list items too, and refuse any other text (#5)', () => {
		assert.deepEqual(urlsFromLines('https://a.org/1\r\n\r\n- https://b.org/2\n* <https://c.org/3>\n'), ['https://a.org/1', 'https://b.org/2', 'https://c.org/3']);
		assert.equal(urlsFromLines('https://a.org/1\nSome notes'), undefined);
		assert.equal(urlsFromLines('https://a.org/1 https://b.org/2'), undefined);
		assert.equal(urlsFromLines('\n\n'), undefined);
	});
});
