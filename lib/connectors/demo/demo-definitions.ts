import { DEFAULT_DEFINITIONS } from '../../domain/definitions/default-definitions';
import type { Definitions } from '../../domain/definitions/schema';
/** lib/connectors/demo/dataset.ts's DEMO_WINDOW_DAYS, kept here so the team page does not load the generator for it. */
const DEMO_WINDOW_DAYS = 365;

/**
 * The demo team's shared definitions, revised once mid-year: v1 (looser: MQL from 50 points, a hot lead within
 * 4 business hours) from before the year began, v2 (today's built-in defaults: MQL from 60, hot within 1 business
 * hour) from the first of the month about six months before the anchor. A lead counts as the version in force at
 * its handoff (lib/domain/definitions/version-in-force.ts), so the year's figures mix both, and the change has a
 * date to mark on every time axis. v2 is the built-in content, so the featured stories (all handed off within the
 * last 100 days) read exactly as they always did.
 */
export const DEMO_DEFINITIONS_ID = 'baton-demo';

const DAY = 86_400_000;
const JST = 9 * 3_600_000;

/** The first of the month (Asia/Tokyo) holding `t`, as an ISO instant with its offset. */
function firstOfMonthJst(t: number): string {
  const d = new Date(t + JST);
  const month = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${d.getUTCFullYear()}-${month}-01T00:00:00+09:00`;
}

const APPROVERS: Definitions['approvedBy'] = [
  { name: '山本 誠', role: { ja: '営業部長', en: 'Head of Sales' } },
  { name: '小川 彩', role: { ja: 'マーケティング部長', en: 'Head of Marketing' } },
];

export function demoDefinitionsVersions(anchor: number): Definitions[] {
  const v1From = firstOfMonthJst(anchor - (DEMO_WINDOW_DAYS + 30) * DAY);
  const v2From = firstOfMonthJst(anchor - 182 * DAY);
  const changeLog: Definitions['changeLog'] = [
    { version: 1, date: v1From.slice(0, 10), summary: { ja: '初版: 営業とマーケで合意', en: 'First version, agreed by sales and marketing' } },
    {
      version: 2,
      date: v2From.slice(0, 10),
      summary: {
        ja: 'MQL のしきい値を 50→60 点、ホットの SLA を 4 営業時間→1 営業時間、ウォームを 1 営業日→4 営業時間に',
        en: 'MQL threshold 50 → 60 points; hot SLA 4 business hours → 1, warm 1 business day → 4 hours',
      },
    },
  ];
  const base = structuredClone(DEFAULT_DEFINITIONS);
  const v2: Definitions = {
    ...base,
    id: DEMO_DEFINITIONS_ID,
    version: 2,
    name: { ja: 'デモチーム 営業×マーケ 共通定義', en: 'Demo team: shared sales & marketing definitions' },
    effectiveFrom: v2From,
    approvedBy: APPROVERS,
    changeLog,
  };
  const v1: Definitions = {
    ...structuredClone(v2),
    version: 1,
    effectiveFrom: v1From,
    changeLog: changeLog.slice(0, 1),
    qualification: { ...base.qualification, mql: { ...base.qualification.mql, minScore: 50 } },
    sla: {
      ...base.sla,
      policies: [
        { id: 'hot', label: { ja: 'ホット: 4 営業時間以内', en: 'Hot: within 4 business hours' }, bands: ['hot'], budgetMinutes: 240 },
        { id: 'warm', label: { ja: 'ウォーム: 1 営業日以内', en: 'Warm: within 1 business day' }, bands: ['warm'], budgetMinutes: 480 },
        { id: 'standard', label: { ja: '標準: 2 営業日以内', en: 'Standard: within 2 business days' }, bands: ['cool', 'cold'], budgetMinutes: 960 },
      ],
    },
  };
  return [v1, v2];
}
