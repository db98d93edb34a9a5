import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

async function lintAs(filePath: string, code: string): Promise<string[]> {
	const eslint = new ESLint({ cwd: REPO_ROOT });
	const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, filePath) });
	return result.messages.map(m => m.ruleId ?? m.message);
}

suite('build.coreImportBan', function () {
	this.timeout(30_000);

	test('Should reject vscode and Node built-ins in src/core (#2)', async () => {
		for (const source of ['vscode', 'fs', 'node:fs', 'node:path', 'child_process']) {
			const rules = await lintAs('src/core/probe.ts', `import * as x from '${source}';\nexport const y = x;\n`);
			assert.ok(rules.includes('no-restricted-imports'), `importing '${source}' in src/core must be a lint error`);
		}
	});

	test('Should allow the same imports outside src/core (#2)', async () => {
		const rules = await lintAs('src/features/probe.ts', `import * as vscode from 'vscode';\nexport const y = vscode;\n`);
		assert.deepEqual(rules, []);
	});
});
