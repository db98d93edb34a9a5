// These plugins ship without type declarations; both are plain markdown-it plugins.
declare module 'markdown-it-footnote' {
	import type { PluginSimple } from 'markdown-it';
	const footnote: PluginSimple;
	export default footnote;
}

declare module 'markdown-it-deflist' {
	import type { PluginSimple } from 'markdown-it';
	const deflist: PluginSimple;
	export default deflist;
}
