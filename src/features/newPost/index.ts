import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import type { SiteTermsCache } from '../../services/siteTerms';
import { newPostCommand, type NewPostArgs } from './newPost';

/** The command that starts a write-up: a new post in the site's content folder. */
export function registerNewPostCommand(terms: SiteTermsCache): vscode.Disposable {
	return vscode.commands.registerCommand(CommandId.NewPost, (args?: unknown) =>
		newPostCommand(terms, typeof args === 'object' && args !== null && !Array.isArray(args) && !(args instanceof vscode.Uri) ? args as NewPostArgs : undefined));
}
