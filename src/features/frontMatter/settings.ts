import * as vscode from 'vscode';

/** The configuration section of this feature; package.json documents each key. */
export const FRONT_MATTER_SECTION = 'eventWriteup.frontMatter';

export interface FrontMatterSettings {
	readonly validate: boolean;
	readonly requiredFields: readonly string[];
}

const DEFAULT_REQUIRED_FIELDS: readonly string[] = ['title', 'date'];

/**
 * The settings that apply to one document (folder settings may differ). A hand-edited settings.json can hold
 * anything: wrong types fall back to the defaults, and blank or non-string field names are dropped.
 */
export function readFrontMatterSettings(scope: vscode.ConfigurationScope | undefined): FrontMatterSettings {
	const config = vscode.workspace.getConfiguration(FRONT_MATTER_SECTION, scope);
	const validate = config.get<unknown>('validate', true);
	const requiredFields = config.get<unknown>('requiredFields', DEFAULT_REQUIRED_FIELDS);
	return {
		validate: typeof validate === 'boolean' ? validate : true,
		requiredFields: Array.isArray(requiredFields)
			? [...new Set(requiredFields.filter((field): field is string => typeof field === 'string').map(field => field.trim()).filter(field => field !== ''))]
			: DEFAULT_REQUIRED_FIELDS,
	};
}
