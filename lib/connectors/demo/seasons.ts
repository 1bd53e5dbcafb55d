import type { Rng } from './random';

/**
 * The Japanese business year the demo team lives in, as weights on a day (Asia/Tokyo, which keeps no daylight
 * saving, so a fixed +9 h offset gives the local date). Leads arrive less in Golden Week (4/29–5/6), Obon (8/13–16),
 * the year-end closing (12/29–1/3) and at weekends, more in the autumn exhibition season; deals close around the
 * ends of the fiscal year (March, when most Japanese companies spend what is left of their budget), the half year
 * (September) and the calendar year (December).
 */
const JST = 9 * 3_600_000;
const DAY = 86_400_000;

function jstDate(t: number): { month: number; date: number; weekday: number } {
  const d = new Date(t + JST);
  return { month: d.getUTCMonth() + 1, date: d.getUTCDate(), weekday: d.getUTCDay() };
}

const ARRIVALS_BY_MONTH = [0.8, 1.1, 0.9, 0.9, 0.8, 1.1, 1.0, 0.7, 1.0, 1.2, 1.2, 0.85];

function holidayFactor(month: number, date: number): number {
  if ((month === 4 && date >= 29) || (month === 5 && date <= 6)) return 0.2; // Golden Week
  if (month === 8 && date >= 13 && date <= 16) return 0.3; // Obon
  if ((month === 12 && date >= 29) || (month === 1 && date <= 3)) return 0.1; // year-end closing
  return 1;
}

/** How many leads arrive on the day of `t`, relative to an ordinary weekday (at most 1.2). */
export function arrivalWeight(t: number): number {
  const { month, date, weekday } = jstDate(t);
  const weekend = weekday === 0 || weekday === 6 ? 0.35 : 1;
  return (ARRIVALS_BY_MONTH[month - 1] ?? 1) * holidayFactor(month, date) * weekend;
}

/** How likely a deal closes on the day of `t`, relative to an ordinary day (at most 10). */
export function closingWeight(t: number): number {
  const { month, date } = jstDate(t);
  const holiday = holidayFactor(month, date);
  if (holiday < 1) return holiday * 0.5;
  if (month === 3 && date >= 10) return 10; // fiscal year-end
  if (month === 9 && date >= 20) return 5; // half-year end
  if (month === 12 && date >= 10 && date <= 27) return 5; // calendar year-end
  if (month === 6 && date >= 20) return 1.5; // first quarter end
  return 1;
}

/** A day in [from, to) drawn by `weight` (rejection sampling; `max` bounds the weight), as that day's `from`-aligned instant. */
export function seasonalDay(rng: Rng, from: number, to: number, weight: (t: number) => number, max: number): number {
  const days = Math.max(1, Math.floor((to - from) / DAY));
  for (let tries = 0; tries < 50; tries++) {
    const t = from + rng.int(0, days - 1) * DAY;
    if (rng.next() * max < weight(t)) return t;
  }
  return from + rng.int(0, days - 1) * DAY;
}
