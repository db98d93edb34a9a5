// `node:assert/strict` for the web worker, where Node's module does not exist: the assertions the
// extension-host suites use, with Node's strict semantics (Object.is, deep equality of plain data,
// arrays, Maps, Sets and Dates). The web bundle maps the import here.

export class AssertionError extends Error {
	override readonly name = 'AssertionError';
}

function fail(message: string | Error | undefined, fallback: string): never {
	if (message instanceof Error) {
		throw message;
	}
	throw new AssertionError(message ?? fallback);
}

function show(value: unknown): string {
	try {
		const text = JSON.stringify(value, (_key, v: unknown) => v instanceof Map ? [...v] : v instanceof Set ? [...v] : v);
		return (text ?? String(value)).slice(0, 500);
	} catch {
		return String(value);
	}
}

function isDeepEqual(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) {
		return true;
	}
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
		return false;
	}
	if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
		return false;
	}
	if (a instanceof Date) {
		return a.getTime() === (b as Date).getTime();
	}
	if (a instanceof RegExp) {
		return String(a) === String(b);
	}
	if (a instanceof Map) {
		const other = b as Map<unknown, unknown>;
		return a.size === other.size && [...a].every(([key, value]) => other.has(key) && isDeepEqual(value, other.get(key)));
	}
	if (a instanceof Set) {
		const other = b as Set<unknown>;
		return a.size === other.size && [...a].every(value => other.has(value));
	}
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	return keysA.length === keysB.length
		&& keysA.every(key => Object.prototype.hasOwnProperty.call(b, key) && isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function ok(value: unknown, message?: string | Error): asserts value {
	if (!value) {
		fail(message, `expected a truthy value, got ${show(value)}`);
	}
}

export function equal(actual: unknown, expected: unknown, message?: string | Error): void {
	if (!Object.is(actual, expected)) {
		fail(message, `expected ${show(expected)}, got ${show(actual)}`);
	}
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
	if (Object.is(actual, expected)) {
		fail(message, `expected anything but ${show(expected)}`);
	}
}

export function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
	if (!isDeepEqual(actual, expected)) {
		fail(message, `expected ${show(expected)}, got ${show(actual)}`);
	}
}

export function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
	if (isDeepEqual(actual, expected)) {
		fail(message, `expected anything but ${show(expected)}`);
	}
}

export function match(actual: string, pattern: RegExp, message?: string | Error): void {
	if (!pattern.test(actual)) {
		fail(message, `${show(actual)} does not match ${String(pattern)}`);
	}
}

export function doesNotMatch(actual: string, pattern: RegExp, message?: string | Error): void {
	if (pattern.test(actual)) {
		fail(message, `${show(actual)} matches ${String(pattern)}`);
	}
}

export default { ok, equal, notEqual, deepEqual, notDeepEqual, match, doesNotMatch };
