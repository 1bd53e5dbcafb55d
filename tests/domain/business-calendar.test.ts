import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, isOpenAt, nextOpeningAt } from '../../lib/domain/business-calendar';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { NEW_YORK as SHARED_NEW_YORK, copyDefinitions, jst, showJst } from './time-helpers';

// Fresh copies for each test, not the shared objects nor one copy per file: the calendar caches each calendar's days
// by object, and a cache filled before a mutant is switched on (Stryker reruns the tests in one process, without
// importing this file again) would hide the mutant (docs/mutation.md).
let TOKYO: Definitions['calendar'];
let NEW_YORK: Definitions['calendar'];
beforeEach(() => {
  TOKYO = structuredClone(DEFAULT_DEFINITIONS.calendar);
  NEW_YORK = structuredClone(SHARED_NEW_YORK);
});

describe('adding business minutes in the default Japan calendar (09:00–12:00, 13:00–18:00)', () => {
  it.each([
    ['within the morning', '2026-11-25 10:00', 60, '2026-11-25 11:00'],
    ['across the lunch break', '2026-11-25 11:30', 60, '2026-11-25 13:30'],
    ['ending exactly at lunch, not after it', '2026-11-25 09:00', 180, '2026-11-25 12:00'],
    ['handed off during lunch', '2026-11-25 12:30', 30, '2026-11-25 13:30'],
    ['handed off before opening', '2026-11-25 07:00', 30, '2026-11-25 09:30'],
    ['handed off after closing', '2026-11-25 20:00', 30, '2026-11-26 09:30'],
    ['across a weekend', '2026-11-27 17:30', 60, '2026-11-30 09:30'],
    ['handed off on a Saturday', '2026-11-28 10:00', 30, '2026-11-30 09:30'],
    ['across Golden Week (5/3–5/6 incl. the substitute holiday)', '2026-05-01 17:30', 60, '2026-05-07 09:30'],
    ['across the 2026 Silver Week (9/21 敬老の日, 9/22 国民の休日, 9/23 秋分の日)', '2026-09-18 17:00', 120, '2026-09-24 10:00'],
    ['across a substitute holiday (2025-11-24 振替休日)', '2025-11-21 17:00', 120, '2025-11-25 10:00'],
    ['across the year-end closing 12/29–1/3', '2026-12-28 17:00', 120, '2027-01-04 10:00'],
    ['over ten business days', '2026-11-25 09:00', 4800, '2026-12-08 18:00'],
    ['zero minutes is the handoff itself', '2026-11-28 10:00', 0, '2026-11-28 10:00'],
  ])('%s: %s + %i min → %s', (_case, start, minutes, due) => {
    expect(showJst(addBusinessMinutes(TOKYO, jst(start), minutes))).toBe(due);
  });

  it('counts company closed days and extra working days', () => {
    const cal: Definitions['calendar'] = {
      ...copyDefinitions().calendar,
      closedDays: [{ from: '2026-11-26', to: '2026-11-26', label: { ja: '創立記念日', en: 'Foundation day' } }],
      extraWorkingDays: [
        { date: '2026-11-28', label: { ja: '出勤日', en: 'Working Saturday' }, hours: [{ start: '10:00', end: '15:00' }] },
      ],
    };
    expect(showJst(addBusinessMinutes(cal, jst('2026-11-25 17:30'), 60))).toBe('2026-11-27 09:30');
    expect(showJst(addBusinessMinutes(cal, jst('2026-11-27 17:30'), 60))).toBe('2026-11-28 10:30');
    expect(isOpenAt(cal, jst('2026-11-28 14:59'))).toBe(true);
    expect(isOpenAt(cal, jst('2026-11-28 15:00'))).toBe(false);
  });
});

describe('business minutes between two instants', () => {
  it.each([
    ['a morning hour', '2026-11-25 10:00', '2026-11-25 11:00', 60],
    ['lunch does not count', '2026-11-25 11:30', '2026-11-25 13:30', 60],
    ['a full day', '2026-11-25 00:00', '2026-11-26 00:00', 480],
    ['a weekend does not count', '2026-11-27 17:00', '2026-11-30 10:00', 120],
    ['Golden Week does not count', '2026-05-01 00:00', '2026-05-07 00:00', 480],
    ['reversed order is zero', '2026-11-25 11:00', '2026-11-25 10:00', 0],
  ])('%s', (_case, from, to, minutes) => {
    expect(businessMinutesBetween(TOKYO, jst(from), jst(to))).toBe(minutes);
  });
});

describe('opening hours', () => {
  it.each([
    ['open mid-morning', '2026-11-25 10:00', true, '2026-11-25 10:00'],
    ['closed at lunch, reopens 13:00', '2026-11-25 12:30', false, '2026-11-25 13:00'],
    ['closed after 18:00, reopens next morning', '2026-11-25 18:00', false, '2026-11-26 09:00'],
    ['closed on Saturday, reopens Monday', '2026-11-28 10:00', false, '2026-11-30 09:00'],
    ['closed on 国民の休日, reopens after Silver Week', '2026-09-22 10:00', false, '2026-09-24 09:00'],
    ['closed on 1/2, reopens 1/4', '2027-01-02 10:00', false, '2027-01-04 09:00'],
  ])('%s', (_case, at, open, next) => {
    expect(isOpenAt(TOKYO, jst(at))).toBe(open);
    expect(showJst(nextOpeningAt(TOKYO, jst(at)))).toBe(next);
  });
});

describe('daylight saving in America/New_York', () => {
  it('spring forward over the weekend: Friday 16:00 EST + 2 h = Monday 10:00 EDT', () => {
    const start = Date.parse('2026-03-06T16:00:00-05:00');
    expect(new Date(addBusinessMinutes(NEW_YORK, start, 120)).toISOString()).toBe('2026-03-09T14:00:00.000Z');
  });
  it('fall back over the weekend: Friday 16:30 EDT + 1 h = Monday 09:30 EST', () => {
    const start = Date.parse('2026-10-30T16:30:00-04:00');
    expect(new Date(addBusinessMinutes(NEW_YORK, start, 60)).toISOString()).toBe('2026-11-02T14:30:00.000Z');
  });
  it('a week spanning the change still counts 8 business hours per day', () => {
    const from = Date.parse('2026-03-06T09:00:00-05:00');
    const to = Date.parse('2026-03-09T17:00:00-04:00');
    expect(businessMinutesBetween(NEW_YORK, from, to)).toBe(960);
  });
  it('a zone with DST opening through the change night (24 h calendar) loses the skipped hour', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const cal: Definitions['calendar'] = {
      ...NEW_YORK,
      weeklyHours: { sun: allDay, mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay },
    };
    const from = Date.parse('2026-03-08T00:00:00-05:00');
    const to = Date.parse('2026-03-09T00:00:00-04:00');
    expect(businessMinutesBetween(cal, from, to)).toBe(23 * 60);
    // …and the fall-back night has 25 hours.
    expect(businessMinutesBetween(cal, Date.parse('2026-11-01T00:00:00-04:00'), Date.parse('2026-11-02T00:00:00-05:00'))).toBe(25 * 60);
  });
});

const calendars: [string, () => Definitions['calendar']][] = [
  ['Asia/Tokyo', () => TOKYO],
  ['America/New_York', () => NEW_YORK],
];
const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') });
const minutes = fc.integer({ min: 0, max: 6000 });

describe.each(calendars)('business-time properties in %s', (_zone, calendarOf) => {
  it('the due time is never before the handoff', () => {
    const cal = calendarOf();
    fc.assert(fc.property(instant, minutes, (t, m) => addBusinessMinutes(cal, t, m) >= t));
  });
  it('adding a then b minutes equals adding a + b', () => {
    const cal = calendarOf();
    fc.assert(
      fc.property(instant, minutes, minutes, (t, a, b) => {
        expect(addBusinessMinutes(cal, addBusinessMinutes(cal, t, a), b)).toBe(addBusinessMinutes(cal, t, a + b));
      }),
    );
  });
  it('the business time from t to t + m minutes is m', () => {
    const cal = calendarOf();
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        expect(businessMinutesBetween(cal, t, addBusinessMinutes(cal, t, m))).toBeCloseTo(m, 9);
      }),
    );
  });
  it('no minute counts while closed', () => {
    const cal = calendarOf();
    fc.assert(
      fc.property(instant, (t) => {
        if (isOpenAt(cal, t)) return;
        expect(businessMinutesBetween(cal, t, nextOpeningAt(cal, t))).toBe(0);
      }),
    );
  });
  it('answers the same whichever days were asked before (the cache grows both ways from the first day asked)', () => {
    const cal = calendarOf();
    fc.assert(
      fc.property(instant, minutes, instant, (t, m, u) => {
        // `cal` has been asked about other days, in any order; a fresh copy only about these.
        expect(addBusinessMinutes(cal, t, m)).toBe(addBusinessMinutes(structuredClone(cal), t, m));
        expect(businessMinutesBetween(cal, Math.min(t, u), Math.max(t, u))).toBe(businessMinutesBetween(structuredClone(cal), Math.min(t, u), Math.max(t, u)));
      }),
    );
  });
  it('business minutes never exceed wall-clock minutes and grow with the end', () => {
    const cal = calendarOf();
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 * 86_400_000 }), fc.integer({ min: 0, max: 86_400_000 }), (t, span, more) => {
        const a = businessMinutesBetween(cal, t, t + span);
        expect(a).toBeLessThanOrEqual(span / 60_000 + 1e-9);
        expect(businessMinutesBetween(cal, t, t + span + more)).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});

describe('team calendars beyond the default', () => {
  const withCalendar = (changes: Partial<Definitions['calendar']>): Definitions['calendar'] => ({ ...copyDefinitions().calendar, ...changes });
  const closedYearly = (from: string, to: string) => [{ from, to, label: { ja: '休業', en: 'Closed' } }];

  it('an Obon closure 08-13 to 08-16 closes those four days every year and nothing around them', () => {
    // 2027: 8/12 Thu is open, 8/13 Fri and 8/16 Mon are the closure's first and last weekdays, 8/17 Tue reopens.
    const cal = withCalendar({ closedDays: closedYearly('08-13', '08-16') });
    expect(isOpenAt(cal, jst('2027-08-12 17:59'))).toBe(true);
    expect(isOpenAt(cal, jst('2027-08-13 10:00'))).toBe(false);
    expect(isOpenAt(cal, jst('2027-08-16 10:00'))).toBe(false);
    expect(showJst(addBusinessMinutes(cal, jst('2027-08-12 17:00'), 120))).toBe('2027-08-17 10:00');
    // Outside August the closure changes nothing: a Friday in July and a Monday in September stay open.
    expect(isOpenAt(cal, jst('2027-07-16 10:00'))).toBe(true);
    expect(isOpenAt(cal, jst('2027-09-13 10:00'))).toBe(true);
  });

  it('a yearly closure of one day (11-10, the founding day) closes that day only, every year', () => {
    const cal = withCalendar({ closedDays: closedYearly('11-10', '11-10') });
    expect(isOpenAt(cal, jst('2026-11-09 10:00'))).toBe(true);
    expect(isOpenAt(cal, jst('2026-11-10 10:00'))).toBe(false);
    expect(isOpenAt(cal, jst('2026-11-11 10:00'))).toBe(true);
    expect(isOpenAt(cal, jst('2027-11-10 10:00'))).toBe(false);
    expect(isOpenAt(cal, jst('2027-05-10 10:00'))).toBe(true);
  });

  it('the year-end closure 12/29–1/3 keeps its first and last weekdays closed, and 12/28 and 1/4 open', () => {
    // 2028-12-28 is a Thursday; 2029-01-02 Tue and 01-03 Wed are weekdays inside the closure; 01-04 Thu reopens.
    expect(isOpenAt(TOKYO, jst('2028-12-28 17:59'))).toBe(true);
    expect(isOpenAt(TOKYO, jst('2028-12-29 10:00'))).toBe(false);
    expect(isOpenAt(TOKYO, jst('2029-01-02 10:00'))).toBe(false);
    expect(isOpenAt(TOKYO, jst('2029-01-03 17:00'))).toBe(false);
    expect(showJst(addBusinessMinutes(TOKYO, jst('2028-12-28 17:00'), 120))).toBe('2029-01-04 10:00');
    expect(showJst(nextOpeningAt(TOKYO, jst('2029-01-03 10:00')))).toBe('2029-01-04 09:00');
  });

  it('a one-off closure given as dates closes exactly those days', () => {
    const cal = withCalendar({ closedDays: [{ from: '2026-11-24', to: '2026-11-25', label: { ja: '棚卸し', en: 'Stocktaking' } }] });
    expect(isOpenAt(cal, jst('2026-11-20 10:00'))).toBe(true);
    expect(isOpenAt(cal, jst('2026-11-24 10:00'))).toBe(false);
    expect(isOpenAt(cal, jst('2026-11-25 10:00'))).toBe(false);
    expect(isOpenAt(cal, jst('2026-11-26 10:00'))).toBe(true);
  });

  it('opening hours with minutes (09:30–17:30) open and close on the minute', () => {
    const hours = [{ start: '09:30', end: '17:30' }];
    const cal = withCalendar({ weeklyHours: { sun: [], mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [] } });
    expect(isOpenAt(cal, jst('2026-11-25 09:29'))).toBe(false);
    expect(isOpenAt(cal, jst('2026-11-25 09:30'))).toBe(true);
    expect(isOpenAt(cal, jst('2026-11-25 17:29'))).toBe(true);
    expect(isOpenAt(cal, jst('2026-11-25 17:30'))).toBe(false);
    expect(showJst(nextOpeningAt(cal, jst('2026-11-25 08:00')))).toBe('2026-11-25 09:30');
    expect(showJst(addBusinessMinutes(cal, jst('2026-11-25 17:00'), 60))).toBe('2026-11-26 10:00');
    expect(businessMinutesBetween(cal, jst('2026-11-25 00:00'), jst('2026-11-26 00:00'))).toBe(480);
  });

  it('a calendar without Japanese holidays stays open on them (勤労感謝の日 2026-11-23 is a Monday)', () => {
    const cal = withCalendar({ nationalHolidays: 'none' });
    expect(isOpenAt(TOKYO, jst('2026-11-23 10:00'))).toBe(false);
    expect(isOpenAt(cal, jst('2026-11-23 10:00'))).toBe(true);
    expect(showJst(addBusinessMinutes(cal, jst('2026-11-20 17:00'), 120))).toBe('2026-11-23 10:00');
    // New York's calendar works through Japan's Culture Day (2026-11-03, a Tuesday).
    expect(isOpenAt(NEW_YORK, Date.parse('2026-11-03T10:00:00-05:00'))).toBe(true);
  });

  it('hours listed afternoon first count the same as hours listed in order', () => {
    const reversed = [{ start: '13:00', end: '18:00' }, { start: '09:00', end: '12:00' }];
    const cal = withCalendar({ weeklyHours: { sun: [], mon: reversed, tue: reversed, wed: reversed, thu: reversed, fri: reversed, sat: [] } });
    expect(showJst(addBusinessMinutes(cal, jst('2026-11-25 08:00'), 60))).toBe('2026-11-25 10:00');
    expect(showJst(addBusinessMinutes(cal, jst('2026-11-25 11:30'), 60))).toBe('2026-11-25 13:30');
    expect(businessMinutesBetween(cal, jst('2026-11-25 10:00'), jst('2026-11-25 14:00'))).toBe(180);
    expect(showJst(nextOpeningAt(cal, jst('2026-11-25 07:00')))).toBe('2026-11-25 09:00');
    expect(showJst(nextOpeningAt(cal, jst('2026-11-25 12:30')))).toBe('2026-11-25 13:00');
    expect(isOpenAt(cal, jst('2026-11-25 12:30'))).toBe(false);
  });

  it('an extra working day without its own hours uses Monday’s hours', () => {
    const monday = [{ start: '08:00', end: '11:00' }];
    const cal = withCalendar({
      weeklyHours: { ...copyDefinitions().calendar.weeklyHours, mon: monday },
      extraWorkingDays: [{ date: '2026-11-28', label: { ja: '出勤日', en: 'Working Saturday' } }],
    });
    expect(isOpenAt(cal, jst('2026-11-28 08:00'))).toBe(true);
    expect(isOpenAt(cal, jst('2026-11-28 11:00'))).toBe(false);
    expect(showJst(addBusinessMinutes(cal, jst('2026-11-27 17:30'), 60))).toBe('2026-11-28 08:30');
  });

  it('an office closed for good never opens again: no due time and no next opening', () => {
    const cal = withCalendar({ closedDays: [{ from: '2026-12-01', to: '2099-12-31', label: { ja: '閉鎖', en: 'Closed down' } }] });
    expect(addBusinessMinutes(cal, jst('2026-11-30 17:00'), 120)).toBe(Number.POSITIVE_INFINITY);
    expect(nextOpeningAt(cal, jst('2026-11-30 18:00'))).toBe(Number.POSITIVE_INFINITY);
    // The last hour before the closure still counts.
    expect(showJst(addBusinessMinutes(cal, jst('2026-11-30 17:00'), 30))).toBe('2026-11-30 17:30');
    expect(businessMinutesBetween(cal, jst('2026-11-30 17:00'), jst('2027-06-01 12:00'))).toBe(60);
  });
});
