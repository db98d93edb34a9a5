import * as vscode from 'vscode';

export const IMAGES_SECTION = 'eventWriteup.images';

/** `eventWriteup.images.validate`: report image paths that resolve to nothing. */
export function isImageValidationEnabled(uri: vscode.Uri): boolean {
	return vscode.workspace.getConfiguration(IMAGES_SECTION, uri).get<boolean>('validate', true);
}
