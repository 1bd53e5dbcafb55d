import { dayKey, differsFromBrowserZone, formatCountdown, formatDateTime, formatDuration, formatMoney, formatMonthDay, formatNumber, formatWeekdayTime } from '../../lib/i18n/format';
import { resolveLocale } from '../../lib/i18n/locale';

describe('resolveLocale', () => {
  it('follows the browser on auto, first language Baton speaks wins', () => {
    expect(resolveLocale('auto', ['fr-FR', 'en-GB', 'ja'])).toBe('en');
    expect(resolveLocale('auto', ['ja-JP', 'en-US'])).toBe('ja');
  });
  it('falls back to Japanese when no browser language matches', () => {
    expect(resolveLocale('auto', ['de-DE'])).toBe('ja');
    expect(resolveLocale('auto', undefined)).toBe('ja');
  });
  it('lets the options setting override the browser', () => {
    expect(resolveLocale('en', ['ja-JP'])).toBe('en');
    expect(resolveLocale('ja', ['en-US'])).toBe('ja');
  });
});

describe('formatting', () => {
  // 2026-11-25T05:05:00Z = 14:05 in Tokyo, 00:05 in New York (EST).
  const t = Date.UTC(2026, 10, 25, 5, 5);

  it("names a chart's day in the user's language and the team calendar's zone", () => {
    // Sunday 2026-10-04 15:00 UTC is Monday 5 October in Tokyo, still the 4th in New York.
    const weekStart = Date.UTC(2026, 9, 4, 15);
    expect(formatMonthDay('ja', weekStart, 'Asia/Tokyo')).toBe('10月5日');
    expect(formatMonthDay('en', weekStart, 'Asia/Tokyo')).toBe('Oct 5');
    expect(formatMonthDay('en', weekStart, 'America/New_York')).toBe('Oct 4');
  });

  it('shows times in the team calendar zone', () => {
    expect(formatDateTime('ja', t, 'Asia/Tokyo')).toContain('14:05');
    expect(formatDateTime('en', t, 'America/New_York')).toMatch(/12:05\sAM/);
  });

  it('adds the zone when asked, and asks only when the team zone is not the browser zone', () => {
    expect(formatDateTime('en', t, 'Asia/Tokyo', true)).toMatch(/2:05\sPM GMT\+9/);
    expect(differsFromBrowserZone(new Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(false);
    expect(differsFromBrowserZone(undefined)).toBe(false);
  });

  it('names the weekday for due times, in the user language', () => {
    expect(formatWeekdayTime('ja', t, 'Asia/Tokyo')).toContain('(水)');
    expect(formatWeekdayTime('en', t, 'Asia/Tokyo')).toContain('Wed');
  });

  it('groups instants by the calendar day of the zone', () => {
    const lateTokyo = Date.UTC(2026, 10, 25, 14, 30); // 23:30 in Tokyo
    expect(dayKey(lateTokyo, 'Asia/Tokyo')).toBe('2026-11-25');
    expect(dayKey(lateTokyo + 60 * 60_000, 'Asia/Tokyo')).toBe('2026-11-26');
  });

  it('says business durations as people do', () => {
    expect(formatDuration('ja', 80)).toBe('1時間20分');
    expect(formatDuration('en', 80)).toBe('1 h 20 min');
    expect(formatDuration('ja', 45)).toBe('45分');
    expect(formatDuration('en', 120)).toBe('2 h');
  });

  it('counts down with seconds in the last hour only', () => {
    expect(formatCountdown('ja', 725)).toBe('12分05秒');
    expect(formatCountdown('en', 2 * 3600 + 30)).toBe('2 h');
  });

  it('formats numbers and money per locale', () => {
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
    expect(formatMoney('ja', 1200000, 'JPY')).toMatch(/[¥￥]1,200,000/);
    expect(formatMoney('en', 12000, 'USD')).toBe('$12,000.00');
    expect(formatMoney('en', 5, 'NOT A CODE')).toBe('5 NOT A CODE');
  });
});
