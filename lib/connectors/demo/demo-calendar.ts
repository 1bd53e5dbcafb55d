import { addBusinessMinutes, businessMinutesBetween, nextOpeningAt, type Calendar } from '../../domain/business-calendar';
import { DEFAULT_DEFINITIONS } from '../../domain/definitions/default-definitions';
import { DAY_MS, localDayNumber, wallToInstant } from '../../domain/time-zone';

/**
 * Business time for LAYING the demo data ("handed off 40 business minutes ago" must hold on a Monday morning,
 * a Friday night or during Golden Week alike), in the team calendar the demo workspace runs with: the default
 * one (weekdays 09:00–12:00 and 13:00–18:00 Asia/Tokyo, Japanese national holidays, the 12/29–1/3 closing).
 * The arithmetic is the domain engine's (lib/domain/business-calendar.ts), so the demo's SLA clocks read
 * exactly what the panel computes. People act while at work, so every instant laid here is an open one.
 */
export const DEMO_CALENDAR: Calendar = DEFAULT_DEFINITIONS.calendar;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The first open instant at or after `t`. */
export function demoOpenAtOrAfter(t: number): number {
  return nextOpeningAt(DEMO_CALENDAR, t);
}

/**
 * The open instant `minutes` business minutes after `t`. When they end with an opening (12:00, 18:00), the
 * next opening starts the moment: a call made "3 hours after 09:00" is made at 13:00, not at the lunch break.
 */
export function demoAfterBusinessMinutes(t: number, minutes: number): number {
  return nextOpeningAt(DEMO_CALENDAR, addBusinessMinutes(DEMO_CALENDAR, t, minutes));
}

/**
 * The open instant with `minutes` business minutes from it to `t` (`t` itself for 0): where to lay a handoff so
 * that the panel shows exactly that much SLA time used at `t`.
 */
export function demoBeforeBusinessMinutes(t: number, minutes: number): number {
  if (!(minutes > 0)) return t;
  // Count from a point far enough back (widening until it is), then add back all but `minutes`.
  let span = 30 * DAY_MS + minutes * 10 * MINUTE;
  let from = t - span;
  let total = businessMinutesBetween(DEMO_CALENDAR, from, t);
  while (total < minutes) {
    span *= 2;
    from = t - span;
    total = businessMinutesBetween(DEMO_CALENDAR, from, t);
  }
  // Minutes are fractions when `t` is not on a minute: rounding to the ms undoes the floating-point error.
  return nextOpeningAt(DEMO_CALENDAR, Math.round(addBusinessMinutes(DEMO_CALENDAR, from, total - minutes)));
}

/**
 * `hour:minute` (calendar time) on the latest business day whose such moment is not after `t`: a plausible
 * working moment. The moment itself may fall in a break; the day is one the calendar opens on.
 */
export function demoAtBusinessHour(t: number, hour: number, minute = 0): number {
  const zone = DEMO_CALENDAR.timeZone;
  const wall = hour * HOUR + minute * MINUTE;
  let day = localDayNumber(zone, t);
  for (let i = 0; i < 30; i++, day--) {
    const at = wallToInstant(zone, day * DAY_MS + wall);
    if (at <= t && opensOn(day)) return at;
  }
  return wallToInstant(zone, day * DAY_MS + wall);
}

/** Whether the calendar opens at all on local day `day`. */
function opensOn(day: number): boolean {
  const zone = DEMO_CALENDAR.timeZone;
  return nextOpeningAt(DEMO_CALENDAR, wallToInstant(zone, day * DAY_MS)) < wallToInstant(zone, (day + 1) * DAY_MS);
}
