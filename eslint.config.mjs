import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', 'sample-site/**', '**/*.vsix'] },
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts', '**/*.mjs', '**/*.js'],
		languageOptions: { globals: { ...globals.node } },
		plugins: { '@stylistic': stylistic },
		rules: {
			'@stylistic/semi': ['error', 'always'],
			'curly': ['error', 'all'],
			'eqeqeq': ['error', 'always'],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		// The core is shared by the extension, the CLI and a future web build: no VS Code, no Node built-ins.
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: ['vscode', ...builtinModules, ...builtinModules.map(m => `node:${m}`)],
			}],
		},
	},
	{
		files: ['media/**/*.js'],
		languageOptions: { globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
	},
);
