import { assessHandoff } from './assess-lead';
import type { JudgementMemo } from './judgement-memo';
import type { Definitions } from './definitions/schema';
import { definitionsInForce } from './definitions/version-in-force';
import { STAGES, type LeadContext, type Stage } from './model';
import { personSegments } from './person-segments';
import type { SlaStatus } from './sla';
import { CONVERSIONS, forEachStageEntry, type ConversionName } from './stage-entries';

/**
 * The team's figures for a period, as sums of the per-lead judgement: every lead is judged once by the handoff half
 * of `assessLead` (`assessHandoff`: the same stage remapping, handoff, first touch and SLA by the definitions in force
 * at its handoff, in the team calendar's business minutes), and each figure counts the people whose judgement says
 * so. Nothing here decides what a handoff, a touch or a breach is. The properties in tests/domain/team-kpis.test.ts
 * check every count against `assessLead` itself.
 *
 * Rules that are the team layer's own (each in one place):
 * - People: contexts sharing a person key are one person (the most recently fetched context speaks for them).
 * - Funnel: `reached[stage]` counts people with an entry into the stage within the range (`forEachStageEntry`:
 *   assessLead's remapped history plus the opportunities). Conversions follow a cohort: of the people who entered
 *   the first stage within the range, the share who went on (`CONVERSIONS`) at or after that entry, by now.
 * - SLA: people whose handoff (assessLead's, the latest one) falls in the range; `firstTouchMinutes` are the
 *   business minutes from handoff to first touch of those touched (met or met late); p50 / p90 by nearest rank.
 * - Feedback: every feedback given within the range (cancelled clicks aside, each id once); `good`, `bad` and
 *   `byReason` count feedback, and drill down to the people who received it.
 * - Revenue: won opportunities closed within the range, each opportunity once per figure (a deal shared by two
 *   contacts is not won twice). Amounts are added as the vendor gives them: one currency per org is assumed.
 *   A campaign is credited with every deal of every person it touched (`personSegments`).
 * - Splits: by owner, lead source and campaign (`personSegments`); a person in two campaigns counts in both; the
 *   key null gathers people without one.
 *
 * Drill-down: `peopleFor(path)` names the person keys behind any figure, path as an array so keys may hold any
 * character: `['sla', 'met']`, `['funnel', 'reached', 'sql']`, `['funnel', 'conversion', 'mqlToSql']` (converted) and
 * `[…, 'mqlToSql', 'of']` (the cohort), `['sla', 'metRate', 'of']`, `['feedback', 'byReason', 'NO_BUDGET']`,
 * `['revenue', 'byCampaign', campaign, 'won']`, any of these after `['byOwner', owner]` (or bySource, byCampaign).
 * It is worked out when asked, from per-person facts the computation keeps, so the figures cost no key lists; it is
 * not enumerable, so the result crosses structuredClone / postMessage as plain data without it.
 */

export type TeamRange = { from: number; to: number };

export type CampaignRevenue = { campaign: string; leads: number; sql: number; won: number; wonAmount: number };

export type TeamFigures = {
  leads: number;
  funnel: {
    reached: Record<Stage, number>;
    conversion: Record<ConversionName, number | null>;
  };
  sla: {
    handedOff: number;
    met: number;
    metLate: number;
    breachedOpen: number;
    open: number;
    metRate: number | null;
    firstTouchMinutes: { p50: number | null; p90: number | null };
  };
  feedback: { good: number; bad: number; byReason: Record<string, number> };
  revenue: { wonAmount: number; byCampaign: CampaignRevenue[] };
};

export type TeamSplit = TeamFigures & { key: string | null };

/** Path to a figure, for drill-down. Split keys are values (null: none), so it is an array, not a dotted string. */
export type FigurePath = readonly (string | null)[];

export type TeamKpis = TeamFigures & {
  range: TeamRange;
  now: number;
  byOwner: TeamSplit[];
  bySource: TeamSplit[];
  byCampaign: TeamSplit[];
  /** Person keys behind a figure (see the module note). Not enumerable. */
  readonly peopleFor: (path: FigurePath) => string[];
};

/** Narrows the people before counting: each list keeps people whose value is in it (null: people without one). */
export type TeamFilter = {
  owners?: readonly (string | null)[];
  sources?: readonly (string | null)[];
  campaigns?: readonly (string | null)[];
};

/** SLA outcome codes of a lead: 0 when not handed off. */
const SLA_NONE = 0;
const MET = 1;
const MET_LATE = 2;
const BREACHED = 3;
const OPEN = 4;
const SLA_CODE: Record<SlaStatus, number> = { met: MET, met_late: MET_LATE, breached: BREACHED, on_track: OPEN, at_risk: OPEN };

const STAGE_INDEX = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;

/**
 * Every lead judged once for one (contexts, versions, now): what every range and filter is counted from. Flat
 * arrays, one slot per person (stage entries and campaigns as runs in shared arrays): 100,000 people make a few
 * dozen arrays instead of half a million small objects for the garbage collector to trace.
 */
export interface JudgedTeam {
  now: number;
  versions: Definitions[];
  size: number;
  /** One context per person (the most recently fetched): person keys, feedback, opportunities. */
  contexts: LeadContext[];
  /** Names of owners, sources and campaigns; per person an index into them, -1 for none. */
  owners: string[];
  sources: string[];
  campaigns: string[];
  owner: Int32Array;
  source: Int32Array;
  /** Person i's campaigns are campaignOf[campaignStart[i] … campaignStart[i + 1]). */
  campaignStart: Int32Array;
  campaignOf: Int32Array;
  /** Person i's stage entries (forEachStageEntry) are entry*[entryStart[i] … entryStart[i + 1]). */
  entryStart: Int32Array;
  entryStage: Uint8Array;
  entryAt: Float64Array;
  /** Handoff time (NaN: none), SLA code, and business minutes to first touch (NaN: untouched). */
  handoffAt: Float64Array;
  slaCode: Uint8Array;
  touchMinutes: Float64Array;
  /**
   * Per person, whether the context holds feedback (HAS_FEEDBACK) or opportunities (HAS_DEALS): most people have
   * neither, and counting then never reads their context object (a read far away in a heap of 100,000 contexts).
   */
  extras: Uint8Array;
}

const HAS_FEEDBACK = 1;
const HAS_DEALS = 2;

class Interner {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  of(name: string | null): number {
    if (name === null) return -1;
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

/**
 * Judges every lead once (the expensive part: assessHandoff per person). The worker keeps the result and counts
 * ranges and filters from it; computeTeamKpis does both in one go. `memo` (the definitions workshop): assessHandoff's
 * steps kept from earlier judgements of the same contexts.
 */
export function judgeTeam(input: readonly LeadContext[], versions: Definitions[], now: number, memo?: JudgementMemo): JudgedTeam {
  const contexts = latestPerPerson(input);
  const n = contexts.length;
  let entryBound = 0;
  for (const c of contexts) entryBound += c.stageChanges.length + 2 * c.opportunities.length;
  const owners = new Interner();
  const sources = new Interner();
  const campaigns = new Interner();
  const team: JudgedTeam = {
    now,
    versions,
    size: n,
    contexts,
    owners: owners.names,
    sources: sources.names,
    campaigns: campaigns.names,
    owner: new Int32Array(n),
    source: new Int32Array(n),
    campaignStart: new Int32Array(n + 1),
    campaignOf: new Int32Array(0),
    entryStart: new Int32Array(n + 1),
    entryStage: new Uint8Array(entryBound),
    entryAt: new Float64Array(entryBound),
    handoffAt: new Float64Array(n),
    slaCode: new Uint8Array(n),
    touchMinutes: new Float64Array(n),
    extras: new Uint8Array(n),
  };
  const campaignOf: number[] = [];
  let entries = 0;
  const visit = (stage: Stage, at: number) => {
    team.entryStage[entries] = STAGE_INDEX[stage];
    team.entryAt[entries] = at;
    entries++;
  };
  for (let i = 0; i < n; i++) {
    const context = contexts[i]!;
    const a = assessHandoff(context, versions, now, memo);
    const segments = personSegments(context);
    team.owner[i] = owners.of(segments.owner);
    team.source[i] = sources.of(segments.source);
    for (const c of segments.campaigns) campaignOf.push(campaigns.of(c));
    team.campaignStart[i + 1] = campaignOf.length;
    forEachStageEntry(a.stageChanges, context.opportunities, visit);
    team.entryStart[i + 1] = entries;
    const sla = a.sla;
    const code = sla ? SLA_CODE[sla.status] : SLA_NONE;
    team.handoffAt[i] = a.handoff ? a.handoff.at : NaN;
    team.slaCode[i] = code;
    team.touchMinutes[i] = sla && (code === MET || code === MET_LATE) ? sla.elapsedMinutes : NaN;
    team.extras[i] = (context.feedback.length ? HAS_FEEDBACK : 0) | (context.opportunities.length ? HAS_DEALS : 0);
  }
  team.campaignOf = Int32Array.from(campaignOf);
  return team;
}

/**
 * The same team judged at a later `now` (the team page's clock moves by the minute): `judgeTeam(team.contexts,
 * team.versions, now)`, re-running assessHandoff only for the people whose judgement can change with now. With the
 * same version in force at both instants (it remaps the stage history), a person's stage entries, handoff and
 * segments read no clock; a person touched by the earlier now keeps that first touch (a later now only adds later
 * activities) and so the same SLA (met or met late, minutes from handoff to touch). Everyone else handed off (open
 * or breached: a booked meeting may have happened since, a budget may have run out) is judged again. An earlier now
 * or another version in force: everyone is judged again. tests/domain/team-kpis.test.ts checks it against judgeTeam.
 */
export function rejudgeTeam(team: JudgedTeam, now: number, memo?: JudgementMemo): JudgedTeam {
  if (now === team.now) return team;
  const pool = team.versions.length > 0 ? team.versions : undefined;
  if (now < team.now || (pool && definitionsInForce(pool, now) !== definitionsInForce(pool, team.now))) return judgeTeam(team.contexts, team.versions, now, memo);
  const slaCode = team.slaCode.slice();
  const touchMinutes = team.touchMinutes.slice();
  for (let i = 0; i < team.size; i++) {
    const code = slaCode[i]!;
    if (code === SLA_NONE || code === MET || code === MET_LATE) continue;
    const sla = assessHandoff(team.contexts[i]!, team.versions, now, memo).sla;
    const next = sla ? SLA_CODE[sla.status] : SLA_NONE;
    slaCode[i] = next;
    touchMinutes[i] = sla && (next === MET || next === MET_LATE) ? sla.elapsedMinutes : NaN;
  }
  return { ...team, now, slaCode, touchMinutes };
}

/** The team figures for `range` over `contexts`, every lead judged as assessLead judges it at `now`. */
export function computeTeamKpis(contexts: readonly LeadContext[], versions: Definitions[], range: TeamRange, now: number, memo?: JudgementMemo): TeamKpis {
  return countTeam(judgeTeam(contexts, versions, now, memo), range);
}

/** One context per person key, the most recently fetched (the team layer's rule, shared by the workshop). */
export function latestPerPerson(contexts: readonly LeadContext[]): LeadContext[] {
  const byKey = new Map<string, number>();
  const out: LeadContext[] = [];
  for (const context of contexts) {
    const seen = byKey.get(context.person.key);
    if (seen === undefined) {
      byKey.set(context.person.key, out.length);
      out.push(context);
    } else if (context.fetchedAt > out[seen]!.fetchedAt) {
      out[seen] = context;
    }
  }
  return out;
}

const CONVERSION_NAMES = Object.keys(CONVERSIONS) as ConversionName[];
const CONVERSION_FROM = Int32Array.from(CONVERSION_NAMES, (name) => STAGE_INDEX[CONVERSIONS[name].from]);
const CONVERSION_ONWARDS = Int32Array.from(CONVERSION_NAMES, (name) => CONVERSIONS[name].onwards.reduce((mask, s) => mask | (1 << STAGE_INDEX[s]), 0));
const SQL_BIT = 1 << STAGE_INDEX.sql;

type WonDeal = { id: string; amount: number };

/**
 * What each person of a selection contributes to the figures of one range, by position in the selection (`members`
 * holds the team index of each position): arrays the size of the selection, not of the team, so counting one owner's
 * people of 100,000 neither allocates nor clears arrays for the other 87,000 (the allocation was most of the cost).
 */
interface RangeFacts {
  team: JudgedTeam;
  members: readonly number[];
  reached: Uint16Array;
  /** Per conversion j: bit 2j = in the cohort, bit 2j + 1 = went on. */
  conversion: Uint8Array;
  /** SLA code when handed off within the range, else SLA_NONE. */
  sla: Uint8Array;
  good: Uint32Array;
  bad: Uint32Array;
  reasons: Map<number, string[]>;
  won: Map<number, WonDeal[]>;
}

/** Positions in the selection (into its RangeFacts) of each split key's people. */
type Groups = Record<Split, Map<string | null, number[]>>;

/**
 * Counts a judged team for one range (and filter): no judging here, so a new range or filter is quick.
 * `splits: false` leaves byOwner / bySource / byCampaign empty (the team page's weekly axis needs only the totals;
 * the splits are most of the counting).
 */
export function countTeam(team: JudgedTeam, range: TeamRange, filter: TeamFilter = {}, { splits = true }: { splits?: boolean } = {}): TeamKpis {
  const selected = select(team, filter);
  const facts = rangeFacts(team, selected, range);
  const groups: Groups = !splits ? { byOwner: new Map(), bySource: new Map(), byCampaign: new Map() } : {
    byOwner: groupBy(selected, team.owners, (i, add) => add(team.owner[i]!)),
    bySource: groupBy(selected, team.sources, (i, add) => add(team.source[i]!)),
    byCampaign: groupBy(selected, team.campaigns, (i, add) => {
      const from = team.campaignStart[i]!;
      const to = team.campaignStart[i + 1]!;
      if (from === to) add(-1);
      for (let k = from; k < to; k++) add(team.campaignOf[k]!);
    }),
  };
  const split = (by: Map<string | null, number[]>): TeamSplit[] =>
    [...by]
      .map(([key, members]) => ({ key, ...figuresOf(facts, members) }))
      .sort((a, b) => b.leads - a.leads || compareKeys(a.key, b.key));
  const result = {
    ...figuresOf(facts, null),
    range: { from: range.from, to: range.to },
    now: team.now,
    byOwner: split(groups.byOwner),
    bySource: split(groups.bySource),
    byCampaign: split(groups.byCampaign),
  } as TeamKpis;
  Object.defineProperty(result, 'peopleFor', {
    enumerable: false,
    value: (path: FigurePath) => peopleFor(facts, groups, path),
  });
  return result;
}

function select(team: JudgedTeam, filter: TeamFilter): number[] {
  const wanted = (names: string[], list: readonly (string | null)[] | undefined) => {
    if (!list) return null;
    const keep = new Set(list);
    // Index -1 is "none": slot 0 of the flags.
    const flags = new Uint8Array(names.length + 1);
    flags[0] = keep.has(null) ? 1 : 0;
    names.forEach((name, i) => (flags[i + 1] = keep.has(name) ? 1 : 0));
    return flags;
  };
  const owners = wanted(team.owners, filter.owners);
  const sources = wanted(team.sources, filter.sources);
  const campaigns = wanted(team.campaigns, filter.campaigns);
  const out: number[] = [];
  for (let i = 0; i < team.size; i++) {
    if (owners && !owners[team.owner[i]! + 1]) continue;
    if (sources && !sources[team.source[i]! + 1]) continue;
    if (campaigns) {
      const from = team.campaignStart[i]!;
      const to = team.campaignStart[i + 1]!;
      let hit = from === to ? campaigns[0] === 1 : false;
      for (let k = from; k < to && !hit; k++) hit = campaigns[team.campaignOf[k]! + 1] === 1;
      if (!hit) continue;
    }
    out.push(i);
  }
  return out;
}

/** Fact arrays for `members`, room for `n` people (more than the members: reusable arrays). */
function emptyFacts(team: JudgedTeam, members: readonly number[], n = members.length): RangeFacts {
  return {
    team,
    members,
    reached: new Uint16Array(n),
    conversion: new Uint8Array(n),
    sla: new Uint8Array(n),
    good: new Uint32Array(n),
    bad: new Uint32Array(n),
    reasons: new Map(),
    won: new Map(),
  };
}

/**
 * Each selected person's facts for one range, by position in `selected`. `into`: arrays to reuse, at least as long as
 * the selection (a count whose facts are not kept, such as the team page's thirteen weeks): only its first slots are
 * reset and read, so a week of a few hundred people allocates nothing for the collector to clear.
 */
function rangeFacts(team: JudgedTeam, selected: readonly number[], { from, to }: TeamRange, into?: RangeFacts): RangeFacts {
  const facts: RangeFacts = into ? { ...into, members: selected, reasons: new Map(), won: new Map() } : emptyFacts(team, selected);
  if (into) {
    facts.sla.fill(SLA_NONE, 0, selected.length);
    facts.good.fill(0, 0, selected.length);
    facts.bad.fill(0, 0, selected.length);
  }
  const { entryStart, entryStage, entryAt, handoffAt, slaCode, contexts, extras } = team;
  const firstIn = new Float64Array(3);
  for (let p = 0; p < selected.length; p++) {
    const i = selected[p]!;
    const start = entryStart[i]!;
    const end = entryStart[i + 1]!;
    let reached = 0;
    firstIn.fill(Infinity);
    for (let k = start; k < end; k++) {
      const at = entryAt[k]!;
      if (at < from || at >= to) continue;
      const stage = entryStage[k]!;
      reached |= 1 << stage;
      for (let j = 0; j < 3; j++) if (stage === CONVERSION_FROM[j] && at < firstIn[j]!) firstIn[j] = at;
    }
    facts.reached[p] = reached;
    let conversion = 0;
    for (let j = 0; j < 3; j++) {
      const cohortAt = firstIn[j]!;
      if (cohortAt === Infinity) continue;
      conversion |= 1 << (2 * j);
      const onwards = CONVERSION_ONWARDS[j]!;
      for (let k = start; k < end; k++) {
        if (entryAt[k]! >= cohortAt && ((1 << entryStage[k]!) & onwards) !== 0) {
          conversion |= 1 << (2 * j + 1);
          break;
        }
      }
    }
    facts.conversion[p] = conversion;
    const handoff = handoffAt[i]!;
    if (handoff >= from && handoff < to) facts.sla[p] = slaCode[i]!;

    if (extras[i] === 0) continue;
    const context = contexts[i]!;
    const feedback = context.feedback;
    if (feedback.length) {
      let seen: Set<string> | null = null;
      for (const f of feedback) {
        if (f.state === 'cancelled' || f.at < from || f.at >= to) continue;
        if (feedback.length > 1) {
          seen ??= new Set();
          if (seen.has(f.id)) continue;
          seen.add(f.id);
        }
        if (f.verdict === 'good') facts.good[p]!++;
        else facts.bad[p]!++;
        if (f.reasonCodes.length) {
          const list = facts.reasons.get(p);
          if (list) list.push(...f.reasonCodes);
          else facts.reasons.set(p, [...f.reasonCodes]);
        }
      }
    }
    for (const o of context.opportunities) {
      if (!o.isWon || o.closeDate === undefined || o.closeDate < from || o.closeDate >= to) continue;
      const deal = { id: o.id, amount: o.amount ?? 0 };
      const list = facts.won.get(p);
      if (list) list.push(deal);
      else facts.won.set(p, [deal]);
    }
  }
  return facts;
}

/** Members of each split key, as positions in `selected`; `each` hands every key index of a person (-1: none) to `add`. */
function groupBy(
  selected: readonly number[],
  names: readonly string[],
  each: (i: number, add: (key: number) => void) => void,
): Map<string | null, number[]> {
  const lists: number[][] = Array.from({ length: names.length + 1 }, () => []);
  let current = 0;
  const add = (key: number) => lists[key + 1]!.push(current);
  for (let p = 0; p < selected.length; p++) {
    current = p;
    each(selected[p]!, add);
  }
  const groups = new Map<string | null, number[]>();
  lists.forEach((members, k) => {
    if (members.length) groups.set(k === 0 ? null : names[k - 1]!, members);
  });
  return groups;
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Nearest-rank percentile of sorted values: the smallest value with at least p of them at or below it. */
function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** The figures of some of the facts' people: `positions` in the selection, or null for all of it. */
function figuresOf(facts: RangeFacts, positions: readonly number[] | null): TeamFigures {
  const { team, members } = facts;
  const { campaignStart, campaignOf, touchMinutes } = team;
  const reached = new Float64Array(STAGES.length);
  const cohort = [0, 0, 0];
  const converted = [0, 0, 0];
  const sla = [0, 0, 0, 0, 0];
  const touches: number[] = [];
  let good = 0;
  let bad = 0;
  const byReason: Record<string, number> = {};
  const wonIds = new Set<string>();
  let wonAmount = 0;
  const campaignCount = team.campaigns.length;
  const cLeads = new Int32Array(campaignCount);
  const cSql = new Int32Array(campaignCount);
  const cWon = new Int32Array(campaignCount);
  const cAmount = new Float64Array(campaignCount);
  /** Deals already credited to a campaign in this figure: `${campaign}|${deal id}`. */
  const cDeals = new Set<string>();

  const count = positions ? positions.length : members.length;
  for (let q = 0; q < count; q++) {
    const p = positions ? positions[q]! : q;
    const i = members[p]!;
    const mask = facts.reached[p]!;
    if (mask) for (let s = 0; s < STAGES.length; s++) if (mask & (1 << s)) reached[s]!++;
    const conv = facts.conversion[p]!;
    if (conv) {
      for (let j = 0; j < 3; j++) {
        if (conv & (1 << (2 * j))) cohort[j]!++;
        if (conv & (1 << (2 * j + 1))) converted[j]!++;
      }
    }
    const code = facts.sla[p]!;
    if (code !== SLA_NONE) {
      sla[code]!++;
      const minutes = touchMinutes[i]!;
      if (!Number.isNaN(minutes)) touches.push(minutes);
    }
    good += facts.good[p]!;
    bad += facts.bad[p]!;
    const reasons = facts.reasons.get(p);
    if (reasons) for (const r of reasons) byReason[r] = (byReason[r] ?? 0) + 1;
    const won = facts.won.get(p);
    if (won) {
      for (const deal of won) {
        if (wonIds.has(deal.id)) continue;
        wonIds.add(deal.id);
        wonAmount += deal.amount;
      }
    }
    for (let k = campaignStart[i]!; k < campaignStart[i + 1]!; k++) {
      const c = campaignOf[k]!;
      cLeads[c]!++;
      if (mask & SQL_BIT) cSql[c]!++;
      if (won) {
        cWon[c]!++;
        for (const deal of won) {
          const key = `${c}|${deal.id}`;
          if (cDeals.has(key)) continue;
          cDeals.add(key);
          cAmount[c] = cAmount[c]! + deal.amount;
        }
      }
    }
  }

  const byCampaign: CampaignRevenue[] = [];
  for (let c = 0; c < campaignCount; c++) {
    if (cLeads[c]) byCampaign.push({ campaign: team.campaigns[c]!, leads: cLeads[c]!, sql: cSql[c]!, won: cWon[c]!, wonAmount: cAmount[c]! });
  }
  byCampaign.sort((a, b) => b.wonAmount - a.wonAmount || b.leads - a.leads || compareKeys(a.campaign, b.campaign));
  const sorted = Float64Array.from(touches).sort();
  const judged = sla[MET]! + sla[MET_LATE]! + sla[BREACHED]!;
  const reachedByStage = {} as Record<Stage, number>;
  STAGES.forEach((s, k) => (reachedByStage[s] = reached[k]!));
  const conversion = {} as Record<ConversionName, number | null>;
  CONVERSION_NAMES.forEach((name, j) => (conversion[name] = ratio(converted[j]!, cohort[j]!)));
  return {
    leads: count,
    funnel: { reached: reachedByStage, conversion },
    sla: {
      handedOff: judged + sla[OPEN]!,
      met: sla[MET]!,
      metLate: sla[MET_LATE]!,
      breachedOpen: sla[BREACHED]!,
      open: sla[OPEN]!,
      metRate: ratio(sla[MET]!, judged),
      firstTouchMinutes: { p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) },
    },
    feedback: { good, bad, byReason },
    revenue: { wonAmount, byCampaign },
  };
}

const SPLITS = ['byOwner', 'bySource', 'byCampaign'] as const;
type Split = (typeof SPLITS)[number];

function peopleFor(facts: RangeFacts, groups: Groups, path: FigurePath): string[] {
  let positions: readonly number[] | null = null;
  let rest = path;
  if (SPLITS.includes(path[0] as Split)) {
    if (path.length < 2) throw new Error(`Team figure ${JSON.stringify(path)}: name the ${path[0]} key, e.g. [${JSON.stringify(path[0])}, "…", "sla", "met"]`);
    positions = groups[path[0] as Split].get(path[1] ?? null) ?? [];
    rest = path.slice(2);
  }
  const test = predicateFor(facts, rest);
  if (!test) throw new Error(`Team figure ${JSON.stringify(path)} is not one of the team figures (see lib/domain/team-kpis.ts)`);
  const { members, team } = facts;
  const keys: string[] = [];
  const count = positions ? positions.length : members.length;
  for (let q = 0; q < count; q++) {
    const p = positions ? positions[q]! : q;
    if (test(p)) keys.push(team.contexts[members[p]!]!.person.key);
  }
  return keys;
}

/** Whether the person at position p of the facts' selection is behind the figure at `path`. */
function predicateFor(f: RangeFacts, path: FigurePath): ((p: number) => boolean) | null {
  const [a, b, c, d] = path;
  const { team, members } = f;
  const slaIs = (...codes: number[]) => (p: number) => codes.includes(f.sla[p]!);
  switch (a) {
    case 'leads':
      return path.length === 1 ? () => true : null;
    case 'funnel':
      if (b === 'reached' && path.length === 3 && (STAGES as readonly unknown[]).includes(c)) {
        const bit = 1 << STAGE_INDEX[c as Stage];
        return (p) => (f.reached[p]! & bit) !== 0;
      }
      if (b === 'conversion' && CONVERSION_NAMES.includes(c as ConversionName) && (path.length === 3 || (path.length === 4 && d === 'of'))) {
        const bit = 1 << (2 * CONVERSION_NAMES.indexOf(c as ConversionName) + (d === 'of' ? 0 : 1));
        return (p) => (f.conversion[p]! & bit) !== 0;
      }
      return null;
    case 'sla':
      if (path.length === 2) {
        if (b === 'handedOff') return slaIs(MET, MET_LATE, BREACHED, OPEN);
        if (b === 'met' || b === 'metRate') return slaIs(MET);
        if (b === 'metLate') return slaIs(MET_LATE);
        if (b === 'breachedOpen') return slaIs(BREACHED);
        if (b === 'open') return slaIs(OPEN);
      }
      if (b === 'metRate' && c === 'of' && path.length === 3) return slaIs(MET, MET_LATE, BREACHED);
      if (b === 'firstTouchMinutes' && (c === 'p50' || c === 'p90') && path.length === 3) {
        return (p) => f.sla[p] !== SLA_NONE && !Number.isNaN(team.touchMinutes[members[p]!]!);
      }
      return null;
    case 'feedback':
      if (b === 'good' && path.length === 2) return (p) => f.good[p]! > 0;
      if (b === 'bad' && path.length === 2) return (p) => f.bad[p]! > 0;
      if (b === 'byReason' && typeof c === 'string' && path.length === 3) return (p) => f.reasons.get(p)?.includes(c) ?? false;
      return null;
    case 'revenue':
      if (b === 'wonAmount' && path.length === 2) return (p) => f.won.has(p);
      if (b === 'byCampaign' && typeof c === 'string' && path.length === 4) {
        const index = team.campaigns.indexOf(c);
        const inCampaign = (p: number) => {
          const i = members[p]!;
          for (let k = team.campaignStart[i]!; k < team.campaignStart[i + 1]!; k++) if (team.campaignOf[k] === index) return true;
          return false;
        };
        if (d === 'leads') return inCampaign;
        if (d === 'sql') return (p) => inCampaign(p) && (f.reached[p]! & SQL_BIT) !== 0;
        if (d === 'won' || d === 'wonAmount') return (p) => inCampaign(p) && f.won.has(p);
      }
      return null;
    default:
      return null;
  }
}

/** The people a filter keeps (indexes into the judged team), so several ranges can be counted over one selection. */
export function selectTeam(team: JudgedTeam, filter: TeamFilter = {}): number[] {
  return select(team, filter);
}

/**
 * `countTeam`'s totals for one range over the given people (indexes from `selectTeam`): the same counting, without
 * splits or drill-down. `leads` is the number of people given.
 */
export function countTeamFigures(team: JudgedTeam, range: TeamRange, members: readonly number[]): TeamFigures {
  let scratch = scratchFacts.get(team);
  if (!scratch || scratch.reached.length < members.length) scratchFacts.set(team, (scratch = emptyFacts(team, [], Math.max(members.length, 2 * (scratch?.reached.length ?? 0)))));
  return figuresOf(rangeFacts(team, members, range, scratch), null);
}
/** One set of reusable fact arrays per judged team, for countTeamFigures (its facts are read once, then dropped). */
const scratchFacts = new WeakMap<JudgedTeam, RangeFacts>();
