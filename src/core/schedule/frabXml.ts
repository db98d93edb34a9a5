import { Parser } from 'htmlparser2';

/** What a frab/Pentabarf `schedule.xml` says of one `<event>`, read as it streams past. */
export interface FrabXmlEvent {
	readonly attributes: Readonly<Record<string, string>>;
	/** The `date` attribute of the element two levels up (`<day date>` around `<room>`), when there is one. */
	readonly dayDate: string | undefined;
	/** Each child element's text (all text inside it, as written), the first of each name. */
	readonly fields: ReadonlyMap<string, string>;
	/** The text of each `<person>` in the event's `<persons>`. */
	readonly persons: readonly string[];
}

/** What the export says of its conference, and whether it is a schedule at all. */
export interface FrabXmlHead {
	readonly isSchedule: boolean;
	readonly title: string;
	readonly timeZone: string;
}

interface EventInProgress {
	readonly depth: number;
	readonly attributes: Readonly<Record<string, string>>;
	readonly dayDate: string | undefined;
	readonly fields: Map<string, string>;
	readonly persons: string[];
	/** The child being read: its name, and whether it is the event's first of that name. */
	field?: { name: string; kept: boolean; text: string };
	/** Inside the event's first `<persons>`: the `<person>` being read. */
	person?: string;
	personsSeen: boolean;
	inPersons: boolean;
}

/**
 * Reads a frab/Pentabarf `schedule.xml` (FOSDEM, the CCC hub, pretalx's XML export) as it arrives, chunk by
 * chunk: each `<event>` is handed on when it closes, and nothing else of the document is kept. A schedule of
 * thousands of sessions needs no document tree, and a download needs no whole body before reading starts.
 */
export class FrabXmlReader {
	readonly #parser: Parser;
	/** The attributes of each open element, outermost first: an event's day is two levels up. */
	readonly #open: Array<Readonly<Record<string, string>>> = [];
	/** Depth of the first `<schedule>` element: only what it holds is read. */
	#scheduleDepth: number | undefined;
	#scheduleClosed = false;
	#conference: { depth: number } | undefined;
	#conferenceDone = false;
	#title: string | undefined;
	#timeZone: string | undefined;
	/** Inside the conference's `<title>` or `<time_zone_name>`: which, and its text so far. */
	#conferenceField: { name: 'title' | 'time_zone_name'; depth: number; text: string } | undefined;
	#event: EventInProgress | undefined;

	constructor(private readonly onEvent: (event: FrabXmlEvent) => void) {
		this.#parser = new Parser({
			onopentag: (name, attributes) => this.#opened(name, attributes),
			ontext: text => this.#text(text),
			onclosetag: () => this.#closed(),
		}, { xmlMode: true, decodeEntities: true });
	}

	write(chunk: string): void {
		this.#parser.write(chunk);
	}

	/** Ends the document; what it said of its conference. */
	end(): FrabXmlHead {
		this.#parser.end();
		return { isSchedule: this.#scheduleDepth !== undefined, title: this.#title ?? '', timeZone: this.#timeZone ?? '' };
	}

	#opened(name: string, attributes: Record<string, string>): void {
		const depth = this.#open.length;
		const grandparent = this.#open[depth - 2];
		this.#open.push(attributes);
		if (name === 'schedule' && this.#scheduleDepth === undefined) {
			this.#scheduleDepth = depth;
			return;
		}
		if (this.#scheduleDepth === undefined || this.#scheduleClosed) {
			return;
		}
		const event = this.#event;
		if (event) {
			if (depth === event.depth + 1) {
				event.field = { name, kept: !event.fields.has(name), text: '' };
				event.inPersons = name === 'persons' && !event.personsSeen;
				event.personsSeen ||= name === 'persons';
			} else if (event.inPersons && depth === event.depth + 2 && name === 'person') {
				event.person = '';
			}
			return;
		}
		if (name === 'event') {
			this.#event = { depth, attributes, dayDate: grandparent?.date, fields: new Map(), persons: [], personsSeen: false, inPersons: false };
			return;
		}
		if (name === 'conference' && !this.#conference && !this.#conferenceDone) {
			this.#conference = { depth };
			return;
		}
		if (this.#conference && !this.#conferenceField) {
			if (name === 'title' && this.#title === undefined) {
				this.#conferenceField = { name, depth, text: '' };
			} else if (name === 'time_zone_name' && this.#timeZone === undefined) {
				this.#conferenceField = { name, depth, text: '' };
			}
		}
	}

	#text(text: string): void {
		const event = this.#event;
		if (event) {
			if (event.field) {
				event.field.text += text;
			}
			if (event.person !== undefined) {
				event.person += text;
			}
		} else if (this.#conferenceField) {
			this.#conferenceField.text += text;
		}
	}

	#closed(): void {
		this.#open.pop();
		const depth = this.#open.length;
		if (depth === this.#scheduleDepth) {
			this.#scheduleClosed = true;
		}
		const event = this.#event;
		if (event) {
			if (depth === event.depth) {
				this.#event = undefined;
				this.onEvent({ attributes: event.attributes, dayDate: event.dayDate, fields: event.fields, persons: event.persons });
			} else if (depth === event.depth + 1 && event.field) {
				if (event.field.kept) {
					event.fields.set(event.field.name, event.field.text);
				}
				event.field = undefined;
				event.inPersons = false;
			} else if (depth === event.depth + 2 && event.person !== undefined) {
				event.persons.push(event.person);
				event.person = undefined;
			}
			return;
		}
		const field = this.#conferenceField;
		if (field && depth === field.depth) {
			if (field.name === 'title') {
				this.#title = field.text;
			} else {
				this.#timeZone = field.text;
			}
			this.#conferenceField = undefined;
		} else if (this.#conference && depth === this.#conference.depth) {
			this.#conference = undefined;
			this.#conferenceDone = true;
		}
	}
}
