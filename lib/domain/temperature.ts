import type { AttributeValue, EngagementEvent, EngagementType } from './model';
import { ENGAGEMENT_TYPES } from './model-values';
import type { Band, Definitions, EngagementRule, Localized } from './definitions/schema';
import { computeFit, type FitResult } from './fit';
import { DAY_MS, offsetLookup, steadyOffset } from './time-zone';

export type Contribution = {
  kind: 'fit' | 'engagement' | 'exclusion';
  ruleId: string;
  label: Localized;
  /** Points now (engagement points after decay and daily caps), rounded to one decimal. */
  points: number;
  eventIds?: string[];
};

export type Temperature = {
  score: number;
  fitScore: number;
  engagementScore: number;
  fitGrade: string;
  band: Band;
  /** Score now minus the score 7 days ago (engagement then, decayed to then; fit is the same). */
  trend7d: number;
  spike: boolean;
  /** Largest first (by absolute points). */
  contributions: Contribution[];
  lastActivityAt: number | null;
  /** Events dated after `now` (clock skew, bad vendor data): not counted, reported for a warning. */
  ignoredFutureEventIds: string[];
};

export interface TemperatureInput {
  events: readonly EngagementEvent[];
  attributes: Record<string, AttributeValue>;
  definitions: Definitions;
  now: number;
  /** `computeFit(attributes, definitions)` when the caller already has it (assessLead scores one person twice). */
  fit?: FitResult;
}

const HOUR_MS = 3_600_000;
/** Rule points in millionths: integer sums are exact, so the result cannot depend on event order. */
const MICRO = 1_000_000;
const TYPE_INDEX = Object.fromEntries(ENGAGEMENT_TYPES.map((t, i) => [t, i])) as Record<EngagementType, number>;
/** The same as a Map, for the hot loop: undefined for a type outside the model. */
const TYPE_NUMBER: ReadonlyMap<string, number> = new Map(ENGAGEMENT_TYPES.map((t, i) => [t, i]));
const TYPE_SLOTS = ENGAGEMENT_TYPES.length;
/** Sends are our action, not the person's: they are not "activity" (and the default rules score nothing for them). */
const EMAIL_SEND = TYPE_INDEX.email_send;
const MAX_DENSE_SLOTS = 4096 * TYPE_SLOTS;
/**
 * Local days by one zone offset when at least this many events score and they span at most this many UTC days
 * (checking the offset costs one read per day; a first check in a zone computes the days with Intl).
 */
const STEADY_MIN_EVENTS = 256;
const STEADY_MAX_DAYS = 1100;
/** Events listed per engagement contribution: the most recent ones, enough for the "why" list. */
export const MAX_EVENT_IDS_PER_CONTRIBUTION = 50;

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function bandFor(score: number, d: Definitions): Band {
  const b = d.temperature.bands;
  if (score >= b.hot) return 'hot';
  if (score >= b.warm) return 'warm';
  if (score >= b.cool) return 'cool';
  return 'cold';
}

interface RuleIndexEntry {
  index: number;
  rule: EngagementRule;
  patterns: string[] | null;
}

/** What a run needs from the definitions, worked out once per definitions object. */
interface ScoreTables {
  /** Engagement rules by event type index, patterns lower-cased. */
  byType: RuleIndexEntry[][];
  /** Per type: the rule every event of the type gets (the type's first rule has no URL pattern), else -1. */
  plainRule: Int32Array;
  /** Per type: 1 when the rule depends on the event's URL. */
  byUrl: Uint8Array;
  /** Per rule: its points in micro-points. */
  ruleMicro: Float64Array;
  /** Per rule: 1 unless its points are 0 (a rule of 0 points scores nothing and lists no events). */
  ruleScores: Uint8Array;
  /** Per type: the daily cap in micro-points (Infinity: none). */
  capMicro: Float64Array;
  /**
   * Per type with URL-weighted rules: rule by URL, kept across runs since a site's pages recur across people
   * (a Map per run was most of the garbage of scoring 100,000 small timelines). Bounded: cleared when full.
   */
  urlRules: (Map<string, number> | undefined)[];
}
const URL_MEMO_MAX = 20_000;
const EMPTY = new Float64Array(0);
const scoreTables = new WeakMap<Definitions, ScoreTables>();

function scoreTablesOf(d: Definitions): ScoreTables {
  let tables = scoreTables.get(d);
  if (!tables) {
    const rules = d.score.engagement.rules;
    const byType: RuleIndexEntry[][] = ENGAGEMENT_TYPES.map(() => []);
    rules.forEach((rule, i) => {
      byType[TYPE_INDEX[rule.type]]!.push({ index: i, rule, patterns: rule.urlContains ? rule.urlContains.map((p) => p.toLowerCase()) : null });
    });
    const plainRule = new Int32Array(TYPE_SLOTS).fill(-1);
    const byUrl = new Uint8Array(TYPE_SLOTS);
    byType.forEach((entries, type) => {
      const first = entries[0];
      if (!first) return;
      if (first.patterns) byUrl[type] = 1;
      else plainRule[type] = first.index;
    });
    const caps = d.score.engagement.dailyCaps;
    tables = {
      byType,
      plainRule,
      byUrl,
      ruleMicro: Float64Array.from(rules, (rule) => Math.round(rule.points * MICRO)),
      ruleScores: Uint8Array.from(rules, (rule) => (rule.points === 0 ? 0 : 1)),
      capMicro: Float64Array.from(ENGAGEMENT_TYPES, (type) => {
        const cap = caps[type];
        return cap === undefined ? Infinity : cap * MICRO;
      }),
      urlRules: [],
    };
    scoreTables.set(d, tables);
  }
  return tables;
}

/** The rule for a URL (or asset) among a type's URL-weighted rules: the first whose pattern it contains. */
function ruleByUrl(entries: readonly RuleIndexEntry[], where: string): number {
  const url = where.toLowerCase();
  for (const entry of entries) {
    const patterns = entry.patterns;
    if (!patterns) return entry.index;
    if (url === '') continue;
    for (let p = 0; p < patterns.length; p++) if (url.includes(patterns[p]!)) return entry.index;
  }
  return -1;
}

/**
 * Per-run buffers, reused across runs and grown to the largest input: allocating and zeroing a dozen typed
 * arrays per run costs more than the arithmetic they hold. computeTemperature is synchronous and calls nothing
 * that could re-enter it.
 */
const scratch = {
  size: 0,
  candEvent: new Int32Array(0),
  candTime: new Float64Array(0),
  candRule: new Int32Array(0),
  candType: new Uint8Array(0),
  candSlot: new Int32Array(0),
  idHash: new Int32Array(0),
  /**
   * Per hash bucket of ids: 0, 1 or 2 (two or more). All 0 between runs; a run that throws midway leaves some
   * set, which only sends more ids through the Set.
   */
  buckets: new Uint8Array(0),
  /**
   * Pass 2's per-(day, type) totals when the buckets are array slots: allocated once at the largest size and
   * zeroed slot by slot after each run. A fresh pair per run (two arrays of span × 14 slots) cost more than the
   * whole scoring of a lead with ten events, which is what the team KPIs run 100,000 times.
   */
  denseAll: null as Float64Array | null,
  denseBefore: null as Float64Array | null,
};

function scratchFor(n: number): typeof scratch {
  if (n > scratch.size) {
    const size = Math.max(n, 2 * scratch.size, 64);
    scratch.size = size;
    scratch.candEvent = new Int32Array(size);
    scratch.candTime = new Float64Array(size);
    scratch.candRule = new Int32Array(size);
    scratch.candType = new Uint8Array(size);
    scratch.candSlot = new Int32Array(size);
    scratch.idHash = new Int32Array(size);
    // A power of two, at least 4 buckets per event: few unique ids share one.
    scratch.buckets = new Uint8Array(2 ** Math.ceil(Math.log2(4 * size)));
  }
  return scratch;
}

/**
 * A cheap hash of an id, from its length and last characters, where ids differ (source ids are counters, record
 * ids, UUIDs). Equal ids hash alike, which is all the duplicate check relies on; ids that collide only cost a
 * Set insertion.
 */
function idBucket(id: string, mask: number): number {
  const len = id.length;
  let h = len;
  for (let c = len > 6 ? len - 6 : 0; c < len; c++) h = Math.imul(h ^ id.charCodeAt(c), 0x9e3779b1);
  return (h ^ (h >>> 15)) & mask;
}

/**
 * The decay curve: the share of an event's points left `ageMs` after it happened, halving every `halfLifeDays`.
 * The one curve behind the score now and the score a week ago (the 7-day trend).
 */
export function decayFactor(ageMs: number, halfLifeDays: number): number {
  return Math.exp((-Math.LN2 * ageMs) / (halfLifeDays * DAY_MS));
}

/** Whether an event of this type is the person's activity (a type outside the model is not, like a send). */
function isActivity(type: number | undefined): boolean {
  return type !== undefined && type !== EMAIL_SEND;
}

/** Orders two differing deliveries of one event that share a time, so the pick does not depend on order. */
function payloadKey(e: EngagementEvent): string {
  return `${e.type}|${e.url ?? ''}|${e.asset ?? ''}|${e.campaign ?? ''}|${e.vendorType ?? ''}`;
}

/**
 * The `limit` most recent of the items offered per group (items are numbers with a time; ties: the smaller id
 * first), whatever the offering order. Each group buffers up to 4 × `limit` items; a full buffer is cut to its
 * `limit` most recent by selection (linear time), and their oldest time becomes the group's floor: callers turn
 * away older items with one comparison, so most offers cost nothing once the lists have filled.
 */
class RecentPicker {
  /** Per group: items older than this cannot make the list. */
  readonly floor: Float64Array;
  private readonly buffer: Int32Array;
  private readonly size: Int32Array;
  private readonly capacity: number;

  constructor(
    groups: number,
    private readonly limit: number,
    private readonly times: Float64Array,
    private readonly idOf: (item: number) => string,
  ) {
    this.capacity = 4 * limit;
    this.floor = new Float64Array(groups).fill(-Infinity);
    this.buffer = new Int32Array(groups * this.capacity);
    this.size = new Int32Array(groups);
  }

  offer(group: number, item: number): void {
    let n = this.size[group]!;
    if (n === this.capacity) {
      n = this.cut(group);
      if (this.times[item]! < this.floor[group]!) return;
    }
    this.buffer[group * this.capacity + n] = item;
    this.size[group] = n + 1;
  }

  /** The group's list, most recent first. */
  picked(group: number): number[] {
    const from = group * this.capacity;
    const n = this.cut(group);
    const times = this.times;
    return Array.from(this.buffer.subarray(from, from + n)).sort((a, b) => times[b]! - times[a]! || (this.newer(a, b) ? -1 : 1));
  }

  /** Is `a` more recent than `b` (ties: the smaller id), for two different items. */
  private newer(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta > tb || (ta === tb && this.idOf(a) < this.idOf(b));
  }

  /** Keeps the group's `limit` most recent items (in no order) and raises its floor; returns how many remain. */
  private cut(group: number): number {
    const n = this.size[group]!;
    if (n <= this.limit) return n;
    const buf = this.buffer;
    const times = this.times;
    const from = group * this.capacity;
    const target = from + this.limit - 1;
    // Hoare's selection: afterwards the items before `target` are more recent than those after it. Times
    // decide almost every comparison; ids only break ties.
    let lo = from;
    let hi = from + n - 1;
    while (lo < hi) {
      const pivot = buf[(lo + hi) >> 1]!;
      const pt = times[pivot]!;
      let i = lo;
      let j = hi;
      while (i <= j) {
        for (;;) {
          const a = buf[i]!;
          const ta = times[a]!;
          if (ta > pt || (ta === pt && a !== pivot && this.newer(a, pivot))) i++;
          else break;
        }
        for (;;) {
          const b = buf[j]!;
          const tb = times[b]!;
          if (tb < pt || (tb === pt && b !== pivot && this.newer(pivot, b))) j--;
          else break;
        }
        if (i <= j) {
          const x = buf[i]!;
          buf[i] = buf[j]!;
          buf[j] = x;
          i++;
          j--;
        }
      }
      if (target <= j) hi = j;
      else if (target >= i) lo = i;
      else break;
    }
    let oldest = Infinity;
    for (let p = from; p <= target; p++) oldest = Math.min(oldest, times[buf[p]!]!);
    this.floor[group] = oldest;
    this.size[group] = this.limit;
    return this.limit;
  }
}

/**
 * The picker when a run has at most `limit` candidates: every group keeps all its items, so there is nothing to
 * cut and nothing to allocate up front (RecentPicker's buffers are groups × 4 × limit slots).
 */
class AllPicker {
  readonly floor: Float64Array;
  private readonly lists: (number[] | undefined)[] = [];

  constructor(
    floor: Float64Array,
    private readonly times: Float64Array,
    private readonly idOf: (item: number) => string,
  ) {
    this.floor = floor;
  }

  offer(group: number, item: number): void {
    (this.lists[group] ??= []).push(item);
  }

  picked(group: number): number[] {
    const list = this.lists[group];
    if (!list) return [];
    const times = this.times;
    return list.sort((a, b) => times[b]! - times[a]! || (this.idOf(a) < this.idOf(b) ? -1 : 1));
  }
}
/** Floors of an AllPicker: nothing is ever turned away. Read only. */
let openFloors = new Float64Array(0).fill(-Infinity);
function openFloorsFor(groups: number): Float64Array {
  if (openFloors.length < groups) openFloors = new Float64Array(groups).fill(-Infinity);
  return openFloors;
}

/**
 * The band only: the same scoring as computeTemperature without the "why" (contributions, event lists, trend).
 * assessLead uses it for the temperature at handoff, which only chooses the SLA policy.
 */
export function temperatureBand(input: TemperatureInput): Band {
  return score(input, 'band').band;
}

/** The score only (as computeTemperature's `score`), without the "why": the band is `bandFor(score, d)`. */
export function temperatureScore(input: TemperatureInput): number {
  return score(input, 'band').score;
}

/**
 * The score, grade and band as computeTemperature gives them, with the fit rules and exclusions as contributions but
 * no engagement "why" (no event lists, trend or spike): what qualification reads. The definitions workshop judges
 * every lead of a period by it after each edit.
 */
export function computeScore(input: TemperatureInput): Temperature {
  return score(input, 'score');
}

/**
 * How hot a lead is now, and why. Deterministic: the same events in any order, or delivered twice (same
 * source and source id), give the same result.
 *
 * Engagement points decay exponentially (half-life from the definitions). Daily caps apply per (local day in
 * the team calendar, event type): when a day's raw points of a type exceed the cap, every event of that day and
 * type is scaled by cap / raw, which blunts bursts (bots, mail scanners) without depending on event order.
 */
export function computeTemperature(input: TemperatureInput): Temperature {
  return score(input, 'full');
}

/** 'band': the band only; 'score': plus the fit contributions; 'full': every contribution, trend and spike. */
type ScoreDetail = 'band' | 'score' | 'full';

function score({ events, attributes, definitions: d, now, fit: knownFit }: TemperatureInput, level: ScoreDetail): Temperature {
  const detail = level === 'full';
  const { byType, plainRule, byUrl, ruleMicro, ruleScores, capMicro, urlRules } = scoreTablesOf(d);
  const weekAgo = now - 7 * DAY_MS;
  const total = events.length;

  // Pass 1, over every delivery: bucket ids by a cheap hash, set aside future-dated events, and list the events
  // that score (candidates) in flat typed arrays: no object per event.
  let future: number[] | null = null;
  const { candEvent, candTime, candRule, candType, candSlot, idHash, buckets } = scratchFor(total);
  const mask = buckets.length - 1;
  let count = 0;
  let lastActivity = -Infinity;
  let minT = Infinity;
  let maxT = -Infinity;
  for (let i = 0; i < total; i++) {
    const e = events[i]!;
    const h = idBucket(e.id, mask);
    idHash[i] = h;
    if (buckets[h]! < 2) buckets[h]!++;
    const t = e.occurredAt;
    if (t > now) {
      (future ??= []).push(i);
      continue;
    }
    const type = TYPE_NUMBER.get(e.type);
    if (isActivity(type) && t > lastActivity) lastActivity = t;
    if (type === undefined) continue;
    let r = plainRule[type]!;
    if (byUrl[type]) {
      const where = e.url ?? e.asset ?? '';
      const memo = (urlRules[type] ??= new Map());
      const known = memo.get(where);
      if (known === undefined) {
        if (memo.size >= URL_MEMO_MAX) memo.clear();
        memo.set(where, (r = ruleByUrl(byType[type]!, where)));
      } else r = known;
    }
    if (r < 0 || ruleScores[r] === 0) continue;
    candEvent[count] = i;
    candTime[count] = t;
    candRule[count] = r;
    candType[count] = type;
    count++;
    if (t < minT) minT = t;
    if (t > maxT) maxT = t;
  }

  // Ids seen twice: only ids that share a hash bucket can be equal, and only those go through the one Set (a Set
  // insertion per event would cost a third of the run; a Map of id → index, a lookup and an insertion each).
  let seen: Set<string> | null = null;
  let duplicateIds: Set<string> | null = null;
  for (let i = 0; i < total; i++) {
    if (buckets[idHash[i]!]! < 2) continue;
    const id = events[i]!.id;
    seen ??= new Set<string>();
    const before = seen.size;
    seen.add(id);
    if (seen.size === before) (duplicateIds ??= new Set()).add(id);
  }
  for (let i = 0; i < total; i++) buckets[idHash[i]!] = 0;

  // One event per (source, sourceId), which `id` spells (`${source}:${sourceId}`, see model.ts). When a
  // re-delivery differs, the earliest (then the one whose content sorts first) wins, whatever the delivery order.
  // The losers leave the candidates, the future list and the last activity.
  if (duplicateIds) {
    const dropped = new Uint8Array(total);
    const winner = new Map<string, number>();
    for (let i = 0; i < total; i++) {
      const e = events[i]!;
      if (!duplicateIds.has(e.id)) continue;
      const prev = winner.get(e.id);
      if (prev === undefined) {
        winner.set(e.id, i);
        continue;
      }
      const p = events[prev]!;
      if (e.occurredAt < p.occurredAt || (e.occurredAt === p.occurredAt && payloadKey(e) < payloadKey(p))) {
        dropped[prev] = 1;
        winner.set(e.id, i);
      } else {
        dropped[i] = 1;
      }
    }
    let kept = 0;
    for (let k = 0; k < count; k++) {
      if (dropped[candEvent[k]!]) continue;
      candEvent[kept] = candEvent[k]!;
      candTime[kept] = candTime[k]!;
      candRule[kept] = candRule[k]!;
      candType[kept] = candType[k]!;
      kept++;
    }
    count = kept;
    if (future) future = future.filter((i) => !dropped[i]);
    lastActivity = -Infinity;
    for (let i = 0; i < total; i++) {
      const e = events[i]!;
      const t = e.occurredAt;
      if (!dropped[i] && t <= now && isActivity(TYPE_INDEX[e.type]) && t > lastActivity) lastActivity = t;
    }
  }
  // The band alone (at a past handoff, where later events are all "future") never reports them.
  const ignoredFutureEventIds = future && detail ? future.map((i) => events[i]!.id).sort() : [];

  // Local day of each candidate in the team calendar, for the daily caps. When the zone keeps one offset over
  // the whole span (always in Japan), the day is plain arithmetic; else one offset lookup per event, noted in
  // candSlot until pass 2 turns it into the bucket.
  const zone = d.calendar.timeZone;
  const steady = count >= STEADY_MIN_EVENTS ? steadyOffset(zone, minT, maxT, STEADY_MAX_DAYS) : null;
  // A local copy: under vite-node (tests, bench) an imported binding is a getter call on each read.
  const dayMs = DAY_MS;
  let minDay = Infinity;
  let maxDay = -Infinity;
  if (steady !== null) {
    minDay = Math.floor((minT + steady) / dayMs);
    maxDay = Math.floor((maxT + steady) / dayMs);
  } else {
    const offsetOf = offsetLookup(zone);
    for (let k = 0; k < count; k++) {
      const t = candTime[k]!;
      const day = Math.floor((t + offsetOf(t)) / dayMs);
      candSlot[k] = day;
      if (day < minDay) minDay = day;
      if (day > maxDay) maxDay = day;
    }
  }

  // Pass 2: per (local day, type) bucket, raw micro-points of all events up to now, and of those up to a week
  // ago. Buckets are array slots when the events span up to ~11 years (always, in practice), else numbered by a Map.
  const span = count === 0 ? 0 : maxDay - minDay + 1;
  const slotOf = span * TYPE_SLOTS <= MAX_DENSE_SLOTS ? null : new Map<number, number>();
  let totalAll: Float64Array;
  let totalBefore: Float64Array;
  if (slotOf) {
    totalAll = new Float64Array(count);
    totalBefore = new Float64Array(count);
  } else {
    totalAll = scratch.denseAll ??= new Float64Array(MAX_DENSE_SLOTS);
    totalBefore = scratch.denseBefore ??= new Float64Array(MAX_DENSE_SLOTS);
  }
  for (let k = 0; k < count; k++) {
    const t = candTime[k]!;
    const day = steady !== null ? Math.floor((t + steady) / dayMs) : candSlot[k]!;
    let slot = (day - minDay) * TYPE_SLOTS + candType[k]!;
    if (slotOf) {
      let numbered = slotOf.get(slot);
      if (numbered === undefined) slotOf.set(slot, (numbered = slotOf.size));
      slot = numbered;
    }
    candSlot[k] = slot;
    const micro = ruleMicro[candRule[k]!]!;
    totalAll[slot] = totalAll[slot]! + micro;
    if (t <= weekAgo) totalBefore[slot] = totalBefore[slot]! + micro;
  }

  // Pass 3: each event's points now (decayed, scaled by its bucket's cap), a week ago and within the spike window.
  const halfLifeDays = d.score.engagement.halfLifeDays;
  const spikeFrom = now - d.temperature.spike.windowHours * HOUR_MS;
  const ruleCount = d.score.engagement.rules.length;
  const perRulePoints = detail ? new Float64Array(ruleCount) : EMPTY;
  const idOf = (k: number) => events[candEvent[k]!]!.id;
  const recent = !detail
    ? null
    : count <= MAX_EVENT_IDS_PER_CONTRIBUTION
      ? new AllPicker(openFloorsFor(ruleCount), candTime, idOf)
      : new RecentPicker(ruleCount, MAX_EVENT_IDS_PER_CONTRIBUTION, candTime, idOf);
  let nowMicro = 0;
  let weekAgoMicro = 0;
  let spikeMicro = 0;
  for (let k = 0; k < count; k++) {
    const t = candTime[k]!;
    const r = candRule[k]!;
    const micro = ruleMicro[r]!;
    const slot = candSlot[k]!;
    const all = totalAll[slot]!;
    const cap = capMicro[candType[k]!]!;
    const factor = all > cap && all > 0 ? cap / all : 1;
    const decay = decayFactor(now - t, halfLifeDays);
    const points = Math.round(micro * factor * decay);
    nowMicro += points;
    if (!recent) continue;
    perRulePoints[r] = perRulePoints[r]! + points;
    if (t >= recent.floor[r]!) recent.offer(r, k);
    if (t <= weekAgo) {
      const before = totalBefore[slot]!;
      const factorThen = before > cap && before > 0 ? cap / before : 1;
      weekAgoMicro += Math.round(micro * factorThen * decayFactor(weekAgo - t, halfLifeDays));
    }
    if (t > spikeFrom) spikeMicro += Math.round(micro * factor);
  }
  if (!slotOf) {
    // Back to all zeros for the next run: only the slots this run touched.
    for (let k = 0; k < count; k++) {
      const slot = candSlot[k]!;
      totalAll[slot] = 0;
      totalBefore[slot] = 0;
    }
  }
  const lastActivityAt = lastActivity === -Infinity ? null : lastActivity;

  const fit = knownFit ?? computeFit(attributes, d);
  const engagementNow = nowMicro / MICRO;
  const fitContributions = (): Contribution[] => fit.matches.map((m) => ({ kind: m.kind, ruleId: m.ruleId, label: m.label, points: m.points }));
  if (!recent) {
    const score = round1(fit.fitScore + engagementNow);
    const contributions = level === 'score' ? fitContributions() : [];
    return {
      score, fitScore: fit.fitScore, engagementScore: round1(engagementNow), fitGrade: fit.fitGrade, band: bandFor(score, d),
      trend7d: 0, spike: false, contributions, lastActivityAt, ignoredFutureEventIds,
    };
  }
  const contributions = fitContributions();
  d.score.engagement.rules.forEach((rule, r) => {
    const picked = recent.picked(r);
    if (picked.length === 0) return;
    const eventIds = picked.map((k) => events[candEvent[k]!]!.id);
    contributions.push({ kind: 'engagement', ruleId: rule.id, label: rule.label, points: round1(perRulePoints[r]! / MICRO), eventIds });
  });
  contributions.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));

  const score = round1(fit.fitScore + engagementNow);
  return {
    score,
    fitScore: fit.fitScore,
    engagementScore: round1(engagementNow),
    fitGrade: fit.fitGrade,
    band: bandFor(score, d),
    trend7d: round1((nowMicro - weekAgoMicro) / MICRO),
    spike: spikeMicro >= d.temperature.spike.minPoints * MICRO,
    contributions,
    lastActivityAt,
    ignoredFutureEventIds,
  };
}
