import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { diffDefinitions } from '../../lib/domain/definitions/diff-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { computeTeamKpis } from '../../lib/domain/team-kpis';
import { reviewRecord, sinceLastReview } from '../../lib/domain/team-review';
import { makeTeamContexts, TEAM_NOW } from '../../scripts/bench/team-data';

const D = 86_400_000;
const contexts = makeTeamContexts(300);
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
  const last = reviewRecord(computeTeamKpis(contexts, [v1, v2], rangeThen, TEAM_NOW - 7 * D), rangeThen, [v1, v2], TEAM_NOW - 7 * D);
  const kpisNow = computeTeamKpis(contexts, [v1, v2], rangeNow, TEAM_NOW);
  const current = reviewRecord(kpisNow, rangeNow, [v1, v2], TEAM_NOW);

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
