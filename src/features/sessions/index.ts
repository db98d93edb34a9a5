import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import { insertSessionCommand, type InsertSessionArgs } from './insertSession';
import { insertSessionsCommand, type InsertSessionsArgs } from './insertSessions';
import type { MakeHttpFetcher, SessionLookupHost } from './lookup';
import { SiteCasing } from './siteCasing';
import type { SiteTermsCache } from '../../services/siteTerms';

/**
 * The commands that turn schedule URLs into session entries, fetching through the host's HTTP client;
 * derived titles spell words as the writer's site does.
 */
export function registerSessionCommands(terms: SiteTermsCache, makeFetcher: MakeHttpFetcher): vscode.Disposable {
	const host: SessionLookupHost = { casing: new SiteCasing(terms), makeFetcher };
	return vscode.Disposable.from(
		vscode.commands.registerCommand(CommandId.InsertSession, (args?: unknown) => insertSessionCommand(host, asObject<InsertSessionArgs>(args))),
		vscode.commands.registerCommand(CommandId.InsertSessions, (args?: unknown) => insertSessionsCommand(host, asObject<InsertSessionsArgs>(args))),
	);
}

/** Arguments come from keybindings and other extensions too: anything but a plain object is ignored. */
function asObject<T>(args: unknown): T | undefined {
	return typeof args === 'object' && args !== null && !Array.isArray(args) && !(args instanceof vscode.Uri) ? args as T : undefined;
}
