import { assessLead } from '../assess-lead';
import type { LeadContext } from '../model';
import { forEachStageEntry } from '../stage-entries';
import { latestPerPerson } from '../team-kpis';
import type { Definitions } from './schema';

/**
 * A suggested MQL score threshold from results: of the leads handed off to sales whose outcome is known, which
 * score would have separated the good ones from the bad. Each lead is judged by `assessLead` (the score its MQL
 * criterion reads, by the version in force at its handoff, as the panel shows it); nothing here scores a lead.
 *
 * Outcome of a handed-off lead:
 * - good: it reached SQL (or went on to an opportunity or a won deal) after its handoff, or its latest feedback
 *   (cancelled clicks aside) is good;
 * - bad: it did not reach SQL and its latest feedback is bad;
 * - unknown otherwise (left out: no answer yet is not a bad lead).
 *
 * At each candidate threshold t (every whole score a lead has), "MQL" means score ≥ t: precision = good MQLs / MQLs,
 * recall = good MQLs / good leads. The suggestion is the threshold of the highest F1 (the harmonic mean of the two:
 * it punishes both sending sales bad leads and holding good ones back); on a tie, the higher threshold (fewer leads
 * for sales to work for the same balance).
 *
 * Refused below MIN_OUTCOMES leads with an outcome, or MIN_EACH of either kind: with fewer, one lead moves the
 * suggestion by tens of points, and a suggestion from one kind alone says nothing about separating them.
 */
export const MIN_OUTCOMES = 30;
export const MIN_EACH = 5;

export type ThresholdPoint = {
  threshold: number;
  /** Leads with an outcome at or above the threshold (would have been MQL). */
  mql: number;
  good: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
};

export type LeadOutcome = { personKey: string; score: number; good: boolean };

export type ThresholdSuggestion =
  | {
      ok: true;
      criterion: 'max-f1';
      threshold: number;
      point: ThresholdPoint;
      /** Ascending by threshold. */
      curve: ThresholdPoint[];
      outcomes: { total: number; good: number; bad: number };
    }
  | { ok: false; reason: 'too-few-outcomes' | 'one-sided'; outcomes: { total: number; good: number; bad: number }; needed: { total: number; each: number } };

const SQL_OR_LATER = new Set(['sql', 'opportunity', 'won']);

/** The handed-off leads whose outcome is known, with the score their MQL criterion read. */
export function leadOutcomes(contexts: readonly LeadContext[], versions: Definitions[], now: number): LeadOutcome[] {
  const out: LeadOutcome[] = [];
  for (const context of latestPerPerson(contexts)) {
    const a = assessLead(context, versions, now);
    if (!a.handoff) continue;
    const handoffAt = a.handoff.at;
    const criterion = a.qualification.mql.criteria.find((c) => c.id === 'score');
    if (typeof criterion?.actual !== 'number') continue;
    let reachedSql = false;
    forEachStageEntry(a.stageChanges, context.opportunities, (stage, at) => {
      if (at >= handoffAt && SQL_OR_LATER.has(stage)) reachedSql = true;
    });
    let latest: { at: number; good: boolean } | null = null;
    for (const f of context.feedback) {
      if (f.state === 'cancelled') continue;
      if (!latest || f.at > latest.at) latest = { at: f.at, good: f.verdict === 'good' };
    }
    if (reachedSql || latest) out.push({ personKey: context.person.key, score: criterion.actual, good: reachedSql || latest!.good });
  }
  return out;
}

export function suggestThresholdFrom(outcomes: readonly LeadOutcome[]): ThresholdSuggestion {
  const good = outcomes.filter((o) => o.good).length;
  const counts = { total: outcomes.length, good, bad: outcomes.length - good };
  const needed = { total: MIN_OUTCOMES, each: MIN_EACH };
  if (counts.total < MIN_OUTCOMES) return { ok: false, reason: 'too-few-outcomes', outcomes: counts, needed };
  if (counts.good < MIN_EACH || counts.bad < MIN_EACH) return { ok: false, reason: 'one-sided', outcomes: counts, needed };
  const thresholds = [...new Set(outcomes.map((o) => Math.floor(o.score)))].sort((a, b) => a - b);
  const curve = thresholds.map((threshold): ThresholdPoint => {
    let mql = 0;
    let tp = 0;
    for (const o of outcomes) {
      if (o.score < threshold) continue;
      mql++;
      if (o.good) tp++;
    }
    const precision = mql === 0 ? null : tp / mql;
    const recall = tp / good;
    const f1 = precision === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
    return { threshold, mql, good: tp, precision, recall, f1 };
  });
  let best = curve[0]!;
  for (const p of curve) if ((p.f1 ?? -1) >= (best.f1 ?? -1)) best = p;
  return { ok: true, criterion: 'max-f1', threshold: best.threshold, point: best, curve, outcomes: counts };
}

export function suggestThreshold(contexts: readonly LeadContext[], versions: Definitions[], now: number): ThresholdSuggestion {
  return suggestThresholdFrom(leadOutcomes(contexts, versions, now));
}
