/** The package version, set by the bundler; `dev` when the sources run unbundled (tests). */
declare const EVENT_WRITEUP_VERSION: string | undefined;
export const VERSION = typeof EVENT_WRITEUP_VERSION === 'string' ? EVENT_WRITEUP_VERSION : 'dev';
