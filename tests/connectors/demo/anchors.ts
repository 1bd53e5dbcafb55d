/**
 * Anchors the demo must hold its stories at: a working afternoon, a night, a weekend, Golden Week and the
 * year-end closing (all UTC instants on the hour, as demoAnchor makes them).
 */
export const ANCHORS: Record<string, number> = {
  'Wednesday 14:00 JST': Date.UTC(2026, 10, 25, 5),
  'Wednesday 22:00 JST (after hours)': Date.UTC(2026, 10, 25, 13),
  'Sunday 11:00 JST': Date.UTC(2026, 10, 29, 2),
  'Monday 09:00 JST after a weekend': Date.UTC(2026, 10, 30, 0),
  'Golden Week holiday 10:00 JST': Date.UTC(2026, 4, 4, 1),
  'Year-end closing 2 January 15:00 JST': Date.UTC(2027, 0, 2, 6),
};
