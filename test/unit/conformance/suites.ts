// The public conformance suites vendored under test/fixtures/conformance, each case wrapped as a post's
// front matter the way a writer's post holds it. Shared by the unit test and by
// scripts/recordConformanceVerdicts.mjs, which records Hugo's verdict on exactly these bytes.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const CONFORMANCE_DIR = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'conformance');
export const VERDICTS_FILE = path.join(CONFORMANCE_DIR, 'hugo-verdicts.json');

export type Suite = 'toml-test' | 'JSONTestSuite' | 'yaml-test-suite';

export interface ConformanceCase {
	/** `<suite>/<file>` for documents, with `#value` when the case is wrapped as a value. */
	readonly id: string;
	readonly suite: Suite;
	/** The whole post, bytes as Hugo reads them (invalid UTF-8 kept). */
	readonly post: Uint8Array;
	/** For valid toml-test cases: the suite's tagged JSON of the decoded document. */
	readonly expectedJson?: string;
}

export interface RecordedVerdicts {
	readonly hugo: string;
	readonly cases: Record<string, { readonly verdict: 'accept' | 'reject'; readonly error?: string }>;
}

const BODY = Buffer.from('\nBody\n');

function withFinalNewline(bytes: Buffer): Buffer {
	return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? Buffer.concat([bytes, Buffer.from('\n')]) : bytes;
}

function files(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map(f => f.split(path.sep).join('/')).sort();
}

/** toml-test's TOML 1.0 list: each case between `+++` lines. */
function tomlCases(): ConformanceCase[] {
	const dir = path.join(CONFORMANCE_DIR, 'toml-test');
	return files(dir).filter(f => f.endsWith('.toml')).map(file => {
		const bytes = readFileSync(path.join(dir, file));
		const jsonFile = path.join(dir, file.replace(/\.toml$/, '.json'));
		const valid = file.startsWith('valid/');
		return {
			id: `toml-test/${file}`, suite: 'toml-test' as const,
			post: Buffer.concat([Buffer.from('+++\n'), withFinalNewline(bytes), Buffer.from('+++\n'), BODY]),
			expectedJson: valid ? readFileSync(jsonFile, 'utf8') : undefined,
		};
	});
}

/** JSONTestSuite's test_parsing: each case as the whole JSON front matter, and as the value of a key in one. */
function jsonCases(): ConformanceCase[] {
	const dir = path.join(CONFORMANCE_DIR, 'JSONTestSuite', 'test_parsing');
	return files(dir).filter(f => f.endsWith('.json')).flatMap(file => {
		const bytes = readFileSync(path.join(dir, file));
		return [
			{ id: `JSONTestSuite/${file}`, suite: 'JSONTestSuite' as const, post: Buffer.concat([withFinalNewline(bytes), BODY]) },
			{
				id: `JSONTestSuite/${file}#value`, suite: 'JSONTestSuite' as const,
				post: Buffer.concat([Buffer.from('{"value": '), bytes, Buffer.from('}\n'), BODY]),
			},
		];
	});
}

/** yaml-test-suite: each case between `---` lines. */
function yamlCases(): ConformanceCase[] {
	const dir = path.join(CONFORMANCE_DIR, 'yaml-test-suite');
	return files(path.join(dir, 'cases')).filter(f => f.endsWith('.yaml')).map(file => {
		const bytes = readFileSync(path.join(dir, 'cases', file));
		const name = file.replace(/\.yaml$/, '');
		return {
			id: `yaml-test-suite/${name}`, suite: 'yaml-test-suite' as const,
			post: Buffer.concat([Buffer.from('---\n'), withFinalNewline(bytes), Buffer.from('---\n'), BODY]),
		};
	});
}

export function conformanceCases(): ConformanceCase[] {
	return [...tomlCases(), ...jsonCases(), ...yamlCases()];
}
