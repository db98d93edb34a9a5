import type { CheckProblem } from './postChecker';

/**
 * GitHub Actions workflow commands, one per problem (`::error file=…,line=…::message`): the runner shows
 * each as an annotation on its line of the pull request. Severities map to `error`, `warning`, `notice`.
 */
export function githubAnnotations(problems: readonly CheckProblem[]): string {
	return problems.map(p => {
		const command = p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'notice';
		const properties = [
			`file=${escapeProperty(p.file)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`,
			`title=${escapeProperty(p.code)}`,
		].join(',');
		return `::${command} ${properties}::${escapeData(p.message)}\n`;
	}).join('');
}

/** The runner's escapes for a message: `%`, CR and LF. */
function escapeData(text: string): string {
	return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also escapes the `:` and `,` that separate properties. */
function escapeProperty(text: string): string {
	return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
