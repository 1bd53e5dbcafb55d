import type { Opportunity, Stage, StageChange } from './model';

/**
 * Every time a person entered a stage: the stage history as assessLead remapped it (`Assessment.stageChanges`),
 * plus what their opportunities tell, because a converted Salesforce lead's history stops at conversion and the
 * deal goes on in its Opportunity (Lead.ConvertedOpportunityId,
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm):
 * an opportunity created is an entry into `opportunity`, one closed won into `won` and one closed lost into `lost`,
 * at its close date. Unmapped stage values (stage null) enter nothing.
 * A visitor rather than a list: the team engine walks 100,000 people's entries and keeps them in flat arrays.
 */
export function forEachStageEntry(
  stageChanges: readonly StageChange[],
  opportunities: readonly Opportunity[],
  visit: (stage: Stage, at: number) => void,
): void {
  for (const change of stageChanges) if (change.stage !== null) visit(change.stage, change.at);
  for (const o of opportunities) {
    if (o.createdAt !== undefined) visit('opportunity', o.createdAt);
    if (o.isClosed && o.closeDate !== undefined) visit(o.isWon ? 'won' : 'lost', o.closeDate);
  }
}

/**
 * The funnel's main line and, for each conversion, the stages that count as "went on": a lead that skips a stage
 * (SQL straight to a won deal) still converted.
 */
export const CONVERSIONS = {
  mqlToSql: { from: 'mql', onwards: ['sql', 'opportunity', 'won'] },
  sqlToOpportunity: { from: 'sql', onwards: ['opportunity', 'won'] },
  opportunityToWon: { from: 'opportunity', onwards: ['won'] },
} as const satisfies Record<string, { from: Stage; onwards: readonly Stage[] }>;
export type ConversionName = keyof typeof CONVERSIONS;
