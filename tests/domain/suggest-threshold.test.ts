import { describe, expect, it } from 'vitest';
import { MIN_EACH, MIN_OUTCOMES, leadOutcomes, suggestThreshold, suggestThresholdFrom, type LeadOutcome } from '../../lib/domain/definitions/suggest-threshold';
import { assessLead } from '../../lib/domain/assess-lead';
import { DAY, lead, NOW, tenPerForm } from './workshop-fixtures';

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

describe('the threshold from outcomes (suggestThresholdFrom)', () => {
  const outcome = (i: number, score: number, good: boolean): LeadOutcome => ({ personKey: `p${i}`, score, good });
  /** `good` good leads scoring 60 and `bad` bad leads scoring 20, then `extra`. */
  const split = (good: number, bad: number, extra: LeadOutcome[] = []) => [
    ...Array.from({ length: good }, (_, i) => outcome(i, 60, true)),
    ...Array.from({ length: bad }, (_, i) => outcome(100 + i, 20, false)),
    ...extra,
  ];

  it('suggests from exactly 30 outcomes with exactly 5 of one kind, and refuses at one fewer', () => {
    expect(suggestThresholdFrom(split(MIN_OUTCOMES - MIN_EACH, MIN_EACH))).toMatchObject({ ok: true, threshold: 60 });
    expect(suggestThresholdFrom(split(MIN_EACH, MIN_OUTCOMES - MIN_EACH))).toMatchObject({ ok: true, threshold: 60 });
    expect(suggestThresholdFrom(split(MIN_OUTCOMES - MIN_EACH, MIN_EACH - 1))).toMatchObject({ ok: false, reason: 'too-few-outcomes' });
    expect(suggestThresholdFrom(split(MIN_OUTCOMES, MIN_EACH - 1))).toEqual({
      ok: false,
      reason: 'one-sided',
      outcomes: { total: MIN_OUTCOMES + MIN_EACH - 1, good: MIN_OUTCOMES, bad: MIN_EACH - 1 },
      needed: { total: MIN_OUTCOMES, each: MIN_EACH },
    });
    expect(suggestThresholdFrom(split(MIN_EACH - 1, MIN_OUTCOMES))).toMatchObject({ ok: false, reason: 'one-sided' });
  });

  it('tries every whole score a lead has, lowest first; a lead scoring 49.5 is below 50', () => {
    const s = suggestThresholdFrom(split(20, 10, [outcome(200, 49.5, false), outcome(201, 50, true)]));
    if (!s.ok) throw new Error('expected a suggestion');
    expect(s.curve.map((p) => p.threshold)).toEqual([20, 49, 50, 60]);
    expect(s.curve.find((p) => p.threshold === 50)).toMatchObject({ mql: 21, good: 21, precision: 1, recall: 1, f1: 1 });
    expect(s.curve.find((p) => p.threshold === 49)).toMatchObject({ mql: 22, good: 21 });
  });

  it('counts precision, recall and their harmonic mean at each threshold', () => {
    // 20 good at 60, 10 bad at 20, 5 bad at 70: at 60, 20 of 25 MQLs are good and every good lead is in.
    const s = suggestThresholdFrom(split(20, 10, Array.from({ length: 5 }, (_, i) => outcome(300 + i, 70, false))));
    if (!s.ok) throw new Error('expected a suggestion');
    const at60 = s.curve.find((p) => p.threshold === 60)!;
    expect(at60).toEqual({ threshold: 60, mql: 25, good: 20, precision: 0.8, recall: 1, f1: (2 * 0.8) / 1.8 });
    // Above every good lead: nothing good gets through, and there is no balance to speak of.
    expect(s.curve.find((p) => p.threshold === 70)).toEqual({ threshold: 70, mql: 5, good: 0, precision: 0, recall: 0, f1: null });
    expect(s.threshold).toBe(60);
  });

  it('between thresholds of the same balance, chooses the higher (fewer leads for sales)', () => {
    // 10 good and 15 bad leads score 59. At 59: 30 of 45 MQLs good, every good lead in (F1 0.8).
    // At 60: 20 of 20 MQLs good, 20 of 30 good leads in (F1 0.8 too).
    const at59 = [...Array.from({ length: 10 }, (_, i) => outcome(400 + i, 59, true)), ...Array.from({ length: 15 }, (_, i) => outcome(500 + i, 59, false))];
    const s = suggestThresholdFrom(split(20, 10, at59));
    if (!s.ok) throw new Error('expected a suggestion');
    expect(s.curve.find((p) => p.threshold === 59)!.f1).toBe(s.curve.find((p) => p.threshold === 60)!.f1);
    expect(s.threshold).toBe(60);
    expect(s.point.f1).toBeCloseTo(0.8, 12);
  });
});

describe('the outcome of a handed-off lead', () => {
  const d = tenPerForm();
  const withFeedback = (i: number, verdicts: { verdict: 'good' | 'bad'; daysAfter: number; state?: 'sent' | 'cancelled' }[]) => {
    const c = lead(i, { forms: 4, handoffDaysAgo: 20 });
    const handoffAt = NOW - 20 * DAY;
    c.feedback = verdicts.map((v, k) => ({
      id: `feedback-${i}-${k}`, ref: c.ref, personKey: c.person.key, verdict: v.verdict, reasonCodes: [], by: '佐藤',
      at: handoffAt + v.daysAfter * DAY, state: v.state ?? 'sent', attempts: 0, nextAttemptAt: handoffAt,
    }));
    return c;
  };

  it('is the latest feedback, whatever order it is listed in; a cancelled click does not count', () => {
    const [a, b, c] = leadOutcomes(
      [
        withFeedback(1, [{ verdict: 'good', daysAfter: 1 }, { verdict: 'bad', daysAfter: 3 }]),
        withFeedback(2, [{ verdict: 'bad', daysAfter: 3 }, { verdict: 'good', daysAfter: 1 }]),
        withFeedback(3, [{ verdict: 'bad', daysAfter: 1 }, { verdict: 'good', daysAfter: 3, state: 'cancelled' }]),
      ],
      [d],
      NOW,
    );
    expect([a, b, c]).toEqual([
      { personKey: 'lead1@example.co.jp', score: 40, good: false },
      { personKey: 'lead2@example.co.jp', score: 40, good: false },
      { personKey: 'lead3@example.co.jp', score: 40, good: false },
    ]);
  });

  it('is good when it reached SQL at or after the handoff, whatever the feedback; SQL before the handoff does not count', () => {
    const atHandoff = withFeedback(4, [{ verdict: 'bad', daysAfter: 1 }]);
    atHandoff.stageChanges.push({ id: 'salesforce:0174-9', source: 'salesforce', stage: 'sql', vendorValue: 'SQL', at: NOW - 20 * DAY });
    const before = withFeedback(5, [{ verdict: 'bad', daysAfter: 1 }]);
    before.stageChanges.unshift({ id: 'salesforce:0175-9', source: 'salesforce', stage: 'sql', vendorValue: 'SQL', at: NOW - 30 * DAY });
    const noAnswer = withFeedback(6, [{ verdict: 'good', daysAfter: 1, state: 'cancelled' }]);
    expect(leadOutcomes([atHandoff, before, noAnswer], [d], NOW)).toEqual([
      { personKey: 'lead4@example.co.jp', score: 40, good: true },
      { personKey: 'lead5@example.co.jp', score: 40, good: false },
    ]);
  });
});
