import { promises as fs } from 'node:fs';
import { errorMessage } from '../core/errors';
import { basename, resolve } from '../core/fs/posixPath';
import { parseClockOffset, photoInsertions, photoMarkup, planPhotos, postSessionsOrSchedule, type PhotoFile } from '../core/photos/placement';
import { fetchSchedule } from '../core/schedule/sources';
import type { HttpFetcher } from '../core/sessions/types';
import { photoMimeType } from '../core/photos/resizer';
import { NodePhotoResizer } from '../util/nodePhotoResizer';
import { calendarDateOf } from '../core/site/permalinks';
import { findHugoSite } from '../core/site/hugoSite';
import { readPageAddress } from '../core/site/references';
import { DEFAULT_IMAGE_FOLDER, imageFolderDate, planImages, postName, resolveImageFolder } from '../core/writing/imageFiles';
import { writeFileAtomically } from './atomicWrite';
import { oneOf, parseCommandArgs } from './args';
import { scheduleFetcher } from './scheduleCommand';
import { ExitCode, UsageError, type CliCommand } from './io';
import { NodeFileReader } from './nodeFileReader';

const USAGE = `Usage: event-writeup photos [--offset ±HH:MM:SS] [--markup markdown|figure] [--folder TEMPLATE]
                            [--max-width PX] [--dry-run] POST FILE...

Places photos under the sessions they were taken in: each photo's capture time (EXIF, else a time in
its name, else its modification time) is matched with the slots the post's entries keep (written by
"New Write-up from Schedule"); the photo is copied into the site (never over a file) and linked after
the session's notes, in capture order. Photos in no slot, and photos that cannot be read, are listed.

Options:
  --offset OFFSET   Added to the camera's clock: +01:00:00 when the camera was an hour behind.
  --markup MARKUP   markdown (default): ![](/images/…); figure: {{< figure src="…" >}}.
  --folder TEMPLATE Where copies go, relative to the site root (default ${DEFAULT_IMAGE_FOLDER}).
  --max-width PX    Scale JPEG and PNG photos wider than PX down to it (upright by their EXIF orientation).
  --dry-run         Print the plan; copy and change nothing.

Exit codes: 0 placed (or planned), 1 a photo was left out or cannot be read, 2 bad command line.`;

/** The `photos` command; `makeFetcher` (for a schedule that times the entries) exists for tests. */
export function createPhotosCommand(makeFetcher: () => HttpFetcher = scheduleFetcher): CliCommand {
	const files = new NodeFileReader();
	const resizer = new NodePhotoResizer();
	return {
		name: 'photos',
		usage: USAGE,
		async run(args, io) {
			const { values, positionals } = parseCommandArgs(args, {
				'offset': { type: 'string' },
				'markup': { type: 'string' },
				'folder': { type: 'string' },
				'dry-run': { type: 'boolean' },
				'max-width': { type: 'string' },
			});
			const maxWidth = values['max-width'] === undefined ? 0 : Number(values['max-width']);
			if (!Number.isInteger(maxWidth) || maxWidth < 0) {
				throw new UsageError(`--max-width expects a number of pixels (got '${values['max-width']}')`);
			}
			const markup = oneOf('markup', values.markup, ['markdown', 'figure'], 'markdown');
			if (positionals.length < 2) {
				throw new UsageError('expected a POST and at least one photo FILE');
			}
			const offset = values.offset === undefined ? 0 : parseClockOffset(values.offset);
			if (offset === undefined) {
				throw new UsageError(`--offset expects ±HH:MM:SS (got '${values.offset}')`);
			}
			const post = resolve(io.cwd, positionals[0]);
			const text = await files.readText(post);
			if (text === undefined) {
				io.stderr(`error: cannot read ${post}\n`);
				return ExitCode.Failure;
			}
			const site = await findHugoSite(post, files);
			if (!site) {
				io.stderr(`error: ${post} is not inside a Hugo site: photos are copied into the site\n`);
				return ExitCode.Failure;
			}
			const photos: PhotoFile[] = [];
			for (const argument of positionals.slice(1)) {
				const path = resolve(io.cwd, argument);
				try {
					const [bytes, stat] = await Promise.all([fs.readFile(path), fs.stat(path)]);
					photos.push({ name: basename(path), bytes, modifiedMillis: stat.mtimeMs });
				} catch (error) {
					photos.push({ name: basename(path), bytes: new Uint8Array() });
					io.stderr(`warning: cannot read ${argument}: ${errorMessage(error)}\n`);
				}
			}
			// Entries without slots are timed from the event's schedule, found from the first entry's URL.
			const sessions = await postSessionsOrSchedule(text, url => fetchSchedule(makeFetcher(), url).catch((error: unknown) => {
				io.stderr(`warning: the schedule of ${url} could not be read: ${errorMessage(error)}\n`);
				return undefined;
			}));
			const plan = planPhotos(text, photos, offset, sessions);
			if (plan.sessions.length === 0) {
				io.stderr(`error: ${post} has no session with a time slot (<!-- session start=… -->) nor one found in its schedule: make it with "New Write-up from Schedule" or "event-writeup schedule --format markdown"\n`);
				return ExitCode.Failure;
			}
			const date = imageFolderDate(calendarDateOf(readPageAddress(text).dates?.date), 'post', new Date());
			const folder = resolveImageFolder(site.root, values.folder ?? DEFAULT_IMAGE_FOLDER, { date, post: postName(post) });
			if ('error' in folder) {
				io.stderr(`error: ${folder.error}\n`);
				return ExitCode.Failure;
			}
			const existing = await fs.readdir(folder.folder).catch(() => [] as string[]);
			const planned = planImages(plan.placed.map(p => ({ name: p.fileName })), folder.folder, existing, site.staticMounts, post);
			const references = new Map(plan.placed.map((placement, i) => [placement, planned[i]]));
			const insertions = photoInsertions(plan, placement => photoMarkup(references.get(placement)!.reference, markup));
			for (const [i, placement] of plan.placed.entries()) {
				const source = plan.photos[placement.photo];
				io.stdout(`${values['dry-run'] ? 'would place' : 'placed'} ${positionals[1 + placement.photo]} (${source.capture!.source} ${source.capture!.date.replace(/^0000/, '????')} ${source.capture!.time}) under "${plan.sessions[placement.session].title}" as ${planned[i].reference}\n`);
			}
			for (const left of plan.unplaced) {
				io.stderr(`left out: ${positionals[1 + left.photo]}: ${left.reason}\n`);
			}
			if (!values['dry-run'] && plan.placed.length > 0) {
				await fs.mkdir(folder.folder, { recursive: true });
				for (const [i, placement] of plan.placed.entries()) {
					const original = photos[placement.photo];
					const mimeType = photoMimeType(original.name);
					const scaled = maxWidth > 0 && mimeType ? await resizer.resize(original.bytes, mimeType, maxWidth) : undefined;
					// `wx`: an existing file is never replaced.
					await fs.writeFile(planned[i].path, scaled ?? original.bytes, { flag: 'wx' });
					io.stdout(`copied ${planned[i].path}\n`);
				}
				let updated = text;
				for (const insertion of [...insertions].sort((a, b) => b.offset - a.offset)) {
					updated = updated.slice(0, insertion.offset) + insertion.text + updated.slice(insertion.offset);
				}
				await writeFileAtomically(post, updated);
			}
			return plan.unplaced.length > 0 ? ExitCode.Failure : ExitCode.Ok;
		},
	};
}

export const photosCommand = createPhotosCommand();
