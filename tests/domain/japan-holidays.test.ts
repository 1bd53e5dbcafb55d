import holidays from '@holiday-jp/holiday_jp/lib/holidays';
import { describe, expect, it } from 'vitest';
import { JAPAN_HOLIDAYS_BY_YEAR } from '../../lib/domain/japan-holiday-dates';
import { decodeHolidayDates, encodeHolidayDates, isJapaneseHoliday } from '../../lib/domain/japan-holidays';

describe('the generated holiday table', () => {
  it('holds exactly the dates of the installed @holiday-jp/holiday_jp (else run scripts/generate-japan-holidays.ts)', () => {
    expect(decodeHolidayDates(JAPAN_HOLIDAYS_BY_YEAR)).toEqual(Object.keys(holidays).sort());
  });

  it('round-trips any set of dates', () => {
    const sample = ['2031-01-01', '2030-12-23', '2030-02-11'];
    expect(decodeHolidayDates(encodeHolidayDates(sample))).toEqual([...sample].sort());
  });

  it('decodes a year without holidays, or stray spaces, to no dates', () => {
    expect(decodeHolidayDates({ 2031: '', 2032: '0101  0211' })).toEqual(['2032-01-01', '2032-02-11']);
  });

  it('answers for every date of the package and not for an ordinary Thursday', () => {
    for (const date of Object.keys(holidays)) expect(isJapaneseHoliday(date)).toBe(true);
    expect(isJapaneseHoliday('2026-09-24')).toBe(false);
    // Outside the table's years: no holiday, rather than an error.
    expect(isJapaneseHoliday('1969-01-01')).toBe(false);
    expect(isJapaneseHoliday('2051-01-01')).toBe(false);
  });
});
