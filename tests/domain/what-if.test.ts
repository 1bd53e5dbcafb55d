import { describe, expect, it } from 'vitest';
import { assessLead } from '../../lib/domain/assess-lead';
import { createWhatIfMemo, pinned, whatIf, whatIfAgainstVersions } from '../../lib/domain/definitions/what-if';
import { computeTeamKpis } from '../../lib/domain/team-kpis';
import { DAY, lead, NOW, tenPerForm } from './workshop-fixtures';

const RANGE = { from: NOW - 60 * DAY, to: NOW };

/** 36 people handed off in the period with 1–9 form submissions (10–90 points); half reached SQL, the rest got feedback. */
function team() {
  return Array.from({ length: 36 }, (_, i) => {
    const forms = 1 + (i % 9);
    return lead(i, {
      forms,
      handoffDaysAgo: 5 + (i % 40),
      sql: forms >= 5,
      feedback: i % 2 === 0 ? 'good' : 'bad',
      touchAfterMinutes: i % 3 === 0 ? 30 : 3000,
    });
  }).concat([lead(200, { forms: 9, handoffDaysAgo: 90 })]);
}

describe('whatIf', () => {
  it('raising the MQL threshold makes fewer MQLs, each figure the engine’s own on the draft', () => {
    const inForce = tenPerForm();
    const draft = tenPerForm();
    draft.version = 2;
    draft.qualification.mql.minScore = 60;
    const contexts = team();
    const result = whatIf(contexts, inForce, draft, RANGE, NOW);
    // 1–9 forms, 4 people each: ≥ 30 points is forms 3–9 (28 people), ≥ 60 is forms 6–9 (16).
    expect(result.inForce.mql).toBe(28);
    expect(result.draft.mql).toBe(16);
    expect(result.draft.people).toBe(36);

    // The same figures from the engine, run on the draft by hand.
    const versions = [pinned(draft)];
    const mqls = contexts.filter((c) => c.stageChanges.some((s) => s.at >= RANGE.from && s.at < RANGE.to) && assessLead(c, versions, NOW).qualification.mql.passed);
    const engine = computeTeamKpis(mqls, versions, RANGE, NOW);
    expect(result.draft.mql).toBe(engine.leads);
    expect(result.draft.slaMetRate).toBe(engine.sla.metRate);
    expect(result.draft.handedOff).toBe(engine.sla.handedOff);
    expect(result.draft.goodFeedbackRate).toBe(engine.feedback.good / (engine.feedback.good + engine.feedback.bad));
    expect(result.draft.mqlToSql).toBe(engine.funnel.reached.sql / engine.leads);
    // Every figure of the engine's (the what-if leaves out the owner / source / campaign splits it does not show).
    const { byOwner: _o, bySource: _s, byCampaign: _c, ...totals } = engine;
    expect(result.kpis.draft).toEqual({ ...totals, byOwner: [], bySource: [], byCampaign: [] });
    // Every MQL of the draft with ≥ 6 forms reached SQL (≥ 5 did).
    expect(result.draft.mqlToSql).toBe(1);
    expect(result.inForce.mqlToSql).toBeCloseTo(20 / 28);
  });

  it('judges the SLA by the draft’s table: a shorter budget lowers the met rate', () => {
    const inForce = tenPerForm();
    const draft = tenPerForm();
    draft.sla.policies = draft.sla.policies.map((p) => ({ ...p, budgetMinutes: 15 }));
    const result = whatIf(team(), inForce, draft, RANGE, NOW);
    // Touches 30 minutes after a weekday handoff miss a 15-minute budget (a weekend handoff's clock starts Monday).
    expect(result.draft.slaMetRate!).toBeLessThan(result.inForce.slaMetRate!);
    expect(result.draft.mql).toBe(result.inForce.mql);
  });

  it('lists the people whose band changes', () => {
    const inForce = tenPerForm();
    const draft = tenPerForm();
    draft.temperature.bands = { hot: 85, warm: 55, cool: 20 };
    const result = whatIf(team(), inForce, draft, RANGE, NOW);
    // 80 points: hot → warm; 50 points: warm → cool (4 people each).
    expect(result.bandChangesTotal).toBe(8);
    expect(new Set(result.bandChanges.map((c) => `${c.from}→${c.to}`))).toEqual(new Set(['hot→warm', 'warm→cool']));
  });

  it('answers the same from what it kept between edits as from scratch', () => {
    const inForce = tenPerForm();
    const memo = createWhatIfMemo();
    const contexts = team();
    for (const minScore of [40, 60, 40]) {
      const draft = tenPerForm();
      draft.qualification.mql.minScore = minScore;
      draft.stageMappings[0]!.values['Nurture'] = 'recycled';
      expect(whatIf(contexts, inForce, draft, RANGE, NOW, memo)).toEqual(whatIf(contexts, inForce, draft, RANGE, NOW));
    }
    expect(memo.sides.size).toBe(3);
  });
});

describe('whatIf at its edges', () => {
  it('a draft under which nobody is an MQL has no conversion or feedback rate (not 0%)', () => {
    const draft = tenPerForm();
    draft.qualification.mql.minScore = 1000;
    const result = whatIf(team(), tenPerForm(), draft, RANGE, NOW);
    expect(result.draft).toMatchObject({ people: 36, mql: 0, mqlToSql: null, goodFeedbackRate: null, handedOff: 0 });
    expect(result.inForce.goodFeedbackRate).not.toBeNull();
  });

  it('names each side by its id and version, and lists band changes by name, then by person', () => {
    const draft = tenPerForm();
    draft.version = 7;
    draft.temperature.bands = { hot: 85, warm: 55, cool: 20 };
    const contexts = team();
    // Two people of the same name (sorting before 見込客 …): the one with the smaller key first.
    contexts[4]!.person.name = '同名';
    contexts[13]!.person.name = '同名';
    const result = whatIf(contexts, tenPerForm(), draft, RANGE, NOW);
    expect(result.draft.definitions).toEqual({ id: draft.id, version: 7 });
    expect(result.inForce.definitions.version).toBe(1);
    const names = result.bandChanges.map((c) => `${c.name}|${c.personKey}`);
    expect(names).toEqual([...names].sort());
    expect(result.bandChanges.slice(0, 2)).toEqual([
      { personKey: 'lead13@example.co.jp', name: '同名', from: 'warm', to: 'cool' },
      { personKey: 'lead4@example.co.jp', name: '同名', from: 'warm', to: 'cool' },
    ]);
    expect(result).toMatchObject({ range: RANGE, now: NOW });
  });

  it('keeps at most four judged sides while drafts are edited', () => {
    const memo = createWhatIfMemo();
    const contexts = team();
    for (const minScore of [10, 20, 40, 50, 60, 70]) {
      const draft = tenPerForm();
      draft.qualification.mql.minScore = minScore;
      whatIf(contexts, tenPerForm(), draft, RANGE, NOW, memo);
      expect(memo.sides.size).toBeLessThanOrEqual(4);
    }
    expect(memo.sides.size).toBe(4);
  });
});

describe('the draft against the version the team sees', () => {
  const version = (n: number, effectiveFrom: string) => ({ ...tenPerForm(), version: n, effectiveFrom });

  it('is measured against the version in force now', () => {
    const v1 = version(1, '2026-01-01T00:00:00+09:00');
    const v2 = { ...version(2, '2026-06-01T00:00:00+09:00') };
    v2.qualification = { ...v2.qualification, mql: { ...v2.qualification.mql, minScore: 60 } };
    const draft = version(3, '2027-01-01T00:00:00+09:00');
    const result = whatIfAgainstVersions(team(), [v1, v2], draft, RANGE, NOW);
    expect(result.inForce.definitions.version).toBe(2);
    expect(result.inForce.mql).toBe(16);
    expect(result.draft.mql).toBe(28);
    expect(result).not.toHaveProperty('kpis');
  });

  it('against the first version listed when none is in force yet, and against itself when there is none', () => {
    const later = version(4, '2027-06-01T00:00:00+09:00');
    const draft = version(5, '2027-07-01T00:00:00+09:00');
    expect(whatIfAgainstVersions(team(), [later], draft, RANGE, NOW).inForce.definitions.version).toBe(4);
    const alone = whatIfAgainstVersions(team(), [], draft, RANGE, NOW);
    expect(alone.inForce).toEqual(alone.draft);
    expect(alone.bandChangesTotal).toBe(0);
  });
});
