import * as vscode from 'vscode';
import { validateFrontMatter, type Finding } from '../../core/frontMatter/validate';
import { isCheckedMarkdownPath, isListPagePath } from '../../core/frontMatter/documentScope';
import { readFrontMatterSettings } from './settings';

/**
 * Answers whether an image path written in a post's front matter (`cover`, `images`) exists in the site.
 * The workspace site index provides it once built; until then, and for paths it cannot place, it answers
 * `undefined` and the image rule stays silent rather than guess.
 */
export interface FrontMatterImageLookup {
	imageExists(document: vscode.TextDocument, src: string): boolean | undefined;
	/** Where Hugo looked for a missing image path and what it publishes nearby, for the message. */
	describeMissingImage?(document: vscode.TextDocument, src: string): string | undefined;
	/** Fires when earlier answers may have changed (the index finished building, images were added or removed). */
	readonly onDidChange?: vscode.Event<unknown>;
}

/**
 * Runs the core validator over one document with the settings and the site lookup that apply to it.
 * Diagnostics, quick fixes and fix-all all ask here, so they always agree on the findings for the same text.
 */
export class FrontMatterChecker {
	readonly #selector: vscode.DocumentSelector;
	readonly #images: FrontMatterImageLookup | undefined;

	constructor(selector: vscode.DocumentSelector, images: FrontMatterImageLookup | undefined) {
		this.#selector = selector;
		this.#images = images;
	}

	get onDidChangeImages(): vscode.Event<unknown> | undefined {
		return this.#images?.onDidChange;
	}

	/** Whether `document` is a Markdown post we check: in the selector, in the workspace (or unsaved), in a folder Hugo renders. */
	isChecked(document: vscode.TextDocument): boolean {
		if (vscode.languages.match(this.#selector, document) === 0) {
			return false;
		}
		if (document.uri.scheme === 'untitled') {
			return true;
		}
		// Diff views and other read-only schemes show other versions of a file: only the file itself gets diagnostics.
		const folder = vscode.workspace.getWorkspaceFolder(document.uri);
		if (folder === undefined) {
			return false;
		}
		return isCheckedMarkdownPath(document.uri.path.slice(folder.uri.path.replace(/\/$/, '').length));
	}

	/** The findings for the document's current text, or `undefined` when validation is switched off for it. */
	check(document: vscode.TextDocument): Finding[] | undefined {
		const settings = readFrontMatterSettings(document.uri);
		if (!settings.validate || !this.isChecked(document)) {
			return undefined;
		}
		const images = this.#images;
		const listPage = isListPagePath(document.uri.path);
		const findings = validateFrontMatter(document.getText(), {
			requiredFields: listPage ? [] : settings.requiredFields,
			imageExists: images ? src => images.imageExists(document, src) : undefined,
			describeMissingImage: images?.describeMissingImage ? src => images.describeMissingImage?.(document, src) : undefined,
		});
		return listPage ? findings.filter(finding => finding.code !== 'fm-title-missing') : findings;
	}
}
