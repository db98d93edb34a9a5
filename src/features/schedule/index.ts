import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import { errorMessage } from '../../core/errors';
import { slugify } from '../../core/posts/slug';
import { readSchedule } from '../../core/schedule/readers';
import { NOON, proposedTitle, scheduleDays, sessionsOf, weekdayOf, formatLocalTime, type Schedule, type ScheduleSession } from '../../core/schedule/schedule';
import { fetchSchedule, SCHEDULE_FETCH_LIMITS } from '../../core/schedule/sources';
import { sessionPickList } from '../../core/schedule/pickList';
import { sessionEntries } from '../../core/schedule/writeUp';
import { FetchError } from '../../core/sessions/types';
import type { SiteTermsCache } from '../../services/siteTerms';
import { newPostCommand } from '../newPost/newPost';
import { decideFetch, type MakeHttpFetcher } from '../sessions/lookup';
import { readSessionSettings } from '../sessions/settings';

/** Arguments of both commands (keybindings, tests): each one given skips its question. */
export interface ScheduleCommandArgs {
	/** A schedule or session URL, or an export or `.ics` file (a path or a URI). */
	readonly source?: string;
	/** `YYYY-MM-DD` */
	readonly day?: string;
	/** The sessions to take, by id, title or URL. */
	readonly sessions?: readonly string[];
	/** New Write-up only: the post's title. */
	readonly title?: string;
}


/**
 * "New Write-up from Schedule" and "Insert Sessions from Schedule": a schedule from a URL (any session of
 * it, or its export) or a file (an `.ics` agenda works offline), a day, the sessions attended; then the
 * post of that half day, or its entries at the cursor.
 */
export function registerScheduleCommands(terms: SiteTermsCache, makeFetcher: MakeHttpFetcher, options: { readonly exposeState: boolean }): vscode.Disposable {
	const loader = new ScheduleLoader(makeFetcher);
	const pickers = new SessionPickers();
	const disposables: vscode.Disposable[] = [
		vscode.commands.registerCommand(CommandId.NewWriteUpFromSchedule, async (args?: unknown) => {
			const picked = await pickSessions(loader, pickers, asArgs(args), 'New Write-up from Schedule');
			if (!picked) {
				return undefined;
			}
			const given = asArgs(args);
			const title = given?.title ?? await vscode.window.showInputBox({
				title: 'New Write-up from Schedule',
				prompt: 'Title of the post',
				value: proposedTitle(picked.schedule, picked.sessions),
				ignoreFocusOut: true,
				validateInput: value => value.trim() === '' ? 'The post needs a title.' : undefined,
			});
			if (title === undefined || title.trim() === '') {
				return undefined;
			}
			const first = picked.sessions[0];
			return newPostCommand(terms, {
				title: title.trim(),
				tags: [slugify(picked.schedule.name)],
				categories: [],
				// Without an offset (Sessionize gives local times) the date is read in the site's time zone.
				date: formatLocalTime(first.start),
				body: sessionEntries(picked.sessions, readSessionSettings(undefined).entryTemplate),
			});
		}),
		vscode.commands.registerCommand(CommandId.InsertSessionsFromSchedule, async (args?: unknown) => {
			const editor = vscode.window.activeTextEditor;
			if (!editor || editor.document.languageId !== 'markdown') {
				void vscode.window.showInformationMessage('Open a Markdown post to insert sessions into it.');
				return false;
			}
			const document = editor.document;
			const version = document.version;
			const picked = await pickSessions(loader, pickers, asArgs(args), 'Insert Sessions from Schedule');
			if (!picked) {
				return false;
			}
			if (document.isClosed || document.version !== version && vscode.window.activeTextEditor?.document !== document) {
				void vscode.window.showWarningMessage('The post changed or closed while the schedule was read: nothing was inserted.');
				return false;
			}
			const { text, cursorOffset } = sessionEntries(picked.sessions, readSessionSettings(document.uri).entryTemplate);
			const target = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor : editor;
			const at = target.selection.active;
			// One edit: one undo removes every entry.
			const inserted = await target.edit(builder => builder.insert(at, text), { undoStopBefore: true, undoStopAfter: true });
			if (inserted) {
				const cursor = document.positionAt(document.offsetAt(at) + cursorOffset);
				target.selection = new vscode.Selection(cursor, cursor);
			}
			return inserted;
		}),
	];
	if (options.exposeState) {
		// Lets the extension-host tests see the session picker on screen; registered only when VS Code runs the extension's tests.
		disposables.push(vscode.commands.registerCommand(CommandId.SessionPickerState, () => pickers.state()));
	}
	return vscode.Disposable.from(...disposables);
}

function asArgs(args: unknown): ScheduleCommandArgs | undefined {
	return typeof args === 'object' && args !== null && !Array.isArray(args) && !(args instanceof vscode.Uri) ? args as ScheduleCommandArgs : undefined;
}

/** Reads schedules from the network (with the limits of a big export) or from files. */
class ScheduleLoader {
	constructor(private readonly makeFetcher: MakeHttpFetcher) { }

	async load(source: string, title: string): Promise<Schedule | undefined> {
		if (/^https?:\/\//i.test(source)) {
			const settings = readSessionSettings(undefined);
			const fetch = await decideFetch(settings, true);
			if (!fetch) {
				if (fetch === false) {
					void vscode.window.showErrorMessage('Fetching from schedule sites is off (eventWriteup.sessions.fetch): open the schedule\'s .ics or export file instead.');
				}
				return undefined;
			}
			return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}: reading the schedule`, cancellable: true }, async (_progress, token) => {
				const controller = new AbortController();
				const subscription = token.onCancellationRequested(() => controller.abort());
				try {
					const fetcher = this.makeFetcher(SCHEDULE_FETCH_LIMITS);
					return await fetchSchedule(fetcher, source, controller.signal);
				} catch (error) {
					if (!(error instanceof FetchError && error.kind === 'cancelled')) {
						void vscode.window.showErrorMessage(`${title}: ${errorMessage(error)}`);
					}
					return undefined;
				} finally {
					subscription.dispose();
				}
			});
		}
		const uri = /^[a-z][a-z0-9+.-]+:/i.test(source) && !/^[a-z]:[\\/]/i.test(source) ? vscode.Uri.parse(source) : vscode.Uri.file(source);
		try {
			const bytes = await vscode.workspace.fs.readFile(uri);
			return readSchedule(new TextDecoder().decode(bytes), uri.path.split('/').pop());
		} catch (error) {
			void vscode.window.showErrorMessage(`${title}: ${vscode.workspace.asRelativePath(uri)}: ${errorMessage(error)}`);
			return undefined;
		}
	}
}

/** Asks for the schedule, the day and the sessions, each unless the arguments give it. */
async function pickSessions(loader: ScheduleLoader, pickers: SessionPickers, args: ScheduleCommandArgs | undefined, title: string): Promise<{ schedule: Schedule; sessions: ScheduleSession[] } | undefined> {
	const source = args?.source ?? await askSource(title);
	if (!source) {
		return undefined;
	}
	const schedule = await loader.load(source, title);
	if (!schedule) {
		return undefined;
	}
	const days = scheduleDays(schedule);
	const day = args?.day ?? (days.length === 1 ? days[0] : await askDay(schedule, days, title));
	if (!day) {
		return undefined;
	}
	const ofDay = sessionsOf(schedule, { day });
	if (ofDay.length === 0) {
		void vscode.window.showErrorMessage(`${title}: ${schedule.name} has no session on ${day}; its days: ${days.join(', ')}.`);
		return undefined;
	}
	let sessions: ScheduleSession[] | undefined;
	if (args?.sessions) {
		const wanted = new Set(args.sessions.map(s => s.toLowerCase()));
		sessions = ofDay.filter(s => wanted.has(s.id.toLowerCase()) || wanted.has(s.title.toLowerCase()) || (s.url !== undefined && wanted.has(s.url.toLowerCase())));
		if (sessions.length === 0) {
			void vscode.window.showErrorMessage(`${title}: none of the sessions named is on ${day}.`);
			return undefined;
		}
	} else {
		// An agenda (.ics) is the writer's own selection: its sessions start selected.
		sessions = await askSessions(pickers, ofDay, schedule.format === 'icalendar', title, `${schedule.name}, ${weekdayOf(day)} ${day}`);
	}
	return sessions && sessions.length > 0 ? { schedule, sessions } : undefined;
}

async function askSource(title: string): Promise<string | undefined> {
	const input = vscode.window.createInputBox();
	const browse: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('folder-opened'), tooltip: 'Open an .ics agenda or a schedule export file' };
	input.title = title;
	input.prompt = 'A session or schedule URL (pretalx, frab, FOSDEM, CCC, Sched), or an .ics agenda or export file';
	input.placeholder = 'https://fosdem.org/2026/schedule/event/…';
	input.buttons = [browse];
	input.ignoreFocusOut = true;
	try {
		return await new Promise<string | undefined>(resolve => {
			input.onDidAccept(() => resolve(input.value.trim() || undefined));
			input.onDidHide(() => resolve(undefined));
			input.onDidTriggerButton(async () => {
				const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Schedules and agendas': ['ics', 'json', 'xml'] }, title });
				resolve(files?.[0]?.toString());
			});
			input.show();
		});
	} finally {
		input.dispose();
	}
}

async function askDay(schedule: Schedule, days: readonly string[], title: string): Promise<string | undefined> {
	const items = days.map(day => ({ label: `${weekdayOf(day)} ${day}`, description: `${sessionsOf(schedule, { day }).length} sessions`, day }));
	const picked = await vscode.window.showQuickPick(items, { title: `${title}: ${schedule.name}`, placeHolder: 'Which day?', ignoreFocusOut: true });
	return picked?.day;
}

interface SessionItem extends vscode.QuickPickItem {
	readonly session?: ScheduleSession;
}

/** The session picker on screen and what it shows, by the sessions' titles. */
export interface SessionPickerState {
	readonly sessions: readonly string[];
	readonly selected: readonly string[];
	readonly active: readonly string[];
}

/** Which session picker is on screen, if any. */
class SessionPickers {
	#shown: vscode.QuickPick<SessionItem> | undefined;

	shown(pick: vscode.QuickPick<SessionItem>): vscode.Disposable {
		this.#shown = pick;
		return {
			dispose: () => {
				if (this.#shown === pick) {
					this.#shown = undefined;
				}
			},
		};
	}

	state(): SessionPickerState | undefined {
		const titles = (items: readonly SessionItem[]) => items.flatMap(item => item.session ? [item.session.title] : []);
		return this.#shown && { sessions: titles(this.#shown.items), selected: titles(this.#shown.selectedItems), active: titles(this.#shown.activeItems) };
	}
}

/** The sessions of a day grouped by start time, several selectable, narrowed to the morning or afternoon by buttons. */
async function askSessions(pickers: SessionPickers, sessions: readonly ScheduleSession[], preselect: boolean, title: string, dayName: string): Promise<ScheduleSession[] | undefined> {
	const pick = vscode.window.createQuickPick<SessionItem>();
	const shown = pickers.shown(pick);
	const morning: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('debug-restart-frame'), tooltip: 'Morning only (before 12:00)' };
	const afternoon: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('watch'), tooltip: 'Afternoon only (from 12:00)' };
	const wholeDay: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('calendar'), tooltip: 'The whole day' };
	pick.title = `${title}: ${dayName}`;
	pick.placeholder = 'The sessions you attended (filter by title, speaker or room)';
	pick.canSelectMany = true;
	pick.matchOnDescription = true;
	pick.matchOnDetail = true;
	pick.ignoreFocusOut = true;
	pick.buttons = [morning, afternoon, wholeDay];
	const selected = new Set<ScheduleSession>(preselect ? sessions : []);
	const show = (shown: readonly ScheduleSession[]) => {
		const items: SessionItem[] = sessionPickList(shown).map(row => row.kind === 'time'
			? { label: row.label, kind: vscode.QuickPickItemKind.Separator }
			: { label: row.label, description: row.description, detail: row.detail, session: row.session });
		pick.items = items;
		pick.selectedItems = items.filter(item => item.session && selected.has(item.session));
	};
	show(sessions);
	try {
		return await new Promise<ScheduleSession[] | undefined>(resolve => {
			pick.onDidChangeSelection(items => {
				// Selections made while narrowed are kept when the list widens again.
				const visible = new Set(pick.items.map(item => item.session));
				for (const session of visible) {
					if (session) {
						selected.delete(session);
					}
				}
				for (const item of items) {
					if (item.session) {
						selected.add(item.session);
					}
				}
			});
			pick.onDidTriggerButton(button => {
				show(button === morning ? sessions.filter(s => s.start.time < NOON) : button === afternoon ? sessions.filter(s => s.start.time >= NOON) : sessions);
			});
			pick.onDidAccept(() => resolve(sessions.filter(s => selected.has(s))));
			pick.onDidHide(() => resolve(undefined));
			pick.show();
		});
	} finally {
		shown.dispose();
		pick.dispose();
	}
}
