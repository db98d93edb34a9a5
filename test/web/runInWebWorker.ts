// `npm test`'s web tier: the extension's web build (the manifest's `browser` entry) and the web suite, run in
// VS Code's web-worker extension host of the offline code-server (../shared/docs/vscode-web-in-ci.md), with
// the sample site open. Serves two copies of a talk page on loopback, with and without CORS.
import * as http from 'node:http';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import * as esbuild from 'esbuild';
import { runInExtensionHost } from '../integration/runInCodeServer';
import { prepareWorkspace, REPO_ROOT, TEST_USER_SETTINGS } from '../integration/workspace';

const LABEL = 'extension host (web worker)';
const TALK = '<!DOCTYPE html><html><head><meta property="og:title" content="Kolla, Fetched in the Browser"><title>Kolla, Fetched in the Browser | Summit</title></head><body><h1>Kolla, Fetched in the Browser</h1></body></html>';

function serveTalk(cors: boolean): Promise<{ origin: string; close(): Promise<void> }> {
	const server = http.createServer((request, response) => {
		const headers: http.OutgoingHttpHeaders = { 'content-type': 'text/html; charset=utf-8' };
		if (cors) {
			headers['access-control-allow-origin'] = '*';
		}
		response.writeHead(request.url?.startsWith('/talk/') ? 200 : 404, headers).end(TALK);
	});
	return new Promise(resolve => server.listen(0, '127.0.0.1', () => {
		const { port } = server.address() as { port: number };
		resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise(done => server.close(() => done())) });
	}));
}

async function main(): Promise<number> {
	// The suite is bundled for the browser into the extension's folder: the workbench runs a tests module in
	// the host of the extension whose folder holds it.
	await esbuild.build({
		entryPoints: { index: path.join(REPO_ROOT, 'test', 'web', 'index.ts') },
		bundle: true, format: 'cjs', platform: 'browser', target: 'es2022', outdir: path.join(REPO_ROOT, 'dist', 'web', 'test'),
		external: ['vscode'], logLevel: 'warning', sourcemap: 'inline',
		// The extension-host suites assert with Node's module, which a worker does not have.
		alias: { 'node:assert/strict': path.join(REPO_ROOT, 'test', 'web', 'nodeAssert.ts') },
	});
	const [cors, noCors] = await Promise.all([serveTalk(true), serveTalk(false)]);
	const workspace = await prepareWorkspace();
	try {
		await fs.writeFile(path.join(workspace, '.web-test-servers.json'), JSON.stringify({ cors: cors.origin, noCors: noCors.origin }));
		return await runInExtensionHost({
			testsPath: path.join(REPO_ROOT, 'dist', 'web', 'test', 'index.js'),
			workspace,
			label: LABEL,
			// An extension with both entries runs in the Node host unless the profile asks for the web one.
			userSettings: { ...TEST_USER_SETTINGS, 'remote.extensionKind': { 'event-writeup.event-writeup': ['web'] } },
		});
	} finally {
		await Promise.all([cors.close(), noCors.close()]);
		await fs.rm(workspace, { recursive: true, force: true });
	}
}

main().then(code => process.exit(code), error => {
	console.error(error instanceof Error ? error.stack : error);
	console.log(`${LABEL} (VS Code unknown): 0 passed, 1 failed`);
	process.exit(1);
});
