import { DEFAULT_ENTRY_TEMPLATE, formatSessionEntry } from '../sessions/entry';
import type { SessionInfo } from '../sessions/types';
import { formatLocalTime, slotComment, type ScheduleSession } from './schedule';

/** A schedule's session as the session entry template reads it. */
function sessionInfoOf(session: ScheduleSession): SessionInfo {
	return {
		title: session.title,
		...(session.subtitle ? { subtitle: session.subtitle } : {}),
		speakers: [...session.speakers],
		url: session.url ?? '',
		...(session.abstract ? { abstract: session.abstract } : {}),
		start: formatLocalTime(session.start),
		...(session.room ? { room: session.room } : {}),
		source: 'schedule',
		derived: false,
		warnings: [],
	};
}

/**
 * The entries of the sessions a writer attended, in the order they ran: each as the entry template makes
 * it, with its slot kept in an HTML comment under its heading (Hugo publishes no comment). Returns the text
 * and where the cursor goes (the first entry's `${cursor}`, where its notes start).
 */
export function sessionEntries(sessions: readonly ScheduleSession[], template: string = DEFAULT_ENTRY_TEMPLATE): { text: string; cursorOffset: number } {
	let text = '';
	let cursorOffset = -1;
	for (const session of sessions) {
		const entry = formatSessionEntry(sessionInfoOf(session), template);
		const headingEnd = entry.text.indexOf('\n');
		const comment = `${slotComment(session)}\n`;
		const withSlot = headingEnd < 0 ? `${entry.text}\n${comment}` : `${entry.text.slice(0, headingEnd + 1)}${comment}${entry.text.slice(headingEnd + 1)}`;
		const cursor = entry.cursorOffset > headingEnd && headingEnd >= 0 ? entry.cursorOffset + comment.length : entry.cursorOffset;
		if (cursorOffset < 0) {
			cursorOffset = text.length + cursor;
		}
		// Each entry ends with an empty line for its notes (where its cursor is), then a blank line.
		const ended = withSlot.endsWith('\n\n') ? withSlot : withSlot.endsWith('\n') ? `${withSlot}\n` : `${withSlot}\n\n`;
		text += `${ended}\n`;
	}
	return { text, cursorOffset: Math.max(0, cursorOffset) };
}
