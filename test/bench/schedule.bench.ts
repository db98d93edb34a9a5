// Reading a 3,000-session schedule export and building the session picker's list: against a bare
// `JSON.parse` of the same JSON export, and against a bare parse of the same XML export with the same XML
// parser (htmlparser2), in the same run.
import { parseXml } from '../../src/core/sessions/html';
import { readScheduleJson, readScheduleXml } from '../../src/core/schedule/readers';
import { scheduleDays, sessionsOf } from '../../src/core/schedule/schedule';
import { sessionPickList } from '../../src/core/schedule/pickList';
import { bigJsonExport, bigXmlExport } from '../unit/schedule/bigExports';
import { measurePair, type Benchmark, type BenchResult } from './harness';

const SESSIONS = 3_000;
const TARGET_RATIO = 3;

/** What the command does after the export arrived: read it, list its first day's sessions for the picker. */
function pickListOf(schedule: ReturnType<typeof readScheduleJson>): number {
	return sessionPickList(sessionsOf(schedule, { day: scheduleDays(schedule)[0] })).length;
}

export const benchmarks: Benchmark[] = [{
	name: 'schedule',
	async run(): Promise<BenchResult[]> {
		const json = bigJsonExport(SESSIONS);
		const xml = bigXmlExport(SESSIONS);
		const fromJson = await measurePair(() => pickListOf(readScheduleJson(JSON.parse(json))), () => JSON.parse(json), { budgetMs: 2_000 });
		const fromXml = await measurePair(() => pickListOf(readScheduleXml(xml)), () => parseXml(xml), { budgetMs: 2_000 });
		return [
			{ name: `schedule: read a ${SESSIONS}-session JSON export and list a day (${Math.round(json.length / 1024)} KiB)`, ...fromJson, baselineName: 'JSON.parse of it', targetRatio: TARGET_RATIO },
			{ name: `schedule: read a ${SESSIONS}-session XML export and list a day (${Math.round(xml.length / 1024)} KiB)`, ...fromXml, baselineName: 'htmlparser2 parse of it', targetRatio: TARGET_RATIO },
		];
	},
}];
