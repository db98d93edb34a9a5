import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import { parseClockOffset, parseTypedSlot, photoFileName, photoInsertions, photoMarkup, planPhotos, postEntries, postSessionsOrSchedule, postSessionsWith, type GivenSlot, type PhotoFile, type PhotoPlacement, type PostSession } from '../../core/photos/placement';
import { parseLocalTime } from '../../core/schedule/schedule';
import { errorMessage } from '../../core/errors';
import { fetchSchedule, SCHEDULE_FETCH_LIMITS } from '../../core/schedule/sources';
import { calendarDateOf } from '../../core/site/permalinks';
import { readPageAddress } from '../../core/site/references';
import { DEFAULT_IMAGE_FOLDER, HUGO_IMAGE_EDIT_KIND, imageFolderDate, isImageFileName, planImages, postName, resolveImageFolder } from '../../core/writing/imageFiles';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { decideFetch, type MakeHttpFetcher } from '../sessions/lookup';
import { photoMimeType, type PhotoResizer } from '../../core/photos/resizer';
import { readSessionSettings } from '../sessions/settings';
import { Disposable } from '../../util/dispose';

/** Arguments (keybindings, tests): `files` skips the file dialog, `offset` the setting, `leftOut: 'leave'` the question. */
export interface AddPhotosArgs {
	/** Photo files or folders, as URIs. */
	readonly files?: readonly string[];
	/** Added to the camera's clock (`+00:03:20`). */
	readonly offset?: string;
	readonly leftOut?: 'leave' | 'ask';
	/** Slots for entries that keep none and are not in a schedule, by heading: `{ "Kuryr Lab": "14:00-14:40" }`. */
	readonly slots?: Readonly<Record<string, string>>;
}

/** What the command did, for the writer's output and for tests. */
export interface AddPhotosResult {
	/** The site paths the post links, in the order inserted. */
	readonly placed: readonly string[];
	/** `name: why` of every photo left out. */
	readonly leftOut: readonly string[];
	/** The files copied into the site. */
	readonly copied: readonly string[];
}

/**
 * "Add Photos to Sessions": photos (files or a folder) placed under the sessions of the open write-up they
 * were taken in, by their capture time and the slots its entries keep; copied into the site like pasted
 * images (never over a file), linked after each session's notes in capture order, in one edit.
 */
export class PhotoPlacer extends Disposable {
	readonly #output = this._register(vscode.window.createOutputChannel('Event Write-up: Photos'));

	constructor(private readonly sites: WorkspaceSiteIndex, private readonly makeFetcher: MakeHttpFetcher, private readonly resizer: PhotoResizer) {
		super();
	}

	async run(args: AddPhotosArgs | undefined): Promise<AddPhotosResult | undefined> {
		const editor = vscode.window.activeTextEditor;
		if (!editor || editor.document.languageId !== 'markdown') {
			void vscode.window.showInformationMessage('Open a write-up to add photos to its sessions.');
			return undefined;
		}
		const document = editor.document;
		const config = vscode.workspace.getConfiguration('eventWriteup', document.uri);
		const offsetText = args?.offset ?? config.get<string>('photos.cameraOffset', '');
		const offset = offsetText.trim() === '' ? 0 : parseClockOffset(offsetText);
		if (offset === undefined) {
			void vscode.window.showErrorMessage(`The camera clock offset "${offsetText}" is not ±HH:MM:SS (eventWriteup.photos.cameraOffset).`);
			return undefined;
		}
		const chosen = args?.files?.map(file => vscode.Uri.parse(file)) ?? await vscode.window.showOpenDialog({
			title: 'Add Photos to Sessions', canSelectFiles: true, canSelectFolders: true, canSelectMany: true,
			filters: { Photos: ['jpg', 'jpeg', 'png', 'webp', 'heic'] }, openLabel: 'Add Photos',
		});
		if (!chosen || chosen.length === 0) {
			return undefined;
		}
		const files = await this.#readPhotos(chosen);
		const prepared = await this.prepare(document, files, offset, args?.leftOut !== 'leave', args?.slots);
		if (!prepared) {
			return undefined;
		}
		if (prepared.result.placed.length > 0 && !await vscode.workspace.applyEdit(prepared.edit)) {
			void vscode.window.showErrorMessage('The photos could not be added: a file may exist where a copy was to go. Nothing was overwritten.');
			return undefined;
		}
		this.#report(document, prepared.result, prepared.lines);
		const { placed, leftOut } = prepared.result;
		const summary = `${placed.length} photo${placed.length === 1 ? '' : 's'} added` + (leftOut.length > 0 ? `, ${leftOut.length} left out` : '');
		void vscode.window.showInformationMessage(`${summary} (see the Event Write-up: Photos output).`, 'Show Output').then(choice => {
			if (choice === 'Show Output') {
				this.#output.show(true);
			}
		});
		return prepared.result;
	}

	/**
	 * Plans the photos of a post: which session each goes under, the copies (scaled when set) and their
	 * links, as one edit not yet applied. `ask`: photos in no slot may be put under a session by the writer.
	 */
	async prepare(document: vscode.TextDocument, files: readonly PhotoFile[], offset: number, ask: boolean, givenSlots?: Readonly<Record<string, string>>): Promise<{ edit: vscode.WorkspaceEdit; result: AddPhotosResult; lines: string[] } | undefined> {
		const config = vscode.workspace.getConfiguration('eventWriteup', document.uri);
		const text = document.getText();
		const version = document.version;
		let sessions = await this.#sessionsOf(document, text);
		if (sessions.length === 0 && (ask || givenSlots)) {
			const asked = await this.#askSlots(text, givenSlots);
			if (asked === undefined) {
				return undefined;
			}
			sessions = asked;
		}
		const plan = planPhotos(text, files, offset, sessions);
		if (plan.sessions.length === 0) {
			void vscode.window.showErrorMessage('This post has no session with a time slot, nor one found in its schedule: make it with "New Write-up from Schedule", or insert its sessions with "Insert Sessions from Schedule".');
			return undefined;
		}
		const context = await this.sites.siteFor(document.uri);
		if (!context) {
			void vscode.window.showErrorMessage('This post is not in a Hugo site: photos are copied into the site\'s static folder.');
			return undefined;
		}
		const { site } = context;
		const template = config.get<string>('images.folder') || DEFAULT_IMAGE_FOLDER;
		const date = imageFolderDate(calendarDateOf(readPageAddress(text).dates?.date), config.get<string>('images.folderDate') === 'today' ? 'today' : 'post', new Date());
		const folder = resolveImageFolder(site.root, template, { date, post: postName(document.uri.path) });
		if ('error' in folder) {
			void vscode.window.showErrorMessage(`Cannot place the photos: ${folder.error}.`);
			return undefined;
		}
		// Photos that fit no slot but have a time: the writer may put them under a session.
		const extra = ask ? await this.#askPlacement(plan, files) : [];
		if (extra === undefined) {
			return undefined;
		}
		const placements = [...plan.placed, ...extra];
		const folderUri = this.sites.toUri(document.uri, folder.folder);
		const existing = await Promise.resolve(vscode.workspace.fs.readDirectory(folderUri)).then(entries => entries.map(([name]) => name), () => []);
		const planned = planImages(placements.map(p => ({ name: p.fileName })), folder.folder, existing, site.staticMounts, document.uri.path);
		const markup = config.get<string>('photos.markup') === 'figure' ? 'figure' : 'markdown';
		const references = new Map(placements.map((placement, i) => [placement, planned[i]]));
		const maxWidth = config.get<number>('photos.maxWidth', 0);
		const edit = new vscode.WorkspaceEdit();
		for (const [i, placement] of placements.entries()) {
			const contents = maxWidth > 0 ? await this.#scaled(files[placement.photo], maxWidth) : files[placement.photo].bytes;
			edit.createFile(this.sites.toUri(document.uri, planned[i].path), { contents, overwrite: false, ignoreIfExists: false });
		}
		for (const insertion of photoInsertions({ ...plan, placed: placements }, placement => photoMarkup(references.get(placement)!.reference, markup))) {
			edit.insert(document.uri, document.positionAt(insertion.offset), insertion.text);
		}
		if (document.version !== version) {
			void vscode.window.showWarningMessage('The post changed while the photos were read: nothing was added. Try again.');
			return undefined;
		}
		const extraSet = new Set(extra.map(p => p.photo));
		const leftOut = plan.unplaced.filter(u => !extraSet.has(u.photo)).map(u => `${files[u.photo].name}: ${u.reason}`);
		const copied = planned.map(p => p.path);
		const lines = placements.map((placement, i) => `  ${files[placement.photo].name} (time from ${plan.photos[placement.photo].capture?.source ?? 'the writer'}) -> ${copied[i]}`);
		return { edit, result: { placed: placements.map(p => references.get(p)!.reference), leftOut, copied }, lines };
	}

	/** The photo scaled down to `maxWidth` (upright), or as it is when narrow enough or of a type not scaled here. */
	async #scaled(file: PhotoFile, maxWidth: number): Promise<Uint8Array> {
		const mimeType = photoMimeType(file.name);
		try {
			return (mimeType && await this.resizer.resize(file.bytes, mimeType, maxWidth)) || file.bytes;
		} catch (error) {
			this.#output.appendLine(`  ${file.name} copied at full size: it could not be scaled (${errorMessage(error)})`);
			return file.bytes;
		}
	}

	/**
	 * Slots for entries the post and its schedule leave untimed, as the writer types them (`14:00-14:40` on
	 * the post's day and offset), or as given. `undefined` when the writer dismissed a question.
	 */
	async #askSlots(text: string, given: Readonly<Record<string, string>> | undefined): Promise<PostSession[] | undefined> {
		const written = /^date\s*[:=]\s*["']?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)/m.exec(text)?.[1];
		const postTime = written ? parseLocalTime(written) : undefined;
		const date = postTime?.date ?? /^date\s*[:=]\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
		if (!date) {
			void vscode.window.showErrorMessage('This post has no session with a time slot, and no date to place typed times on.');
			return [];
		}
		const offsetMinutes = postTime?.offsetMinutes ?? 0;
		const typed = new Map<string, GivenSlot>();
		for (const { title } of postEntries(text)) {
			const answer = given ? given[title] : await vscode.window.showInputBox({
				title: 'Add Photos to Sessions',
				prompt: `When did “${title}” run on ${date}? Start and end as HH:MM-HH:MM; empty to leave it out.`,
				placeHolder: '14:00-14:40',
				ignoreFocusOut: true,
				validateInput: value => value.trim() === '' || parseTypedSlot(value, date, offsetMinutes) ? undefined : 'Start and end as HH:MM-HH:MM, e.g. 14:00-14:40.',
			});
			if (answer === undefined && !given) {
				return undefined;
			}
			const slot = answer ? parseTypedSlot(answer, date, offsetMinutes) : undefined;
			if (slot) {
				typed.set(title, slot);
			}
		}
		return postSessionsWith(text, title => typed.get(title));
	}

	/** The slots the entries keep, else the times the event's schedule gives them (found from their URLs). */
	#sessionsOf(document: vscode.TextDocument, text: string): Promise<PostSession[]> {
		return postSessionsOrSchedule(text, async url => {
			if (!await decideFetch(readSessionSettings(document.uri), true)) {
				return undefined;
			}
			try {
				return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading the schedule for the photos' },
					() => fetchSchedule(this.makeFetcher(SCHEDULE_FETCH_LIMITS), url));
			} catch (error) {
				this.#output.appendLine(`The schedule of ${url} could not be read: ${errorMessage(error)}`);
				return undefined;
			}
		});
	}

	async #readPhotos(chosen: readonly vscode.Uri[]): Promise<PhotoFile[]> {
		const uris: vscode.Uri[] = [];
		for (const uri of chosen) {
			const stat = await vscode.workspace.fs.stat(uri);
			if (stat.type & vscode.FileType.Directory) {
				for (const [name, type] of await vscode.workspace.fs.readDirectory(uri)) {
					if (type & vscode.FileType.File && (isImageFileName(name) || /\.hei[cf]$/i.test(name))) {
						uris.push(vscode.Uri.joinPath(uri, name));
					}
				}
			} else {
				uris.push(uri);
			}
		}
		return Promise.all(uris.map(async uri => {
			const name = uri.path.split('/').pop() ?? 'photo';
			try {
				const [bytes, stat] = await Promise.all([vscode.workspace.fs.readFile(uri), vscode.workspace.fs.stat(uri)]);
				return { name, bytes, modifiedMillis: stat.mtime };
			} catch {
				return { name, bytes: new Uint8Array() };
			}
		}));
	}

	/** For each photo with a time outside every slot: which session, or none. `undefined` when dismissed. */
	async #askPlacement(plan: ReturnType<typeof planPhotos>, files: readonly PhotoFile[]): Promise<PhotoPlacement[] | undefined> {
		const extra: PhotoPlacement[] = [];
		for (const left of plan.unplaced) {
			const capture = plan.photos[left.photo].capture;
			if (!capture) {
				continue;
			}
			const items = [
				{ label: 'Leave it out', session: -1 },
				...plan.sessions.map((session, index) => ({ label: session.title, session: index })),
			];
			const picked = await vscode.window.showQuickPick(items, {
				title: `Add Photos to Sessions: ${files[left.photo].name}`,
				placeHolder: `${left.reason}. Put it under a session?`,
				ignoreFocusOut: true,
			});
			if (!picked) {
				return undefined;
			}
			if (picked.session >= 0) {
				extra.push({ photo: left.photo, session: picked.session, takenAt: 0, fileName: photoFileName(plan.sessions[picked.session].title, capture.time, files[left.photo].name) });
			}
		}
		return extra;
	}

	#report(document: vscode.TextDocument, result: AddPhotosResult, lines: readonly string[]): void {
		this.#output.appendLine(`${vscode.workspace.asRelativePath(document.uri)}: ${result.placed.length} photos added`);
		for (const line of lines) {
			this.#output.appendLine(line);
		}
		for (const line of result.leftOut) {
			this.#output.appendLine(`  left out: ${line}`);
		}
		if (result.copied.length > 0) {
			this.#output.appendLine('  Undo removes the links; the copied files above stay until you delete them.');
		}
	}
}

/** The drop kind of placing dropped photos under their sessions (the drop widget offers it after a drop). */
export const PHOTO_DROP_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'link', 'image', 'eventWriteup', 'sessions');

/** Dropped photos placed under their sessions, a second way to drop offered next to the plain image link. */
export class PhotoDropProvider implements vscode.DocumentDropEditProvider {
	constructor(private readonly placer: PhotoPlacer) { }

	async provideDocumentDropEdits(document: vscode.TextDocument, _position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
		const files: PhotoFile[] = [];
		for (const [mimeType, item] of dataTransfer) {
			const file = item.asFile();
			if (file && (mimeType.startsWith('image/') || isImageFileName(file.name) || /\.hei[cf]$/i.test(file.name))) {
				files.push({ name: file.name, bytes: await file.data() });
			}
		}
		if (files.length === 0 || token.isCancellationRequested) {
			return undefined;
		}
		const offsetText = vscode.workspace.getConfiguration('eventWriteup', document.uri).get<string>('photos.cameraOffset', '');
		const prepared = await this.placer.prepare(document, files, parseClockOffset(offsetText) ?? 0, false);
		if (!prepared || prepared.result.placed.length === 0 || token.isCancellationRequested) {
			return undefined;
		}
		const edit = new vscode.DocumentDropEdit('', `Place ${prepared.result.placed.length === 1 ? 'the photo' : `${prepared.result.placed.length} photos`} under the sessions they were taken in`, PHOTO_DROP_KIND);
		edit.additionalEdit = prepared.edit;
		// The plain image link stays what a drop does; this one is offered in the drop widget.
		edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Empty.append(...HUGO_IMAGE_EDIT_KIND.split('.'))];
		return edit;
	}
}

export function registerPhotoPlacement(sites: WorkspaceSiteIndex, makeFetcher: MakeHttpFetcher, resizer: PhotoResizer): vscode.Disposable {
	const placer = new PhotoPlacer(sites, makeFetcher, resizer);
	return vscode.Disposable.from(
		placer,
		vscode.languages.registerDocumentDropEditProvider({ language: 'markdown' }, new PhotoDropProvider(placer), {
			providedDropEditKinds: [PHOTO_DROP_KIND],
			dropMimeTypes: ['image/*', 'files'],
		}),
		vscode.commands.registerCommand(CommandId.AddPhotosToSessions, (args?: unknown) =>
			placer.run(typeof args === 'object' && args !== null && !Array.isArray(args) && !(args instanceof vscode.Uri) ? args as AddPhotosArgs : undefined)),
	);
}
