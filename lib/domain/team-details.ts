import type { Stage, SystemId } from './model';
import { countTeamFigures, selectTeam, type FigurePath, type JudgedTeam, type TeamFilter, type TeamKpis, type TeamRange } from './team-kpis';

/**
 * What the team page shows beyond `TeamKpis`, read from the same judgement (`JudgedTeam`, one `assessHandoff` per
 * person) and the same counting (`countTeam`), never judged again:
 * - weeks: `countTeam`'s totals per week of the period (SLA met rate, handoffs, feedback, MQL/SQL entries), each week
 *   counted over only the people with a dated fact in it (`weekMembers`: one pass over the selection), since a
 *   person with none counts nothing there;
 * - first touch: the business minutes to first touch that `countTeam`'s p50 / p90 come from, in buckets;
 * - open pipeline by campaign: open opportunities (not closed) of the period's people, each deal once per campaign,
 *   amounts as the vendor gives them (as `computeTeamKpis`' revenue: one currency per org assumed);
 * - recent comments: feedback given in the period with a comment, newest first.
 * Drill-down for these: `detailPeople(team, kpis, ['firstTouch', i])` and `['pipeline', campaign]`.
 */

/** Upper bounds (business minutes, excluded) of the first-touch buckets; the last bucket is "this or more". */
export const FIRST_TOUCH_BOUNDS = [30, 60, 120, 240, 480] as const;

export type WeekFigures = {
  from: number;
  to: number;
  handedOff: number;
  met: number;
  metRate: number | null;
  good: number;
  bad: number;
  mql: number;
  sql: number;
};

export type TeamComment = { personKey: string; name: string; verdict: 'good' | 'bad'; reasonCodes: string[]; comment: string; by: string; at: number };

export type TeamDetail = {
  /** Every owner, source and campaign in the snapshot (for the filters), and whether some people have none. */
  options: { owners: string[]; sources: string[]; campaigns: string[] };
  weeks: WeekFigures[];
  /** Count per bucket of FIRST_TOUCH_BOUNDS (plus the last, open-ended one). */
  firstTouch: number[];
  pipelineByCampaign: { campaign: string; openAmount: number; openDeals: number }[];
  recentComments: TeamComment[];
};

/** One person in a drill-down list: who, whose, where they stand, and the record in each system. */
export type TeamPerson = {
  key: string;
  name: string;
  company?: string;
  owner?: string;
  stage: Stage | null;
  links: { system: SystemId; instance: string; url?: string }[];
};

const MAX_COMMENTS = 20;

const indexes = new WeakMap<JudgedTeam, Map<string, number>>();
function indexOfKey(team: JudgedTeam): Map<string, number> {
  let map = indexes.get(team);
  if (!map) {
    map = new Map(team.contexts.map((c, i) => [c.person.key, i]));
    indexes.set(team, map);
  }
  return map;
}

function selectedIndexes(team: JudgedTeam, kpis: TeamKpis): number[] {
  const byKey = indexOfKey(team);
  return kpis.peopleFor(['leads']).map((key) => byKey.get(key)!);
}

function bucketOf(minutes: number): number {
  let b = 0;
  while (b < FIRST_TOUCH_BOUNDS.length && minutes >= FIRST_TOUCH_BOUNDS[b]!) b++;
  return b;
}

function inCampaign(team: JudgedTeam, i: number, campaign: number): boolean {
  for (let k = team.campaignStart[i]!; k < team.campaignStart[i + 1]!; k++) if (team.campaignOf[k] === campaign) return true;
  return false;
}

/**
 * Per week, the people of `selected` with a dated fact inside it: a stage entry, the handoff, a feedback, a won deal's
 * close (every time `countTeam` compares with a range). One pass over the selection; weeks ascending and contiguous.
 */
export function weekMembers(team: JudgedTeam, selected: readonly number[], weeks: readonly TeamRange[]): number[][] {
  const members: number[][] = weeks.map(() => []);
  if (weeks.length === 0) return members;
  const starts = Float64Array.from(weeks, (w) => w.from);
  const start = weeks[0]!.from;
  const end = weeks[weeks.length - 1]!.to;
  const weekOf = (at: number) => {
    if (!(at >= start && at < end)) return -1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return at < weeks[lo]!.to ? lo : -1;
  };
  for (const i of selected) {
    const add = (at: number) => {
      const w = weekOf(at);
      if (w < 0) return;
      const list = members[w]!;
      if (list[list.length - 1] !== i) list.push(i);
    };
    for (let k = team.entryStart[i]!; k < team.entryStart[i + 1]!; k++) add(team.entryAt[k]!);
    add(team.handoffAt[i]!);
    if (team.extras[i] === 0) continue;
    const context = team.contexts[i]!;
    for (const f of context.feedback) add(f.at);
    for (const o of context.opportunities) if (o.closeDate !== undefined) add(o.closeDate);
  }
  // Each person's facts are added together, so a week's last member is the only one that can repeat.
  return members;
}

/** `kpis` is `countTeam(team, range, filter)`; `weeks` the period's time axis (team-period's `weekBuckets`). */
export function teamDetail(team: JudgedTeam, kpis: TeamKpis, weeks: readonly TeamRange[], filter: TeamFilter = {}): TeamDetail {
  // The people `kpis` counts (countTeam selects with the same filter), by index: no person keys to look up again.
  const selected = selectTeam(team, filter);
  const perWeek = weekMembers(team, selected, weeks);
  const weekFigures = weeks.map((week, w): WeekFigures => {
    const k = countTeamFigures(team, week, perWeek[w]!);
    return {
      from: week.from,
      to: week.to,
      handedOff: k.sla.handedOff,
      met: k.sla.met,
      metRate: k.sla.metRate,
      good: k.feedback.good,
      bad: k.feedback.bad,
      mql: k.funnel.reached.mql,
      sql: k.funnel.reached.sql,
    };
  });

  const byKey = indexOfKey(team);
  const firstTouch = new Array<number>(FIRST_TOUCH_BOUNDS.length + 1).fill(0);
  for (const key of kpis.peopleFor(['sla', 'firstTouchMinutes', 'p50'])) firstTouch[bucketOf(team.touchMinutes[byKey.get(key)!]!)]!++;

  const pipeline = new Map<number, { openAmount: number; deals: Set<string> }>();
  const comments: TeamComment[] = [];
  const { from, to } = kpis.range;
  for (const i of selected) {
    if (team.extras[i] === 0) continue;
    const context = team.contexts[i]!;
    const open = context.opportunities.length ? context.opportunities.filter((o) => !o.isClosed) : context.opportunities;
    if (open.length) {
      for (let k = team.campaignStart[i]!; k < team.campaignStart[i + 1]!; k++) {
        const c = team.campaignOf[k]!;
        let entry = pipeline.get(c);
        if (!entry) pipeline.set(c, (entry = { openAmount: 0, deals: new Set() }));
        for (const o of open) {
          if (entry.deals.has(o.id)) continue;
          entry.deals.add(o.id);
          entry.openAmount += o.amount ?? 0;
        }
      }
    }
    // Most people have no feedback: no set is made for them (a filter change counts tens of thousands).
    if (context.feedback.length === 0) continue;
    const seen = new Set<string>();
    for (const f of context.feedback) {
      if (f.state === 'cancelled' || f.at < from || f.at >= to || !f.comment?.trim() || seen.has(f.id)) continue;
      seen.add(f.id);
      comments.push({ personKey: context.person.key, name: context.person.name, verdict: f.verdict, reasonCodes: f.reasonCodes, comment: f.comment, by: f.by, at: f.at });
    }
  }
  comments.sort((a, b) => b.at - a.at);

  return {
    options: { owners: [...team.owners].sort(), sources: [...team.sources].sort(), campaigns: [...team.campaigns].sort() },
    weeks: weekFigures,
    firstTouch,
    pipelineByCampaign: [...pipeline]
      .map(([c, e]) => ({ campaign: team.campaigns[c]!, openAmount: e.openAmount, openDeals: e.deals.size }))
      .sort((a, b) => b.openAmount - a.openAmount || (a.campaign < b.campaign ? -1 : 1)),
    recentComments: comments.slice(0, MAX_COMMENTS),
  };
}

/** Person keys behind a figure of `teamDetail` (or, for any other path, of `kpis`). */
export function detailPeople(team: JudgedTeam, kpis: TeamKpis, path: FigurePath): string[] {
  if (path[0] === 'firstTouch' && path.length === 2) {
    const bucket = Number(path[1]);
    const byKey = indexOfKey(team);
    return kpis.peopleFor(['sla', 'firstTouchMinutes', 'p50']).filter((key) => bucketOf(team.touchMinutes[byKey.get(key)!]!) === bucket);
  }
  if (path[0] === 'pipeline' && path.length === 2 && typeof path[1] === 'string') {
    const c = team.campaigns.indexOf(path[1]);
    return selectedIndexes(team, kpis)
      .filter((i) => c >= 0 && inCampaign(team, i, c) && team.contexts[i]!.opportunities.some((o) => !o.isClosed))
      .map((i) => team.contexts[i]!.person.key);
  }
  return kpis.peopleFor(path);
}

/** The drill-down rows for person keys, in the order given. */
export function teamPeople(team: JudgedTeam, keys: readonly string[]): TeamPerson[] {
  const byKey = indexOfKey(team);
  return keys.map((key) => {
    const { person } = team.contexts[byKey.get(key)!]!;
    return {
      key,
      name: person.name,
      ...(person.company ? { company: person.company } : {}),
      ...(person.owner ? { owner: person.owner } : {}),
      stage: person.stage,
      links: person.links.map((l) => ({ system: l.ref.system, instance: l.ref.instance, ...(l.url ? { url: l.url } : {}) })),
    };
  });
}
