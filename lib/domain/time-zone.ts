/**
 * IANA zone offsets without a tz library: Intl.DateTimeFormat tells the wall time of an instant, and the
 * difference to UTC is the offset. Intl is slow (tens of µs), so offsets are cached per UTC day: a day whose
 * start and end share an offset has it throughout (zones change at most once a day); a day where they differ
 * has its transition found to the minute by bisection. Hot paths (SLA for 100,000 leads) pay one Map lookup.
 */

const MINUTE = 60_000;
export const DAY_MS = 86_400_000;

/** A UTC day with a transition: `before` until `at`, `after` from it. */
interface Transition {
  at: number;
  before: number;
  after: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Days 1970–2079 live in an array (faster than a Map for integer keys); others in a Map. */
const DENSE_DAYS = 40_000;
const offsetCaches = new Map<string, { dense: (number | Transition | undefined)[]; sparse: Map<number, number | Transition> }>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

function computeOffset(zone: string, t: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(t));
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value);
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      default:
        break;
    }
  }
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  return wall - Math.floor(t / 1000) * 1000;
}

function offsetsOfDay(zone: string, day: number): number | Transition {
  const start = day * DAY_MS;
  const before = computeOffset(zone, start);
  const after = computeOffset(zone, start + DAY_MS);
  if (before === after) return before;
  // First minute of the day showing the new offset.
  let lo = 0;
  let hi = DAY_MS / MINUTE;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (computeOffset(zone, start + mid * MINUTE) === before) lo = mid + 1;
    else hi = mid;
  }
  return { at: start + lo * MINUTE, before, after };
}

/**
 * A fast offset function for one zone, for loops over many instants: one Map lookup per call, none when
 * consecutive instants fall on the same UTC day.
 */
export function offsetLookup(zone: string): (t: number) => number {
  let cache = offsetCaches.get(zone);
  if (!cache) offsetCaches.set(zone, (cache = { dense: new Array<number | Transition | undefined>(DENSE_DAYS), sparse: new Map() }));
  const { dense, sparse } = cache;
  let lastDay = NaN;
  let lastEntry: number | Transition = 0;
  return (t: number): number => {
    const day = Math.floor(t / DAY_MS);
    let entry: number | Transition | undefined;
    if (day === lastDay) {
      entry = lastEntry;
    } else {
      const inDense = day >= 0 && day < DENSE_DAYS;
      entry = inDense ? dense[day] : sparse.get(day);
      if (entry === undefined) {
        entry = offsetsOfDay(zone, day);
        if (inDense) dense[day] = entry;
        else sparse.set(day, entry);
      }
      lastDay = day;
      lastEntry = entry;
    }
    return typeof entry === 'number' ? entry : t < entry.at ? entry.before : entry.after;
  };
}

const lookups = new Map<string, (t: number) => number>();

/** Milliseconds to add to a UTC instant to get the wall time in `zone` (Asia/Tokyo: +9 h). */
export function zoneOffsetMs(zone: string, t: number): number {
  let lookup = lookups.get(zone);
  if (!lookup) lookups.set(zone, (lookup = offsetLookup(zone)));
  return lookup(t);
}

/** Local calendar day in `zone` as a day count since 1970-01-01 (local). */
export function localDayNumber(zone: string, t: number): number {
  return Math.floor((t + zoneOffsetMs(zone, t)) / DAY_MS);
}

/**
 * The instant whose wall time in `zone` is `wallMs` (a wall time written as if it were UTC). In a spring-forward
 * gap the wall time does not exist and the instant after the gap is used; in a fall-back overlap, the earlier one.
 */
export function wallToInstant(zone: string, wallMs: number): number {
  const first = wallMs - zoneOffsetMs(zone, wallMs);
  const second = wallMs - zoneOffsetMs(zone, first);
  if (second === first) {
    // Fall-back overlap: an hour earlier may map to the same wall time too; prefer it.
    const earlier = wallMs - zoneOffsetMs(zone, first - 3_600_000);
    if (earlier < first && earlier + zoneOffsetMs(zone, earlier) === wallMs) return earlier;
    return first;
  }
  if (second + zoneOffsetMs(zone, second) === wallMs) return second;
  // Gap: neither candidate shows this wall time; the later candidate is the first instant after the gap.
  return Math.max(first, second);
}
