import { isListPagePath, isMarkdownFileName, isSearchedFolder } from '../core/frontMatter/documentScope';
import { readFileSync } from 'node:fs';
import type { IFileReader } from '../core/fs/fileReader';
import { decodeUtf8, type DecodedText } from '../core/fs/utf8';
import { join, relativeInside, resolve } from '../core/fs/posixPath';
import { selectNonOverlappingFixes } from '../core/frontMatter/fixSelection';
import { validateFrontMatter, type Finding } from '../core/frontMatter/validate';
import { DEFAULT_CHECK_SETTINGS, readCheckSettings, type CheckSettings } from '../core/settings/checkSettings';
import { findSiteRoot, loadHugoSite } from '../core/site/hugoSite';
import { readPageAddress } from '../core/site/references';
import { inContentTree } from '../core/site/pages';
import { explainMissingImage, findImageProblems } from '../core/site/problems';
import { resolveImage, type SiteContext } from '../core/site/resolve';
import { StaticFileIndex } from '../core/site/staticIndex';
import { applyTextEdits, range } from '../core/text';
import { oneOf, parseCommandArgs } from './args';
import { githubAnnotations } from './githubAnnotations';
import { VERSION } from './version';
import { sarifLog } from './sarif';
import { unifiedDiff } from './unifiedDiff';
import { writeFileAtomically } from './atomicWrite';
import { ExitCode, UsageError, type CliCommand } from './io';
import { NodeFileReader } from './nodeFileReader';
import { errorMessage } from '../core/errors';

const USAGE = `Usage: event-writeup check [--format text|json] PATH...

Checks Markdown posts the way Hugo reads them: the front matter's syntax (TOML, YAML, JSON),
duplicate keys, dates Hugo cannot read, draft, tags/categories/aliases/keywords lists, slug,
url, title and cover/images paths, and the images of the body (paths Hugo publishes nothing
at, raw <img> tags it omits), against the Hugo site the post belongs to. A PATH may be a file
or a folder; folders are searched for Markdown files (.md, .markdown, .mdown, .mkd, .mkdn).

Options:
  --format FMT        text (default): one "FILE:LINE:COLUMN: SEVERITY CODE MESSAGE" line per problem;
                      json: {"problems":[{"file","line","column","endLine","endColumn","severity",
                      "code","message"}]} with 1-based lines and columns;
                      github: GitHub Actions workflow commands, an annotation on each problem's line;
                      sarif: one SARIF 2.1.0 log (code scanning), rules and results with regions.
  --rules CODES       report only these codes (comma-separated, e.g. image-not-found,fm-date-unparsable)
  --ignore CODES      report everything but these codes
  --max-warnings N    also fail (exit 1) when there are more than N warnings (0: any warning fails)
  --fix               apply every preferred fix (what the editor's "Fix All" applies) and write each
                      changed file in one step (a new file renamed over the old: never half a file);
                      what is left is reported, and decides the exit code
  --dry-run           with --fix: print the fixes as a unified diff instead of writing them
  --config FILE       editor settings to apply (a VS Code settings.json: eventWriteup.frontMatter.validate,
                      eventWriteup.frontMatter.requiredFields, eventWriteup.images.validate), over those
                      of each site's .vscode/settings.json, which apply as in the editor

Exit codes: 0 no errors (warnings allowed up to --max-warnings), 1 at least one error (or too
many warnings), 2 bad command line or a PATH that does not exist.`;

/** How many files are read at once. */
const CONCURRENCY = 32;

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

/**
 * Node file access for `check`: posts are read synchronously. Thousands of small files read through
 * the thread pool cost several round trips each (open, fstat, read, close); a blocking read is several
 * times faster, and nothing else runs while the CLI checks.
 */
class PostFileReader extends NodeFileReader {
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

/** A post's text, with where its bytes were not UTF-8 when the reader can tell. */
async function readPost(files: IFileReader, path: string): Promise<DecodedText | undefined> {
	if (files.readBytes) {
		const bytes = await files.readBytes(path);
		return bytes && decodeUtf8(bytes);
	}
	const text = await files.readText(path);
	return text === undefined ? undefined : { text, invalidOffsets: [] };
}

/** The `check` command; `files` exists for tests. */
export function createCheckCommand(files: IFileReader = new PostFileReader(), write: PostWriter = writeFileAtomically): CliCommand {
	return {
		name: 'check',
		summary: 'Check posts as Hugo reads them: front matter and images',
		usage: USAGE,
		async run(args, io) {
			const { values, positionals } = parseCommandArgs(args, {
				'format': { type: 'string' }, 'rules': { type: 'string' }, 'ignore': { type: 'string' }, 'max-warnings': { type: 'string' },
				'fix': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, 'config': { type: 'string' },
			});
			const override = values.config === undefined ? undefined : await readConfigFile(files, resolve(io.cwd, values.config), values.config);
			if (values['dry-run'] && !values.fix) {
				throw new UsageError('--dry-run goes with --fix');
			}
			const format = oneOf('format', values.format, ['text', 'json', 'github', 'sarif'], 'text');
			if (values['dry-run'] && format !== 'text') {
				throw new UsageError('--dry-run prints a diff: it goes with --format text');
			}
			const reported = codeFilter(values.rules, values.ignore);
			const maxWarnings = values['max-warnings'] === undefined ? Infinity : count('max-warnings', values['max-warnings']);
			if (positionals.length === 0) {
				throw new UsageError('expected at least one PATH (a Markdown file or a folder of posts)');
			}
			const posts: string[] = [];
			let unreadableFolders = 0;
			for (const given of positionals) {
				const path = resolve(io.cwd, given);
				const kind = await files.stat(path);
				if (kind === undefined) {
					throw new UsageError(`no such file or folder: ${given}`);
				}
				if (kind === 'file') {
					posts.push(path);
				} else {
					await collectPosts(path, files, posts, (folder, error) => {
						unreadableFolders++;
						io.stderr(`event-writeup check: cannot read the folder ${displayPath(io.cwd, folder)} (${errorMessage(error)}); the other posts are checked\n`);
					});
				}
			}
			const unique = [...new Set(posts)].sort();
			const sites = new SiteContexts(files, override, warning => io.stderr(`event-writeup check: ${warning}\n`));
			const diffs = new Map<string, string>();
			let fixedCount = 0;
			let fixedFiles = 0;
			const results = await mapLimited(unique, CONCURRENCY, async file => {
				try {
					const post = await readPost(files, file);
					if (post === undefined) {
						return { file, findings: undefined };
					}
					if (!values.fix) {
						return { file, findings: await checkPost(file, post, sites) };
					}
					const fixed = await fixPost(file, post, sites);
					if (fixed.text !== post.text) {
						if (values['dry-run']) {
							diffs.set(file, unifiedDiff(post.text, fixed.text, displayPath(io.cwd, file)));
						} else {
							await write(file, fixed.text);
						}
						fixedCount += fixed.fixed;
						fixedFiles++;
					}
					return { file, findings: fixed.findings };
				} catch (error) {
					// One post the checker cannot handle must not hide the findings for every other post.
					return { file, findings: [internalFailure(error)] };
				}
			});

			const problems: CheckProblem[] = [];
			let unreadable = 0;
			for (const { file, findings } of results) {
				const shown = displayPath(io.cwd, file);
				if (!findings) {
					unreadable++;
					io.stderr(`event-writeup check: cannot read ${shown}\n`);
					continue;
				}
				for (const finding of findings.filter(f => reported(f.code))) {
					problems.push({
						file: shown,
						line: finding.range.start.line + 1, column: finding.range.start.character + 1,
						endLine: finding.range.end.line + 1, endColumn: finding.range.end.character + 1,
						severity: finding.severity, code: finding.code, message: finding.message,
					});
				}
			}
			// Diffs in the order of the files, whatever order the checks finished in.
			io.stdout([...diffs].sort(([a], [b]) => a.localeCompare(b)).map(([, diff]) => diff).join(''));
			if (values.fix) {
				io.stderr(`${values['dry-run'] ? 'would fix' : 'fixed'} ${fixedCount} problem${fixedCount === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`);
			}
			if (format === 'json') {
				io.stdout(`${JSON.stringify({ problems }, undefined, 2)}\n`);
			} else if (format === 'github') {
				io.stdout(githubAnnotations(problems));
			} else if (format === 'sarif') {
				io.stdout(sarifLog(problems, io.cwd, VERSION));
			} else {
				io.stdout(problems.map(p => `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code} ${p.message}\n`).join(''));
				const errors = problems.filter(p => p.severity === 'error').length;
				io.stderr(`${unique.length} file${unique.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} other problem${problems.length - errors === 1 ? '' : 's'}\n`);
			}
			const warnings = problems.filter(p => p.severity === 'warning').length;
			return problems.some(p => p.severity === 'error') || unreadable + unreadableFolders > 0 || warnings > maxWarnings ? ExitCode.Failure : ExitCode.Ok;
		},
	};
}

export const checkCommand = createCheckCommand();

/** The `--config` file's text, checked once: a file that is missing or does not parse is a usage error. */
async function readConfigFile(files: IFileReader, path: string, given: string): Promise<string> {
	const text = await files.readText(path);
	if (text === undefined) {
		throw new UsageError(`no such settings file: ${given}`);
	}
	try {
		readCheckSettings(text);
	} catch (error) {
		throw new UsageError(`${given} is not a settings.json (JSON with comments): ${errorMessage(error)}`);
	}
	return text;
}

/** How many rounds of fixes `--fix` applies at most: a fix deferred for overlapping another waits a round. */
const MAX_FIX_ROUNDS = 5;

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

/** Writes a post's new text; tests record writes instead. */
export type PostWriter = (path: string, text: string) => Promise<void>;

/** Which codes are reported: `--rules` lists the only ones, `--ignore` the ones left out. */
function codeFilter(rules: string | undefined, ignore: string | undefined): (code: string) => boolean {
	const list = (value: string | undefined) => new Set((value ?? '').split(',').map(code => code.trim()).filter(code => code !== ''));
	const only = list(rules);
	const ignored = list(ignore);
	if (rules !== undefined && only.size === 0) {
		throw new UsageError('--rules needs at least one code');
	}
	return code => (only.size === 0 || only.has(code)) && !ignored.has(code);
}

/** A flag's whole-number value. */
function count(flag: string, value: string): number {
	if (!/^\d+$/.test(value)) {
		throw new UsageError(`--${flag} must be a whole number (got '${value}')`);
	}
	return Number(value);
}

async function checkPost(file: string, { text, invalidOffsets }: DecodedText, sites: SiteContexts): Promise<Finding[]> {
	const context = await sites.forFile(file);
	const settings = await sites.settingsForFile(file);
	let page: ReturnType<typeof readPageAddress> | undefined;
	const resolve = (site: SiteContext, src: string) => {
		// Only a relative path depends on the page's address; reading it parses the front matter again.
		if (!src.startsWith('/')) {
			page ??= readPageAddress(text);
		}
		return resolveImage(site, file, src, page, 'frontMatter');
	};
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

function internalFailure(error: unknown): Finding {
	const reason = errorMessage(error);
	return {
		code: 'fm-internal', severity: 'error', range: range(0, 0, 0, 0), fixes: [],
		message: `This file could not be checked (${reason}). Its front matter is not verified; the other files are.`,
	};
}

/** One site model per Hugo site, and one site lookup per folder: thousands of posts share both. */
class SiteContexts {
	readonly #byFolder = new Map<string, Promise<SiteContext | undefined>>();
	readonly #byRoot = new Map<string, Promise<SiteContext | undefined>>();
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
			context = findSiteRoot(file, this.files).then(root => root === undefined ? undefined : this.#forRoot(root));
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

/**
 * Every Markdown post below `folder`. A folder that cannot be listed (gone mid-run, no permission) is
 * passed to `unreadable` and the walk goes on: one bad folder must not hide every other post.
 */
async function collectPosts(folder: string, files: IFileReader, into: string[], unreadable: (folder: string, error: unknown) => void): Promise<void> {
	let entries: Awaited<ReturnType<IFileReader['readDirectory']>>;
	try {
		entries = await files.readDirectory(folder);
	} catch (error) {
		unreadable(folder, error);
		return;
	}
	await Promise.all(entries.map(async ([name, kind]) => {
		const path = join(folder, name);
		if (kind === 'directory') {
			if (isSearchedFolder(name)) {
				await collectPosts(path, files, into, unreadable);
			}
		} else if (isMarkdownFileName(name)) {
			into.push(path);
		}
	}));
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

function displayPath(cwd: string, file: string): string {
	const inside = relativeInside(cwd, file);
	return inside === undefined || inside === '' ? file : inside;
}
