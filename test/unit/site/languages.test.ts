import * as assert from 'node:assert/strict';
import { MemoryFileReader } from '../../../src/core/fs/memoryFileReader';
import { findHugoSite } from '../../../src/core/site/hugoSite';
import { readLanguages, splitLanguageSuffix } from '../../../src/core/site/languages';
import { bundleKind, pageBaseUrl } from '../../../src/core/site/pages';
import { joinLines } from '../../../src/core/text';

suite('site.languages', () => {
	test('Should prefix every language but the default, or all with defaultContentLanguageInSubdir, none on a one-language site (#10)', () => {
		const two = { languages: { en: { weight: 1 }, fr: { weight: 2 } } };
		assert.deepEqual(readLanguages('/s', two).languages.map(l => [l.code, l.urlPrefix]), [['en', ''], ['fr', 'fr']]);
		assert.deepEqual(readLanguages('/s', { ...two, defaultcontentlanguageinsubdir: true }).languages.map(l => l.urlPrefix), ['en', 'fr']);
		assert.deepEqual(readLanguages('/s', { defaultcontentlanguageinsubdir: true, languages: { en: {} } }).languages.map(l => l.urlPrefix), ['']);
		assert.deepEqual(readLanguages('/s', {}).languages, [{ code: 'en', urlPrefix: '' }]);
		// One host per language: no language folder at all.
		const hosts = { languages: { en: { baseurl: 'https://a.example/' }, fr: { baseurl: 'https://b.example/' } } };
		assert.deepEqual(readLanguages('/s', hosts).languages.map(l => l.urlPrefix), ['', '']);
	});

	test('Should put the default language first, then sort by weight, and leave disabled languages out (#10)', () => {
		const languages = readLanguages('/s', {
			defaultcontentlanguage: 'DE',
			disablelanguages: ['IT'],
			languages: { en: { weight: 1 }, it: { weight: 2 }, fr: { weight: 3, contentdir: 'content/fr' }, de: { weight: 9 }, nl: {} },
		});
		assert.equal(languages.defaultCode, 'de');
		assert.deepEqual(languages.languages.map(l => l.code), ['de', 'en', 'fr', 'nl']);
		assert.equal(languages.languages.find(l => l.code === 'fr')?.contentDir, '/s/content/fr');
	});

	test('Should take a language suffix off a content file name only for a language of the site (#10)', () => {
		const languages = readLanguages('/s', { languages: { en: {}, 'zh-cn': {} } });
		assert.deepEqual(splitLanguageSuffix('about.zh-cn', languages), { stem: 'about', code: 'zh-cn' });
		assert.deepEqual(splitLanguageSuffix('about.de', languages), { stem: 'about.de' });
		assert.deepEqual(splitLanguageSuffix('about', languages), { stem: 'about' });
		assert.equal(bundleKind('/s/content/post/x/index.zh-cn.md'), 'leaf');
		assert.equal(bundleKind('/s/content/post/_index.fr.md'), 'branch');
		assert.equal(bundleKind('/s/content/post/indexes.md'), undefined);
	});

	test('Should read language files of a config folder as Hugo 0.111.3 does: languages.de.toml is languages.de, params.fr.toml its params (#10)', async () => {
		const files = new MemoryFileReader({
			'/s/config/_default/hugo.toml': 'defaultContentLanguage = "en"',
			'/s/config/_default/languages.en.toml': 'weight = 1',
			'/s/config/_default/languages.de.toml': joinLines('weight = 2', 'contentDir = "content/de"'),
			'/s/config/_default/params.de.toml': 'motto = "x"',
			'/s/config/_default/menus.de.toml': '[[main]]\nname = "a"',
		});
		const site = await findHugoSite('/s/content/de/x.md', files);
		assert.deepEqual(site?.config.languages, { en: { weight: 1 }, de: { weight: 2, contentdir: 'content/de', params: { motto: 'x' }, menus: { main: [{ name: 'a' }] } } });
		assert.deepEqual(site?.contentMounts, [{ source: '/s/content', target: '' }, { source: '/s/content/de', target: '', lang: 'de' }]);
	});

	test('Should publish a page under its language folder, with the language\'s own permalinks and a relative url prefixed (#10)', async () => {
		const files = new MemoryFileReader({
			'/s/hugo.toml': joinLines(
				'[permalinks]', 'post = "/:year/:slug/"',
				'[languages.en]', 'weight = 1',
				'[languages.fr]', 'weight = 2', '[languages.fr.permalinks]', 'post = "/articles/:slug/"',
				'[languages.de]', 'weight = 3', 'contentDir = "inhalt"',
			),
		});
		const site = await findHugoSite('/s/content/post/a.md', files);
		assert.ok(site);
		const dated = { slug: 'x', dates: { date: '2017-05-08' } };
		assert.equal(pageBaseUrl(site, '/s/content/post/a.md', dated), '/2017/x/');
		assert.equal(pageBaseUrl(site, '/s/content/post/a.fr.md', dated), '/fr/articles/x/');
		assert.equal(pageBaseUrl(site, '/s/inhalt/post/a.md', dated), '/de/2017/x/');
		assert.equal(pageBaseUrl(site, '/s/inhalt/about.md'), '/de/about/');
		assert.equal(pageBaseUrl(site, '/s/inhalt/about.md', { url: 'ueber/' }), '/de/ueber/');
		assert.equal(pageBaseUrl(site, '/s/inhalt/about.md', { url: '/ueber/' }), '/ueber/');
		assert.equal(pageBaseUrl(site, '/s/inhalt/about.md', { url: 'de/ueber/' }), '/de/ueber/');
	});
});
