import type { AttributeValue } from './model';
import type { Band, Definitions, SlaPolicy } from './definitions/schema';
import { addBusinessMinutes, businessMinutesBetween, isOpenAt, nextOpeningAt } from './business-calendar';
import { conditionHolds } from './fit';

export type SlaStatus = 'on_track' | 'at_risk' | 'breached' | 'met' | 'met_late';

export type Sla = {
  policyId: string;
  budgetMinutes: number;
  dueAt: number;
  /** Business minutes from handoff to the first touch, or to now while untouched. */
  elapsedMinutes: number;
  /** Budget left (never below 0); at the touch once touched. */
  remainingMinutes: number;
  status: SlaStatus;
  /** While untouched and the calendar is closed: when the clock runs again. */
  pausedUntil: number | null;
  /** Business minutes past due: at the touch (met_late) or now (breached). */
  lateByMinutes: number | null;
};

export interface SlaInput {
  handoffAt: number;
  /** Temperature at handoff: the policy is chosen by it. */
  band: Band;
  firstTouchAt: number | null;
  definitions: Definitions;
  now: number;
  /** For segment policies (`when`). */
  attributes?: Record<string, AttributeValue>;
}

/** First policy covering the band (and segment); the last policy is the fallback. */
export function slaPolicyFor(d: Definitions, band: Band, attributes: Record<string, AttributeValue> = {}): SlaPolicy {
  const policies = d.sla.policies;
  for (const p of policies) {
    if (p.bands.includes(band) && (!p.when || conditionHolds(p.when, attributes))) return p;
  }
  return policies[policies.length - 1]!;
}

export function computeSla({ handoffAt, band, firstTouchAt, definitions: d, now, attributes }: SlaInput): Sla {
  const cal = d.calendar;
  const policy = slaPolicyFor(d, band, attributes);
  const budget = policy.budgetMinutes;
  const dueAt = addBusinessMinutes(cal, handoffAt, budget);
  const touched = firstTouchAt !== null && firstTouchAt <= now;
  const until = touched ? firstTouchAt : now;
  const elapsedMinutes = businessMinutesBetween(cal, handoffAt, until);
  const remainingMinutes = Math.max(0, budget - elapsedMinutes);
  if (touched) {
    const late = firstTouchAt > dueAt;
    return {
      policyId: policy.id,
      budgetMinutes: budget,
      dueAt,
      elapsedMinutes,
      remainingMinutes,
      status: late ? 'met_late' : 'met',
      pausedUntil: null,
      lateByMinutes: late ? businessMinutesBetween(cal, dueAt, firstTouchAt) : null,
    };
  }
  const breached = now >= dueAt;
  const status: SlaStatus = breached ? 'breached' : elapsedMinutes >= budget * d.sla.warnAtFraction ? 'at_risk' : 'on_track';
  return {
    policyId: policy.id,
    budgetMinutes: budget,
    dueAt,
    elapsedMinutes,
    remainingMinutes,
    status,
    pausedUntil: isOpenAt(cal, now) ? null : nextOpeningAt(cal, now),
    lateByMinutes: breached ? businessMinutesBetween(cal, dueAt, now) : null,
  };
}
