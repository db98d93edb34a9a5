import type { CliCommandEntry } from './io';

/** The subcommands of `event-writeup`, in the order `--help` lists them, each loaded when it runs. */
export const CLI_COMMANDS: readonly CliCommandEntry[] = [
	{ name: 'check', summary: 'Check posts as Hugo reads them: front matter and images', load: async () => (await import('./checkCommand')).checkCommand },
	{ name: 'images', summary: 'List the image paths of a post and the files Hugo publishes for them', load: async () => (await import('./imagesCommand')).imagesCommand },
	{ name: 'photos', summary: 'Place photos under the sessions of a write-up they were taken in', load: async () => (await import('./photosCommand')).photosCommand },
	{ name: 'render', summary: 'Print a post as a standalone HTML page, images resolved as Hugo publishes them', load: async () => (await import('./renderCommand')).renderCommand },
	{ name: 'schedule', summary: 'Print a conference schedule\'s sessions, or a half day\'s write-up, from a URL or an .ics/export file', load: async () => (await import('./scheduleCommand')).scheduleCommand },
	{ name: 'session', summary: 'Print the write-up entry for a session from its schedule URL', load: async () => (await import('./sessionCommand')).sessionCommand },
];
