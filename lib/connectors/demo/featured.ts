import { demoMaId, demoSfaId } from './demo-ids';

/**
 * The demo workspace's named stories: stable people for the "Try the demo" entry points, end-to-end tests and
 * screenshots. Each is laid relative to the anchor by the dataset (lib/connectors/demo/dataset.ts), so its
 * story holds whatever hour it is; the SLA clock then runs live within the hour, as it would for a real lead.
 * The index is the person's position in the workspace; ids derive from it and never change.
 */
export const FEATURED_STORIES = [
  'hotJustHandedOff',
  'warmAtRisk',
  'hotBreached',
  'slaMet',
  'englishOpportunity',
  'cold',
  'duplicate',
  'duplicateTwin',
  'recycledBadFeedback',
  'wonMetLate',
] as const;
export type FeaturedStory = (typeof FEATURED_STORIES)[number];

export interface FeaturedLead {
  story: FeaturedStory;
  index: number;
  /** Lead id on the Salesforce-like demo page. */
  sfa: string;
  /** Lead id on the Marketo-like demo page. */
  ma: string;
  label: { ja: string; en: string };
}

const LABELS: Record<FeaturedStory, { ja: string; en: string }> = {
  hotJustHandedOff: { ja: 'ホット: 引き渡し直後（営業時間で 10 分）、未対応', en: 'Hot: handed off 10 business minutes ago, not yet touched' },
  warmAtRisk: { ja: 'ウォーム: SLA 期限が迫っている', en: 'Warm: SLA at risk' },
  hotBreached: { ja: 'ホット: SLA 超過、未対応', en: 'Hot: SLA breached, never touched' },
  slaMet: { ja: 'SLA 内に初回対応済み', en: 'First touch within the SLA' },
  englishOpportunity: { ja: '英語圏のリード（商談中・USD）', en: 'English-speaking lead with an open USD opportunity' },
  cold: { ja: 'コールド: 反応がほとんどない', en: 'Cold: almost no engagement' },
  duplicate: { ja: 'データ品質: 重複の可能性', en: 'Data quality: possible duplicate' },
  duplicateTwin: { ja: 'データ品質: 重複の相手側', en: 'Data quality: the other duplicate' },
  recycledBadFeedback: { ja: 'リサイクル（営業から「予算なし」）', en: 'Recycled after "No budget" feedback' },
  wonMetLate: { ja: '受注（初回対応は SLA 超過）', en: 'Won, though the first touch was late' },
};

export const DEMO_FEATURED: Record<FeaturedStory, FeaturedLead> = Object.fromEntries(
  FEATURED_STORIES.map((story, index) => [
    story,
    { story, index, sfa: demoSfaId(index), ma: demoMaId(index), label: LABELS[story] },
  ]),
) as Record<FeaturedStory, FeaturedLead>;

/** What a demo page shows when its URL names no lead, and what "Try the demo" opens. */
export const DEMO_DEFAULT_LEAD: FeaturedLead = DEMO_FEATURED.hotJustHandedOff;

export function featuredStoryAt(index: number): FeaturedStory | undefined {
  return FEATURED_STORIES[index];
}
