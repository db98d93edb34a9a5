// Shared by the quick fixes, the fix-all command and `check --fix`: which fix a finding stands for, and which
// fixes can go into one edit together.
import type { Position, Range, TextEdit } from '../text';
import type { Finding, Fix } from './validate';

/**
 * The fix safe to apply without asking: the one the core marks preferred. A fix that is merely the only one
 * offered may still drop something the writer meant (a duplicate key's value), so it waits for a choice.
 */
export function preferredFix(finding: Finding): Fix | undefined {
	return finding.fixes.find(fix => fix.isPreferred === true);
}

export interface FixSelection {
	/** Every edit of the selected fixes, in document order, none overlapping another. */
	readonly edits: TextEdit[];
	/** How many findings the edits fix. */
	readonly fixed: number;
	/** Findings with a preferred fix left out because it overlaps one already selected (a second run gets them). */
	readonly deferred: number;
}

/**
 * Picks the preferred fix of every finding, in document order, skipping any fix that touches text another
 * selected fix edits: VS Code rejects a workspace edit with overlapping ranges, and two fixes of the same
 * text would not compose anyway.
 */
export function selectNonOverlappingFixes(findings: readonly Finding[]): FixSelection {
	const candidates = findings
		.map(finding => preferredFix(finding))
		.filter((fix): fix is Fix => fix !== undefined && fix.edits.length > 0)
		.sort((a, b) => comparePositions(firstStart(a), firstStart(b)));
	const edits: TextEdit[] = [];
	let fixed = 0;
	let deferred = 0;
	for (const fix of candidates) {
		if (fix.edits.some(edit => edits.some(taken => editsOverlap(edit.range, taken.range)))) {
			deferred++;
			continue;
		}
		edits.push(...fix.edits);
		fixed++;
	}
	// Stable: insertions at one point keep the order of their findings.
	edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
	return { edits, fixed, deferred };
}

/**
 * Whether two edits cannot be applied together: they share some text. Ranges that merely touch are fine,
 * and so are insertions at the same point (two missing fields added before the closing delimiter): they
 * apply in the order given, which is document order of the findings.
 */
export function editsOverlap(a: Range, b: Range): boolean {
	return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

export function comparePositions(a: Position, b: Position): number {
	return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function rangesEqual(a: Range, b: Range): boolean {
	return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

function firstStart(fix: Fix): Position {
	return fix.edits.reduce((min, edit) => comparePositions(edit.range.start, min) < 0 ? edit.range.start : min, fix.edits[0].range.start);
}
