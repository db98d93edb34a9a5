import * as vscode from 'vscode';
import type { SiteCasing } from './siteCasing';
import { DEFAULT_ENTRY_TEMPLATE } from '../../core/sessions/entry';
import type { CasingOptions, SmallWordsStyle } from '../../core/sessions/types';

const SMALL_WORDS_STYLES: readonly SmallWordsStyle[] = ['schedules', 'conservative', 'none', 'ap', 'chicago'];
const DEFAULT_TIMEOUT_SECONDS = 10;
const MAX_TIMEOUT_SECONDS = 120;

/** The `eventWriteup.sessions.*` settings for one document, validated so a hand-edited value cannot break a command. */
export interface SessionSettings {
	readonly fetch: boolean;
	readonly entryTemplate: string;
	readonly casing: CasingOptions;
	readonly timeoutMs: number;
}

export function readSessionSettings(scope: vscode.Uri | undefined): SessionSettings {
	const config = vscode.workspace.getConfiguration('eventWriteup.sessions', scope);
	const template = config.get<unknown>('entryTemplate');
	const smallWords = config.get<unknown>('smallWords');
	const timeoutSeconds = Number(config.get<unknown>('timeoutSeconds'));
	return {
		fetch: config.get<unknown>('fetch') !== false,
		entryTemplate: typeof template === 'string' && template.trim() !== '' ? template : DEFAULT_ENTRY_TEMPLATE,
		casing: {
			dictionary: stringRecord(config.get<unknown>('titleDictionary')),
			smallWords: SMALL_WORDS_STYLES.find(style => style === smallWords) ?? 'schedules',
		},
		timeoutMs: 1000 * (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? Math.min(timeoutSeconds, MAX_TIMEOUT_SECONDS) : DEFAULT_TIMEOUT_SECONDS),
	};
}

function stringRecord(value: unknown): Record<string, string> {
	const record: Record<string, string> = {};
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		for (const [key, casing] of Object.entries(value)) {
			if (typeof casing === 'string') {
				record[key] = casing;
			}
		}
	}
	return record;
}

/** The settings with the writer's site's spellings added to the casing of derived titles. */
export async function withSiteCasing(settings: SessionSettings, siteCasing: SiteCasing, document: vscode.TextDocument): Promise<SessionSettings> {
	return { ...settings, casing: { ...settings.casing, site: await siteCasing.for(document) } };
}
