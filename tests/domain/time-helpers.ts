import type { Definitions } from '../../lib/domain/definitions/schema';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';

/** "2026-05-01 09:30" in Japan time → epoch ms. */
export function jst(local: string): number {
  return Date.parse(`${local.replace(' ', 'T')}:00+09:00`);
}

/** Epoch ms → "2026-05-01 09:30" in Japan time, for readable expectations. */
export function showJst(t: number): string {
  return new Date(t + 9 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function copyDefinitions(): Definitions {
  return structuredClone(DEFAULT_DEFINITIONS);
}

const nineToFive = [{ start: '09:00', end: '17:00' }];
/** A New York office, no holidays: the daylight-saving cases. */
export const NEW_YORK: Definitions['calendar'] = {
  timeZone: 'America/New_York',
  weeklyHours: { sun: [], mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [] },
  nationalHolidays: 'none',
  closedDays: [],
  extraWorkingDays: [],
};
