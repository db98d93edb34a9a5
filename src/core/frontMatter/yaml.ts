import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, visit, type Alias, type Document, type Node as YamlNode, type Tags } from 'yaml';
import { lineEndOf, lineStartOf } from '../text';
import type { FrontMatterEntry, FrontMatterValue, QuoteStyle, SyntaxProblem, ValueKind } from './model';
import { flattenDeepFlows, scanForYamlV2 } from './yamlV2';

/**
 * YAML front matter, read as Hugo 0.111.3 reads it: gopkg.in/yaml.v2 is YAML 1.1 (`yes`/`no`/`on`/`off`
 * are booleans) and hands timestamps over as their text, so `date: 2017-5-9` reaches Hugo as the
 * string "2017-5-9".
 */
export interface YamlResult {
	readonly data: Record<string, unknown> | undefined;
	readonly entries: FrontMatterEntry[];
	readonly problems: SyntaxProblem[];
	readonly insertOffset: number;
}

/** yaml.v2 has no sexagesimal numbers: `1:30` stays the text "1:30", as Hugo reads it. */
const withoutSexagesimal = (tags: Tags): Tags => tags.filter(tag => typeof tag === 'string' ? tag !== 'intTime' && tag !== 'floatTime' : tag.format !== 'TIME');

export function parseYaml(content: string, base: number): YamlResult {
	const scan = scanForYamlV2(content);
	const parseText = scan.deepFlows.length > 0 ? flattenDeepFlows(content, scan.deepFlows) : content;
	const doc = parseDocument(parseText, { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: false, customTags: withoutSexagesimal });
	const insertOffset = base + content.length;
	const entries: FrontMatterEntry[] = [];
	const problems: SyntaxProblem[] = [];
	// The library's first error wins when it comes first, unless it is its stack giving out on a value nested past yaml.v2's limit.
	const libraryError = doc.errors.find(error => !/call stack/i.test(error.message));
	if (scan.problem && (libraryError === undefined || scan.problem.start <= libraryError.pos[0])) {
		problems.push({
			code: 'fm-syntax', message: `YAML syntax error: ${scan.problem.message}. Hugo fails the build.`,
			start: base + scan.problem.start, end: base + scan.problem.end, severity: 'error',
		});
		return { data: undefined, entries, problems, insertOffset };
	}
	if (doc.errors.length > 0) {
		const error = doc.errors[0];
		let [start, end] = error.pos;
		// An unclosed `[` or `{` is reported where the parser gave up (the end); a reader points at the opening.
		const opening = /end with a [\]}]|[\]}] or ,|Missing , or :/.test(error.message) ? unclosedFlowOpening(content, start) : undefined;
		if (opening !== undefined) {
			[start, end] = [opening, opening + 1];
		}
		// An unclosed quote is reported at the end of the block; the reader looks at the opening quote.
		const quote = /Missing closing (["'])/.exec(error.message)?.[1];
		const quoteStart = quote === undefined ? -1 : content.lastIndexOf(quote, Math.min(start, content.length) - 1);
		if (quoteStart >= 0) {
			[start, end] = [quoteStart, quoteStart + 1];
		}
		problems.push({
			code: 'fm-syntax',
			message: `YAML syntax error: ${opening !== undefined ? `this ${content[opening] === '[' ? 'list' : 'mapping'} is never closed with '${content[opening] === '[' ? ']' : '}'}'` : error.message.split('\n')[0]}. Hugo fails the build.`,
			start: base + start, end: base + Math.max(end, start),
			severity: 'error',
		});
		return { data: undefined, entries, problems, insertOffset };
	}
	const unknown = unknownAlias(doc);
	if (unknown) {
		const [start, end] = rangeOf(unknown, 0);
		problems.push({
			code: 'fm-syntax',
			message: `YAML syntax error: no anchor &${unknown.source} is defined before this alias. Hugo fails the build ("yaml: unknown anchor '${unknown.source}' referenced").`,
			start: base + start, end: base + end, severity: 'error',
		});
		return { data: undefined, entries, problems, insertOffset };
	}
	const root = doc.contents;
	if (root === null || (isScalar(root) && root.value === null)) {
		return { data: {}, entries, problems, insertOffset };
	}
	if (!isMap(root)) {
		const [start, end] = rangeOf(root, content.length);
		problems.push({
			code: 'fm-syntax',
			message: 'YAML front matter must be a mapping of keys to values (key: value). Hugo fails the build.',
			start: base + start, end: base + end, severity: 'error',
		});
		return { data: undefined, entries, problems, insertOffset };
	}
	const collectionKey = findCollectionKey(doc);
	if (collectionKey) {
		const [start, end] = rangeOf(collectionKey, 0);
		problems.push({
			code: 'fm-syntax',
			message: 'YAML syntax error: a key must be text, not a list or a mapping. Hugo fails the build ("invalid map key").',
			start: base + start, end: base + Math.min(end, lineEndOf(content, start)), severity: 'error',
		});
		return { data: undefined, entries, problems, insertOffset };
	}
	const data = collectMap(doc, root, [], base, content, entries, problems);
	return { data, entries, problems, insertOffset };
}

/** The first key that is a list or a mapping (`[a, b]: x`, `? - a`): Hugo's maps take text keys only. */
function findCollectionKey(doc: Document): YamlNode | undefined {
	let found: YamlNode | undefined;
	visit(doc, {
		Pair(_key, pair) {
			if (isSeq(pair.key) || isMap(pair.key)) {
				found = pair.key;
				return visit.BREAK;
			}
			return undefined;
		},
	});
	return found;
}

/** The first alias with no anchor before it (the parser reads it as null; yaml.v2 refuses the document). */
function unknownAlias(doc: Document): Alias | undefined {
	let found: Alias | undefined;
	visit(doc, {
		Alias(_key, node) {
			if (node.resolve(doc) === undefined) {
				found = node;
				return visit.BREAK;
			}
			return undefined;
		},
	});
	return found;
}

function rangeOf(node: YamlNode | null | undefined, fallback: number): [number, number] {
	const range = node?.range;
	return range ? [range[0], range[1]] : [fallback, fallback];
}

function collectMap(
	doc: Document, map: import('yaml').YAMLMap, prefix: readonly string[], base: number, content: string,
	entries: FrontMatterEntry[], problems: SyntaxProblem[],
): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	const seen = new Map<string, number>();
	for (const pair of map.items) {
		const keyNode = pair.key as YamlNode | null;
		const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode.toJSON()) : '';
		const [keyStart, keyEnd] = rangeOf(keyNode, 0);
		const path = [...prefix, key];
		if (seen.has(key)) {
			problems.push({
				code: 'fm-duplicate-key',
				message: `'${path.join('.')}' is already set above; Hugo keeps only this last value. Remove one of them.`,
				start: base + keyStart, end: base + keyEnd, severity: 'warning',
			});
		}
		seen.set(key, keyStart);
		const valueNode = pair.value as YamlNode | null;
		const value = convert(doc, valueNode, keyEnd, base, content, path, entries, problems);
		data[key] = value.value;
		const lineStart = lineStartOf(content, keyStart);
		entries.push({
			key, path, topLevel: prefix.length === 0,
			keyStart: base + keyStart, keyEnd: base + keyEnd,
			lineStart: base + lineStart, lineEnd: base + lineEndOf(content, Math.max(value.end - base - 1, keyEnd)),
			value,
		});
	}
	return data;
}

function convert(
	doc: Document, node: YamlNode | null, after: number, base: number, content: string, path: readonly string[],
	entries: FrontMatterEntry[], problems: SyntaxProblem[],
): FrontMatterValue {
	if (isAlias(node)) {
		const target = node.resolve(doc);
		const converted = convert(doc, target ?? null, after, base, content, path, [], []);
		const [start, end] = rangeOf(node, after);
		return { ...converted, start: base + start, end: base + end };
	}
	if (!node) {
		return { kind: 'null', value: null, start: base + after, end: base + after };
	}
	const [start, end] = rangeOf(node, after);
	if (isScalar(node)) {
		return scalarValue(node, base + start, base + end);
	}
	if (isSeq(node)) {
		const items = node.items.map(item => convert(doc, item as YamlNode | null, end, base, content, path, [], []));
		return { kind: 'array', value: items.map(i => i.value), start: base + start, end: base + end, items };
	}
	if (isMap(node)) {
		const value = collectMap(doc, node, path, base, content, entries, problems);
		return { kind: 'table', value, start: base + start, end: base + end };
	}
	return { kind: 'null', value: null, start: base + start, end: base + end };
}

function scalarValue(node: Scalar, start: number, end: number): FrontMatterValue {
	const quote: QuoteStyle = node.type === Scalar.QUOTE_DOUBLE ? 'double'
		: node.type === Scalar.QUOTE_SINGLE ? 'single'
			: node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL ? 'block' : 'plain';
	let value: unknown = node.value;
	let kind: ValueKind;
	if (value instanceof Date) {
		// yaml.v2 decodes timestamps into `interface{}` as their source text.
		value = node.source ?? value.toISOString();
		kind = 'string';
	} else if (typeof value === 'string') {
		kind = 'string';
		const integer = quote === 'plain' ? goPrefixedInteger(node.source ?? value) : undefined;
		if (integer !== undefined) {
			value = integer;
			kind = 'integer';
		}
	} else if (typeof value === 'boolean') {
		kind = 'boolean';
	} else if (typeof value === 'number' || typeof value === 'bigint') {
		kind = typeof value === 'bigint' || Number.isInteger(value) && !/[.eE]/.test(node.source ?? '') ? 'integer' : 'float';
	} else {
		kind = 'null';
	}
	return { kind, value, start, end, quote: kind === 'string' ? quote : undefined };
}

const UINT64_MAX = (1n << 64n) - 1n;

/**
 * yaml.v2 reads a plain scalar as an integer when Go's `strconv.ParseInt(s, 0, 64)` (or `ParseUint`)
 * accepts it with underscores removed; YAML 1.1 has no `0o17`, `0X1F` or `0B11`, so they reach here as
 * text. Returns the integer, or `undefined` for anything else.
 */
function goPrefixedInteger(source: string): number | bigint | undefined {
	const match = /^([+-]?)(0[xXoObB][0-9a-fA-F]+)$/.exec(source.replace(/_/g, ''));
	if (!match) {
		return undefined;
	}
	let magnitude: bigint;
	try {
		magnitude = BigInt(match[2].toLowerCase());
	} catch {
		return undefined;
	}
	const negative = match[1] === '-';
	if (negative ? magnitude > 1n << 63n : magnitude > UINT64_MAX) {
		return undefined;
	}
	const value = negative ? -magnitude : magnitude;
	return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** The offset of the last `[`/`{` before `limit` that no bracket closes (quotes and comments skipped). */
function unclosedFlowOpening(content: string, limit: number): number | undefined {
	const open: number[] = [];
	let quote: string | undefined;
	for (let i = 0; i < Math.min(limit, content.length); i++) {
		const ch = content[i];
		if (quote) {
			if (ch === '\\' && quote === '"') {
				i++;
			} else if (ch === quote) {
				quote = undefined;
			}
		} else if (ch === '"' || ch === '\'') {
			quote = ch;
		} else if (ch === '#' && (i === 0 || /\s/.test(content[i - 1]))) {
			while (i < content.length && content[i] !== '\n') {
				i++;
			}
		} else if (ch === '[' || ch === '{') {
			open.push(i);
		} else if ((ch === ']' || ch === '}') && open.length > 0) {
			open.pop();
		}
	}
	return open.length > 0 ? open[open.length - 1] : undefined;
}
