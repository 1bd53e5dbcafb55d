import { expect } from 'vitest';
import { assessLead } from '../../lib/domain/assess-lead';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { STAGES, type LeadContext, type Stage } from '../../lib/domain/model';
import { personSegments } from '../../lib/domain/person-segments';
import { forEachStageEntry } from '../../lib/domain/stage-entries';
import { computeTeamKpis, type TeamKpis, type TeamRange } from '../../lib/domain/team-kpis';

/**
 * What "team figures are sums of the per-lead judgement" means, written once against `assessLead`: the property
 * tests run it on generated teams, the sync tests on what the demo, a Salesforce org and a HubSpot portal put in
 * the snapshot. Each check recomputes from the per-lead assessments, never from the engine's own arrays.
 */
export const inRange = (t: number | null | undefined, r: TeamRange) => t !== null && t !== undefined && t >= r.from && t < r.to;
export const keysWhere = (contexts: LeadContext[], test: (c: LeadContext) => boolean) => contexts.filter(test).map((c) => c.person.key).sort();
export const sorted = (keys: string[]) => [...keys].sort();

/**
 * The engine's rule for people: contexts sharing a person key are one person, the most recently fetched speaking
 * for them (the first on a tie). Real snapshots have such pairs (the demo's duplicate lead and contact, one person
 * in two systems); generated teams do not, so this is the identity there.
 */
export function onePerPerson(contexts: LeadContext[]): LeadContext[] {
  const kept = new Map<string, LeadContext>();
  for (const c of contexts) {
    const earlier = kept.get(c.person.key);
    if (!earlier || c.fetchedAt > earlier.fetchedAt) kept.set(c.person.key, c);
  }
  return contexts.filter((c) => kept.get(c.person.key) === c);
}

/** Each SLA count is the number of people handed off in the range whose assessLead status says so. */
export function expectSlaFromAssessments(input: LeadContext[], versions: Definitions[], range: TeamRange, now: number): TeamKpis {
  const k = computeTeamKpis(input, versions, range, now);
  const contexts = onePerPerson(input);
  const judged = contexts.map((c) => ({ c, a: assessLead(c, versions, now) })).filter(({ a }) => inRange(a.handoff?.at, range));
  const withStatus = (...statuses: string[]) => judged.filter(({ a }) => statuses.includes(a.sla!.status)).map(({ c }) => c.person.key).sort();
  expect(sorted(k.peopleFor(['sla', 'handedOff']))).toEqual(judged.map(({ c }) => c.person.key).sort());
  expect(k.sla.handedOff).toBe(judged.length);
  expect(sorted(k.peopleFor(['sla', 'met']))).toEqual(withStatus('met'));
  expect(k.sla.met).toBe(withStatus('met').length);
  expect(k.sla.metLate).toBe(withStatus('met_late').length);
  expect(k.sla.breachedOpen).toBe(withStatus('breached').length);
  expect(k.sla.open).toBe(withStatus('on_track', 'at_risk').length);
  const decided = withStatus('met', 'met_late', 'breached').length;
  expect(k.sla.metRate).toBe(decided === 0 ? null : withStatus('met').length / decided);
  const minutes = judged
    .filter(({ a }) => a.sla!.status === 'met' || a.sla!.status === 'met_late')
    .map(({ a }) => a.sla!.elapsedMinutes)
    .sort((x, y) => x - y);
  expect(k.sla.firstTouchMinutes.p50).toBe(minutes.length ? minutes[Math.ceil(0.5 * minutes.length) - 1] : null);
  expect(k.sla.firstTouchMinutes.p90).toBe(minutes.length ? minutes[Math.ceil(0.9 * minutes.length) - 1] : null);
  return k;
}

/** The funnel counts people entering each stage in the range, by assessLead's remapped history and their deals. */
export function expectFunnelFromAssessments(input: LeadContext[], versions: Definitions[], range: TeamRange, now: number): TeamKpis {
  const k = computeTeamKpis(input, versions, range, now);
  const contexts = onePerPerson(input);
  const entries = new Map(
    contexts.map((c) => {
      const list: { stage: Stage; at: number }[] = [];
      forEachStageEntry(assessLead(c, versions, now).stageChanges, c.opportunities, (stage, at) => list.push({ stage, at }));
      return [c.person.key, list] as const;
    }),
  );
  for (const stage of STAGES) {
    const people = keysWhere(contexts, (c) => entries.get(c.person.key)!.some((e) => e.stage === stage && inRange(e.at, range)));
    expect(k.funnel.reached[stage]).toBe(people.length);
    expect(sorted(k.peopleFor(['funnel', 'reached', stage]))).toEqual(people);
  }
  // MQL → SQL: of the people who became MQL in the range, those who went on to SQL or further afterwards.
  const cohort = keysWhere(contexts, (c) => entries.get(c.person.key)!.some((e) => e.stage === 'mql' && inRange(e.at, range)));
  const went = keysWhere(contexts, (c) => {
    const list = entries.get(c.person.key)!;
    const mqlAt = Math.min(...list.filter((e) => e.stage === 'mql' && inRange(e.at, range)).map((e) => e.at));
    return list.some((e) => ['sql', 'opportunity', 'won'].includes(e.stage) && e.at >= mqlAt);
  });
  expect(sorted(k.peopleFor(['funnel', 'conversion', 'mqlToSql', 'of']))).toEqual(cohort);
  expect(sorted(k.peopleFor(['funnel', 'conversion', 'mqlToSql']))).toEqual(went);
  expect(k.funnel.conversion.mqlToSql).toBe(cohort.length === 0 ? null : went.length / cohort.length);
  return k;
}

/** Feedback and revenue count what was given and won within the range; each campaign everyone it touched. */
export function expectFeedbackAndRevenue(input: LeadContext[], versions: Definitions[], range: TeamRange, now: number, reasons: readonly string[]): TeamKpis {
  const k = computeTeamKpis(input, versions, range, now);
  const contexts = onePerPerson(input);
  const given = contexts.flatMap((c) => c.feedback).filter((f) => f.state !== 'cancelled' && inRange(f.at, range));
  expect(k.feedback.good).toBe(given.filter((f) => f.verdict === 'good').length);
  expect(k.feedback.bad).toBe(given.filter((f) => f.verdict === 'bad').length);
  for (const reason of reasons) expect(k.feedback.byReason[reason] ?? 0).toBe(given.filter((f) => f.reasonCodes.includes(reason)).length);
  const won = contexts.flatMap((c) => c.opportunities).filter((o) => o.isWon && inRange(o.closeDate, range));
  expect(k.revenue.wonAmount).toBe(won.reduce((sum, o) => sum + (o.amount ?? 0), 0));
  for (const row of k.revenue.byCampaign) {
    const members = contexts.filter((c) => personSegments(c).campaigns.includes(row.campaign));
    expect(row.leads).toBe(members.length);
    expect(row.wonAmount).toBe(members.flatMap((c) => c.opportunities).filter((o) => o.isWon && inRange(o.closeDate, range)).reduce((s, o) => s + (o.amount ?? 0), 0));
    expect(sorted(k.peopleFor(['revenue', 'byCampaign', row.campaign, 'leads']))).toEqual(members.map((c) => c.person.key).sort());
  }
  return k;
}

/** The counts that add up when the team is split in two. */
export function additive(k: TeamKpis) {
  return {
    leads: k.leads,
    reached: k.funnel.reached,
    sla: { handedOff: k.sla.handedOff, met: k.sla.met, metLate: k.sla.metLate, breachedOpen: k.sla.breachedOpen, open: k.sla.open },
    feedback: { good: k.feedback.good, bad: k.feedback.bad, byReason: k.feedback.byReason },
    wonAmount: k.revenue.wonAmount,
    ownerLeads: Object.fromEntries(k.byOwner.map((s) => [String(s.key), s.leads])),
  };
}

export function addAdditive(a: ReturnType<typeof additive>, b: ReturnType<typeof additive>): ReturnType<typeof additive> {
  const sum = (x: Record<string, number>, y: Record<string, number>) => {
    const out: Record<string, number> = { ...x };
    for (const [key, v] of Object.entries(y)) out[key] = (out[key] ?? 0) + v;
    return out;
  };
  return {
    leads: a.leads + b.leads,
    reached: sum(a.reached, b.reached) as Record<Stage, number>,
    sla: sum(a.sla, b.sla) as typeof a.sla,
    feedback: { good: a.feedback.good + b.feedback.good, bad: a.feedback.bad + b.feedback.bad, byReason: sum(a.feedback.byReason, b.feedback.byReason) },
    wonAmount: a.wonAmount + b.wonAmount,
    ownerLeads: sum(a.ownerLeads, b.ownerLeads),
  };
}

/** Splitting the people in two (by `left`) and adding the halves gives the whole (computed from every context). */
export function expectHalvesAddUp(input: LeadContext[], versions: Definitions[], range: TeamRange, now: number, left: (c: LeadContext, i: number) => boolean): void {
  // Halves of people, not of contexts: one person's two records in both halves would be two people.
  const contexts = onePerPerson(input);
  const a: LeadContext[] = [];
  const b: LeadContext[] = [];
  contexts.forEach((c, i) => (left(c, i) ? a : b).push(c));
  const whole = additive(computeTeamKpis(input, versions, range, now));
  expect(addAdditive(additive(computeTeamKpis(a, versions, range, now)), additive(computeTeamKpis(b, versions, range, now)))).toEqual(whole);
}
