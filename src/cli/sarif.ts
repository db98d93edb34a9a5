import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../core/frontMatter/rules';
import { IMAGE_RULES } from '../core/site/problems';
import type { CheckProblem } from './postChecker';

const LEVELS: Record<CheckProblem['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * The problems as one SARIF 2.1.0 run (what code scanning services read): every rule with its help in the
 * README shipped next to the CLI, each result with its file, relative to the folder `check` ran in, and
 * its region. Files are named as `check` shows them (relative to `cwd`).
 */
export function sarifLog(problems: readonly CheckProblem[], cwd: string, version: string): string {
	const rules = [...RULES.map(r => ({ code: r.code, severity: r.severity, description: r.description })), ...IMAGE_RULES];
	const index = new Map(rules.map((rule, i) => [rule.code, i]));
	const readme = pathToFileURL(path.join(__dirname, '..', 'README.md')).href;
	const log = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [{
			tool: {
				driver: {
					name: 'event-writeup',
					version,
					informationUri: readme,
					rules: rules.map(rule => ({
						id: rule.code,
						shortDescription: { text: rule.description },
						helpUri: `${readme}#${rule.code}`,
						defaultConfiguration: { level: LEVELS[rule.severity] },
					})),
				},
			},
			originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`).href } },
			results: problems.map(p => ({
				ruleId: p.code,
				...(index.has(p.code) ? { ruleIndex: index.get(p.code) } : {}),
				level: LEVELS[p.severity],
				message: { text: p.message },
				locations: [{
					physicalLocation: {
						artifactLocation: { uri: p.file.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
						region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
					},
				}],
			})),
		}],
	};
	return `${JSON.stringify(log, undefined, 2)}\n`;
}
