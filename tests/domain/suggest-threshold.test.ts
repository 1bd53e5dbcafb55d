import { describe, expect, it } from 'vitest';
import { MIN_OUTCOMES, leadOutcomes, suggestThreshold } from '../../lib/domain/definitions/suggest-threshold';
import { assessLead } from '../../lib/domain/assess-lead';
import { lead, NOW, tenPerForm } from './workshop-fixtures';

const d = tenPerForm();

/** Leads with 5 or more form submissions (score ≥ 50) reached SQL; those with fewer got bad feedback. */
function separable(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const forms = 1 + (i % 9);
    return lead(i, forms >= 5 ? { forms, handoffDaysAgo: 20, sql: true } : { forms, handoffDaysAgo: 20, feedback: 'bad' });
  });
}

describe('suggestThreshold', () => {
  it('finds the score that separates good leads from bad on constructed data, and says what it rests on', () => {
    const contexts = separable(45);
    // Outcome-less and never handed-off leads do not count.
    contexts.push(lead(100, { forms: 9, handoffDaysAgo: 3 }), lead(101, { forms: 9 }));
    const s = suggestThreshold(contexts, [d], NOW);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.criterion).toBe('max-f1');
    expect(s.threshold).toBe(50);
    expect(s.point).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(s.outcomes).toEqual({ total: 45, good: 25, bad: 20 });
    // The curve: a lower threshold lets bad leads in, a higher one holds good leads back.
    const at40 = s.curve.find((p) => p.threshold === 40)!;
    const at60 = s.curve.find((p) => p.threshold === 60)!;
    expect(at40.precision).toBeLessThan(1);
    expect(at40.recall).toBe(1);
    expect(at60.precision).toBe(1);
    expect(at60.recall).toBeLessThan(1);
  });

  it('reads the score the per-lead judgement reads', () => {
    const contexts = separable(12);
    for (const o of leadOutcomes(contexts, [d], NOW)) {
      const context = contexts.find((c) => c.person.key === o.personKey)!;
      expect(o.score).toBe(assessLead(context, [d], NOW).qualification.mql.criteria.find((c) => c.id === 'score')!.actual);
    }
  });

  it('refuses with a reason when outcomes are too few or all of one kind', () => {
    const few = suggestThreshold(separable(MIN_OUTCOMES - 1), [d], NOW);
    expect(few).toMatchObject({ ok: false, reason: 'too-few-outcomes', outcomes: { total: MIN_OUTCOMES - 1 } });
    const allGood = Array.from({ length: 40 }, (_, i) => lead(i, { forms: 1 + (i % 9), handoffDaysAgo: 10, sql: true }));
    expect(suggestThreshold(allGood, [d], NOW)).toMatchObject({ ok: false, reason: 'one-sided', outcomes: { good: 40, bad: 0 } });
  });
});
