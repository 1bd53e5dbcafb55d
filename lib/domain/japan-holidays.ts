// The package's plain data map (1970–2050, substitute and citizens' holidays included), without its helpers.
// https://github.com/holiday-jp/holiday_jp-js — only the side panel and background import the domain engines;
// the content script never does, so this data stays out of it.
import holidays from '@holiday-jp/holiday_jp/lib/holidays';

const dates: ReadonlySet<string> = new Set(Object.keys(holidays));

/** True on a Japanese national holiday, given as YYYY-MM-DD. */
export function isJapaneseHoliday(isoDate: string): boolean {
  return dates.has(isoDate);
}

export function japaneseHolidayName(isoDate: string): { ja: string; en: string } | null {
  const h = (holidays as Record<string, { name: string; name_en: string } | undefined>)[isoDate];
  return h ? { ja: h.name, en: h.name_en } : null;
}
