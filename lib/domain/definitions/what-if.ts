import { assessLead } from '../assess-lead';
import { JudgementMemo } from '../judgement-memo';
import { STAGES, type LeadContext } from '../model';
import { countTeam, judgeTeam, latestPerPerson, type TeamKpis, type TeamRange } from '../team-kpis';
import { BANDS, type Band, type Definitions } from './schema';
import { definitionsInForce } from './version-in-force';

/**
 * "What would this draft have done to our history?": the draft against the version in force, over a period of the
 * team snapshot. Both sides are computed the same way, each as if its version had been in force throughout (so the
 * difference is the edit, not the older versions a real history mixes in):
 *
 * 1. the period's people: `computeTeamKpis` with the side's version, people with a funnel entry in the period
 *    (that version's stage mappings read the vendor values);
 * 2. of those, the ones `assessLead` judges MQL under that version (score, fit grade, required fields, exclusions);
 * 3. the figures of those MQLs: `computeTeamKpis` on them with that version: MQL → SQL is the share of them who
 *    entered SQL, an opportunity or a won deal in the period; good-feedback rate is good / all feedback they were
 *    given in the period; SLA met rate is the engine's, under that version's SLA table, calendar and bands.
 *
 * Nothing is counted here that the engine or the per-lead judgement does not decide; `kpis` is kept so a test (or
 * the page) can check every figure against `computeTeamKpis` run on the draft.
 */

export type WhatIfSide = {
  definitions: { id: string; version: number };
  /** People with a funnel entry in the period. */
  people: number;
  mql: number;
  mqlToSql: number | null;
  goodFeedbackRate: number | null;
  slaMetRate: number | null;
  handedOff: number;
};

export type BandChange = { personKey: string; name: string; from: Band; to: Band };

export type WhatIfResult = {
  range: TeamRange;
  now: number;
  inForce: WhatIfSide;
  draft: WhatIfSide;
  /** People of the period whose temperature band differs under the draft (first MAX_BAND_CHANGES, by name). */
  bandChanges: BandChange[];
  bandChangesTotal: number;
};

export const MAX_BAND_CHANGES = 200;

/** The version judged as if in force since always: definitionsInForce picks it for every handoff. */
export function pinned(d: Definitions): Definitions {
  return { ...d, effectiveFrom: '1970-01-01T00:00:00Z' };
}

const SQL_OR_LATER = ['sql', 'opportunity', 'won'] as const;

/** `bands[i]`: person i's band as an index into BANDS plus one; 0 when i is not in the period. */
type Judged = { side: WhatIfSide; mqlKpis: TeamKpis; bands: Uint8Array };

/**
 * Sides already judged for one set of contexts, by (definitions, range, now): while a draft is edited the version in
 * force does not change, so each edit judges the draft's side only; and the draft's side re-runs only the steps of
 * assessLead whose definitions parts the edit touched (`judgement`, lib/domain/judgement-memo.ts: a threshold edit
 * re-qualifies, an SLA edit re-times, a weight edit re-scores; the stage history and handoffs are kept). The
 * temperature is kept without its engagement "why" (the what-if shows bands and MQLs, not event lists). The caller
 * keeps one per snapshot it holds.
 */
export type WhatIfMemo = {
  sides: Map<string, Judged>;
  /** Indices into `people` of the period's people, per (range, now, stage mappings). */
  cohorts: Map<string, Int32Array>;
  judgement: JudgementMemo;
  /** One context per person (latestPerPerson) of the contexts last judged, and each person key's index. */
  people: { for: readonly LeadContext[]; list: LeadContext[]; index: Map<string, number> } | null;
};
export function createWhatIfMemo(): WhatIfMemo {
  return { sides: new Map(), cohorts: new Map(), judgement: new JudgementMemo({ why: false }), people: null };
}

function peopleOf(memo: WhatIfMemo, contexts: readonly LeadContext[]): NonNullable<WhatIfMemo['people']> {
  if (memo.people?.for !== contexts) {
    const list = latestPerPerson(contexts);
    memo.people = { for: contexts, list, index: new Map(list.map((c, i) => [c.person.key, i])) };
  }
  return memo.people;
}
/** A band as a small number (see Judged). */
const BAND_CODE = Object.fromEntries(BANDS.map((b, i) => [b, i + 1])) as Record<Band, number>;
const MEMO_SIZE = 4;

function memoSide(memo: WhatIfMemo, people: NonNullable<WhatIfMemo['people']>, d: Definitions, range: TeamRange, now: number): Judged {
  const key = `${range.from}|${range.to}|${now}|${JSON.stringify(d)}`;
  let judged = memo.sides.get(key);
  if (!judged) {
    judged = judgeSide(people, d, range, now, memo);
    memo.sides.set(key, judged);
    for (const old of memo.sides.keys()) if (memo.sides.size > MEMO_SIZE) memo.sides.delete(old);
  } else {
    // Most recently used last, so the version in force is not the one dropped.
    memo.sides.delete(key);
    memo.sides.set(key, judged);
  }
  return judged;
}

/**
 * People with a funnel entry in the period, as `d`'s stage mappings read their history (the engine's funnel:
 * computeTeamKpis' totals, without the owner / source / campaign splits the what-if does not show).
 */
function cohortOf(people: NonNullable<WhatIfMemo['people']>, versions: Definitions[], range: TeamRange, now: number, memo: JudgementMemo): Int32Array {
  const all = countTeam(judgeTeam(people.list, versions, now, memo), range, {}, { splits: false });
  const active = new Set<number>();
  for (const stage of STAGES) for (const key of all.peopleFor(['funnel', 'reached', stage])) active.add(people.index.get(key)!);
  return Int32Array.from(active).sort();
}

function judgeSide(people: NonNullable<WhatIfMemo['people']>, d: Definitions, range: TeamRange, now: number, memo: WhatIfMemo): Judged {
  const versions = [pinned(d)];
  // The funnel depends only on the stage mappings (and the range): a draft that keeps them keeps the cohort.
  const cohortKey = `${range.from}|${range.to}|${now}|${JSON.stringify(d.stageMappings)}`;
  let active = memo.cohorts.get(cohortKey);
  if (!active) {
    active = cohortOf(people, versions, range, now, memo.judgement);
    memo.cohorts.set(cohortKey, active);
    for (const old of memo.cohorts.keys()) if (memo.cohorts.size > MEMO_SIZE) memo.cohorts.delete(old);
  }
  const mqls: LeadContext[] = [];
  const bands = new Uint8Array(people.list.length);
  for (const i of active) {
    const context = people.list[i]!;
    const a = assessLead(context, versions, now, memo.judgement);
    bands[i] = BAND_CODE[a.temperature.band];
    if (a.qualification.mql.passed) mqls.push(context);
  }
  // computeTeamKpis on the MQLs (judgeTeam + countTeam), its totals: the splits by owner, source and campaign are
  // most of the counting and the what-if shows none of them.
  const k = countTeam(judgeTeam(mqls, versions, now, memo.judgement), range, {}, { splits: false });
  const converted = new Set<string>();
  for (const stage of SQL_OR_LATER) for (const key of k.peopleFor(['funnel', 'reached', stage])) converted.add(key);
  const feedback = k.feedback.good + k.feedback.bad;
  return {
    side: {
      definitions: { id: d.id, version: d.version },
      people: active.length,
      mql: k.leads,
      mqlToSql: k.leads === 0 ? null : converted.size / k.leads,
      goodFeedbackRate: feedback === 0 ? null : k.feedback.good / feedback,
      slaMetRate: k.sla.metRate,
      handedOff: k.sla.handedOff,
    },
    mqlKpis: k,
    bands,
  };
}

/** The draft against `inForce`. Without `memo`, one for this call (the two sides still share the steps they can). */
export function whatIf(
  contexts: readonly LeadContext[],
  inForce: Definitions,
  draft: Definitions,
  range: TeamRange,
  now: number,
  memo: WhatIfMemo = createWhatIfMemo(),
): WhatIfResult & { kpis: { inForce: TeamKpis; draft: TeamKpis } } {
  const people = peopleOf(memo, contexts);
  const before = memoSide(memo, people, inForce, range, now);
  const after = memoSide(memo, people, draft, range, now);
  const changes: BandChange[] = [];
  for (let i = 0; i < people.list.length; i++) {
    const from = before.bands[i]!;
    const to = after.bands[i]!;
    if (from === 0 || to === 0 || from === to) continue;
    const person = people.list[i]!.person;
    changes.push({ personKey: person.key, name: person.name, from: BANDS[from - 1]!, to: BANDS[to - 1]! });
  }
  changes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.personKey < b.personKey ? -1 : 1));
  return {
    range: { from: range.from, to: range.to },
    now,
    inForce: before.side,
    draft: after.side,
    bandChanges: changes.slice(0, MAX_BAND_CHANGES),
    bandChangesTotal: changes.length,
    kpis: { inForce: before.mqlKpis, draft: after.mqlKpis },
  };
}

/** `whatIf` against the version in force now among `versions` (what the team sees). */
export function whatIfAgainstVersions(
  contexts: readonly LeadContext[],
  versions: Definitions[],
  draft: Definitions,
  range: TeamRange,
  now: number,
  memo?: WhatIfMemo,
): WhatIfResult {
  const inForce = definitionsInForce(versions, now) ?? versions[0] ?? draft;
  const { kpis: _kept, ...plain } = whatIf(contexts, inForce, draft, range, now, memo);
  return plain;
}
