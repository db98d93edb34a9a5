// Adds to src/core/markdown/highlight/chromaData.json the code fence languages Hugo 0.111.3 highlights:
// every lexer name, alias and file extension of Chroma's sources is tried as a fence language in a post
// built by hugo, and kept when Hugo highlighted it (an unknown language stays plain). Run after
// `node scripts/buildChromaData.mjs`, with hugo 0.111.3 on the PATH:
//   node scripts/recordChromaLanguages.mjs /path/to/chroma
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const [repo] = process.argv.slice(2);
const dataFile = path.join(new URL('..', import.meta.url).pathname, 'src/core/markdown/highlight/chromaData.json');
const data = JSON.parse(readFileSync(dataFile, 'utf8'));
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

const candidates = new Set();
const add = word => {
	const lower = word.toLowerCase();
	if (/^[a-z0-9+#_.-]+$/.test(lower)) {
		candidates.add(lower);
	}
};
for (const file of git('ls-tree', '-r', '--name-only', data.chroma, 'lexers/').split('\n').filter(f => /\.(?:xml|go)$/.test(f) && !f.endsWith('_test.go'))) {
	const source = git('show', `${data.chroma}:${file}`);
	for (const m of source.matchAll(/<name>([^<]+)<\/name>|<alias>([^<]+)<\/alias>|<filename>\*\.([^<*]+)<\/filename>/g)) {
		add(m[1] ?? m[2] ?? m[3]);
	}
	for (const m of source.matchAll(/Name:\s*"([^"]+)"|Aliases:\s*\[\]string\{([^}]*)\}|Filenames:\s*\[\]string\{([^}]*)\}/g)) {
		if (m[1]) {
			add(m[1]);
		}
		for (const item of (m[2] ?? m[3] ?? '').matchAll(/"([^"]+)"/g)) {
			add(m[3] ? item[1].replace(/^\*\./, '') : item[1]);
		}
	}
}

const site = mkdtempSync(path.join(os.tmpdir(), 'chroma-languages-'));
mkdirSync(path.join(site, 'content'), { recursive: true });
mkdirSync(path.join(site, 'layouts', '_default'), { recursive: true });
writeFileSync(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "home", "section", "404"]\n');
writeFileSync(path.join(site, 'layouts', '_default', 'single.html'), '{{ .Content }}');
const list = [...candidates].sort();
writeFileSync(path.join(site, 'content', 'probe.md'), list.map(lang => '```' + lang + '\nx\n```\n').join('\n'));
execFileSync('hugo', ['--quiet', '-s', site, '-d', path.join(site, 'public')]);
const html = readFileSync(path.join(site, 'public', 'probe', 'index.html'), 'utf8');
rmSync(site, { recursive: true, force: true });
const highlighted = new Set([...html.matchAll(/<div class="highlight"><pre[^>]*><code class="language-([^"]+)"/g)].map(m => m[1]));
data.languages = list.filter(lang => highlighted.has(lang));
writeFileSync(dataFile, `${JSON.stringify(data)}\n`);
console.log(`${data.languages.length} of ${list.length} candidate fence languages highlighted by hugo -> ${path.relative(process.cwd(), dataFile)}`);
