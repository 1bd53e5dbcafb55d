import holidayJp from '@holiday-jp/holiday_jp';

/**
 * Just enough business-time arithmetic to LAY the demo data: "handed off 40 business minutes ago" must hold
 * on a Monday morning, a Friday night or during Golden Week alike. It assumes the default team calendar
 * of DEFAULT_DEFINITIONS (weekdays 09:00–12:00 and 13:00–18:00 Asia/Tokyo, Japanese national holidays and the
 * 12/29–1/3 year-end closing off); judging the SLA is the domain engine's job (lib/domain/business-calendar.ts),
 * which reads whatever calendar the team's definitions say.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Asia/Tokyo has had no daylight saving since 1951. */
const JST_OFFSET = 9 * HOUR;
/** Open periods of a business day, [start, end) in ms after JST midnight. */
const OPEN_PERIODS = [
  [9 * HOUR, 12 * HOUR],
  [13 * HOUR, 18 * HOUR],
] as const;
const holidays = holidayJp.holidays as Record<string, unknown>;
/** Bounds every walk: nothing in the demo lies more than two years from its anchor. */
const MAX_DAYS = 800;

/** UTC instant of JST midnight of the JST day containing `t`. */
function jstDayStart(t: number): number {
  return Math.floor((t + JST_OFFSET) / DAY) * DAY - JST_OFFSET;
}

/** Per JST day; the workspace asks about the same few hundred days tens of thousands of times. */
const businessDays = new Map<number, boolean>();

export function isDemoBusinessDay(t: number): boolean {
  const dayStart = jstDayStart(t);
  let open = businessDays.get(dayStart);
  if (open === undefined) {
    open = computeBusinessDay(dayStart);
    businessDays.set(dayStart, open);
  }
  return open;
}

function computeBusinessDay(dayStart: number): boolean {
  const d = new Date(dayStart + JST_OFFSET);
  const dayKey = d.toISOString().slice(0, 10);
  const monthDay = dayKey.slice(5);
  const yearEnd = monthDay >= '12-29' || monthDay <= '01-03';
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !yearEnd && !(dayKey in holidays);
}

function openPeriods(dayStart: number): [number, number][] {
  if (!isDemoBusinessDay(dayStart)) return [];
  return OPEN_PERIODS.map(([s, e]) => [dayStart + s, dayStart + e]);
}

export function isDemoOpenAt(t: number): boolean {
  return openPeriods(jstDayStart(t)).some(([s, e]) => t >= s && t < e);
}

/** The instant `minutes` business minutes after `t`; with 0, the first open instant at or after `t`. */
export function addDemoBusinessMinutes(t: number, minutes: number): number {
  let cursor = t;
  let left = minutes * MINUTE;
  for (let day = jstDayStart(t), n = 0; n < MAX_DAYS; day += DAY, n++) {
    for (const [s, e] of openPeriods(day)) {
      if (cursor >= e) continue;
      const from = Math.max(cursor, s);
      if (left < e - from) return from + left;
      left -= e - from;
      cursor = e;
    }
  }
  return cursor;
}

/** The instant `minutes` business minutes before `t` (an open instant, so a handoff laid there was in hours). */
export function subtractDemoBusinessMinutes(t: number, minutes: number): number {
  let cursor = t;
  let left = minutes * MINUTE;
  for (let day = jstDayStart(t - 1), n = 0; n < MAX_DAYS; day -= DAY, n++) {
    for (const [s, e] of openPeriods(day).reverse()) {
      if (cursor <= s) continue;
      const to = Math.min(cursor, e);
      if (left <= to - s) return to - left;
      left -= to - s;
      cursor = s;
    }
  }
  return cursor;
}

/** Business minutes in [from, to), whole minutes rounded down. */
export function demoBusinessMinutesBetween(from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  for (let day = jstDayStart(from), n = 0; day < to && n < MAX_DAYS; day += DAY, n++) {
    for (const [s, e] of openPeriods(day)) {
      const a = Math.max(s, from);
      const b = Math.min(e, to);
      if (b > a) total += b - a;
    }
  }
  return Math.floor(total / MINUTE);
}

/** `hourJst:minute` on the latest business day whose such moment is not after `t` (a plausible working moment). */
export function atBusinessHour(t: number, hourJst: number, minute = 0): number {
  let day = jstDayStart(t);
  for (let i = 0; i < 30; i++, day -= DAY) {
    const at = day + hourJst * HOUR + minute * MINUTE;
    if (at <= t && isDemoBusinessDay(day)) return at;
  }
  return day + hourJst * HOUR + minute * MINUTE;
}
