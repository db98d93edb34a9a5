import { readFileSync } from 'node:fs';
import { isListPagePath } from '../core/frontMatter/documentScope';
import { selectNonOverlappingFixes } from '../core/frontMatter/fixSelection';
import { validateFrontMatter, type Finding } from '../core/frontMatter/validate';
import type { IFileReader } from '../core/fs/fileReader';
import { join, relativeInside } from '../core/fs/posixPath';
import { decodeUtf8, type DecodedText } from '../core/fs/utf8';
import { DEFAULT_CHECK_SETTINGS, readCheckSettings, type CheckSettings } from '../core/settings/checkSettings';
import { findSiteRoot, loadHugoSite, type SiteRootAnswers } from '../core/site/hugoSite';
import { inContentTree } from '../core/site/pages';
import { explainMissingImage, findImageProblems } from '../core/site/problems';
import { lazyPageAddress } from '../core/site/references';
import { resolveImage, type SiteContext } from '../core/site/resolve';
import { StaticFileIndex } from '../core/site/staticIndex';
import { applyTextEdits, range } from '../core/text';
import { errorMessage } from '../core/errors';
import { NodeFileReader } from './nodeFileReader';
import { unifiedDiff } from './unifiedDiff';

/** A problem as `check` reports it: 1-based lines and columns, the file as the command line named it. */
export interface CheckProblem {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
	readonly severity: Finding['severity'];
	readonly code: string;
	readonly message: string;
}

/** What a run of `check` asks of every post. */
export interface PostCheckOptions {
	/** Where the command runs: files are reported relative to it. */
	readonly cwd: string;
	readonly fix: boolean;
	/** With `fix`: a diff of the fixes instead of writing them. */
	readonly dryRun: boolean;
	/** The `--config` file's text, laid over each site's `.vscode/settings.json`. */
	readonly override: string | undefined;
	/** Which codes are reported (`--rules`, `--ignore`). */
	readonly reported: (code: string) => boolean;
}

/** One post's outcome. */
export interface PostResult {
	readonly file: string;
	/** `undefined` when the post could not be read. */
	readonly problems: readonly CheckProblem[] | undefined;
	/** Fixes applied (or, with `dryRun`, that would be). */
	readonly fixed: number;
	/** With `dryRun`: the fixes as a unified diff. */
	readonly diff?: string;
}

/** Writes a post's new text; tests record writes instead. */
export type PostWriter = (path: string, text: string) => Promise<void>;

/** How many posts are read at once. */
const CONCURRENCY = 32;

/** How many rounds of fixes `--fix` applies at most: a fix deferred for overlapping another waits a round. */
const MAX_FIX_ROUNDS = 5;

/**
 * Node file access for `check`: posts are read synchronously. Thousands of small files read through
 * the thread pool cost several round trips each (open, fstat, read, close); a blocking read is several
 * times faster, and nothing else runs while the CLI checks.
 */
export class PostFileReader extends NodeFileReader {
	override async readText(path: string): Promise<string | undefined> {
		try {
			return readFileSync(path, 'utf8');
		} catch {
			return undefined;
		}
	}

	override async readBytes(path: string): Promise<Uint8Array | undefined> {
		try {
			return readFileSync(path);
		} catch {
			return undefined;
		}
	}
}

export function displayPath(cwd: string, file: string): string {
	const inside = relativeInside(cwd, file);
	return inside === undefined || inside === '' ? file : inside;
}

/** Checks (and with `fix`, fixes) posts, each on its own: one post's failure is that post's problem. */
export class PostChecker {
	readonly #files: IFileReader;
	readonly #options: PostCheckOptions;
	readonly #write: PostWriter;
	readonly #sites: SiteContexts;

	constructor(files: IFileReader, options: PostCheckOptions, write: PostWriter, warn: (message: string) => void) {
		this.#files = files;
		this.#options = options;
		this.#write = write;
		this.#sites = new SiteContexts(files, options.override, warn);
	}

	/** Every post's outcome, in the order given. */
	async checkAll(files: readonly string[]): Promise<PostResult[]> {
		const results: PostResult[] = new Array(files.length);
		let next = 0;
		const reader = async () => {
			while (next < files.length) {
				const index = next++;
				results[index] = await this.check(files[index]);
			}
		};
		await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, reader));
		return results;
	}

	async check(file: string): Promise<PostResult> {
		try {
			const post = await readPost(this.#files, file);
			if (post === undefined) {
				return { file, problems: undefined, fixed: 0 };
			}
			const unfit = unfitForChecking(post.text);
			if (unfit !== undefined) {
				return { file, problems: this.#reportable(file, [unfit]), fixed: 0 };
			}
			if (!this.#options.fix) {
				return { file, problems: this.#reportable(file, await checkPost(file, post, this.#sites)), fixed: 0 };
			}
			const fixed = await fixPost(file, post, this.#sites);
			const problems = this.#reportable(file, fixed.findings);
			if (fixed.text === post.text) {
				return { file, problems, fixed: 0 };
			}
			if (this.#options.dryRun) {
				return { file, problems, fixed: fixed.fixed, diff: unifiedDiff(post.text, fixed.text, displayPath(this.#options.cwd, file)) };
			}
			await this.#write(file, fixed.text);
			return { file, problems, fixed: fixed.fixed };
		} catch (error) {
			// One post the checker cannot handle must not hide the findings for every other post.
			return { file, problems: this.#reportable(file, [internalFailure(error)]), fixed: 0 };
		}
	}

	#reportable(file: string, findings: readonly Finding[]): CheckProblem[] {
		const shown = displayPath(this.#options.cwd, file);
		return findings.filter(f => this.#options.reported(f.code)).map(f => checkProblem(shown, f));
	}
}

/**
 * A post's text, with where its bytes were not UTF-8 when the reader can tell. Decoding replaces invalid
 * bytes with U+FFFD, so only a text that holds one (rare: a writer may type it too) is read again as bytes
 * to tell which are which; every other post is decoded once, by the reader.
 */
async function readPost(files: IFileReader, path: string): Promise<DecodedText | undefined> {
	const text = await files.readText(path);
	if (text === undefined || !text.includes('\ufffd') || !files.readBytes) {
		return text === undefined ? undefined : { text, invalidOffsets: [] };
	}
	const bytes = await files.readBytes(path);
	return bytes ? decodeUtf8(bytes) : { text, invalidOffsets: [] };
}

/**
 * Applies the preferred fixes of a post round after round until none is left (or `MAX_FIX_ROUNDS`), as the
 * editor's "Fix All" does each time it runs; returns the new text and what is left to report. A post
 * holding bytes that are not UTF-8 is left as it is: writing it back would replace them.
 */
async function fixPost(file: string, post: DecodedText, sites: SiteContexts): Promise<{ text: string; fixed: number; findings: Finding[] }> {
	let text = post.text;
	let fixed = 0;
	let findings = await checkPost(file, post, sites);
	for (let round = 0; round < MAX_FIX_ROUNDS && post.invalidOffsets.length === 0; round++) {
		const selection = selectNonOverlappingFixes(findings);
		if (selection.edits.length === 0) {
			break;
		}
		text = applyTextEdits(text, selection.edits);
		fixed += selection.fixed;
		findings = await checkPost(file, { text, invalidOffsets: [] }, sites);
	}
	return { text, fixed, findings };
}

async function checkPost(file: string, { text, invalidOffsets }: DecodedText, sites: SiteContexts): Promise<Finding[]> {
	const context = await sites.forFile(file);
	const settings = await sites.settingsForFile(file);
	const pageAddress = lazyPageAddress(text);
	const resolve = (site: SiteContext, src: string) => resolveImage(site, file, src, pageAddress, 'frontMatter');
	const listPage = isListPagePath(file);
	const findings = !settings.frontMatter ? [] : validateFrontMatter(text, {
		// As in the editor: a section page (`_index.md`) is titled by Hugo and needs no field.
		requiredFields: listPage ? [] : settings.requiredFields,
		invalidUtf8Offsets: invalidOffsets,
		imageExists: context ? src => {
			const image = resolve(context, src);
			return image.remote ? undefined : image.resolved !== undefined;
		} : undefined,
		describeMissingImage: context ? src => explainMissingImage(context, file, resolve(context, src)) : undefined,
	});
	// Hugo titles a section or the home page (`_index.md`) from its folder or the site: no title is fine there.
	const checked = listPage ? findings.filter(f => f.code !== 'fm-title-missing') : findings;
	// The images of the body, as the editor reports them: only a page of the site is published.
	const inContent = context !== undefined && inContentTree(context.site, file);
	const images = context && inContent && settings.images ? findImageProblems(text, file, context).map(p => ({ code: p.code, message: p.message, severity: p.severity, range: p.range, fixes: [] })) : [];
	return [...checked, ...images].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * A finding as reported, 1-based. It outlives its post, so its message is a copy of its own: V8 keeps a
 * string cut from a longer one (an image path from the front matter) as a view of that string, and the
 * message would keep the whole post in memory until the run ends (70 MB over a 5,000-post site).
 */
function checkProblem(file: string, finding: Finding): CheckProblem {
	return {
		file,
		line: finding.range.start.line + 1, column: finding.range.start.character + 1,
		endLine: finding.range.end.line + 1, endColumn: finding.range.end.character + 1,
		severity: finding.severity, code: finding.code, message: JSON.parse(JSON.stringify(finding.message)) as string,
	};
}

/**
 * VS Code hands extensions no document longer than this (`TextModel._MODEL_SYNC_LIMIT`, in characters): the
 * editor never checks such a post, and neither does `check`, which would report the same problems.
 */
const MAX_POST_MB = 50;
const MAX_POST_LENGTH = MAX_POST_MB * 1024 * 1024;

/** Why a file is not checked at all: it is not text, or it is larger than the editor checks. */
function unfitForChecking(text: string): Finding | undefined {
	const nul = text.indexOf('\u0000');
	if (nul >= 0) {
		const line = text.slice(0, nul).split('\n').length;
		return notChecked(`This file is not text: it holds a NUL byte (line ${line}), as an image or other binary file does, so it was not checked.`);
	}
	if (text.length > MAX_POST_LENGTH) {
		const size = (text.length / (1024 * 1024)).toFixed(1);
		return notChecked(`This post is ${size} MB, larger than the ${MAX_POST_MB} MB VS Code hands to extensions: the editor does not check it, and neither does check.`);
	}
	return undefined;
}

function notChecked(message: string): Finding {
	return { code: 'fm-internal', severity: 'error', range: range(0, 0, 0, 0), fixes: [], message };
}

function internalFailure(error: unknown): Finding {
	return notChecked(`This file could not be checked (${errorMessage(error)}). Its front matter is not verified; the other files are.`);
}

/** One site model per Hugo site, and one site lookup per folder: thousands of posts share both. */
class SiteContexts {
	readonly #byFolder = new Map<string, Promise<SiteContext | undefined>>();
	readonly #byRoot = new Map<string, Promise<SiteContext | undefined>>();
	readonly #rootAnswers: SiteRootAnswers = new Map();
	/** Site root (`undefined` for posts outside a site) → its settings with `--config` laid over them. */
	readonly #settingsByRoot = new Map<string | undefined, Promise<CheckSettings>>();

	constructor(private readonly files: IFileReader, private readonly override: string | undefined, private readonly warn: (message: string) => void) {}

	/**
	 * The editor settings for a post: its site's `.vscode/settings.json` (as VS Code applies a workspace's),
	 * then the `--config` file over them. A settings file that does not parse is said once and skipped.
	 */
	async settingsForFile(file: string): Promise<CheckSettings> {
		const root = (await this.forFile(file))?.site.root;
		let settings = this.#settingsByRoot.get(root);
		if (settings === undefined) {
			settings = this.#readSettings(root);
			this.#settingsByRoot.set(root, settings);
		}
		return settings;
	}

	async #readSettings(root: string | undefined): Promise<CheckSettings> {
		const base = root === undefined ? DEFAULT_CHECK_SETTINGS : await this.#readSiteSettings(root);
		return this.override === undefined ? base : readCheckSettings(this.override, base);
	}

	async #readSiteSettings(root: string): Promise<CheckSettings> {
		const path = join(root, '.vscode', 'settings.json');
		const text = await this.files.readText(path);
		if (text === undefined) {
			return DEFAULT_CHECK_SETTINGS;
		}
		try {
			return readCheckSettings(text);
		} catch (error) {
			this.warn(`${path} is not valid JSON with comments (${errorMessage(error)}): its settings are not applied`);
			return DEFAULT_CHECK_SETTINGS;
		}
	}

	forFile(file: string): Promise<SiteContext | undefined> {
		const folder = file.slice(0, file.lastIndexOf('/')) || '/';
		let context = this.#byFolder.get(folder);
		if (!context) {
			context = findSiteRoot(file, this.files, this.#rootAnswers).then(root => root === undefined ? undefined : this.#forRoot(root));
			this.#byFolder.set(folder, context);
		}
		return context;
	}

	#forRoot(root: string): Promise<SiteContext | undefined> {
		let context = this.#byRoot.get(root);
		if (!context) {
			context = (async () => {
				const site = await loadHugoSite(root, this.files);
				return site ? { site, index: await StaticFileIndex.build(site, this.files) } : undefined;
			})();
			this.#byRoot.set(root, context);
		}
		return context;
	}
}
