/** Per UTF-16 code unit, how many more times it occurs in one string than in the other; all zero between calls. */
const codeUnitSurplus = new Int32Array(0x10000);

/** Rows of the distance table, reused from call to call and grown to the longest string seen. */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * The Levenshtein distance between `a` and `b` when it is at most `limit`, otherwise `limit + 1`.
 * A common prefix or suffix never changes the distance, and the paths of one site share long ones
 * (`/images/2017/05/photo-`, `.jpg`): only what lies between them is compared, first by two cheap lower
 * bounds (the difference in length, the letters one has and the other lacks), then cell by cell.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) {
		return limit + 1;
	}
	let start = 0;
	const shorter = Math.min(a.length, b.length);
	while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) {
		start++;
	}
	let endA = a.length, endB = b.length;
	while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
		endA--;
		endB--;
	}
	const x = a.slice(start, endA), y = b.slice(start, endB);
	if (x.length === 0 || y.length === 0) {
		return Math.min(x.length + y.length, limit + 1);
	}
	if (bagDistance(x, y) > limit) {
		return limit + 1;
	}
	return levenshtein(x, y, limit);
}

/**
 * A lower bound of the edit distance: each edit adds, removes or replaces one character, so it takes at
 * least as many edits as one string has characters the other lacks.
 */
function bagDistance(a: string, b: string): number {
	for (let i = 0; i < a.length; i++) {
		codeUnitSurplus[a.charCodeAt(i)]++;
	}
	for (let i = 0; i < b.length; i++) {
		codeUnitSurplus[b.charCodeAt(i)]--;
	}
	let extra = 0, missing = 0;
	for (const text of [a, b]) {
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			const surplus = codeUnitSurplus[code];
			if (surplus > 0) {
				extra += surplus;
			} else if (surplus < 0) {
				missing -= surplus;
			}
			codeUnitSurplus[code] = 0;
		}
	}
	return Math.max(extra, missing);
}

/** Levenshtein distance, giving up (returning `limit + 1`) once every cell of a row exceeds `limit`. */
function levenshtein(a: string, b: string, limit: number): number {
	if (previousRow.length <= b.length) {
		previousRow = new Int32Array(b.length * 2 + 1);
		currentRow = new Int32Array(b.length * 2 + 1);
	}
	let previous = previousRow, current = currentRow;
	for (let j = 0; j <= b.length; j++) {
		previous[j] = j;
	}
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let rowMin = i;
		const code = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) {
			const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
			const cell = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			current[j] = cell;
			if (cell < rowMin) {
				rowMin = cell;
			}
		}
		if (rowMin > limit) {
			return limit + 1;
		}
		[previous, current] = [current, previous];
	}
	return Math.min(previous[b.length], limit + 1);
}
