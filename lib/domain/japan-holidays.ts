// Japanese national holidays from @holiday-jp/holiday_jp (https://github.com/holiday-jp/holiday_jp-js,
// 1970–2050, substitute and citizens' holidays included), reduced to the dates at generation time
// (scripts/generate-japan-holidays.ts): the package's full map was 135 kB of the panel's and the worker's start-up.
import { JAPAN_HOLIDAYS_BY_YEAR } from './japan-holiday-dates';

/** YYYY-MM-DD dates → { year: 'MMDD MMDD …' }, the generated file's shape. */
export function encodeHolidayDates(isoDates: readonly string[]): Record<number, string> {
  const byYear: Record<number, string[]> = {};
  for (const date of [...isoDates].sort()) {
    const year = Number(date.slice(0, 4));
    (byYear[year] ??= []).push(date.slice(5, 7) + date.slice(8, 10));
  }
  return Object.fromEntries(Object.entries(byYear).map(([year, days]) => [year, days.join(' ')]));
}

export function decodeHolidayDates(byYear: Readonly<Record<number, string>>): string[] {
  return Object.entries(byYear).flatMap(([year, days]) =>
    days.split(' ').filter(Boolean).map((mmdd) => `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`),
  );
}

// Decoded a year at a time, when first asked: one lead's SLA reads a year or two, not all 81 (the panel's first
// paint, issue 16).
const byYear = new Map<string, ReadonlySet<string>>();

/** True on a Japanese national holiday, given as YYYY-MM-DD. */
export function isJapaneseHoliday(isoDate: string): boolean {
  const year = isoDate.slice(0, 4);
  let days = byYear.get(year);
  if (!days) {
    const encoded = (JAPAN_HOLIDAYS_BY_YEAR as Readonly<Record<string, string>>)[year] ?? '';
    days = new Set(encoded.split(' ').filter(Boolean));
    byYear.set(year, days);
  }
  return days.has(isoDate.slice(5, 7) + isoDate.slice(8, 10));
}
