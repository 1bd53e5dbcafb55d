import fc from 'fast-check';
import {
  addDemoBusinessMinutes,
  demoBusinessMinutesBetween,
  isDemoOpenAt,
  subtractDemoBusinessMinutes,
} from '../../../lib/connectors/demo/business-time';

const jst = (iso: string) => Date.parse(`${iso}+09:00`);

describe('demo business time (the default calendar the demo is laid in)', () => {
  it('counts only weekday office hours, skipping the lunch hour', () => {
    expect(isDemoOpenAt(jst('2026-11-25T10:00:00'))).toBe(true);
    expect(isDemoOpenAt(jst('2026-11-25T12:30:00'))).toBe(false);
    expect(isDemoOpenAt(jst('2026-11-25T18:00:00'))).toBe(false);
    expect(isDemoOpenAt(jst('2026-11-28T10:00:00'))).toBe(false); // Saturday
  });

  it('treats Japanese national holidays and the year-end closing as closed', () => {
    expect(isDemoOpenAt(jst('2026-11-23T10:00:00'))).toBe(false); // 勤労感謝の日 (Monday)
    expect(isDemoOpenAt(jst('2026-05-04T10:00:00'))).toBe(false); // みどりの日
    expect(isDemoOpenAt(jst('2026-12-30T10:00:00'))).toBe(false); // 年末年始 (Wednesday)
    expect(isDemoOpenAt(jst('2027-01-04T10:00:00'))).toBe(true);
  });

  it('walks back over the weekend: 30 business minutes before Monday 09:10 is Friday 17:40', () => {
    expect(subtractDemoBusinessMinutes(jst('2026-11-30T09:10:00'), 30)).toBe(jst('2026-11-27T17:40:00'));
  });

  it('walks forward over lunch: 90 business minutes after 11:30 is 14:00', () => {
    expect(addDemoBusinessMinutes(jst('2026-11-25T11:30:00'), 90)).toBe(jst('2026-11-25T14:00:00'));
  });

  it('subtracting m business minutes always leaves exactly m business minutes to now', () => {
    const start = jst('2026-01-01T00:00:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), fc.integer({ min: 0, max: 3000 }), (offsetMin, m) => {
        const t = start + offsetMin * 60_000;
        const back = subtractDemoBusinessMinutes(t, m);
        expect(back).toBeLessThanOrEqual(t);
        expect(demoBusinessMinutesBetween(back, t)).toBe(m);
        expect(demoBusinessMinutesBetween(t, addDemoBusinessMinutes(t, m))).toBe(m);
      }),
      { numRuns: 300 },
    );
  });
});
