import type { Definitions } from '../../lib/domain/definitions/schema';
import type { Feedback, LeadContext, Opportunity, StageChange } from '../../lib/domain/model';
import { copyDefinitions, jst } from './time-helpers';

export const DAY = 86_400_000;
export const NOW = jst('2026-11-27 15:00');

/**
 * Definitions whose score is easy to reason about: no fit rules, 10 points per form submission, no decay worth
 * speaking of (a half-life of a billion days) and no daily cap, so a lead with n submissions scores 10·n.
 */
export function tenPerForm(): Definitions {
  const d = copyDefinitions();
  d.score.fit.rules = [];
  d.score.fit.exclusions = [];
  d.score.fit.grades = [{ grade: 'A', min: null }];
  d.qualification.mql.minFitGrade = 'A';
  d.qualification.mql.requiredFields = [];
  d.qualification.mql.minScore = 30;
  d.score.engagement.rules = [{ id: 'form', label: { ja: 'フォーム', en: 'Form' }, type: 'form_submit', points: 10 }];
  d.score.engagement.halfLifeDays = 1e9;
  d.score.engagement.dailyCaps = {};
  d.temperature.bands = { hot: 80, warm: 50, cool: 20 };
  return d;
}

export type LeadSpec = {
  forms: number;
  /** Handed off (entered MQL) this many days before NOW; undefined: never handed off. */
  handoffDaysAgo?: number;
  /** Reached SQL a day after the handoff. */
  sql?: boolean;
  feedback?: 'good' | 'bad';
  /** First touch this many minutes after the handoff. */
  touchAfterMinutes?: number;
};

export function lead(i: number, spec: LeadSpec): LeadContext {
  const id = `00Q${String(i).padStart(12, '0')}AAA`;
  const ref = { system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id } as const;
  const key = `lead${i}@example.co.jp`;
  const handoffAt = spec.handoffDaysAgo === undefined ? undefined : NOW - spec.handoffDaysAgo * DAY;
  const stageChanges: StageChange[] = [];
  if (handoffAt !== undefined) {
    stageChanges.push({ id: `salesforce:017${i}-0`, source: 'salesforce', stage: 'mql', vendorValue: 'MQL', at: handoffAt });
    if (spec.sql) stageChanges.push({ id: `salesforce:017${i}-1`, source: 'salesforce', stage: 'sql', vendorValue: 'SQL', at: handoffAt + DAY });
  }
  const at = (handoffAt ?? NOW - 10 * DAY) + 2 * DAY;
  const feedback: Feedback[] = spec.feedback
    ? [{ id: `feedback-${i}-0000`, ref, personKey: key, verdict: spec.feedback, reasonCodes: [], by: '佐藤', at, state: 'sent', attempts: 0, nextAttemptAt: at }]
    : [];
  const opportunities: Opportunity[] = [];
  return {
    ref,
    person: { key, name: `見込客 ${i}`, email: key, stage: null, attributes: { email: key, company: `会社 ${i}` }, links: [{ ref }] },
    events: Array.from({ length: spec.forms }, (_, k) => ({
      id: `marketo:${i}-${k}`,
      source: 'marketo',
      sourceId: `${i}-${k}`,
      type: 'form_submit' as const,
      // Before the handoff (or well in the past): the score at handoff and now are the same.
      occurredAt: (handoffAt ?? NOW) - (k + 1) * 3_600_000,
    })),
    activities:
      handoffAt !== undefined && spec.touchAfterMinutes !== undefined
        ? [{ id: `salesforce:00T${i}`, source: 'salesforce', type: 'call', occurredAt: handoffAt + spec.touchAfterMinutes * 60_000, by: '佐藤' }]
        : [],
    stageChanges,
    opportunities,
    feedback,
    warnings: [],
    fetchedAt: NOW,
    sources: ['salesforce'],
  };
}
