// Runs every TextMate grammar case under test/grammar through vscode-tmgrammar-test's engine, with the
// grammars package.json contributes (injections included) on top of VS Code's Markdown grammar.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const { loadConfiguration, createRegistry } = require('vscode-tmgrammar-test/dist/common/index.js');
const { parseGrammarTestCase, runGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index.js');

const root = new URL('..', import.meta.url).pathname;
const caseDir = join(root, 'test', 'grammar');
// VS Code's own grammars the cases need (Markdown, and YAML for `---` front matter) sit next to the cases.
const builtinGrammars = readdirSync(caseDir).filter(name => name.endsWith('.tmLanguage.json')).map(name => join(caseDir, name));
const { grammars } = loadConfiguration(join(root, 'package.json'), undefined, builtinGrammars);
const registry = createRegistry(grammars);

function findCases(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) {
			return findCases(full);
		}
		return /\.test\.(md|markdown)$/.test(entry.name) ? [full] : [];
	}).sort();
}

// VS Code's Markdown grammar embeds dozens of languages for fenced code; only ours matter here, so the
// registry's "grammar not found" warnings for the rest are counted, not printed one by one.
const missingEmbedded = new Set();
const warn = console.warn;
console.warn = (message, ...rest) => {
	const missing = /^grammar not found for "(.+)"$/.exec(String(message));
	if (missing) {
		missingEmbedded.add(missing[1]);
	} else {
		warn(message, ...rest);
	}
};

let passed = 0;
let failed = 0;
for (const file of findCases(caseDir)) {
	const name = relative(root, file);
	try {
		const testCase = parseGrammarTestCase(readFileSync(file, 'utf8'));
		const failures = await runGrammarTestCase(registry, testCase);
		if (failures.length === 0) {
			passed++;
			console.log(`  ✓ ${name}`);
			continue;
		}
		failed++;
		console.log(`  ✗ ${name}`);
		const lines = testCase.source;
		for (const failure of failures) {
			console.log(`      line ${failure.srcLine + 1}: ${lines[failure.line] ?? ''}`);
			console.log(`        at ${failure.start}-${failure.end}: missing [${failure.missing.join(', ')}] unexpected [${failure.unexpected.join(', ')}]`);
			console.log(`        actual: ${failure.actual.join(' ')}`);
		}
	} catch (error) {
		failed++;
		console.log(`  ✗ ${name}: ${error instanceof Error ? error.message : error}`);
	}
}
if (missingEmbedded.size > 0) {
	console.log(`  (${missingEmbedded.size} grammars embedded by the Markdown grammar are not loaded: fenced code in those languages stays uncoloured here)`);
}
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
