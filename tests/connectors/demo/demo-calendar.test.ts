import fc from 'fast-check';
import {
  DEMO_CALENDAR,
  demoAfterBusinessMinutes,
  demoAtBusinessHour,
  demoBeforeBusinessMinutes,
  demoOpenAtOrAfter,
} from '../../../lib/connectors/demo/demo-calendar';
import { businessMinutesBetween, isOpenAt } from '../../../lib/domain/business-calendar';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';

const jst = (iso: string) => Date.parse(`${iso}+09:00`);

describe('demo business time (laid in the default team calendar, with the domain engine)', () => {
  it('is the calendar the default definitions ship, so the panel reads the SLA clocks the demo laid', () => {
    expect(DEMO_CALENDAR).toBe(DEFAULT_DEFINITIONS.calendar);
  });

  it('walks back over the weekend: 30 business minutes before Monday 09:10 is Friday 17:40', () => {
    expect(demoBeforeBusinessMinutes(jst('2026-11-30T09:10:00'), 30)).toBe(jst('2026-11-27T17:40:00'));
  });

  it('walks back over Golden Week and the year-end closing', () => {
    // 2026-05-06 (Wed) is a substitute holiday; 05-01 (Fri) is the last working day before it.
    expect(demoBeforeBusinessMinutes(jst('2026-05-07T09:30:00'), 60)).toBe(jst('2026-05-01T17:30:00'));
    // 12/29–1/3 closed: 4 January 2027 (Monday) 09:20 minus 30 minutes is 28 December 17:50.
    expect(demoBeforeBusinessMinutes(jst('2027-01-04T09:20:00'), 30)).toBe(jst('2026-12-28T17:50:00'));
  });

  it('lays a handoff that used up a morning at the start of the afternoon, an instant in hours', () => {
    const back = demoBeforeBusinessMinutes(jst('2026-11-25T14:00:00'), 60);
    expect(back).toBe(jst('2026-11-25T13:00:00'));
    expect(isOpenAt(DEMO_CALENDAR, back)).toBe(true);
  });

  it('walks forward over lunch: 90 business minutes after 11:30 is 14:00; 30 after 11:30 is 13:00, not the break', () => {
    expect(demoAfterBusinessMinutes(jst('2026-11-25T11:30:00'), 90)).toBe(jst('2026-11-25T14:00:00'));
    expect(demoAfterBusinessMinutes(jst('2026-11-25T11:30:00'), 30)).toBe(jst('2026-11-25T13:00:00'));
  });

  it('finds the next moment at work: Saturday night becomes Monday 09:00', () => {
    expect(demoOpenAtOrAfter(jst('2026-11-28T22:00:00'))).toBe(jst('2026-11-30T09:00:00'));
    expect(demoOpenAtOrAfter(jst('2026-11-25T10:15:00'))).toBe(jst('2026-11-25T10:15:00'));
  });

  it('puts an hour of the day on the latest business day: not a weekend, a national holiday or the closing', () => {
    expect(demoAtBusinessHour(jst('2026-11-25T16:00:00'), 15)).toBe(jst('2026-11-25T15:00:00'));
    expect(demoAtBusinessHour(jst('2026-11-25T14:00:00'), 15)).toBe(jst('2026-11-24T15:00:00'));
    // Monday 2026-11-23 is 勤労感謝の日, and the weekend before it: back to Friday.
    expect(demoAtBusinessHour(jst('2026-11-23T18:00:00'), 10, 30)).toBe(jst('2026-11-20T10:30:00'));
    expect(demoAtBusinessHour(jst('2027-01-02T15:00:00'), 10)).toBe(jst('2026-12-28T10:00:00'));
  });

  it('before/after m business minutes leave exactly m business minutes, at open instants', () => {
    const start = jst('2026-01-01T00:00:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), fc.integer({ min: 1, max: 3000 }), (offsetMin, m) => {
        const t = start + offsetMin * 60_000;
        const back = demoBeforeBusinessMinutes(t, m);
        expect(back).toBeLessThanOrEqual(t);
        expect(isOpenAt(DEMO_CALENDAR, back)).toBe(true);
        expect(businessMinutesBetween(DEMO_CALENDAR, back, t)).toBe(m);
        const ahead = demoAfterBusinessMinutes(t, m);
        expect(isOpenAt(DEMO_CALENDAR, ahead)).toBe(true);
        expect(businessMinutesBetween(DEMO_CALENDAR, t, ahead)).toBe(m);
      }),
      { numRuns: 300 },
    );
  });
});
