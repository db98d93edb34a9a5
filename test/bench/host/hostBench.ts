// Runs inside the extension host of the offline VS Code (loaded by runHostBench.ts as its tests module),
// on the generated 5,000-post site: what the extension itself costs there. Prints one line per figure.
import * as inspector from 'node:inspector';
import * as vscode from 'vscode';
import { WorkspaceSiteIndex } from '../../../src/services/workspaceSiteIndex';
import { SiteTermsCache } from '../../../src/services/siteTerms';
import { diskFileReaders } from '../../../src/util/diskFileReader';
import { RESULT_MARKER } from '../../integration/suiteResult';
import { diagnosticCodes, waitForDiagnostics } from '../../integration/util';

const MB = 1024 * 1024;
const WAIT_MS = 120_000;

function since(start: number): number {
	return performance.now() - start;
}

/** Resolves once the codes of the diagnostics of `uri` satisfy `predicate` (bounded), with the milliseconds since `start`. */
async function diagnosticsWhen(uri: vscode.Uri, predicate: (codes: string[]) => boolean, start: number): Promise<number> {
	await waitForDiagnostics(uri, diagnostics => predicate(diagnosticCodes(diagnostics)), WAIT_MS, 'the benchmark\'s diagnostics');
	return since(start);
}

/**
 * Milliseconds of CPU spent in the extension's own bundle while `work` runs, from a sampling profile of the
 * extension host (self time of every function the bundle defines, and of what they call outside it).
 */
async function ownCpuWhile(work: () => Promise<unknown>): Promise<number> {
	const session = new inspector.Session();
	session.connect();
	const post = <T>(method: string, params?: object) => new Promise<T>((resolve, reject) =>
		session.post(method, params, (error, result) => error ? reject(error) : resolve(result as T)));
	try {
		await post('Profiler.enable');
		await post('Profiler.start');
		await work();
		const { profile } = await post<{ profile: inspector.Profiler.Profile }>('Profiler.stop');
		const own = (node: inspector.Profiler.ProfileNode) => node.callFrame.url.endsWith('/dist/extension.js');
		const parents = new Map<number, inspector.Profiler.ProfileNode>();
		for (const node of profile.nodes) {
			for (const child of node.children ?? []) {
				parents.set(child, node);
			}
		}
		const byId = new Map(profile.nodes.map(node => [node.id, node]));
		// A sample counts when its function, or any caller up the stack, is the extension's.
		const ours = (id: number): boolean => {
			for (let node = byId.get(id); node; node = parents.get(node.id)) {
				if (own(node)) {
					return true;
				}
			}
			return false;
		};
		const deltas = profile.timeDeltas ?? [];
		let micros = 0;
		profile.samples?.forEach((id, i) => {
			if (ours(id)) {
				micros += deltas[i + 1] ?? 0;
			}
		});
		return micros / 1000;
	} finally {
		session.disconnect();
	}
}

function line(name: string, value: string, target?: string): void {
	console.log(`host bench: ${name.padEnd(58)} ${value}${target ? `   (target ${target})` : ''}`);
}

/** Where the baseline run leaves what it measured for the run with the extension. */
const BASELINE_FILE = ['.bench', 'baseline.json'];

interface Baseline {
	readonly openedMs: number;
	readonly shownMs: number;
}

/** Opens and shows the post as the benchmark does, in milliseconds since asked. */
async function openPost(post: vscode.Uri): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor; openedMs: number; shownMs: number }> {
	const start = performance.now();
	const document = await vscode.workspace.openTextDocument(post);
	const openedMs = since(start);
	const editor = await vscode.window.showTextDocument(document);
	return { document, editor, openedMs, shownMs: since(start) };
}

export async function run(): Promise<void> {
	const root = vscode.workspace.workspaceFolders![0].uri;
	const post = vscode.Uri.joinPath(root, 'content', 'post', 'bench-first.md');
	const baselineFile = vscode.Uri.joinPath(root, ...BASELINE_FILE);
	const extension = vscode.extensions.getExtension('event-writeup.event-writeup');
	if (!extension) {
		// The baseline run: VS Code (and its own Markdown support) opening the same post without this extension.
		const { openedMs, shownMs } = await openPost(post);
		await vscode.workspace.fs.writeFile(baselineFile, new TextEncoder().encode(JSON.stringify({ openedMs, shownMs } satisfies Baseline)));
		line('VS Code opening / showing the post without the extension', `${openedMs.toFixed(0)} / ${shownMs.toFixed(0)} ms`);
		console.log(`${RESULT_MARKER} ${JSON.stringify({ passed: 1, failed: 0, pending: 0, version: vscode.version })}`);
		return;
	}
	const baseline = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(baselineFile))) as Baseline;
	const heapBefore = process.memoryUsage().heapUsed;

	// The first post of the session: front matter and image diagnostics.
	const activeBefore = extension.isActive;
	let start = performance.now();
	const [{ document, editor, openedMs, shownMs }, frontMatterMs, imagesMs] = await Promise.all([
		openPost(post),
		diagnosticsWhen(post, codes => codes.includes('fm-draft-not-boolean'), start),
		diagnosticsWhen(post, codes => codes.includes('image-not-found'), start),
	]);
	const firstMs = Math.max(frontMatterMs, imagesMs);
	line('open the first post to its diagnostics', `${firstMs.toFixed(0)} ms, ${(firstMs / baseline.shownMs).toFixed(1)}x VS Code showing it without the extension (${baseline.shownMs.toFixed(0)} ms)`, '≤ 1000 ms');
	line('  of which front matter / images', `${frontMatterMs.toFixed(0)} ms / ${imagesMs.toFixed(0)} ms`);
	// The workspace holds a Hugo configuration: the extension activates with the window and indexes the site
	// then, while VS Code opens the post (openTextDocument, then showTextDocument).
	line('  extension active before the post opened', `${activeBefore ? 'yes' : 'no'}; VS Code opened / showed the post at ${openedMs.toFixed(0)} / ${shownMs.toFixed(0)} ms`);
	const heapAfter = process.memoryUsage().heapUsed;

	// A fresh index and terms cache of the same site, timed from nothing to complete.
	const sites = new WorkspaceSiteIndex(diskFileReaders);
	const terms = new SiteTermsCache(sites);
	try {
		start = performance.now();
		const context = await sites.siteFor(post);
		line('site index answering (every static file and bundle, config)', `${since(start).toFixed(0)} ms`);
		// The pages of leaf bundles are read after the index answers; reading them all again here ends with the reads under way.
		await context?.index.readBundlePages();
		line('site index complete (and every leaf bundle\'s page read)', `${since(start).toFixed(0)} ms`, '≤ 5000 ms');
		start = performance.now();
		const found = await terms.termsFor(document);
		line('site terms complete (tags and categories of every post)', `${since(start).toFixed(0)} ms, ${found?.terms.get('tags')?.length ?? 0} tags`);
	} finally {
		terms.dispose();
		sites.dispose();
	}
	line('extension-host heap growth after indexing', `${((heapAfter - heapBefore) / MB).toFixed(1)} MB`, '≤ 150 MB');

	// Idle: nothing typed, nothing saved. The host runs other extensions too (VS Code's Markdown support
	// among them): a CPU profile tells which of the busy time ran the extension's own code.
	const cpuBefore = process.cpuUsage();
	const ownMs = await ownCpuWhile(() => new Promise(resolve => setTimeout(resolve, 30_000)));
	const cpu = process.cpuUsage(cpuBefore);
	line('extension-host CPU while idle for 30 s', `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, of which Event Write-up's code ${ownMs.toFixed(0)} ms`, 'none beyond file events');

	// A keystroke in the front matter: the draft problem is fixed.
	const draftLine = document.getText().split('\n').findIndex(text => text.startsWith('draft'));
	start = performance.now();
	await editor.edit(edit => edit.replace(document.lineAt(draftLine).range, 'draft = false'));
	const keystrokeMs = await diagnosticsWhen(post, codes => !codes.includes('fm-draft-not-boolean'), start);
	line('keystroke in the front matter to updated diagnostics', `${keystrokeMs.toFixed(0)} ms`);

	// The missing photo is saved into static/: its image-not-found goes.
	start = performance.now();
	await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, 'static', 'images', 'bench', 'arrives-later.jpg'), new Uint8Array([0xff, 0xd8, 0xff]));
	const imageMs = await diagnosticsWhen(post, codes => !codes.includes('image-not-found'), start);
	line('new image in static/ to its image-not-found gone', `${imageMs.toFixed(0)} ms`);

	console.log(`${RESULT_MARKER} ${JSON.stringify({ passed: 1, failed: 0, pending: 0, version: vscode.version })}`);
}
