import * as vscode from 'vscode';
import { basename, relativeInside } from '../../core/fs/posixPath';
import { calendarDateOf } from '../../core/site/permalinks';
import { readPageAddress } from '../../core/site/references';
import { writtenPathOf } from '../../core/site/resolve';
import { DEFAULT_IMAGE_FOLDER, HUGO_IMAGE_EDIT_KIND, imageFolderDate, imageUrl, isImageFileName, planImages, postName, referenceFor, resolveImageFolder, sanitizeImageName, type PlannedImage } from '../../core/writing/imageFiles';
import type { WorkspaceSiteIndex } from '../../services/workspaceSiteIndex';
import { withTimeout } from '../../util/async';

const SITE_TIMEOUT_MS = 5_000;
const FOLDER_SETTING = 'eventWriteup.images.folder';
const FOLDER_DATE_SETTING = 'eventWriteup.images.folderDate';
/** Clipboard images and dropped files; `files` also covers files dropped from outside VS Code. */
const IMAGE_MIME_TYPES = ['image/*', 'text/uri-list', 'files'];

/** An image offered by a paste or a drop: bytes to copy, or a file already in the site to link to. */
interface IncomingImage {
	readonly name: string;
	readonly mimeType?: string;
	readonly file?: vscode.DataTransferFile;
	readonly source?: vscode.Uri;
}

/**
 * Pasting or dropping image files into a post of a Hugo site copies them into the site's image folder
 * (`eventWriteup.images.folder`, by default `static/images/YYYY/MM/`) and inserts their site-root paths.
 * Outside a Hugo site it offers nothing, so VS Code's own Markdown paste applies.
 */
export function registerImagePasting(selector: vscode.DocumentSelector, sites: WorkspaceSiteIndex): vscode.Disposable {
	const provider = new HugoImagePasteProvider(sites);
	return vscode.Disposable.from(
		vscode.languages.registerDocumentPasteEditProvider(selector, provider, { providedPasteEditKinds: [HugoImagePasteProvider.kind], pasteMimeTypes: IMAGE_MIME_TYPES }),
		vscode.languages.registerDocumentDropEditProvider(selector, provider, { providedDropEditKinds: [HugoImagePasteProvider.kind], dropMimeTypes: IMAGE_MIME_TYPES }),
	);
}

/** The result of one paste or drop: what to insert and the files to create, applied together (one undo). */
export interface ImageInsertion {
	readonly snippet: vscode.SnippetString;
	readonly edit: vscode.WorkspaceEdit;
	readonly images: readonly PlannedImage[];
}

export class HugoImagePasteProvider implements vscode.DocumentPasteEditProvider, vscode.DocumentDropEditProvider {
	static readonly kind = vscode.DocumentDropOrPasteEditKind.Empty.append(...HUGO_IMAGE_EDIT_KIND.split('.'));
	readonly #sites: WorkspaceSiteIndex;

	constructor(sites: WorkspaceSiteIndex) {
		this.#sites = sites;
	}

	async provideDocumentPasteEdits(document: vscode.TextDocument, _ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer, _context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
		const insertion = await this.prepare(document, dataTransfer, token);
		if (!insertion) {
			return undefined;
		}
		const edit = new vscode.DocumentPasteEdit(insertion.snippet, titleFor(insertion), HugoImagePasteProvider.kind);
		edit.additionalEdit = insertion.edit;
		return [edit];
	}

	async provideDocumentDropEdits(document: vscode.TextDocument, _position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
		const insertion = await this.prepare(document, dataTransfer, token);
		if (!insertion) {
			return undefined;
		}
		const edit = new vscode.DocumentDropEdit(insertion.snippet, titleFor(insertion), HugoImagePasteProvider.kind);
		edit.additionalEdit = insertion.edit;
		return edit;
	}

	/**
	 * Plans the files and the Markdown of a paste or drop. Nothing is written here: the files are created by
	 * the edit's `additionalEdit` together with the inserted text, and never over an existing file.
	 */
	async prepare(document: vscode.TextDocument, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<ImageInsertion | undefined> {
		const incoming = await collectImages(dataTransfer);
		if (incoming.length === 0 || token.isCancellationRequested) {
			return undefined;
		}
		const context = await withTimeout(SITE_TIMEOUT_MS, this.#sites.siteFor(document.uri), 'finding the post\'s Hugo site').catch(() => undefined);
		if (!context || token.isCancellationRequested) {
			return undefined;
		}
		const { site } = context;
		const template = vscode.workspace.getConfiguration(undefined, document.uri).get<string>(FOLDER_SETTING) || DEFAULT_IMAGE_FOLDER;
		const dateChoice = vscode.workspace.getConfiguration(undefined, document.uri).get<string>(FOLDER_DATE_SETTING) === 'today' ? 'today' : 'post';
		const date = imageFolderDate(calendarDateOf(readPageAddress(document.getText()).dates?.date), dateChoice, new Date());
		const folder = resolveImageFolder(site.root, template, { date, post: postName(document.uri.path) });
		if ('error' in folder) {
			void vscode.window.showErrorMessage(`Cannot place the image: ${folder.error}.`);
			return undefined;
		}
		// Files already published by the site (dragged from the explorer) are linked, not copied again.
		const linked = new Map<IncomingImage, string>();
		for (const image of incoming) {
			if (image.source && image.source.scheme === document.uri.scheme && site.staticMounts.some(m => relativeInside(m.source, image.source!.path) !== undefined)) {
				linked.set(image, referenceFor(image.source.path, site.staticMounts, document.uri.path, sitePath => writtenPathOf(site, sitePath)));
			}
		}
		const toCopy = incoming.filter(image => !linked.has(image));
		const folderUri = this.#sites.toUri(document.uri, folder.folder);
		const existing = toCopy.length > 0 ? await existingNames(folderUri) : [];
		const planned = planImages(toCopy, folder.folder, existing, site.staticMounts, document.uri.path, sitePath => writtenPathOf(site, sitePath));
		const edit = new vscode.WorkspaceEdit();
		for (const [index, image] of toCopy.entries()) {
			const contents = image.file ? await image.file.data() : await vscode.workspace.fs.readFile(image.source!);
			edit.createFile(this.#sites.toUri(document.uri, planned[index].path), { contents, overwrite: false, ignoreIfExists: false });
		}
		if (token.isCancellationRequested) {
			return undefined;
		}
		const snippet = new vscode.SnippetString();
		let plannedIndex = 0;
		for (const [index, image] of incoming.entries()) {
			if (index > 0) {
				snippet.appendText('\n\n');
			}
			const linkedReference = linked.get(image);
			const { reference, alt } = linkedReference !== undefined
				? { reference: linkedReference, alt: sanitizeImageName(image.name).base }
				: planned[plannedIndex++];
			// The alt text is a placeholder: describing the photo is the writer's next step.
			snippet.appendText('![').appendPlaceholder(alt).appendText(`](${imageUrl(reference)})`);
		}
		return { snippet, edit, images: planned };
	}
}

function titleFor(insertion: ImageInsertion): string {
	const count = insertion.images.length;
	return count === 0 ? 'Insert site image path' : `Copy ${count === 1 ? 'image' : `${count} images`} to the site and insert site-root path${count === 1 ? '' : 's'}`;
}

/** Image files of a data transfer: clipboard/OS files first, else image URIs of a `text/uri-list`. */
async function collectImages(dataTransfer: vscode.DataTransfer): Promise<IncomingImage[]> {
	const files: IncomingImage[] = [];
	for (const [mimeType, item] of dataTransfer) {
		const file = item.asFile();
		if (file && (mimeType.startsWith('image/') || isImageFileName(file.name))) {
			files.push({ name: file.name, mimeType, file, source: file.uri });
		}
	}
	if (files.length > 0) {
		return files;
	}
	const uriList = await dataTransfer.get('text/uri-list')?.asString();
	if (!uriList) {
		return [];
	}
	const images: IncomingImage[] = [];
	for (const line of uriList.split(/\r?\n/)) {
		const trimmed = line.trim();
		if (!trimmed || trimmed.startsWith('#')) {
			continue; // RFC 2483: comment lines
		}
		try {
			const uri = vscode.Uri.parse(trimmed, true);
			if (isImageFileName(uri.path)) {
				images.push({ name: basename(uri.path), source: uri });
			}
		} catch {
			// Not a URI: not ours to handle.
		}
	}
	return images;
}

async function existingNames(folder: vscode.Uri): Promise<string[]> {
	try {
		return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
	} catch {
		return []; // the folder does not exist yet: creating the file creates it
	}
}
