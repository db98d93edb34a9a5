// Checks that the .vsix would contain runtime files only (what `vsce ls` lists).
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const allowed = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^dist\/(extension|web\/extension)\.js$/, /^dist\/cli(-[\w-]+)?\.mjs$/, /^media\//, /^snippets\//, /^syntaxes\//];
const files = execFileSync('npx', ['--no-install', 'vsce', 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
	.split('\n').map(line => line.trim()).filter(Boolean);
const unexpected = files.filter(file => !allowed.some(pattern => pattern.test(file)));
for (const file of files) {
	console.log(`  ${unexpected.includes(file) ? '✗' : '✓'} ${file}`);
}
const required = ['package.json', 'dist/extension.js', 'dist/web/extension.js', 'dist/cli.mjs'];
const missing = required.filter(file => !files.includes(file));
if (missing.length > 0) {
	console.log(`missing from the package: ${missing.join(', ')}`);
}
const ok = unexpected.length === 0 && missing.length === 0;
console.log(ok ? 'the .vsix holds runtime files only' : `not runtime files: ${unexpected.join(', ')}`);
process.exitCode = ok ? 0 : 1;
