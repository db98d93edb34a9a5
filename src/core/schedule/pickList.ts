import type { ScheduleSession } from './schedule';

/** One row of the session picker: a start time heading, or a session under it. */
export type SessionPickRow =
	| { readonly kind: 'time'; readonly label: string }
	| { readonly kind: 'session'; readonly label: string; readonly description: string; readonly detail: string; readonly session: ScheduleSession };

/** A day's sessions as the picker lists them: grouped under their start time, with speakers, slot, room and track. */
export function sessionPickList(sessions: readonly ScheduleSession[]): SessionPickRow[] {
	const rows: SessionPickRow[] = [];
	let time = '';
	for (const session of sessions) {
		if (session.start.time !== time) {
			time = session.start.time;
			rows.push({ kind: 'time', label: time });
		}
		const slot = session.end ? `${session.start.time}–${session.end.time}` : session.start.time;
		rows.push({
			kind: 'session',
			label: session.title,
			description: session.speakers.join(', '),
			detail: [slot, session.room, session.track].filter(Boolean).join(' · '),
			session,
		});
	}
	return rows;
}
