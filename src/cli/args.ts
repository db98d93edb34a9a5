import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';
import { errorMessage } from '../core/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a subcommand's arguments strictly: an unknown flag or a missing value is a usage error. */
export function parseCommandArgs<T extends Options>(args: readonly string[], options: T) {
	try {
		return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
	} catch (error) {
		throw new UsageError(describeArgumentError(error));
	}
}

/** Node's parseArgs messages in the CLI's own words: short, and naming the option as typed. */
function describeArgumentError(error: unknown): string {
	const message = errorMessage(error);
	const code = (error as { code?: unknown } | undefined)?.code;
	const option = /'(-[^' <]*)/.exec(message)?.[1];
	if (option !== undefined && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
		return `unknown option '${option}' (a FILE that starts with '-' goes after '--')`;
	}
	if (option !== undefined && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
		return /argument missing/.test(message) ? `option '${option}' needs a value` : `option '${option}' takes no value`;
	}
	return message;
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
