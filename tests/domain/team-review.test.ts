import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { diffDefinitions } from '../../lib/domain/definitions/diff-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { computeTeamKpis } from '../../lib/domain/team-kpis';
import { reviewRecord, sinceLastReview } from '../../lib/domain/team-review';
import { makeTeamContexts, TEAM_NOW } from '../../scripts/bench/team-data';

const D = 86_400_000;
// The team is built in a hook, not at import (docs/mutation.md, "Caches in module state"): work done before the
// tests start cannot be traced to them, and the mutants it reaches would look untested.
let contexts: ReturnType<typeof makeTeamContexts>;
const v1: Definitions = { ...DEFAULT_DEFINITIONS, effectiveFrom: new Date(TEAM_NOW - 400 * D).toISOString() };
const v2: Definitions = {
  ...v1,
  version: v1.version + 1,
  effectiveFrom: new Date(TEAM_NOW - 3 * D).toISOString(),
  sla: { ...v1.sla, policies: v1.sla.policies.map((p, i) => (i === 0 ? { ...p, budgetMinutes: p.budgetMinutes + 60 } : p)) },
};

describe('what changed since the last review', () => {
  const rangeThen = { from: TEAM_NOW - 21 * D, to: TEAM_NOW - 7 * D };
  const rangeNow = { from: TEAM_NOW - 14 * D, to: TEAM_NOW };
  let last: ReturnType<typeof reviewRecord>;
  let kpisNow: ReturnType<typeof computeTeamKpis>;
  let current: ReturnType<typeof reviewRecord>;
  beforeAll(() => {
    contexts = makeTeamContexts(300);
    last = reviewRecord(computeTeamKpis(contexts, [v1, v2], rangeThen, TEAM_NOW - 7 * D), rangeThen, [v1, v2], TEAM_NOW - 7 * D);
    kpisNow = computeTeamKpis(contexts, [v1, v2], rangeNow, TEAM_NOW);
    current = reviewRecord(kpisNow, rangeNow, [v1, v2], TEAM_NOW);
  });

  it('the first review has no earlier one', () => {
    expect(sinceLastReview(null, current, [v1, v2])).toEqual({ first: true });
  });

  it('names the versions that took effect since, the changes in words, and the SLA and feedback then and now', () => {
    expect(last.inForce).toBe(`${v1.id}@${v1.version}`);
    expect(current.inForce).toBe(`${v2.id}@${v2.version}`);
    const since = sinceLastReview(last, current, [v1, v2]);
    if (since.first) throw new Error('expected a comparison');
    expect(since.newVersions).toEqual([v2]);
    expect(since.changes).toEqual(diffDefinitions(v1, v2));
    expect(since.changes.some((c) => c.key === 'diff.slaBudget')).toBe(true);
    // The headline is the team figures' own (sums of the per-lead judgement), not counted again.
    expect(since.now).toMatchObject({ metRate: kpisNow.sla.metRate, met: kpisNow.sla.met, handedOff: kpisNow.sla.handedOff, good: kpisNow.feedback.good, bad: kpisNow.feedback.bad });
    expect(since.then).toBe(last.headline);
  });

  it('lists no change when the same version is in force, and says when the old one is no longer known', () => {
    const same = sinceLastReview({ ...last, at: TEAM_NOW - D, inForce: current.inForce }, current, [v1, v2]);
    if (same.first) throw new Error('expected a comparison');
    expect(same.newVersions).toEqual([]);
    expect(same.changes).toEqual([]);
    const gone = sinceLastReview({ ...last, inForce: 'retired@9' }, current, [v1, v2]);
    if (gone.first) throw new Error('expected a comparison');
    expect(gone.thenInForce).toBeNull();
    expect(gone.changes).toEqual([]);
  });
});

describe('a review record', () => {
  const figures = {
    leads: 40, funnel: { reached: { inquiry: 0, mql: 12, sal: 0, sql: 5, opportunity: 3, won: 2, lost: 0, recycled: 0, disqualified: 0 }, conversion: { mqlToSql: 0.4, sqlToOpportunity: null, opportunityToWon: null } },
    sla: { handedOff: 10, met: 7, metLate: 2, breachedOpen: 1, open: 0, metRate: 0.7, firstTouchMinutes: { p50: 30, p90: 200 } },
    feedback: { good: 4, bad: 3, byReason: {} }, revenue: { wonAmount: 5_000_000, byCampaign: [] },
  };
  const range = { from: TEAM_NOW - 7 * D, to: TEAM_NOW };

  it('keeps the headline figures of its period and the version in force when it was made', () => {
    expect(reviewRecord(figures, range, [v1, v2], TEAM_NOW)).toEqual({
      at: TEAM_NOW,
      range,
      inForce: `${v2.id}@${v2.version}`,
      headline: { leads: 40, mql: 12, sql: 5, won: 2, wonAmount: 5_000_000, handedOff: 10, met: 7, metRate: 0.7, good: 4, bad: 3 },
    });
  });

  it('made before any version took effect, it names none', () => {
    expect(reviewRecord(figures, range, [v2], TEAM_NOW - 10 * D).inForce).toBeNull();
  });

  it('new versions are those that took effect after the last review and up to this one, oldest first', () => {
    const at = (days: number, version: number): Definitions => ({ ...v1, version, effectiveFrom: new Date(TEAM_NOW - days * D).toISOString() });
    const lastAt = TEAM_NOW - 20 * D;
    const atLast = at(20, 3);
    const between = at(10, 4);
    const sameDayLater = at(10, 5);
    const atNow = at(0, 6);
    const after = at(-1, 7);
    const last = { ...reviewRecord(figures, range, [v1], lastAt) };
    const current = reviewRecord(figures, range, [v1, atLast, between, sameDayLater, atNow, after], TEAM_NOW);
    const since = sinceLastReview(last, current, [after, atNow, sameDayLater, between, atLast, v1]);
    if (since.first) throw new Error('expected a comparison');
    expect(since.newVersions.map((d) => d.version)).toEqual([4, 5, 6]);
    expect(since.nowInForce?.version).toBe(6);
    expect(since.thenInForce?.version).toBe(v1.version);
    expect(since.changes).toEqual(diffDefinitions(v1, atNow));
  });

  it('a review with no version in force then or now compares no definitions', () => {
    const none = { ...reviewRecord(figures, range, [], TEAM_NOW - D) };
    const since = sinceLastReview(none, reviewRecord(figures, range, [], TEAM_NOW), [v1, v2]);
    if (since.first) throw new Error('expected a comparison');
    expect(since).toMatchObject({ thenInForce: null, nowInForce: null, changes: [] });
  });
});
