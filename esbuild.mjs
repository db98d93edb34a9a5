// Bundles the extension and the CLI. `--production` minifies and drops source maps; `--watch` rebuilds on change.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

/** @type {import('esbuild').BuildOptions} */
const nodeBundles = {
	entryPoints: { extension: 'src/extension.ts', cli: 'src/cli.ts' },
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	outdir: 'dist',
	external: ['vscode'],
	define: { EVENT_WRITEUP_VERSION: JSON.stringify(version) },
	minify: production,
	sourcemap: !production,
	logLevel: 'warning',
};

if (watch) {
	const context = await esbuild.context(nodeBundles);
	await context.watch();
} else {
	await esbuild.build(nodeBundles);
}
