import type { TeamRange } from './team-kpis';
import { DAY_MS, localDayNumber, wallToInstant } from './time-zone';

/**
 * The team page's periods, in the team calendar's zone (the SLA and the weekly review are agreed in that zone):
 * this week (Monday to Monday), the last 4 weeks (this week and the three before), this quarter (calendar quarters:
 * Jan–Mar, Apr–Jun, …) and a custom span of local dates (both days included). Each has a previous period of the same
 * kind just before it, shown beside it. Pure: `now` and the zone are parameters.
 */
export const PERIOD_KINDS = ['week', '4weeks', 'quarter', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The period a team page link without one opens (the background keeps its figures after a sync too). */
export const DEFAULT_PERIOD: Exclude<PeriodKind, 'custom'> = '4weeks';

/** Custom dates are local calendar dates, `YYYY-MM-DD`, `to` included. */
export type PeriodChoice = { kind: Exclude<PeriodKind, 'custom'> } | { kind: 'custom'; from: string; to: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A custom period longer than this is cut to it: the weekly axes stay readable and the page stays quick. */
export const MAX_CUSTOM_DAYS = 731;

/** A local date as a day count since 1970-01-01 (local), or null when it is not a real date. */
export function dayNumberOf(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return ms / DAY_MS;
}

/** `YYYY-MM-DD` of a local day number. */
export function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const startOfDay = (zone: string, day: number) => wallToInstant(zone, day * DAY_MS);
/** Monday of the week holding local day `day` (1970-01-01, day 0, was a Thursday). */
const mondayOf = (day: number) => day - ((day + 3) % 7);

function quarterStartDay(day: number, shift: number): number {
  const d = new Date(day * DAY_MS);
  const q = Math.floor(d.getUTCMonth() / 3) + shift;
  return Date.UTC(d.getUTCFullYear(), q * 3, 1) / DAY_MS;
}

/** The local days [fromDay, toDay) of a period. */
function periodDays(choice: PeriodChoice, today: number, previous: boolean): { fromDay: number; toDay: number } {
  switch (choice.kind) {
    case 'week': {
      const from = mondayOf(today) - (previous ? 7 : 0);
      return { fromDay: from, toDay: from + 7 };
    }
    case '4weeks': {
      const from = mondayOf(today) - 21 - (previous ? 28 : 0);
      return { fromDay: from, toDay: from + 28 };
    }
    case 'quarter': {
      const shift = previous ? -1 : 0;
      return { fromDay: quarterStartDay(today, shift), toDay: quarterStartDay(today, shift + 1) };
    }
    case 'custom': {
      let from = dayNumberOf(choice.from) ?? today;
      let to = (dayNumberOf(choice.to) ?? today) + 1;
      if (to <= from) [from, to] = [to - 1, from + 1];
      if (to - from > MAX_CUSTOM_DAYS) from = to - MAX_CUSTOM_DAYS;
      const length = to - from;
      return previous ? { fromDay: from - length, toDay: from } : { fromDay: from, toDay: to };
    }
  }
}

/** The period's instants: from its first local midnight to the midnight after its last day. */
export function periodRange(choice: PeriodChoice, now: number, zone: string): TeamRange {
  const { fromDay, toDay } = periodDays(choice, localDayNumber(zone, now), false);
  return { from: startOfDay(zone, fromDay), to: startOfDay(zone, toDay) };
}

/** The period of the same kind and length just before (the previous quarter for a quarter). */
export function previousPeriodRange(choice: PeriodChoice, now: number, zone: string): TeamRange {
  const { fromDay, toDay } = periodDays(choice, localDayNumber(zone, now), true);
  return { from: startOfDay(zone, fromDay), to: startOfDay(zone, toDay) };
}

/**
 * What the team page counts for a period: its range, the previous one's and its weeks. The page and the views the
 * background keeps after a sync both take them from here, so a kept answer's question is the page's own.
 */
export function periodRanges(choice: PeriodChoice, now: number, zone: string): { range: TeamRange; previous: TeamRange; weeks: TeamRange[] } {
  const range = periodRange(choice, now, zone);
  return { range, previous: previousPeriodRange(choice, now, zone), weeks: weekBuckets(range, zone) };
}

/**
 * The period's time axis: Monday-based weeks, cut at the period's ends. A long custom period is drawn in runs of
 * several weeks so the axis has at most `maxBuckets` points.
 */
export function weekBuckets(range: TeamRange, zone: string, maxBuckets = 60): TeamRange[] {
  const firstDay = localDayNumber(zone, range.from);
  const lastDay = localDayNumber(zone, range.to - 1);
  const weeks = Math.floor((mondayOf(lastDay) - mondayOf(firstDay)) / 7) + 1;
  const step = 7 * Math.max(1, Math.ceil(weeks / maxBuckets));
  const out: TeamRange[] = [];
  for (let day = mondayOf(firstDay); day <= lastDay; day += step) {
    const from = Math.max(range.from, startOfDay(zone, day));
    const to = Math.min(range.to, startOfDay(zone, day + step));
    if (to > from) out.push({ from, to });
  }
  return out;
}
