import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a subcommand's arguments strictly: an unknown flag or a missing value is a usage error. */
export function parseCommandArgs<T extends Options>(args: readonly string[], options: T) {
	try {
		return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
}

/** Checks that a flag's value is one of `allowed`. */
export function oneOf<const T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
	if (value === undefined) {
		return fallback;
	}
	if (!(allowed as readonly string[]).includes(value)) {
		throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
	}
	return value as T;
}
