import { DEFAULT_HIGHLIGHT, parseLineRanges, type HighlightSettings } from '../markdown/highlight/settings';
import { configAt, type ConfigMap } from './config';

/** A site's `[markup.highlight]` as Hugo 0.111.3 reads it (keys in any case), over Hugo's defaults. */
export function highlightSettingsOf(config: ConfigMap): HighlightSettings {
	const section = configAt(config, 'markup.highlight');
	if (section === null || typeof section !== 'object' || Array.isArray(section)) {
		return DEFAULT_HIGHLIGHT;
	}
	const value = (key: string): unknown => Object.entries(section).find(([name]) => name.toLowerCase() === key)?.[1];
	const bool = (key: string, fallback: boolean) => typeof value(key) === 'boolean' ? value(key) as boolean : fallback;
	const num = (key: string, fallback: number) => typeof value(key) === 'number' && Number.isFinite(value(key)) ? value(key) as number : fallback;
	return {
		style: typeof value('style') === 'string' ? value('style') as string : DEFAULT_HIGHLIGHT.style,
		noClasses: bool('noclasses', DEFAULT_HIGHLIGHT.noClasses),
		lineNos: bool('linenos', DEFAULT_HIGHLIGHT.lineNos),
		lineNumbersInTable: bool('linenumbersintable', DEFAULT_HIGHLIGHT.lineNumbersInTable),
		hlLines: value('hl_lines') !== undefined ? parseLineRanges(value('hl_lines')) : DEFAULT_HIGHLIGHT.hlLines,
		lineNoStart: num('linenostart', DEFAULT_HIGHLIGHT.lineNoStart),
		codeFences: bool('codefences', DEFAULT_HIGHLIGHT.codeFences),
		guessSyntax: bool('guesssyntax', DEFAULT_HIGHLIGHT.guessSyntax),
		tabWidth: num('tabwidth', DEFAULT_HIGHLIGHT.tabWidth),
	};
}
