import { describe, expect, it } from 'vitest';
import { assessHandoff, assessLead } from '../../lib/domain/assess-lead';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { JudgementMemo } from '../../lib/domain/judgement-memo';
import { DAY, lead, NOW, tenPerForm } from './workshop-fixtures';

const people = Array.from({ length: 30 }, (_, i) =>
  lead(i, { forms: 1 + (i % 9), handoffDaysAgo: i % 5 === 0 ? undefined : 2 + (i % 20), sql: i % 2 === 0, touchAfterMinutes: i % 3 === 0 ? 20 : 500 }),
);

/** A workshop's edits, one after another: each touches another part of the definitions. */
const edits: [string, (d: Definitions) => void][] = [
  ['MQL threshold', (d) => void (d.qualification.mql.minScore = 50)],
  ['bands', (d) => void (d.temperature.bands = { hot: 60, warm: 40, cool: 10 })],
  ['SLA budgets', (d) => void (d.sla.policies = d.sla.policies.map((p) => ({ ...p, budgetMinutes: 15 })))],
  ['an engagement weight', (d) => void (d.score.engagement.rules[0]!.points = 7)],
  ['handoff stages', (d) => void (d.sla.handoffStages = ['sql'])],
  ['back to the first', () => {}],
];

describe('JudgementMemo', () => {
  it('judges each lead as assessLead without a memo, whatever part of the definitions an edit touched', () => {
    const memo = new JudgementMemo({ why: false });
    let d = tenPerForm();
    const sequence: Definitions[] = [d];
    for (const [, edit] of edits) {
      d = structuredClone(d);
      edit(d);
      sequence.push(d);
    }
    sequence.push(tenPerForm());
    for (const version of sequence) {
      for (const context of people) {
        const kept = assessLead(context, [version], NOW, memo);
        const fresh = assessLead(context, [version], NOW);
        expect(kept.temperature.band).toBe(fresh.temperature.band);
        expect(kept.temperature.score).toBe(fresh.temperature.score);
        expect(kept.qualification).toEqual(fresh.qualification);
        expect(kept.handoff).toEqual(fresh.handoff);
        expect(kept.sla).toEqual(fresh.sla);
        expect(kept.firstTouch).toEqual(fresh.firstTouch);
        expect(assessHandoff(context, [version], NOW + DAY, memo)).toEqual(assessHandoff(context, [version], NOW + DAY));
      }
    }
  });

  it('keeps the engagement "why" only when asked to', () => {
    const d = tenPerForm();
    const context = people[8]!;
    expect(assessLead(context, [d], NOW, new JudgementMemo()).temperature).toEqual(assessLead(context, [d], NOW).temperature);
    const lean = assessLead(context, [d], NOW, new JudgementMemo({ why: false })).temperature;
    expect(lean.contributions.filter((c) => c.kind === 'engagement')).toEqual([]);
    expect(lean.score).toBe(90);
  });
});

describe('JudgementMemo, one edit at a time', () => {
  it('a tighter SLA budget, judged with the same memo, turns a 20-minute touch from met into met late', () => {
    const memo = new JudgementMemo({ why: false });
    const context = lead(1, { forms: 1, handoffDaysAgo: 3, touchAfterMinutes: 20 });
    const before = tenPerForm();
    const tighter = structuredClone(before);
    tighter.sla.policies = tighter.sla.policies.map((p) => ({ ...p, budgetMinutes: 15 }));
    expect(assessLead(context, [before], NOW, memo).sla?.status).toBe('met');
    expect(assessLead(context, [tighter], NOW, memo).sla?.status).toBe('met_late');
    expect(assessLead(context, [before], NOW, memo).sla?.status).toBe('met');
  });
});
