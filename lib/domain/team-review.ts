import { diffDefinitions, type DefinitionsChange } from './definitions/diff-definitions';
import type { Definitions } from './definitions/schema';
import { definitionsInForce, definitionsVersionKey, effectiveFromMs } from './definitions/version-in-force';
import type { TeamFigures, TeamRange } from './team-kpis';

/**
 * The regular review (the seed's 定例レビュー): each review pack made is recorded with its headline figures (the
 * team figures of its period, as `countTeam` gave them: sums of the per-lead judgement, nothing re-counted here) and
 * the definitions version in force, so the next pack says what changed since: the versions that took effect in
 * between and their changes in words (`diffDefinitions`), and the SLA met rate and feedback then and now.
 */
export type ReviewHeadline = {
  leads: number;
  mql: number;
  sql: number;
  won: number;
  wonAmount: number;
  handedOff: number;
  met: number;
  metRate: number | null;
  good: number;
  bad: number;
};

export type ReviewRecord = {
  at: number;
  range: TeamRange;
  /** `id@version` of the definitions in force when the pack was made. */
  inForce: string | null;
  headline: ReviewHeadline;
};

/** The figures a review keeps, read off the period's team figures. */
export function reviewHeadline(kpis: TeamFigures): ReviewHeadline {
  return {
    leads: kpis.leads,
    mql: kpis.funnel.reached.mql,
    sql: kpis.funnel.reached.sql,
    won: kpis.funnel.reached.won,
    wonAmount: kpis.revenue.wonAmount,
    handedOff: kpis.sla.handedOff,
    met: kpis.sla.met,
    metRate: kpis.sla.metRate,
    good: kpis.feedback.good,
    bad: kpis.feedback.bad,
  };
}

export function reviewRecord(kpis: TeamFigures, range: TeamRange, versions: Definitions[], at: number): ReviewRecord {
  const inForce = definitionsInForce(versions, at);
  return { at, range: { from: range.from, to: range.to }, inForce: inForce ? definitionsVersionKey(inForce) : null, headline: reviewHeadline(kpis) };
}

export type SinceLastReview =
  | { first: true }
  | {
      first: false;
      last: ReviewRecord;
      /** Versions that took effect after the last review, up to now (oldest first). */
      newVersions: Definitions[];
      /** The last review's version in force, when this browser still knows it. */
      thenInForce: Definitions | null;
      nowInForce: Definitions | null;
      /** Changes from the version in force then to the one in force now, in words; [] when the same. */
      changes: DefinitionsChange[];
      then: ReviewHeadline;
      now: ReviewHeadline;
    };

/** What changed between the last review and this one (`current`, not yet recorded). */
export function sinceLastReview(last: ReviewRecord | null, current: ReviewRecord, versions: Definitions[]): SinceLastReview {
  if (!last) return { first: true };
  const byKey = new Map(versions.map((d) => [definitionsVersionKey(d), d]));
  const thenInForce = last.inForce ? (byKey.get(last.inForce) ?? null) : null;
  const nowInForce = current.inForce ? (byKey.get(current.inForce) ?? null) : null;
  const newVersions = versions
    .filter((d) => effectiveFromMs(d) > last.at && effectiveFromMs(d) <= current.at)
    .sort((a, b) => effectiveFromMs(a) - effectiveFromMs(b) || a.version - b.version);
  const changes = thenInForce && nowInForce && thenInForce !== nowInForce ? diffDefinitions(thenInForce, nowInForce) : [];
  return { first: false, last, newVersions, thenInForce, nowInForce, changes, then: last.headline, now: current.headline };
}
