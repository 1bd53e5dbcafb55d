import { weekBuckets, periodRange } from '../../../lib/domain/team-period';
import { createI18n } from '../../../components/i18n/i18n-provider';
import { weekAxis } from '../../../components/team/week-axis';

const ZONE = 'Asia/Tokyo';
const NOW = Date.UTC(2026, 10, 25, 5, 0);

describe("the team page's week axis", () => {
  it("labels the quarter's week starts in Japanese, in the team's zone, at most four of them", () => {
    const weeks = weekBuckets(periodRange({ kind: 'quarter' }, NOW, ZONE), ZONE);
    expect(weeks.length).toBeGreaterThan(4);
    const axis = weekAxis(weeks, createI18n('ja', ZONE).monthDay);
    const ticks = [...(axis.ticks as Date[])];
    expect(ticks.length).toBeLessThanOrEqual(4);
    expect(ticks[0]!.getTime()).toBe(weeks[0]!.from);
    for (const tick of ticks) expect(weeks.map((w) => w.from)).toContain(tick.getTime());
    const format = axis.tickFormat as (d: Date) => string;
    // The quarter's first week starts on 1 October in Tokyo (15:00 UTC on 30 September).
    expect(format(ticks[0]!)).toBe('10月1日');
    expect(ticks.map(format).join(' ')).not.toMatch(/[A-Za-z]/);
    expect(axis.domain).toEqual([new Date(weeks[0]!.from), new Date(weeks.at(-1)!.from)]);
  });

  it('labels every week of a short period, and a year of weeks with at most four labels', () => {
    const fourWeeks = weekBuckets(periodRange({ kind: '4weeks' }, NOW, ZONE), ZONE);
    expect([...(weekAxis(fourWeeks, createI18n('en', ZONE).monthDay).ticks as Date[])]).toHaveLength(fourWeeks.length);
    const year = Array.from({ length: 52 }, (_, i) => ({ from: Date.UTC(2026, 0, 4, 15) + i * 7 * 86_400_000 }));
    expect([...(weekAxis(year, createI18n('en', ZONE).monthDay).ticks as Date[])].length).toBeLessThanOrEqual(4);
  });
});
