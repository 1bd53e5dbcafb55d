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
const offsetCaches = new Map<string, OffsetCache>();

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

type DayEntry = number | Transition;
type OffsetCache = { dense: (DayEntry | undefined)[]; sparse: Map<number, DayEntry> };

function cacheFor(zone: string): OffsetCache {
  let cache = offsetCaches.get(zone);
  if (!cache) offsetCaches.set(zone, (cache = { dense: new Array<DayEntry | undefined>(DENSE_DAYS), sparse: new Map() }));
  return cache;
}

function cachedDay(cache: OffsetCache, day: number): DayEntry | undefined {
  return day >= 0 && day < DENSE_DAYS ? cache.dense[day] : cache.sparse.get(day);
}

/**
 * The offsets of one UTC day. A cached neighbour already knows the offset at a shared midnight (the previous
 * day's end, the next day's start), which saves one Intl call of the two.
 */
function offsetsOfDay(zone: string, cache: OffsetCache, day: number): DayEntry {
  const start = day * DAY_MS;
  const prev = cachedDay(cache, day - 1);
  const next = cachedDay(cache, day + 1);
  const before = prev === undefined ? computeOffset(zone, start) : typeof prev === 'number' ? prev : prev.after;
  const after = next === undefined ? computeOffset(zone, start + DAY_MS) : typeof next === 'number' ? next : next.before;
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

function dayEntry(zone: string, cache: OffsetCache, day: number): DayEntry {
  let entry = cachedDay(cache, day);
  if (entry === undefined) {
    entry = offsetsOfDay(zone, cache, day);
    if (day >= 0 && day < DENSE_DAYS) cache.dense[day] = entry;
    else cache.sparse.set(day, entry);
  }
  return entry;
}

/**
 * A fast offset function for one zone, for loops over many instants: one array lookup per call, none when
 * consecutive instants fall on the same UTC day.
 */
export function offsetLookup(zone: string): (t: number) => number {
  const cache = cacheFor(zone);
  let lastDay = NaN;
  let lastEntry: DayEntry = 0;
  return (t: number): number => {
    const day = Math.floor(t / DAY_MS);
    if (day !== lastDay) {
      lastEntry = dayEntry(zone, cache, day);
      lastDay = day;
    }
    const entry = lastEntry;
    return typeof entry === 'number' ? entry : t < entry.at ? entry.before : entry.after;
  };
}

/**
 * The offset of `zone` when it is the same at every instant from `from` to `to`, else null (a transition in
 * between, or more than `maxDays` UTC days to check). With it, a loop over many instants finds local days by
 * plain arithmetic instead of a lookup per instant. Checking costs one array read per UTC day once cached
 * (the first check in a zone computes the days it has not seen).
 */
export function steadyOffset(zone: string, from: number, to: number, maxDays: number): number | null {
  const first = Math.floor(from / DAY_MS);
  const last = Math.floor(to / DAY_MS);
  if (!(last >= first) || last - first >= maxDays) return null;
  const cache = cacheFor(zone);
  const offset = dayEntry(zone, cache, first);
  if (typeof offset !== 'number') return null;
  for (let day = first + 1; day <= last; day++) if (dayEntry(zone, cache, day) !== offset) return null;
  return offset;
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
 * gap the wall time does not exist and is read with the offset before the gap, so it moves forward by the gap's
 * length (New York 02:30 → 03:30 EDT, as Temporal's "compatible" disambiguation); in a fall-back overlap, the
 * earlier of the two instants.
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
  // Gap: neither candidate shows this wall time; the later one is it read with the offset before the gap.
  return Math.max(first, second);
}
