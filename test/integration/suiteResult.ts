// What the suite index reports to its launchers, in a module of its own: the launchers run in plain Node,
// where the index (which needs `vscode`) cannot be loaded.

/** The launcher reads this line for the counts, whatever reporter output surrounds it. */
export const RESULT_MARKER = 'EVENT_WRITEUP_INTEGRATION_RESULT';

/** Where a launcher that cannot read the extension host's console asks for the counts. */
export const RESULT_FILE_VARIABLE = 'EVENT_WRITEUP_RESULT_FILE';

export interface SuiteResult {
	readonly passed: number;
	readonly failed: number;
	readonly pending: number;
	/** The VS Code version the suite ran in. */
	readonly version: string;
}
