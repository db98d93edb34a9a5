// Writes src/core/markdown/highlight/chromaData.json from Chroma's own sources: the token types (their
// numbers and CSS class names, from types.go) and every style (the XML definitions in styles/), as the
// chroma version Hugo 0.111.3 is built with ships them. Run with a clone of github.com/alecthomas/chroma:
//   node scripts/buildChromaData.mjs /path/to/chroma v2.4.0
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

const [repo, tag] = process.argv.slice(2);
if (!repo || !tag) {
	console.error('usage: node scripts/buildChromaData.mjs CHROMA_REPO TAG');
	process.exit(2);
}
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
const commit = git('rev-parse', `${tag}^{commit}`).trim();

// Token types: `const ( Name TokenType = 2000 + iota; NameAttribute; … )`, and the meta types counting down from -1.
const types = git('show', `${tag}:types.go`);
const values = {};
for (const block of types.matchAll(/const \(([\s\S]*?)\n\)/g)) {
	const lines = block[1].split('\n').map(l => l.replace(/\/\/.*$/, '').trim()).filter(Boolean);
	let next;
	let step = 1;
	for (const line of lines) {
		const first = /^(\w+) TokenType = (-?\d+) ([+-]) iota$/.exec(line);
		if (first) {
			step = first[3] === '+' ? 1 : -1;
			values[first[1]] = Number(first[2]);
			next = Number(first[2]) + step;
		} else if (/^\w+$/.test(line) && next !== undefined) {
			values[line] = next;
			next += step;
		} else {
			// `Whitespace = TextWhitespace`: an alias.
			const alias = /^(\w+)\s*=\s*(\w+)$/.exec(line);
			if (alias && values[alias[2]] !== undefined) {
				values[alias[1]] = values[alias[2]];
			}
			next = undefined;
		}
	}
}
// CSS classes by token number: `StandardTypes` names some types by an alias (`String: "s"`).
const classByValue = {};
for (const entry of types.matchAll(/^\s*(\w+):\s*"([^"]*)",/gm)) {
	if (values[entry[1]] === undefined) {
		throw new Error(`no value for token type ${entry[1]}`);
	}
	classByValue[values[entry[1]]] = entry[2];
}
// Every name, the declared one before its aliases; the class where StandardTypes gives one, else null.
const tokenTypes = Object.entries(values).map(([name, value]) => [name, value, classByValue[value] ?? null]);

const styles = {};
for (const file of git('ls-tree', '--name-only', `${tag}`, 'styles/').split('\n').filter(f => f.endsWith('.xml'))) {
	const xml = git('show', `${tag}:${file}`);
	const name = /<style name="([^"]+)"/.exec(xml)[1];
	styles[name] = Object.fromEntries([...xml.matchAll(/<entry\s+type="(\w+)"\s+style="([^"]*)"\s*\/>/g)].map(m => [m[1], m[2]]));
}

const out = path.join(new URL('..', import.meta.url).pathname, 'src/core/markdown/highlight/chromaData.json');
writeFileSync(out, `${JSON.stringify({ chroma: tag, commit, tokenTypes, styles })}\n`);
console.log(`${tokenTypes.length} token types, ${Object.keys(styles).length} styles from chroma ${tag} -> ${path.relative(process.cwd(), out)}`);
