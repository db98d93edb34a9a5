import { isMarkdownFileName, isSearchedFolder } from '../core/frontMatter/documentScope';
import type { IFileReader } from '../core/fs/fileReader';
import { join, resolve } from '../core/fs/posixPath';
import { readCheckSettings } from '../core/settings/checkSettings';
import { errorMessage } from '../core/errors';
import { oneOf, parseCommandArgs } from './args';
import { writeFileAtomically } from './atomicWrite';
import { githubAnnotations } from './githubAnnotations';
import { ExitCode, UsageError, type CliCommand } from './io';
import { displayPath, PostChecker, PostFileReader, type CheckProblem, type PostCheckOptions, type PostWriter } from './postChecker';
import { sarifLog } from './sarif';
import { VERSION } from './version';

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

/** The `check` command; `files` exists for tests. */
export function createCheckCommand(files: IFileReader = new PostFileReader(), write: PostWriter = writeFileAtomically): CliCommand {
	return {
		name: 'check',
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
			const options: PostCheckOptions = { cwd: io.cwd, fix: values.fix === true, dryRun: values['dry-run'] === true, override, reported };
			const checker = new PostChecker(files, options, write, warning => io.stderr(`event-writeup check: ${warning}\n`));
			const results = await checker.checkAll(unique);

			const problems: CheckProblem[] = [];
			let unreadable = 0;
			let fixedCount = 0;
			let fixedFiles = 0;
			for (const result of results) {
				if (!result.problems) {
					unreadable++;
					io.stderr(`event-writeup check: cannot read ${displayPath(io.cwd, result.file)}\n`);
					continue;
				}
				// One by one: a post with hundreds of thousands of problems would overflow the stack as arguments.
				for (const problem of result.problems) {
					problems.push(problem);
				}
				if (result.fixed > 0) {
					fixedCount += result.fixed;
					fixedFiles++;
				}
				if (result.diff !== undefined) {
					io.stdout(result.diff);
				}
			}
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

/**
 * Every Markdown post below `folder`. A folder that cannot be listed (gone mid-run, no permission) is
 * passed to `unreadable` and the walk goes on: one bad folder must not hide every other post.
 */
async function collectPosts(folder: string, files: IFileReader, into: string[], unreadable: (folder: string, error: unknown) => void, walked = new Set<string>()): Promise<void> {
	// A folder reached again through a symbolic link (one to a parent folder loops forever) is walked once.
	const real = await files.realPath?.(folder) ?? folder;
	if (walked.has(real)) {
		return;
	}
	walked.add(real);
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
				await collectPosts(path, files, into, unreadable, walked);
			}
		} else if (isMarkdownFileName(name)) {
			into.push(path);
		}
	}));
}
