// Bundles the extension (for VS Code's Node host and for its web-worker host) and the CLI. `--production`
// minifies and drops source maps; `--watch` rebuilds on change. Prints the web bundle's size, which must stay
// under 1 MB minified for vscode.dev.
import { readFileSync, statSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

/** What every bundle shares. @type {import('esbuild').BuildOptions} */
const common = {
	bundle: true,
	format: 'cjs',
	external: ['vscode'],
	define: { EVENT_WRITEUP_VERSION: JSON.stringify(version) },
	minify: production,
	sourcemap: !production,
	logLevel: 'warning',
};

/** @type {import('esbuild').BuildOptions} */
const nodeBundles = {
	...common,
	entryPoints: { extension: 'src/extension.ts', cli: 'src/cli.ts' },
	platform: 'node',
	target: 'node20',
	outdir: 'dist',
};

/**
 * The `browser` entry: a web worker has no Node, so nothing may import a `node:` module; without polyfills
 * a stray one fails this build instead of the writer's vscode.dev session.
 * @type {import('esbuild').BuildOptions}
 */
const webBundles = {
	...common,
	entryPoints: { extension: 'src/extension.web.ts' },
	platform: 'browser',
	target: 'es2022',
	mainFields: ['browser', 'module', 'main'],
	outdir: 'dist/web',
};

const WEB_BUDGET_BYTES = 1024 * 1024;

if (watch) {
	for (const options of [nodeBundles, webBundles]) {
		const context = await esbuild.context(options);
		await context.watch();
	}
} else {
	await Promise.all([esbuild.build(nodeBundles), esbuild.build(webBundles)]);
	const size = statSync('dist/web/extension.js').size;
	// On stderr, as esbuild reports: `npm pack --json` (whose prepack runs this) keeps stdout for its JSON.
	process.stderr.write(`web bundle: dist/web/extension.js ${(size / 1024).toFixed(0)} KB${production ? ' minified' : ''} (budget ${WEB_BUDGET_BYTES / 1024} KB minified)\n`);
	if (production && size > WEB_BUDGET_BYTES) {
		console.error('The web bundle is over its budget.');
		process.exitCode = 1;
	}
}
