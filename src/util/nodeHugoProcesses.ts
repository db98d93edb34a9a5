import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { HugoProcess, HugoProcessHost } from '../features/hugoServer/processHost';

/** `hugo` as a child process of the Node extension host. */
export class NodeHugoProcesses implements HugoProcessHost {
	start(command: string, args: readonly string[]): HugoProcess {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
		const outputListeners: Array<(line: string) => void> = [];
		const exitListeners: Array<(code: number | null, error?: Error) => void> = [];
		let exited = false;
		const exit = (code: number | null, error?: Error) => {
			if (!exited) {
				exited = true;
				exitListeners.forEach(listener => listener(code, error));
			}
		};
		for (const stream of [child.stdout, child.stderr]) {
			let rest = '';
			stream.setEncoding('utf8');
			stream.on('data', (chunk: string) => {
				const lines = (rest + chunk).split(/\r?\n/);
				rest = lines.pop() ?? '';
				lines.forEach(line => outputListeners.forEach(listener => listener(line)));
			});
			stream.on('end', () => {
				if (rest !== '') {
					outputListeners.forEach(listener => listener(rest));
				}
			});
		}
		child.on('error', error => exit(null, error));
		child.on('exit', code => exit(code));
		return {
			pid: child.pid,
			onOutput: listener => void outputListeners.push(listener),
			onExit: listener => void exitListeners.push(listener),
			stop: () => new Promise<void>(resolve => {
				if (exited || child.exitCode !== null) {
					resolve();
					return;
				}
				exitListeners.push(() => resolve());
				child.kill('SIGTERM');
				// Hugo stops on SIGTERM at once; one that hangs is killed.
				setTimeout(() => {
					if (!exited) {
						child.kill('SIGKILL');
					}
				}, 5_000).unref();
			}),
		};
	}

	freePort(): Promise<number> {
		return new Promise((resolve, reject) => {
			const server = createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				const port = typeof address === 'object' && address ? address.port : 0;
				server.close(() => resolve(port));
			});
		});
	}
}
