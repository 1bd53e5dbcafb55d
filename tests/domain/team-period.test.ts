import { dayNumberOf, isoDateOf, periodRange, previousPeriodRange, weekBuckets, MAX_CUSTOM_DAYS } from '../../lib/domain/team-period';

const TOKYO = 'Asia/Tokyo';
const NY = 'America/New_York';
const iso = (ms: number) => new Date(ms).toISOString();
const H = 3_600_000;
const D = 24 * H;

describe('team page periods, in the team calendar zone', () => {
  // Wednesday 2026-11-25 14:00 in Tokyo.
  const NOW = Date.parse('2026-11-25T14:00:00+09:00');

  it('this week runs Monday 00:00 to the next Monday 00:00 in Tokyo, the previous week just before', () => {
    expect(iso(periodRange({ kind: 'week' }, NOW, TOKYO).from)).toBe('2026-11-22T15:00:00.000Z');
    expect(iso(periodRange({ kind: 'week' }, NOW, TOKYO).to)).toBe('2026-11-29T15:00:00.000Z');
    expect(previousPeriodRange({ kind: 'week' }, NOW, TOKYO)).toEqual({ from: Date.parse('2026-11-16T00:00:00+09:00'), to: Date.parse('2026-11-23T00:00:00+09:00') });
  });

  it('a Sunday night in Tokyo is still the week that began on Monday (not the UTC date)', () => {
    const sundayNight = Date.parse('2026-11-29T23:30:00+09:00');
    expect(periodRange({ kind: 'week' }, sundayNight, TOKYO).from).toBe(Date.parse('2026-11-23T00:00:00+09:00'));
  });

  it('the last 4 weeks are this week and the three before; the previous 4 weeks the four before those', () => {
    const r = periodRange({ kind: '4weeks' }, NOW, TOKYO);
    expect(r).toEqual({ from: Date.parse('2026-11-02T00:00:00+09:00'), to: Date.parse('2026-11-30T00:00:00+09:00') });
    expect(previousPeriodRange({ kind: '4weeks' }, NOW, TOKYO)).toEqual({ from: Date.parse('2026-10-05T00:00:00+09:00'), to: r.from });
  });

  it('a quarter is the calendar quarter; the previous one may be a different length', () => {
    expect(periodRange({ kind: 'quarter' }, NOW, TOKYO)).toEqual({ from: Date.parse('2026-10-01T00:00:00+09:00'), to: Date.parse('2027-01-01T00:00:00+09:00') });
    expect(previousPeriodRange({ kind: 'quarter' }, NOW, TOKYO)).toEqual({ from: Date.parse('2026-07-01T00:00:00+09:00'), to: Date.parse('2026-10-01T00:00:00+09:00') });
    const february = Date.parse('2026-02-10T00:00:00+09:00');
    expect(previousPeriodRange({ kind: 'quarter' }, february, TOKYO).from).toBe(Date.parse('2025-10-01T00:00:00+09:00'));
  });

  it('a custom span includes both days, swaps reversed dates, is cut to its longest, and its previous span is as long', () => {
    const r = periodRange({ kind: 'custom', from: '2026-04-01', to: '2026-04-30' }, NOW, TOKYO);
    expect(r).toEqual({ from: Date.parse('2026-04-01T00:00:00+09:00'), to: Date.parse('2026-05-01T00:00:00+09:00') });
    expect(previousPeriodRange({ kind: 'custom', from: '2026-04-01', to: '2026-04-30' }, NOW, TOKYO)).toEqual({ from: Date.parse('2026-03-02T00:00:00+09:00'), to: r.from });
    expect(periodRange({ kind: 'custom', from: '2026-04-30', to: '2026-04-01' }, NOW, TOKYO)).toEqual(r);
    const long = periodRange({ kind: 'custom', from: '2020-01-01', to: '2026-04-30' }, NOW, TOKYO);
    expect((long.to - long.from) / D).toBe(MAX_CUSTOM_DAYS);
  });

  it('keeps local midnights across a daylight-saving change (New York, November)', () => {
    const r = periodRange({ kind: 'week' }, Date.parse('2026-11-04T12:00:00-05:00'), NY);
    expect(iso(r.from)).toBe('2026-11-02T05:00:00.000Z');
    const previous = previousPeriodRange({ kind: 'week' }, Date.parse('2026-11-04T12:00:00-05:00'), NY);
    expect(iso(previous.from)).toBe('2026-10-26T04:00:00.000Z');
    expect(previous.to).toBe(r.from);
  });

  it('cuts a period into Monday weeks, clipped at its ends, covering it exactly', () => {
    const r = periodRange({ kind: 'custom', from: '2026-11-04', to: '2026-11-20' }, NOW, TOKYO);
    const weeks = weekBuckets(r, TOKYO);
    expect(weeks.map((w) => iso(w.from))).toEqual(['2026-11-03T15:00:00.000Z', '2026-11-08T15:00:00.000Z', '2026-11-15T15:00:00.000Z']);
    expect(weeks[0]!.from).toBe(r.from);
    expect(weeks.at(-1)!.to).toBe(r.to);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.from).toBe(weeks[i - 1]!.to);
    const year = weekBuckets(periodRange({ kind: 'custom', from: '2025-01-01', to: '2026-11-20' }, NOW, TOKYO), TOKYO, 60);
    expect(year.length).toBeLessThanOrEqual(60);
  });
});

describe('custom dates and the weekly axis, edge by edge', () => {
  const NOW = Date.parse('2026-11-25T14:00:00+09:00');
  const day = (iso: string) => Date.parse(`${iso}T00:00:00+09:00`);

  it('reads only real calendar dates written YYYY-MM-DD', () => {
    expect(dayNumberOf('1970-01-02')).toBe(1);
    expect(isoDateOf(dayNumberOf('2028-02-29')!)).toBe('2028-02-29');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-4-1', ' 2026-04-01', '2026-04-01T00:00', '']) expect(dayNumberOf(bad), bad).toBeNull();
  });

  it('a custom date that is not a date reads as today', () => {
    expect(periodRange({ kind: 'custom', from: 'soon', to: '2026-11-30' }, NOW, TOKYO)).toEqual({ from: day('2026-11-25'), to: day('2026-12-01') });
    expect(periodRange({ kind: 'custom', from: '2026-11-20', to: '2026-02-30' }, NOW, TOKYO)).toEqual({ from: day('2026-11-20'), to: day('2026-11-26') });
  });

  it('a one-day custom span is that day; its previous period is the day before', () => {
    const one = { kind: 'custom', from: '2026-11-20', to: '2026-11-20' } as const;
    expect(periodRange(one, NOW, TOKYO)).toEqual({ from: day('2026-11-20'), to: day('2026-11-21') });
    expect(previousPeriodRange(one, NOW, TOKYO)).toEqual({ from: day('2026-11-19'), to: day('2026-11-20') });
  });

  it('a custom span of exactly the longest allowed is kept whole; one day more loses its first day', () => {
    const to = dayNumberOf('2026-11-20')!;
    const exact = periodRange({ kind: 'custom', from: isoDateOf(to - MAX_CUSTOM_DAYS + 1), to: '2026-11-20' }, NOW, TOKYO);
    expect(exact.from).toBe(day(isoDateOf(to - MAX_CUSTOM_DAYS + 1)));
    const longer = periodRange({ kind: 'custom', from: isoDateOf(to - MAX_CUSTOM_DAYS), to: '2026-11-20' }, NOW, TOKYO);
    expect(longer.from).toBe(exact.from);
  });

  it('the last 4 weeks and the previous week, seen from a Monday morning', () => {
    const monday = Date.parse('2026-11-23T08:00:00+09:00');
    expect(periodRange({ kind: 'week' }, monday, TOKYO)).toEqual({ from: day('2026-11-23'), to: day('2026-11-30') });
    expect(previousPeriodRange({ kind: '4weeks' }, monday, TOKYO)).toEqual({ from: day('2026-10-05'), to: day('2026-11-02') });
  });

  it('a quarter in January: this quarter is Jan–Mar, the previous one Oct–Dec of the year before', () => {
    const january = Date.parse('2027-01-15T09:00:00+09:00');
    expect(periodRange({ kind: 'quarter' }, january, TOKYO)).toEqual({ from: day('2027-01-01'), to: day('2027-04-01') });
    expect(previousPeriodRange({ kind: 'quarter' }, january, TOKYO)).toEqual({ from: day('2026-10-01'), to: day('2027-01-01') });
  });

  it('a period that starts and ends on Mondays has whole weeks only, the last ending at the period end', () => {
    const weeks = weekBuckets({ from: day('2026-11-02'), to: day('2026-11-16') }, TOKYO);
    expect(weeks).toEqual([
      { from: day('2026-11-02'), to: day('2026-11-09') },
      { from: day('2026-11-09'), to: day('2026-11-16') },
    ]);
  });

  it('a long period is drawn in runs of whole weeks, at most the number of points asked for', () => {
    const range = { from: day('2026-01-05'), to: day('2026-03-02') };
    expect(weekBuckets(range, TOKYO, 8)).toHaveLength(8);
    const runs = weekBuckets(range, TOKYO, 4);
    expect(runs).toHaveLength(4);
    expect(runs[0]).toEqual({ from: day('2026-01-05'), to: day('2026-01-19') });
    expect(runs.at(-1)!.to).toBe(range.to);
    expect(weekBuckets(range, TOKYO, 3).map((r) => (r.to - r.from) / D)).toEqual([21, 21, 14]);
  });

  it('a custom span given the day after its end is still both days', () => {
    expect(periodRange({ kind: 'custom', from: '2026-11-20', to: '2026-11-19' }, NOW, TOKYO)).toEqual({ from: day('2026-11-19'), to: day('2026-11-21') });
  });

  it('a period whose last day is a Monday ends with that one day as its own week', () => {
    expect(weekBuckets({ from: day('2026-11-02'), to: day('2026-11-10') }, TOKYO)).toEqual([
      { from: day('2026-11-02'), to: day('2026-11-09') },
      { from: day('2026-11-09'), to: day('2026-11-10') },
    ]);
  });
});
