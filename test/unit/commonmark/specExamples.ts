// The examples of the CommonMark 0.30 spec and of cmark-gfm's extensions (test/fixtures/commonmark), each
// wrapped as a post, and the HTML Debian's hugo 0.111.3 published for it (recorded by
// scripts/recordGoldmarkOutputs.mjs).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const COMMONMARK_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'commonmark');
export const HUGO_OUTPUTS_FILE = path.join(COMMONMARK_DIR, 'hugo-outputs.json');

export interface SpecExample {
	/** `spec-<n>` or `gfm-<n>`, numbered as the suite numbers them. */
	readonly id: string;
	readonly section: string;
	readonly markdown: string;
	/** The post built from it: an empty front matter first, so a leading `---` stays Markdown. */
	readonly post: string;
}

export interface RecordedOutputs {
	readonly hugo: string;
	readonly examples: Record<string, string>;
}

const FENCE = '`'.repeat(32);

function examplesOf(file: string, prefix: string): SpecExample[] {
	const lines = readFileSync(path.join(COMMONMARK_DIR, file), 'utf8').split('\n');
	const examples: SpecExample[] = [];
	let section = '';
	for (let k = 0; k < lines.length; k++) {
		const heading = /^#{1,6} (.*)$/.exec(lines[k]);
		if (heading) {
			section = heading[1];
		}
		if (!lines[k].startsWith(`${FENCE} example`)) {
			continue;
		}
		const body: string[] = [];
		for (k++; lines[k] !== '.'; k++) {
			body.push(lines[k]);
		}
		while (lines[k] !== FENCE) {
			k++;
		}
		const markdown = body.map(line => line.replace(/\u2192/g, '\t')).join('\n') + (body.length ? '\n' : '');
		examples.push({ id: `${prefix}-${examples.length + 1}`, section, markdown, post: `+++\n+++\n${markdown}` });
	}
	return examples;
}

export function specExamples(): SpecExample[] {
	return [...examplesOf('spec.txt', 'spec'), ...examplesOf('extensions.txt', 'gfm')];
}
