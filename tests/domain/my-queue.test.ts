import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Band } from '../../lib/domain/definitions/schema';
import { compareQueueLeads, nextQueueChange, queueAlertCount, queueStateAt, type QueueClock, type QueueLead } from '../../lib/domain/my-queue';
import { computeSla, slaPolicyFor } from '../../lib/domain/sla';
import { alertKey, queueAlertsAt } from '../../lib/domain/queue-alerts';
import { jst, NEW_YORK, showJst } from './time-helpers';

const D = DEFAULT_DEFINITIONS;
const CAL = D.calendar;
const BANDS: Band[] = ['hot', 'warm', 'cool', 'cold'];

function clock(handoff: number, band: Band, firstTouchAt: number | null = null): QueueClock {
  return { handoffAt: handoff, budgetMinutes: slaPolicyFor(D, band).budgetMinutes, warnAtFraction: D.sla.warnAtFraction, firstTouchAt };
}

/** The panel's judgement of the same lead: the oracle the badge must agree with. */
function panelStatus(handoff: number, band: Band, now: number) {
  return computeSla({ handoffAt: handoff, band, firstTouchAt: null, definitions: D, now }).status;
}

function lead(id: string, c: QueueClock, calendar = CAL): QueueLead {
  return {
    ...c,
    ref: { system: 'demo', instance: 'sfa', object: 'lead', id },
    name: id,
    band: 'hot',
    atRiskAt: 0,
    dueAt: computeSla({ handoffAt: c.handoffAt, band: c.budgetMinutes === 60 ? 'hot' : 'warm', firstTouchAt: null, definitions: { ...D, calendar }, now: c.handoffAt }).dueAt,
    lastEngagement: null,
  };
}
describe('next badge change (the one alarm)', () => {
  it('a hot lead handed off at 11:30 turns at risk at 13:15, after lunch, then breaches at 13:30', () => {
    const c = clock(jst('2026-11-25 11:30'), 'hot');
    const first = nextQueueChange([c], CAL, jst('2026-11-25 11:40'))!;
    expect(showJst(first)).toBe('2026-11-25 13:15');
    expect(showJst(nextQueueChange([c], CAL, first)!)).toBe('2026-11-25 13:30');
    expect(nextQueueChange([c], CAL, jst('2026-11-25 13:30'))).toBeNull();
  });

  it('a warm lead handed off on a Friday evening before Silver Week changes state on Thursday, not over the holidays', () => {
    const c = clock(jst('2026-09-18 17:00'), 'warm');
    // 240 business minutes × 0.75 = 180: the Friday's last hour, then Thursday 09:00–11:00.
    expect(showJst(nextQueueChange([c], CAL, jst('2026-09-19 10:00'))!)).toBe('2026-09-24 11:00');
  });

  it('takes the earliest change over many leads and ignores touched ones', () => {
    const a = clock(jst('2026-11-25 10:00'), 'warm');
    const b = clock(jst('2026-11-25 10:00'), 'hot');
    const touched = clock(jst('2026-11-25 09:00'), 'hot', jst('2026-11-25 09:05'));
    expect(showJst(nextQueueChange([a, b, touched], CAL, jst('2026-11-25 10:01'))!)).toBe('2026-11-25 10:45');
  });

  it('uses a lead’s own calendar when it has one (a New York office in daylight saving)', () => {
    const c = { ...clock(Date.parse('2026-03-06T16:30:00-05:00'), 'hot'), calendar: NEW_YORK };
    // 45 business minutes: 30 on Friday, 15 on Monday (the clocks changed on Sunday).
    expect(new Date(nextQueueChange([c], CAL, c.handoffAt + 1)!).toISOString()).toBe('2026-03-09T13:15:00.000Z');
  });

  it('property: the state of every lead is the panel’s until the next change, and one lead’s state differs at it', () => {
    const start = jst('2026-01-01 00:00');
    const span = 400 * 24 * 3_600_000;
    fc.assert(
      fc.property(
        fc.array(fc.record({ handoff: fc.integer({ min: start, max: start + span }), band: fc.constantFrom(...BANDS) }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 20 * 24 * 3_600_000 }),
        (raw, after) => {
          const now = Math.max(...raw.map((r) => r.handoff)) + after;
          const clocks = raw.map((r) => clock(r.handoff, r.band));
          const next = nextQueueChange(clocks, CAL, now);
          const before = raw.map((r) => panelStatus(r.handoff, r.band, now));
          if (next === null) {
            // Nothing ahead: every lead handed off by now is already breached.
            expect(before.every((s) => s === 'breached')).toBe(true);
            return;
          }
          expect(next).toBeGreaterThan(now);
          const justBefore = raw.map((r) => panelStatus(r.handoff, r.band, next - 1));
          expect(justBefore).toEqual(before);
          const at = raw.map((r) => panelStatus(r.handoff, r.band, next));
          expect(at.some((s, i) => s !== before[i])).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('queue state and order', () => {
  it('agrees with the panel at each instant around lunch', () => {
    const c = clock(jst('2026-11-25 11:30'), 'hot');
    const l = { ...lead('a', c), atRiskAt: jst('2026-11-25 13:15') };
    for (const t of ['11:30', '11:59', '12:30', '13:14', '13:15', '13:29', '13:30', '17:00']) {
      const now = jst(`2026-11-25 ${t}`);
      expect(queueStateAt(l, now), t).toBe(panelStatus(c.handoffAt, 'hot', now));
    }
  });

  it('sorts untouched leads by due, touched ones last, and counts at risk and breached with the worst', () => {
    const breached = { ...lead('b', clock(jst('2026-11-24 10:00'), 'hot')), atRiskAt: jst('2026-11-24 10:45') };
    const risky = { ...lead('r', clock(jst('2026-11-25 10:00'), 'hot')), atRiskAt: jst('2026-11-25 10:45') };
    const fine = { ...lead('f', clock(jst('2026-11-25 10:00'), 'warm')), atRiskAt: jst('2026-11-25 13:00') };
    const met = { ...lead('m', clock(jst('2026-11-20 10:00'), 'hot', jst('2026-11-20 10:10'))), atRiskAt: 0 };
    const now = jst('2026-11-25 10:50');
    expect([met, fine, risky, breached].sort(compareQueueLeads).map((l) => l.name)).toEqual(['b', 'r', 'f', 'm']);
    expect(queueAlertCount([met, fine, risky, breached], now)).toEqual({ count: 2, worst: 'breached' });
    expect(queueAlertCount([fine, risky], now)).toEqual({ count: 1, worst: 'at_risk' });
    expect(queueAlertCount([fine, met], now)).toEqual({ count: 0, worst: null });
  });
});

describe('queue alerts due', () => {
  it('a hot lead handed to me calls for one hot_handoff alert while untouched and in time; at risk and breach for any band', () => {
    const hot = { ...lead('h', clock(jst('2026-11-25 10:00'), 'hot')), band: 'hot' as const, atRiskAt: jst('2026-11-25 10:45') };
    const warm = { ...lead('w', clock(jst('2026-11-25 09:00'), 'warm')), band: 'warm' as const, atRiskAt: jst('2026-11-25 12:00') };
    const kinds = (now: string) => queueAlertsAt([hot, warm], jst(now)).map((a) => `${a.lead.name}:${a.kind}`);
    expect(kinds('2026-11-25 10:05')).toEqual(['h:hot_handoff']);
    expect(kinds('2026-11-25 10:50')).toEqual(['h:hot_handoff', 'h:at_risk']);
    expect(kinds('2026-11-25 12:10')).toEqual(['h:breached', 'w:at_risk']);
    expect(alertKey(hot, 'at_risk')).not.toBe(alertKey({ ...hot, handoffAt: hot.handoffAt + 1 }, 'at_risk'));
  });
});
