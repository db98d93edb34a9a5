import * as assert from 'node:assert/strict';
import { joinLines } from '../../../src/core/text';
import { completionItems, findCompletionSite, type CompletionData, type CompletionSite } from '../../../src/core/writing/completions';

const CURSOR = '|';

/** The text without its `|` marker, and the marker's offset. */
function at(textWithCursor: string): { text: string; offset: number } {
	const offset = textWithCursor.indexOf(CURSOR);
	assert.ok(offset >= 0, 'the fixture marks the cursor with |');
	return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset };
}

const DATA: CompletionData = {
	now: '2025-03-07T21:05:09+01:00',
	taxonomies: ['tags', 'categories'],
	terms: new Map([
		['tags', [{ term: 'openstack', posts: 3 }, { term: 'kolla', posts: 2 }, { term: 'C++ Guild', posts: 1 }]],
		['categories', [{ term: 'conferences', posts: 2 }]],
	]),
	sitePaths: ['/images/2017/05/kolla-room.jpg', '/images/2017/05/boston-hynes.jpg', '/images/2017/05/notes.txt',
		'/images/2016/10/barcelona.png', '/images/logo.svg', '/content/images/2017/05/fwaas-slide.jpg', '/favicon.ico'],
};

function site(textWithCursor: string): { site: CompletionSite | undefined; text: string; offset: number } {
	const { text, offset } = at(textWithCursor);
	return { site: findCompletionSite(text, offset), text, offset };
}

/** Applies the first item whose label is `label` and returns the new text. */
function apply(textWithCursor: string, label: string): string {
	const { site: found, text } = site(textWithCursor);
	assert.ok(found, 'a completion site');
	const item = completionItems(found, DATA).find(i => i.label === label);
	assert.ok(item, `an item labelled ${label}`);
	return text.slice(0, item.replaceStart) + item.insertText + text.slice(item.replaceEnd);
}

function labels(textWithCursor: string): string[] {
	const { site: found } = site(textWithCursor);
	return found ? completionItems(found, DATA).map(i => i.label) : [];
}

suite('writing.completions', () => {
	test('Should offer Hugo fields not yet set at the start of a TOML line (#6)', () => {
		const offered = labels(joinLines('+++', 'title = "Boston"', 'dr|', '+++', 'Body'));
		assert.ok(offered.includes('draft'));
		assert.ok(offered.includes('date'));
		assert.ok(!offered.includes('title'), 'title is already set');
		assert.equal(offered[0], 'date', 'the fields of a write-up come first');
	});

	test('Should write the key in the syntax of the block (#6)', () => {
		const toml = site(joinLines('+++', 'dra|', '+++'));
		const draft = completionItems(toml.site!, DATA).find(i => i.label === 'draft')!;
		assert.equal(draft.insertText, 'draft = ${1|true,false|}');
		assert.equal(toml.text.slice(draft.replaceStart, draft.replaceEnd), 'dra');
		const yaml = completionItems(site(joinLines('---', 'ta|', '---')).site!, DATA).find(i => i.label === 'tags')!;
		assert.equal(yaml.insertText, 'tags: ["$1"]');
		const json = site(joinLines('{', '  "ti|', '}'));
		const title = completionItems(json.site!, DATA).find(i => i.label === 'title')!;
		assert.equal(title.insertText, '"title": "$1",');
		assert.equal(json.text.slice(title.replaceStart, title.replaceEnd), '"ti');
	});

	test('Should give each field a short doc (#6)', () => {
		const items = completionItems(site(joinLines('+++', '|', '+++')).site!, DATA);
		assert.ok(items.length >= 25);
		for (const item of items) {
			assert.ok((item.documentation ?? '').length > 10, `${item.label} is documented`);
		}
	});

	test('Should not offer Hugo fields under a TOML table or indented in YAML (#6)', () => {
		assert.deepEqual(labels(joinLines('+++', 'title = "x"', '[params]', 'ti|', '+++')), []);
		assert.deepEqual(labels(joinLines('---', 'params:', '  ti|', '---')), []);
	});

	test('Should offer nothing in the body, in code or in a comment (#6)', () => {
		assert.deepEqual(labels(joinLines('+++', 'title = "x"', '+++', '', 'dra|')), []);
		assert.deepEqual(labels(joinLines('+++', '+++', '```', '![x](/|', '```')), []);
		assert.deepEqual(labels(joinLines('+++', 'tags = [] # "op|', '+++')), []);
	});

	test('Should offer no image paths in a code span or an indented code block (#6)', () => {
		assert.deepEqual(labels(joinLines('+++', '+++', 'see `![a](/|')), []);
		assert.deepEqual(labels(joinLines('+++', '+++', 'see ``a ` ![a](/|')), []);
		assert.deepEqual(labels(joinLines('+++', '+++', 'Intro.', '', '    ![a](/|')), []);
		assert.deepEqual(labels(joinLines('+++', '+++', '', '\t![a](/|')), []);
		assert.deepEqual(labels(joinLines('+++', '+++', 'Intro.', '', '    code', '', '    ![a](/|')), []);
		// Closed code spans, a paragraph's indented continuation and a list item's paragraph are Markdown.
		assert.deepEqual(labels(joinLines('+++', '+++', 'see `code` ![a](/|')), ['content/', 'images/', 'favicon.ico']);
		assert.deepEqual(labels(joinLines('+++', '+++', 'Intro', '    ![a](/|')), ['content/', 'images/', 'favicon.ico']);
		assert.deepEqual(labels(joinLines('+++', '+++', '- item', '', '    ![a](/|')), ['content/', 'images/', 'favicon.ico']);
	});

	test('Should offer true and false for draft (#6)', () => {
		assert.deepEqual(labels(joinLines('+++', 'draft = |', '+++')), ['false', 'true']);
		assert.equal(apply(joinLines('+++', 'draft = t|', '+++'), 'true'), joinLines('+++', 'draft = true', '+++'));
		assert.deepEqual(labels(joinLines('---', 'draft: |', '---')), ['false', 'true']);
		// Right after the trigger character the value comes with its space.
		assert.equal(apply(joinLines('---', 'draft:|', '---'), 'false'), joinLines('---', 'draft: false', '---'));
		assert.equal(apply(joinLines('+++', 'draft =|', '+++'), 'false'), joinLines('+++', 'draft = false', '+++'));
	});

	test('Should offer now as a native date, quoted only in JSON or inside a string (#6)', () => {
		assert.equal(apply(joinLines('+++', 'date = |', '+++'), DATA.now), joinLines('+++', `date = ${DATA.now}`, '+++'));
		assert.equal(apply(joinLines('+++', 'lastmod = "|"', '+++'), DATA.now), joinLines('+++', `lastmod = "${DATA.now}"`, '+++'));
		assert.equal(apply(joinLines('---', 'Date: |', '---'), DATA.now), joinLines('---', `Date: ${DATA.now}`, '---'));
		assert.equal(apply(joinLines('{', '  "date": |', '}'), DATA.now), joinLines('{', `  "date": "${DATA.now}"`, '}'));
	});

	test('Should offer tags in the order of use, skipping those already listed (#6)', () => {
		assert.deepEqual(labels(joinLines('+++', 'tags = [|]', '+++')), ['openstack', 'kolla', 'C++ Guild']);
		assert.deepEqual(labels(joinLines('+++', 'tags = ["kolla", |]', '+++')), ['openstack', 'C++ Guild']);
		assert.deepEqual(labels(joinLines('+++', 'categories = [|', '+++')), ['conferences']);
	});

	test('Should insert a tag as a quoted element, a bare word inside quotes, or a whole list (#6)', () => {
		assert.equal(apply(joinLines('+++', 'tags = [|]', '+++'), 'kolla'), joinLines('+++', 'tags = ["kolla"]', '+++'));
		assert.equal(apply(joinLines('+++', 'tags = ["open", "ko|"]', '+++'), 'kolla'), joinLines('+++', 'tags = ["open", "kolla"]', '+++'));
		assert.equal(apply(joinLines('+++', 'tags = |', '+++'), 'openstack'), joinLines('+++', 'tags = ["openstack"]', '+++'));
		assert.equal(apply(joinLines('---', 'tags: [kolla, |]', '---'), 'openstack'), joinLines('---', 'tags: [kolla, openstack]', '---'));
		assert.equal(apply(joinLines('---', 'tags: [|]', '---'), 'C++ Guild'), joinLines('---', 'tags: ["C++ Guild"]', '---'));
	});

	test('Should offer nothing after a complete value, so Enter cannot append to it (#13)', () => {
		// Typing the closing quote triggers completions: the line is finished, nothing may be offered.
		assert.equal(site(joinLines('+++', 'date = "May 25, 2017"|', '+++')).site, undefined);
		assert.equal(site(joinLines('+++', 'tags = "summit"|', '+++')).site, undefined);
		assert.equal(site(joinLines('+++', 'draft = true |', '+++')).site, undefined);
		assert.equal(site(joinLines('---', 'tags: [kolla|]', '---')).site?.kind, 'value');
		assert.equal(site(joinLines('+++', 'tags = ["kolla"|]', '+++')).site, undefined);
		assert.equal(site(joinLines('+++', 'tags = ["kolla" |]', '+++')).site, undefined);
		assert.deepEqual(labels(joinLines('+++', 'tags = ["kolla", |]', '+++')), ['openstack', 'C++ Guild']);
		assert.deepEqual(labels(joinLines('+++', 'tags = ["kolla", "|', '+++')), ['openstack', 'C++ Guild']);
		assert.deepEqual(labels(joinLines('+++', 'date = |', '+++')), [DATA.now]);
	});

	test('Should close the quote it is typed in when nothing closes it yet (#13)', () => {
		assert.equal(apply(joinLines('+++', 'tags = ["|', '+++'), 'openstack'), joinLines('+++', 'tags = ["openstack"', '+++'));
		assert.equal(apply(joinLines('+++', 'tags = ["|]', '+++'), 'openstack'), joinLines('+++', 'tags = ["openstack"]', '+++'));
		assert.equal(apply(joinLines('+++', 'tags = ["ko|"]', '+++'), 'kolla'), joinLines('+++', 'tags = ["kolla"]', '+++'));
		assert.equal(apply(joinLines('---', 'tags: [\'|]', '---'), 'kolla'), joinLines('---', 'tags: [\'kolla\']', '---'));
		assert.equal(apply(joinLines('+++', 'lastmod = "|', '+++'), DATA.now), joinLines('+++', `lastmod = "${DATA.now}"`, '+++'));
	});

	test('Should complete tags in lists spread over lines (#6)', () => {
		assert.deepEqual(labels(joinLines('+++', 'tags = [', '  "openstack",', '  |', ']', '+++')), ['kolla', 'C++ Guild']);
		assert.deepEqual(labels(joinLines('---', 'tags:', '  - kolla', '  - |', '---')), ['openstack', 'C++ Guild']);
		assert.equal(apply(joinLines('---', 'tags:', '  - |', '---'), 'kolla'), joinLines('---', 'tags:', '  - kolla', '---'));
		// A closed list on an earlier line leaves the next line for keys.
		assert.ok(labels(joinLines('+++', 'tags = [', '"a"]', '|', '+++')).includes('title'));
	});

	test('Should complete image paths after / in an image reference, folders first, newest first (#6)', () => {
		assert.deepEqual(labels(joinLines('+++', '+++', 'See ![hall](/|')), ['content/', 'images/', 'favicon.ico']);
		assert.deepEqual(labels('![hall](/images/|'), ['2017/', '2016/', 'logo.svg']);
		assert.deepEqual(labels('![hall](/images/2017/05/|)'), ['boston-hynes.jpg', 'kolla-room.jpg']);
		assert.equal(apply('![hall](/images/2017/05/ko|)', 'kolla-room.jpg'), '![hall](/images/2017/05/kolla-room.jpg)');
		assert.equal(apply('Hall:\n{{< figure src="/images/2017/05/|" >}}', 'boston-hynes.jpg'), 'Hall:\n{{< figure src="/images/2017/05/boston-hynes.jpg" >}}');
		assert.deepEqual(labels('![hall](images/|'), [], 'relative paths are not site-root paths');
	});

	test('Should ask for the next segment after a folder is inserted (#6)', () => {
		const { site: found } = site('![x](/im|');
		const folder = completionItems(found!, DATA).find(i => i.label === 'images/');
		assert.equal(folder?.retrigger, true);
		assert.equal(folder?.kind, 'folder');
	});

	test('Should complete image paths in cover and images values (#6)', () => {
		assert.equal(apply(joinLines('+++', 'cover = "/images/2016/10/|"', '+++'), 'barcelona.png'), joinLines('+++', 'cover = "/images/2016/10/barcelona.png"', '+++'));
		assert.deepEqual(labels(joinLines('+++', 'cover = "|"', '+++')), ['/content/', '/images/', '/favicon.ico']);
		assert.deepEqual(labels(joinLines('+++', 'images = ["/images/logo.svg", "/images/|"]', '+++')), ['2017/', '2016/', 'logo.svg']);
		assert.deepEqual(labels(joinLines('---', 'cover: /images/|', '---')), ['2017/', '2016/', 'logo.svg']);
	});

	test('Should treat CRLF front matter like LF (#6)', () => {
		const { text, offset } = at(['+++', 'title = "x"', 'draft = |', '+++', ''].join('\r\n'));
		const found = findCompletionSite(text, offset);
		assert.deepEqual(completionItems(found!, DATA).map(i => i.label), ['false', 'true']);
	});

	test('Should complete keys in a front matter block not closed yet (#6)', () => {
		assert.ok(labels(joinLines('+++', 'title = "New post"', 'dr|')).includes('draft'));
	});
});
