import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Band } from '../../lib/domain/definitions/schema';
import { findFirstTouch, findHandoff } from '../../lib/domain/handoff';
import type { SalesActivity, StageChange } from '../../lib/domain/model';
import { computeSla } from '../../lib/domain/sla';
import { copyDefinitions, jst, showJst } from './time-helpers';

const D = DEFAULT_DEFINITIONS;

function sla(handoff: string, band: Band, now: string, touch: string | null = null) {
  return computeSla({ handoffAt: jst(handoff), band, firstTouchAt: touch ? jst(touch) : null, definitions: D, now: jst(now) });
}

describe('SLA clock (default: hot 60, warm 240, cool/cold 960 business minutes; at risk from 75%)', () => {
  it('a hot lead handed off at 10:00 is due at 11:00 and on track at 10:30', () => {
    const s = sla('2026-11-25 10:00', 'hot', '2026-11-25 10:30');
    expect(s).toMatchObject({ policyId: 'hot', budgetMinutes: 60, status: 'on_track', elapsedMinutes: 30, remainingMinutes: 30, pausedUntil: null, lateByMinutes: null });
    expect(showJst(s.dueAt)).toBe('2026-11-25 11:00');
  });
  it('is at risk once 75% is used', () => {
    expect(sla('2026-11-25 10:00', 'hot', '2026-11-25 10:45').status).toBe('at_risk');
    expect(sla('2026-11-25 10:00', 'hot', '2026-11-25 10:44').status).toBe('on_track');
  });
  it('is breached after the due time, late by business minutes only', () => {
    const s = sla('2026-11-25 11:30', 'hot', '2026-11-25 14:30');
    expect(showJst(s.dueAt)).toBe('2026-11-25 13:30');
    expect(s).toMatchObject({ status: 'breached', remainingMinutes: 0, lateByMinutes: 60 });
  });
  it('pauses over lunch and says when it resumes', () => {
    const s = sla('2026-11-25 11:30', 'hot', '2026-11-25 12:20');
    expect(s).toMatchObject({ status: 'on_track', elapsedMinutes: 30, remainingMinutes: 30 });
    expect(showJst(s.pausedUntil!)).toBe('2026-11-25 13:00');
  });
  it('a warm lead handed off Friday evening before Silver Week is due Thursday', () => {
    const s = sla('2026-09-18 17:00', 'warm', '2026-09-22 10:00');
    expect(showJst(s.dueAt)).toBe('2026-09-24 12:00');
    expect(s).toMatchObject({ status: 'on_track', elapsedMinutes: 60, remainingMinutes: 180 });
    expect(showJst(s.pausedUntil!)).toBe('2026-09-24 09:00');
  });
  it('is met when touched in time, and the clock stops at the touch', () => {
    const s = sla('2026-11-25 10:00', 'hot', '2026-11-26 15:00', '2026-11-25 10:40');
    expect(s).toMatchObject({ status: 'met', elapsedMinutes: 40, remainingMinutes: 20, pausedUntil: null, lateByMinutes: null });
  });
  it('is met late when touched after the due time', () => {
    const s = sla('2026-11-25 10:00', 'hot', '2026-11-26 15:00', '2026-11-25 13:30');
    // Due 11:00; 11:00–12:00 and 13:00–13:30 are late, lunch is not.
    expect(s).toMatchObject({ status: 'met_late', lateByMinutes: 90, remainingMinutes: 0 });
  });
  it('a touch recorded after now does not count yet', () => {
    expect(sla('2026-11-25 10:00', 'hot', '2026-11-25 10:10', '2026-11-25 10:20').status).toBe('on_track');
  });
  it('chooses a segment policy when its condition holds', () => {
    const defs = copyDefinitions();
    defs.sla.policies.unshift({
      id: 'enterprise',
      label: { ja: '大手: 30 分', en: 'Enterprise: 30 min' },
      bands: ['hot', 'warm'],
      when: { attribute: 'employees', op: 'range', min: 1000 },
      budgetMinutes: 30,
    });
    const base = { handoffAt: jst('2026-11-25 10:00'), band: 'warm' as const, firstTouchAt: null, definitions: defs, now: jst('2026-11-25 10:00') };
    expect(computeSla({ ...base, attributes: { employees: 5000 } }).policyId).toBe('enterprise');
    expect(computeSla({ ...base, attributes: { employees: 50 } }).policyId).toBe('warm');
  });

  it('a touch at the due minute itself is met, not met late by 0 minutes', () => {
    const s = sla('2026-11-25 10:00', 'hot', '2026-11-25 15:00', '2026-11-25 11:00');
    expect(s).toMatchObject({ status: 'met', elapsedMinutes: 60, remainingMinutes: 0, lateByMinutes: null });
    expect(sla('2026-11-25 10:00', 'hot', '2026-11-25 15:00', '2026-11-25 11:01')).toMatchObject({ status: 'met_late', lateByMinutes: 1 });
  });
  it('a touch before now with no budget left yet still stops the clock at the touch', () => {
    const s = sla('2026-11-25 10:00', 'warm', '2026-11-25 10:20', '2026-11-25 10:20');
    expect(s).toMatchObject({ status: 'met', elapsedMinutes: 20, remainingMinutes: 220, pausedUntil: null });
  });
  it('untouched at the due minute, the lead is breached with nothing left', () => {
    expect(sla('2026-11-25 10:00', 'hot', '2026-11-25 10:59')).toMatchObject({ status: 'at_risk', remainingMinutes: 1, lateByMinutes: null });
    expect(sla('2026-11-25 10:00', 'hot', '2026-11-25 11:00')).toMatchObject({ status: 'breached', remainingMinutes: 0, lateByMinutes: 0 });
  });
  it('a lead no policy names falls to the last policy', () => {
    const defs = copyDefinitions();
    defs.sla.policies = [
      { id: 'hot', label: { ja: 'ホット', en: 'Hot' }, bands: ['hot'], budgetMinutes: 60 },
      { id: 'enterprise-warm', label: { ja: '大手ウォーム', en: 'Enterprise warm' }, bands: ['warm'], when: { attribute: 'employees', op: 'range', min: 1000 }, budgetMinutes: 120 },
      { id: 'everyone-else', label: { ja: 'その他', en: 'Everyone else' }, bands: ['cold'], budgetMinutes: 480 },
    ];
    const base = { handoffAt: jst('2026-11-25 10:00'), firstTouchAt: null, definitions: defs, now: jst('2026-11-25 10:00') };
    // A warm lead of a small company: the enterprise policy does not hold and no other names "warm".
    expect(computeSla({ ...base, band: 'warm', attributes: { employees: 50 } })).toMatchObject({ policyId: 'everyone-else', budgetMinutes: 480 });
    expect(computeSla({ ...base, band: 'warm' })).toMatchObject({ policyId: 'everyone-else' });
    expect(computeSla({ ...base, band: 'warm', attributes: { employees: 5000 } })).toMatchObject({ policyId: 'enterprise-warm', budgetMinutes: 120 });
    expect(computeSla({ ...base, band: 'cool' })).toMatchObject({ policyId: 'everyone-else' });
  });
  it('with the office closed for good, a handed-off lead is never due and never resumes', () => {
    const defs = copyDefinitions();
    defs.calendar.closedDays.push({ from: '2026-11-26', to: '2099-12-31', label: { ja: '閉鎖', en: 'Closed down' } });
    const s = computeSla({ handoffAt: jst('2026-11-25 17:30'), band: 'hot', firstTouchAt: null, definitions: defs, now: jst('2026-12-10 10:00') });
    expect(s).toMatchObject({ dueAt: Number.POSITIVE_INFINITY, status: 'on_track', elapsedMinutes: 30, remainingMinutes: 30, lateByMinutes: null });
    expect(s.pausedUntil).toBe(Number.POSITIVE_INFINITY);
  });

  it('remaining time never increases as now advances', () => {
    const t0 = jst('2026-01-01 00:00');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 86_400_000 }),
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        fc.integer({ min: 0, max: 86_400_000 }),
        fc.constantFrom<Band>('hot', 'warm', 'cool', 'cold'),
        (h, dt1, dt2, band) => {
          const handoffAt = t0 + h;
          const a = computeSla({ handoffAt, band, firstTouchAt: null, definitions: D, now: handoffAt + dt1 });
          const b = computeSla({ handoffAt, band, firstTouchAt: null, definitions: D, now: handoffAt + dt1 + dt2 });
          expect(b.remainingMinutes).toBeLessThanOrEqual(a.remainingMinutes);
          expect(b.dueAt).toBe(a.dueAt);
          expect(a.dueAt).toBeGreaterThanOrEqual(handoffAt);
        },
      ),
    );
  });
});

describe('handoff and first touch', () => {
  const change = (id: string, stage: StageChange['stage'], at: string): StageChange => ({ id, source: 'salesforce', stage, vendorValue: String(stage), at: jst(at), by: 'marketing-ops' });
  const act = (id: string, type: SalesActivity['type'], at: string): SalesActivity => ({ id, source: 'salesforce', type, occurredAt: jst(at) });

  it('takes the latest entry into MQL (a recycled lead handed over again starts a new clock)', () => {
    const changes = [change('1', 'mql', '2026-10-01 10:00'), change('2', 'recycled', '2026-10-10 10:00'), change('3', 'mql', '2026-11-20 10:00'), change('4', 'sal', '2026-11-21 10:00')];
    expect(findHandoff(changes, D)).toEqual({ at: jst('2026-11-20 10:00'), by: 'marketing-ops' });
    expect(findHandoff([change('1', 'inquiry', '2026-10-01 10:00')], D)).toBeNull();
  });
  it('finds the latest handoff whatever order the history comes in (newest first here)', () => {
    const changes = [change('4', 'sal', '2026-11-21 10:00'), change('3', 'mql', '2026-11-20 10:00'), change('2', 'recycled', '2026-10-10 10:00'), change('1', 'mql', '2026-10-01 10:00')];
    expect(findHandoff(changes, D)).toEqual({ at: jst('2026-11-20 10:00'), by: 'marketing-ops' });
  });
  it('two handoff entries at the same instant: the one with the smaller id counts, in any order', () => {
    const a = { ...change('a', 'mql', '2026-11-20 10:00'), by: 'alice' };
    const b = { ...change('b', 'mql', '2026-11-20 10:00'), by: 'bob' };
    expect(findHandoff([a, b], D)?.by).toBe('alice');
    expect(findHandoff([b, a], D)?.by).toBe('alice');
  });
  it('a handoff with nobody recorded says so instead of naming someone', () => {
    const { by: _by, ...anonymous } = change('1', 'mql', '2026-11-20 10:00');
    expect(findHandoff([anonymous], D)).toStrictEqual({ at: jst('2026-11-20 10:00') });
  });
  it('every stage the definitions call a handoff starts the clock; other stages and unmapped values do not', () => {
    const defs = copyDefinitions();
    defs.sla.handoffStages = ['mql', 'sal'];
    const changes = [change('1', 'mql', '2026-11-20 10:00'), change('2', 'sal', '2026-11-21 10:00'), change('3', 'sql', '2026-11-22 10:00'), change('4', null, '2026-11-23 10:00')];
    expect(findHandoff(changes, defs)?.at).toBe(jst('2026-11-21 10:00'));
    expect(findHandoff(changes, D)?.at).toBe(jst('2026-11-20 10:00'));
  });
  it('a call at the exact handoff instant is the first touch', () => {
    expect(findFirstTouch([act('a', 'call', '2026-11-20 10:00')], jst('2026-11-20 10:00'), D)?.id).toBe('a');
    expect(findFirstTouch([act('a', 'call', '2026-11-20 09:59')], jst('2026-11-20 10:00'), D)).toBeNull();
  });
  it('the first touch is found whatever order the activities come in (newest first here)', () => {
    const acts = [act('late', 'meeting', '2026-11-20 15:00'), act('mid', 'email', '2026-11-20 11:00'), act('first', 'call', '2026-11-20 10:30')];
    expect(findFirstTouch(acts, jst('2026-11-20 10:00'), D)?.id).toBe('first');
    // A later touch with a smaller id does not jump the queue.
    expect(findFirstTouch([act('b', 'call', '2026-11-20 10:30'), act('a', 'email', '2026-11-20 11:00')], jst('2026-11-20 10:00'), D)?.id).toBe('b');
  });
  it('two touches at the same minute: the one with the smaller id is the first, in any order', () => {
    const x = act('x', 'call', '2026-11-20 10:30');
    const y = act('y', 'email', '2026-11-20 10:30');
    expect(findFirstTouch([x, y], jst('2026-11-20 10:00'), D)?.id).toBe('x');
    expect(findFirstTouch([y, x], jst('2026-11-20 10:00'), D)?.id).toBe('x');
  });
  it('the first touch is the earliest call, e-mail or meeting after handoff; notes and earlier calls do not count', () => {
    const acts = [act('a', 'call', '2026-11-19 10:00'), act('b', 'note', '2026-11-20 10:05'), act('c', 'email', '2026-11-20 11:00'), act('d', 'call', '2026-11-20 10:30')];
    expect(findFirstTouch(acts, jst('2026-11-20 10:00'), D)?.id).toBe('d');
    expect(findFirstTouch([act('b', 'note', '2026-11-20 10:05')], jst('2026-11-20 10:00'), D)).toBeNull();
  });
});
