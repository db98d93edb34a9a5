// Bundles the extension (for VS Code's Node host and for its web-worker host) and the CLI. `--production`
// minifies and drops source maps; `--watch` rebuilds on change. Prints the web bundle's size, which must stay
// under 1 MB minified for vscode.dev.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
	entryPoints: { extension: 'src/extension.ts' },
	platform: 'node',
	target: 'node20',
	outdir: 'dist',
};

/**
 * The CLI, as ES modules split where each command loads (`dist/cli.mjs` and its `dist/cli-*.mjs` chunks):
 * `check` in a blog's CI reads and compiles its own code, not the highlighter, the calendar parser and
 * the Markdown renderer that other commands bring. Bundled CommonJS libraries still find `require`, and
 * the commands `__dirname`, through the banner.
 * @type {import('esbuild').BuildOptions}
 */
const cliBundle = {
	...nodeBundles,
	entryPoints: { cli: 'src/cli.ts' },
	format: 'esm',
	splitting: true,
	outdir: 'dist',
	outExtension: { '.js': '.mjs' },
	chunkNames: 'cli-[name]-[hash]',
	banner: {
		js: [
			"import { createRequire as __createRequire } from 'node:module';",
			"import { fileURLToPath as __fileURLToPath } from 'node:url';",
			'const require = __createRequire(import.meta.url);',
			"const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
		].join('\n'),
	},
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
	for (const options of [nodeBundles, cliBundle, webBundles]) {
		const context = await esbuild.context(options);
		await context.watch();
	}
} else {
	// Chunk names change with their content: the last build's must not ship with this one's.
	for (const name of existsSync('dist') ? readdirSync('dist') : []) {
		if (/^cli-.*\.mjs(\.map)?$/.test(name)) {
			rmSync(`dist/${name}`);
		}
	}
	await Promise.all([esbuild.build(nodeBundles), esbuild.build(cliBundle), esbuild.build(webBundles)]);
	const size = statSync('dist/web/extension.js').size;
	// On stderr, as esbuild reports: `npm pack --json` (whose prepack runs this) keeps stdout for its JSON.
	process.stderr.write(`web bundle: dist/web/extension.js ${(size / 1024).toFixed(0)} KB${production ? ' minified' : ''} (budget ${WEB_BUDGET_BYTES / 1024} KB minified)\n`);
	if (production && size > WEB_BUDGET_BYTES) {
		console.error('The web bundle is over its budget.');
		process.exitCode = 1;
	}
}
