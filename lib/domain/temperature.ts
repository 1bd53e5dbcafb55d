import { ENGAGEMENT_TYPES, type AttributeValue, type EngagementEvent, type EngagementType } from './model';
import type { Band, Definitions, EngagementRule, Localized } from './definitions/schema';
import { computeFit } from './fit';
import { DAY_MS, offsetLookup } from './time-zone';

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
}

const HOUR_MS = 3_600_000;
/** Rule points in millionths: integer sums are exact, so the result cannot depend on event order. */
const MICRO = 1_000_000;
const TYPE_INDEX = Object.fromEntries(ENGAGEMENT_TYPES.map((t, i) => [t, i])) as Record<EngagementType, number>;
const TYPE_SLOTS = ENGAGEMENT_TYPES.length;
/** Sends are our action, not the person's: they are not "activity" (and the default rules score nothing for them). */
const EMAIL_SEND = TYPE_INDEX.email_send;
const MAX_DENSE_SLOTS = 4096 * TYPE_SLOTS;
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
const ruleIndexes = new WeakMap<Definitions, RuleIndexEntry[][]>();

/** Engagement rules by event type index, patterns lower-cased once per definitions object. */
function ruleIndexOf(d: Definitions): RuleIndexEntry[][] {
  let index = ruleIndexes.get(d);
  if (!index) {
    const byType: RuleIndexEntry[][] = ENGAGEMENT_TYPES.map(() => []);
    d.score.engagement.rules.forEach((rule, i) => {
      byType[TYPE_INDEX[rule.type]]!.push({ index: i, rule, patterns: rule.urlContains ? rule.urlContains.map((p) => p.toLowerCase()) : null });
    });
    ruleIndexes.set(d, (index = byType));
  }
  return index;
}

function ruleFor(entries: readonly RuleIndexEntry[] | undefined, e: EngagementEvent): RuleIndexEntry | undefined {
  if (!entries) return undefined;
  let url: string | null = null;
  for (const entry of entries) {
    if (!entry.patterns) return entry;
    url ??= (e.url ?? e.asset ?? '').toLowerCase();
    if (url !== '' && entry.patterns.some((p) => url!.includes(p))) return entry;
  }
  return undefined;
}

/** The k-th smallest value of `a` (0-based), rearranging `a` (Hoare's selection: linear on average). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const x = a[i]!;
        a[i] = a[j]!;
        a[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** The most recent events first (ties by id), at most `limit`, without sorting them all. */
function recentIds(events: EngagementEvent[], limit: number): string[] {
  let chosen = events;
  if (events.length > limit) {
    const times = new Float64Array(events.length);
    for (let i = 0; i < events.length; i++) times[i] = events[i]!.occurredAt;
    const threshold = select(times, events.length - limit);
    chosen = events.filter((e) => e.occurredAt >= threshold);
  }
  chosen = [...chosen].sort((a, b) => b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return chosen.slice(0, limit).map((e) => e.id);
}

/**
 * How hot a lead is now, and why. Deterministic: the same events in any order, or delivered twice (same
 * source and source id), give the same result.
 *
 * Engagement points decay exponentially (half-life from the definitions). Daily caps apply per (local day in
 * the team calendar, event type): when a day's raw points of a type exceed the cap, every event of that day and
 * type is scaled by cap / raw, which blunts bursts (bots, mail scanners) without depending on event order.
 */
export function computeTemperature({ events, attributes, definitions: d, now }: TemperatureInput): Temperature {
  const index = ruleIndexOf(d);
  const offsetOf = offsetLookup(d.calendar.timeZone);
  const weekAgo = now - 7 * DAY_MS;
  const total = events.length;

  // Pass 1: classify every delivery. One event per (source, sourceId), which `id` spells
  // (`${source}:${sourceId}`, see model.ts); when a re-delivery differs, the earliest (then smallest id) wins,
  // so the choice does not depend on delivery order. Losers are flagged, not removed.
  const seen = new Map<string, number>();
  const dropped = new Uint8Array(total);
  const ruleOf = new Int32Array(total);
  const dayOf = new Int32Array(total);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < total; i++) {
    const e = events[i]!;
    const prev = seen.get(e.id);
    if (prev !== undefined) {
      const p = events[prev]!;
      if (e.occurredAt < p.occurredAt || (e.occurredAt === p.occurredAt && e.id < p.id)) {
        dropped[prev] = 1;
        seen.set(e.id, i);
      } else {
        dropped[i] = 1;
        continue;
      }
    } else {
      seen.set(e.id, i);
    }
    const t = e.occurredAt;
    ruleOf[i] = -1;
    if (t > now) continue;
    const entry = ruleFor(index[TYPE_INDEX[e.type]], e);
    if (!entry || entry.rule.points === 0) continue;
    ruleOf[i] = entry.index;
    const day = Math.floor((t + offsetOf(t)) / DAY_MS);
    dayOf[i] = day;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }

  // Pass 2: the kept events that score, with their (local day, type) bucket for the daily caps. Per bucket:
  // raw micro-points of all events up to now, and of those up to a week ago. Buckets are array slots when the
  // events span up to ~11 years (always, in practice), else numbered by a Map.
  const rules = d.score.engagement.rules;
  const span = minDay === Infinity ? 0 : maxDay - minDay + 1;
  const slotOf = span * TYPE_SLOTS <= MAX_DENSE_SLOTS ? null : new Map<number, number>();
  const totalAll = new Float64Array(slotOf ? total : span * TYPE_SLOTS);
  const totalBefore = new Float64Array(slotOf ? total : span * TYPE_SLOTS);
  const scored: EngagementEvent[] = [];
  const scoredRule = new Int32Array(total);
  const scoredSlot = new Int32Array(total);
  const scoredMicro = new Float64Array(total);
  const ignoredFutureEventIds: string[] = [];
  let lastActivityAt: number | null = null;
  for (let i = 0; i < total; i++) {
    if (dropped[i]) continue;
    const e = events[i]!;
    const t = e.occurredAt;
    if (t > now) {
      ignoredFutureEventIds.push(e.id);
      continue;
    }
    const type = TYPE_INDEX[e.type];
    if (type !== EMAIL_SEND && (lastActivityAt === null || t > lastActivityAt)) lastActivityAt = t;
    const r = ruleOf[i]!;
    if (r < 0) continue;
    let slot = (dayOf[i]! - minDay) * TYPE_SLOTS + type;
    if (slotOf) {
      let numbered = slotOf.get(slot);
      if (numbered === undefined) slotOf.set(slot, (numbered = slotOf.size));
      slot = numbered;
    }
    const micro = Math.round(rules[r]!.points * MICRO);
    totalAll[slot] = totalAll[slot]! + micro;
    if (t <= weekAgo) totalBefore[slot] = totalBefore[slot]! + micro;
    const k = scored.length;
    scored.push(e);
    scoredRule[k] = r;
    scoredSlot[k] = slot;
    scoredMicro[k] = micro;
  }
  ignoredFutureEventIds.sort();

  const caps = d.score.engagement.dailyCaps;
  const lambda = Math.LN2 / (d.score.engagement.halfLifeDays * DAY_MS);
  const weekFactor = Math.exp(lambda * 7 * DAY_MS);
  const spikeFrom = now - d.temperature.spike.windowHours * HOUR_MS;
  const ruleCount = d.score.engagement.rules.length;
  const perRulePoints = new Array<number>(ruleCount).fill(0);
  const perRuleEvents: EngagementEvent[][] = Array.from({ length: ruleCount }, () => []);
  let nowMicro = 0;
  let weekAgoMicro = 0;
  let spikeMicro = 0;
  for (let i = 0; i < scored.length; i++) {
    const e = scored[i]!;
    const t = e.occurredAt;
    const micro = scoredMicro[i]!;
    const slot = scoredSlot[i]!;
    const all = totalAll[slot]!;
    const cap = caps[e.type];
    const capMicro = cap === undefined ? Infinity : cap * MICRO;
    const factor = all > capMicro && all > 0 ? capMicro / all : 1;
    const decay = Math.exp(-lambda * (now - t));
    const points = Math.round(micro * factor * decay);
    nowMicro += points;
    const r = scoredRule[i]!;
    perRulePoints[r] = perRulePoints[r]! + points;
    perRuleEvents[r]!.push(e);
    if (t <= weekAgo) {
      const before = totalBefore[slot]!;
      const factorThen = before > capMicro && before > 0 ? capMicro / before : 1;
      weekAgoMicro += Math.round(micro * factorThen * decay * weekFactor);
    }
    if (t > spikeFrom) spikeMicro += Math.round(micro * factor);
  }

  const fit = computeFit(attributes, d);
  const engagementNow = nowMicro / MICRO;
  const contributions: Contribution[] = fit.matches.map((m) => ({ kind: m.kind, ruleId: m.ruleId, label: m.label, points: m.points }));
  d.score.engagement.rules.forEach((rule, r) => {
    const list = perRuleEvents[r]!;
    if (list.length === 0) return;
    contributions.push({
      kind: 'engagement',
      ruleId: rule.id,
      label: rule.label,
      points: round1(perRulePoints[r]! / MICRO),
      eventIds: recentIds(list, MAX_EVENT_IDS_PER_CONTRIBUTION),
    });
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
