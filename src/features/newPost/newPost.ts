import * as vscode from 'vscode';
import { join, relativeInside, resolve } from '../../core/fs/posixPath';
import { formatRfc3339 } from '../../core/posts/date';
import type { PostFormat } from '../../core/posts/frontMatter';
import { planNewPost, type NewPostPlan } from '../../core/posts/newPost';
import { suggestedCategories } from '../../core/posts/suggestCategories';
import { findHugoSite, type HugoSite } from '../../core/site/hugoSite';
import type { SiteTermsCache } from '../../services/siteTerms';
import { withTimeout } from '../../util/async';
import { WorkspaceFileReader } from '../../util/workspaceFileReader';
import { errorMessage } from '../../core/errors';

/** The categories prompt offers the site's usual categories when the site's posts are read by then. */
const CATEGORY_SCAN_MS = 1_500;

/** Arguments for running the command without its input boxes (keybindings, tests). */
export interface NewPostArgs {
	readonly title?: string;
	/** A list, or one comma-separated string. */
	readonly tags?: readonly string[] | string;
	readonly categories?: readonly string[] | string;
	/** RFC 3339; now when absent. */
	readonly date?: string;
	/** The post's body, placed where the writer would start typing, and where its cursor goes in it. */
	readonly body?: { readonly text: string; readonly cursorOffset: number };
}

const FORMATS: ReadonlyArray<PostFormat | 'auto'> = ['auto', 'toml', 'yaml'];

/**
 * "New Event Post": asks for the title, tags and categories, writes `<contentDir>/post/<slug>.md` in the Hugo site
 * of the active file (or of the workspace) from the site's archetype or a TOML/YAML front matter, never
 * over an existing file, and opens it with the cursor below the front matter.
 */
export async function newPostCommand(terms: SiteTermsCache, args?: NewPostArgs): Promise<vscode.Uri | undefined> {
	const located = await locateSite();
	if (!located) {
		void vscode.window.showErrorMessage('No Hugo site found: open a folder (or a file) of a site with hugo.toml, hugo.yaml, hugo.json or config.toml, then run "New Event Post" again.');
		return undefined;
	}
	const { site, files } = located;
	// Arguments (a keybinding, a test) mean no input boxes at all.
	const prompting = args?.title === undefined && args?.tags === undefined && args?.categories === undefined;
	// Read while the writer types the title, so the categories box can open prefilled.
	const usualCategories = prompting ? terms.postsIn(files.toUri(site.contentDir)).then(posts => suggestedCategories(posts), () => []) : Promise.resolve([]);
	const title = typeof args?.title === 'string' ? args.title.trim() : await vscode.window.showInputBox({
		title: 'New Event Post',
		prompt: 'Title of the post',
		placeHolder: 'OpenStack Summit Boston 2017: what I learned',
		ignoreFocusOut: true,
		validateInput: value => value.trim() === '' ? 'The post needs a title.' : undefined,
	}).then(value => value?.trim());
	if (title === undefined) {
		return undefined;
	}
	if (title === '') {
		void vscode.window.showErrorMessage('The post needs a title.');
		return undefined;
	}
	const tags = args?.tags !== undefined || args?.title !== undefined ? listOf(args?.tags) : await askTags();
	if (tags === undefined) {
		return undefined;
	}
	const categories = prompting ? await askCategories(usualCategories) : listOf(args?.categories);
	if (categories === undefined) {
		return undefined;
	}

	const siteUri = files.toUri(site.root);
	const config = vscode.workspace.getConfiguration('eventWriteup.newPost', siteUri);
	const folder = chosenFolder(config);
	if (folder !== undefined && relativeInside(site.root, resolve(site.root, folder)) === undefined) {
		void vscode.window.showErrorMessage(`The folder for new posts (eventWriteup.newPost.folder = "${folder}") is outside the site ${site.root}.`);
		return undefined;
	}
	const format = FORMATS.find(value => value === config.get<unknown>('format')) ?? 'auto';

	let plan: NewPostPlan;
	try {
		plan = await planNewPost(files, site, { title, tags, categories, date: args?.date ?? formatRfc3339(new Date()), format, folder });
	} catch (error) {
		void vscode.window.showErrorMessage(errorMessage(error));
		return undefined;
	}
	const uri = files.toUri(plan.path);
	const bodyAt = offsetOf(plan.text, plan.cursor);
	const text = args?.body ? plan.text.slice(0, bodyAt) + args.body.text + plan.text.slice(bodyAt) : plan.text;
	const edit = new vscode.WorkspaceEdit();
	// Without overwrite a file that appeared since planning makes the edit fail instead of being replaced.
	edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
	if (!await vscode.workspace.applyEdit(edit)) {
		void vscode.window.showErrorMessage(`Could not create ${vscode.workspace.asRelativePath(uri)}: a file may exist there now. Nothing was overwritten.`);
		return undefined;
	}
	const document = await vscode.workspace.openTextDocument(uri);
	// A new post is to be written in: pinned, not a preview tab the next click replaces.
	const editor = await vscode.window.showTextDocument(document, { preview: false });
	const cursor = args?.body
		? document.positionAt(bodyAt + args.body.cursorOffset)
		: document.validatePosition(new vscode.Position(plan.cursor.line, plan.cursor.character));
	editor.selection = new vscode.Selection(cursor, cursor);
	editor.revealRange(new vscode.Range(cursor, cursor));
	if (plan.warnings.length > 0) {
		void vscode.window.showWarningMessage(plan.warnings.join(' '));
	}
	return uri;
}

/** The offset of a line and character in a text. */
function offsetOf(text: string, position: { readonly line: number; readonly character: number }): number {
	let offset = 0;
	for (let line = 0; line < position.line; line++) {
		const next = text.indexOf('\n', offset);
		if (next < 0) {
			return text.length;
		}
		offset = next + 1;
	}
	return Math.min(text.length, offset + position.character);
}

/** The site of the active file, else of the first workspace folder inside (or below) a site. */
async function locateSite(): Promise<{ site: HugoSite; files: WorkspaceFileReader } | undefined> {
	const starts: vscode.Uri[] = [];
	const active = vscode.window.activeTextEditor?.document.uri;
	if (active && !['untitled', 'output', 'vscode-settings'].includes(active.scheme)) {
		starts.push(active);
	}
	for (const folder of vscode.workspace.workspaceFolders ?? []) {
		// A path inside the folder, so the walk up starts at the folder itself.
		starts.push(folder.uri.with({ path: join(folder.uri.path, '.new-post') }));
	}
	for (const start of starts) {
		const files = new WorkspaceFileReader(start);
		const site = await findHugoSite(start.path, files);
		if (site) {
			return { site, files };
		}
	}
	return undefined;
}

/** The configured folder only when the writer set one; the default follows the site's `contentDir`. */
function chosenFolder(config: vscode.WorkspaceConfiguration): string | undefined {
	const inspected = config.inspect<unknown>('folder');
	const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function listOf(value: readonly string[] | string | undefined): string[] {
	const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.map(String) : [];
	return [...new Set(items.map(item => item.trim()).filter(item => item !== ''))];
}

async function askTags(): Promise<string[] | undefined> {
	const text = await vscode.window.showInputBox({
		title: 'New Event Post',
		prompt: 'Tags, separated by commas (optional)',
		placeHolder: 'openstack, kolla',
		ignoreFocusOut: true,
	});
	return text === undefined ? undefined : listOf(text);
}

/** Optional; prefilled with the site's usual categories when they are read in time, else empty. */
async function askCategories(usual: Promise<string[]>): Promise<string[] | undefined> {
	const suggested = await withTimeout(CATEGORY_SCAN_MS, usual, 'reading the site\'s categories').catch(() => []);
	const text = await vscode.window.showInputBox({
		title: 'New Event Post',
		prompt: 'Categories, separated by commas (optional)',
		placeHolder: 'conferences',
		value: suggested.join(', '),
		ignoreFocusOut: true,
	});
	return text === undefined ? undefined : listOf(text);
}
