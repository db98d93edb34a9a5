// Session lookups: what reading a page costs on top of parsing it, and what the safe fetcher costs on
// top of a plain buffered `http.get`.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseDocument } from 'htmlparser2';
import { parseHtml } from '../../src/core/sessions/html';
import { readGenericPage } from '../../src/core/sessions/providers/generic';
import { NodeHttpFetcher } from '../../src/util/httpFetcher';
import { measure, type Benchmark } from './harness';

/** A schedule page of about 1.9 MB: one session's meta data, then a long list of other sessions. */
function bigSchedulePage(): string {
	const rows: string[] = [];
	for (let i = 0; rows.join('').length < 1_900_000; i++) {
		rows.push(`<div class="session"><h3><a href="/talks/${i}">Session number ${i}: containers, networking &amp; more</a></h3>`
			+ `<p class="speaker">Speaker ${i}</p><p>${'Lorem ipsum dolor sit amet. '.repeat(8)}</p></div>\n`);
	}
	return `<!DOCTYPE html><html><head><title>Rust in the Linux Kernel | ExampleConf</title>
<meta property="og:title" content="Rust in the Linux Kernel">
<script type="application/ld+json">{"@type":"Event","name":"Rust in the Linux Kernel","performer":[{"name":"Miguel Ojeda"}]}</script>
</head><body><h1>Session</h1>${rows.join('')}</body></html>`;
}

export const benchmarks: Benchmark[] = [
	{
		name: 'sessions: generic reader on a 1.9 MB page',
		async run() {
			const page = bigSchedulePage();
			const subject = await measure(() => readGenericPage(parseHtml(page), 'rust-in-the-linux-kernel'), { budgetMs: 3_000 });
			const baseline = await measure(() => parseDocument(page), { budgetMs: 3_000 });
			return { name: this.name, subject, baseline, baselineName: 'htmlparser2 parse alone', targetRatio: 2 };
		},
	},
	{
		name: 'sessions: NodeHttpFetcher reading 1.9 MB over loopback',
		async run() {
			const page = Buffer.from(bigSchedulePage());
			const server = http.createServer((_request, response) => {
				response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
			});
			await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
			const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
			try {
				const fetcher = new NodeHttpFetcher({ hostMap: { 'bench.example': origin } });
				const subject = await measure(() => fetcher.get('https://bench.example/page', { accept: 'text/html' }), { budgetMs: 3_000 });
				const baseline = await measure(() => new Promise<string>((resolve, reject) => {
					http.get(`${origin}/page`, response => {
						const chunks: Buffer[] = [];
						response.on('data', (chunk: Buffer) => chunks.push(chunk));
						response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
					}).on('error', reject);
				}), { budgetMs: 3_000 });
				return { name: this.name, subject, baseline, baselineName: 'plain buffered http.get', targetRatio: 1.5 };
			} finally {
				await new Promise<void>(resolve => server.close(() => resolve()));
			}
		},
	},
];
