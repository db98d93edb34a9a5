import * as vscode from 'vscode';
import { DEFAULT_REQUIRED_FIELDS, normalizeRequiredFields } from '../../core/frontMatter/requiredFields';

/** The configuration section of this feature; package.json documents each key. */
export const FRONT_MATTER_SECTION = 'eventWriteup.frontMatter';

export interface FrontMatterSettings {
	readonly validate: boolean;
	readonly requiredFields: readonly string[];
}

/**
 * The settings that apply to one document (folder settings may differ). A hand-edited settings.json can hold
 * anything: wrong types fall back to the defaults.
 */
export function readFrontMatterSettings(scope: vscode.ConfigurationScope | undefined): FrontMatterSettings {
	const config = vscode.workspace.getConfiguration(FRONT_MATTER_SECTION, scope);
	const validate = config.get<unknown>('validate', true);
	const requiredFields = config.get<unknown>('requiredFields', DEFAULT_REQUIRED_FIELDS);
	return {
		validate: typeof validate === 'boolean' ? validate : true,
		requiredFields: normalizeRequiredFields(requiredFields),
	};
}
