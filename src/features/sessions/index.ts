import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import { insertSessionCommand, type InsertSessionArgs } from './insertSession';
import { insertSessionsCommand, type InsertSessionsArgs } from './insertSessions';
import { SiteCasing } from './siteCasing';
import type { SiteTermsCache } from '../../services/siteTerms';

/** The commands that turn schedule URLs into session entries; derived titles spell words as the writer's site does. */
export function registerSessionCommands(terms: SiteTermsCache): vscode.Disposable {
	const siteCasing = new SiteCasing(terms);
	return vscode.Disposable.from(
		vscode.commands.registerCommand(CommandId.InsertSession, (args?: unknown) => insertSessionCommand(siteCasing, asObject<InsertSessionArgs>(args))),
		vscode.commands.registerCommand(CommandId.InsertSessions, (args?: unknown) => insertSessionsCommand(siteCasing, asObject<InsertSessionsArgs>(args))),
	);
}

/** Arguments come from keybindings and other extensions too: anything but a plain object is ignored. */
function asObject<T>(args: unknown): T | undefined {
	return typeof args === 'object' && args !== null && !Array.isArray(args) && !(args instanceof vscode.Uri) ? args as T : undefined;
}
