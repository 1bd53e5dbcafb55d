import { periodRange, previousPeriodRange, weekBuckets, MAX_CUSTOM_DAYS } from '../../lib/domain/team-period';

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
