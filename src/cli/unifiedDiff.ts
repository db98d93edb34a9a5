/** Lines of context around each change, as `diff -u` prints them. */
const CONTEXT = 3;

type Line = { readonly kind: ' ' | '-' | '+'; readonly text: string; readonly oldNo: number; readonly newNo: number };

/**
 * The change from `before` to `after` as a unified diff (`--- a/… +++ b/…`, `@@` hunks), or `''` when the
 * texts are equal. Lines are compared whole; the unchanged lines at both ends are set aside first, so a
 * fix near the top of a long post costs only the lines between its edits.
 */
export function unifiedDiff(before: string, after: string, name: string): string {
	if (before === after) {
		return '';
	}
	const a = before.split('\n');
	const b = after.split('\n');
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) {
		head++;
	}
	let tail = 0;
	while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
		tail++;
	}
	const lines: Line[] = [];
	for (let i = 0; i < head; i++) {
		lines.push({ kind: ' ', text: a[i], oldNo: i, newNo: i });
	}
	// One by one: a changed middle of hundreds of thousands of lines would overflow the stack as arguments.
	for (const line of middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head)) {
		lines.push(line);
	}
	for (let i = tail; i > 0; i--) {
		lines.push({ kind: ' ', text: a[a.length - i], oldNo: a.length - i, newNo: b.length - i });
	}
	return `--- a/${name}\n+++ b/${name}\n${hunks(lines).join('')}`;
}

/**
 * The most cells the alignment table of the changed middle may have (a front matter fixed at both ends of
 * thousands of lines); past it the middle is shown as removed, then added: a longer diff, still exact.
 */
const MAX_ALIGNMENT_CELLS = 4_000_000;

/** The changed middle, aligned by a longest common subsequence of its lines. */
function middle(a: readonly string[], b: readonly string[], offset: number): Line[] {
	if ((a.length + 1) * (b.length + 1) > MAX_ALIGNMENT_CELLS) {
		return [
			...a.map((text, i): Line => ({ kind: '-', text, oldNo: offset + i, newNo: offset })),
			...b.map((text, j): Line => ({ kind: '+', text, oldNo: offset + a.length, newNo: offset + j })),
		];
	}
	const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
		}
	}
	const lines: Line[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			lines.push({ kind: ' ', text: a[i], oldNo: offset + i++, newNo: offset + j++ });
		} else if (i < a.length && (j === b.length || common[i + 1][j] >= common[i][j + 1])) {
			// Removed lines before added ones, as `diff -u` prints a change.
			lines.push({ kind: '-', text: a[i], oldNo: offset + i++, newNo: offset + j });
		} else {
			lines.push({ kind: '+', text: b[j], oldNo: offset + i, newNo: offset + j++ });
		}
	}
	return lines;
}

/** Groups changed lines with their context into `@@ -start,count +start,count @@` hunks. */
function hunks(lines: readonly Line[]): string[] {
	const changed = lines.map((line, index) => line.kind !== ' ' ? index : -1).filter(index => index >= 0);
	const result: string[] = [];
	for (let k = 0; k < changed.length;) {
		const from = Math.max(0, changed[k] - CONTEXT);
		let to = changed[k];
		while (k < changed.length && changed[k] - to <= 2 * CONTEXT) {
			to = changed[k++];
		}
		const slice = lines.slice(from, Math.min(lines.length, to + CONTEXT + 1));
		const oldCount = slice.filter(l => l.kind !== '+').length;
		const newCount = slice.filter(l => l.kind !== '-').length;
		const oldStart = oldCount === 0 ? slice[0].oldNo : slice.find(l => l.kind !== '+')!.oldNo + 1;
		const newStart = newCount === 0 ? slice[0].newNo : slice.find(l => l.kind !== '-')!.newNo + 1;
		result.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n${slice.map(l => `${l.kind}${l.text}\n`).join('')}`);
	}
	return result;
}
