// Reading the required-fields setting (pure, unit-tested in Node).

export const DEFAULT_REQUIRED_FIELDS: readonly string[] = ['title', 'date'];

/**
 * The field names a hand-edited settings.json really lists: names trimmed, blanks, non-strings and repeats
 * (ignoring case, as Hugo does) dropped. Anything but an array means the default.
 */
export function normalizeRequiredFields(value: unknown): readonly string[] {
	if (!Array.isArray(value)) {
		return DEFAULT_REQUIRED_FIELDS;
	}
	const seen = new Set<string>();
	const fields: string[] = [];
	for (const item of value) {
		const field = typeof item === 'string' ? item.trim() : '';
		if (field !== '' && !seen.has(field.toLowerCase())) {
			seen.add(field.toLowerCase());
			fields.push(field);
		}
	}
	return fields;
}
