// The few assertions the web suite needs: Node's `assert` does not exist in a web worker.

export class AssertionError extends Error {
	override readonly name = 'AssertionError';
}

export function ok(value: unknown, message?: string): asserts value {
	if (!value) {
		throw new AssertionError(message ?? `expected a truthy value, got ${String(value)}`);
	}
}

export function equal<T>(actual: T, expected: T, message?: string): void {
	if (actual !== expected) {
		throw new AssertionError(`${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
	}
}

export function match(actual: string, pattern: RegExp, message?: string): void {
	if (!pattern.test(actual)) {
		throw new AssertionError(`${message ? `${message}: ` : ''}${JSON.stringify(actual.slice(0, 500))} does not match ${pattern}`);
	}
}
