import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import { newPostCommand, type NewPostArgs } from './newPost';

/** The command that starts a write-up: a new post in the site's content folder. */
export function registerNewPostCommand(): vscode.Disposable {
	return vscode.commands.registerCommand(CommandId.NewPost, (args?: unknown) =>
		newPostCommand(typeof args === 'object' && args !== null && !Array.isArray(args) && !(args instanceof vscode.Uri) ? args as NewPostArgs : undefined));
}
