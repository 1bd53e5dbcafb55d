import { definitionsSchema, type Definitions } from '../domain/definitions/schema';
import { suggestThreshold } from '../domain/definitions/suggest-threshold';
import { createWhatIfMemo, whatIfAgainstVersions, type WhatIfMemo } from '../domain/definitions/what-if';
import type { LeadContext } from '../domain/model';
import { assessAlignment, snapshotEvidence, type SnapshotEvidence } from '../domain/alignment-diagnostic';
import { detailPeople, teamDetail, teamPeople } from '../domain/team-details';
import { countTeam, judgeTeam, rejudgeTeam, type JudgedTeam, type TeamKpis } from '../domain/team-kpis';
import { snapshotGenerationOf } from '../store/snapshot-repo';
import type { KeptAnswer, TeamAnswerQuestion } from '../store/team-answer-cache';
import { definitionsListSchema, teamKpisRequestSchema, type TeamKpisResponse } from './team-kpis-protocol';

/**
 * What the team-KPIs worker does, apart from the Worker plumbing (so tests drive it directly or over a real
 * MessageChannel). It reads the snapshot once and keeps it; judges every lead once per (definitions, now) and keeps
 * that too, so a new range or filter only counts (tens of milliseconds for 100,000 people); keeps the last results
 * for drill-down. A 'reload' (a sync completed) drops the snapshot and the judgement.
 */
export interface TeamKpisService {
  handle(message: unknown): Promise<TeamKpisResponse | null>;
}

const KEPT_RESULTS = 4;

/** A macrotask's turn: messages that arrived meanwhile (a filter change's figures) are handled first. */
const letOthersIn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface TeamKpisServiceOptions {
  /**
   * Keeps an answer of the team page's view (this period, the previous one, the detail) with the snapshot
   * generation it was worked out from (store/team-answer-cache.ts), so the page's next visit paints it at once.
   * Called after the answer is sent; only for snapshots read through `readSnapshotContexts` (a known generation).
   */
  keepAnswer?: (question: TeamAnswerQuestion, kept: KeptAnswer) => Promise<void>;
  /** Wall-clock time for `computedAt` (the `clock` above is a stopwatch). */
  wallClock?: () => number;
}

export function createTeamKpisService(
  readContexts: () => Promise<LeadContext[]>,
  clock: () => number = () => performance.now(),
  { keepAnswer, wallClock = Date.now }: TeamKpisServiceOptions = {},
): TeamKpisService {
  let contexts: Promise<LeadContext[]> | null = null;
  let versions: { key: string; parsed: Definitions[] } | null = null;
  let judged: { versions: Definitions[]; now: number; team: JudgedTeam; loading: Promise<LeadContext[]> } | null = null;
  const results = new Map<number, TeamKpis>();
  /** The workshop's judged sides, for the contexts loaded (dropped with them on reload). */
  let whatIfMemo: { for: LeadContext[]; memo: WhatIfMemo } | null = null;

  async function loadContexts(): Promise<LeadContext[]> {
    const loading = (contexts ??= readContexts());
    try {
      return await loading;
    } catch (error) {
      if (contexts === loading) contexts = null;
      throw error;
    }
  }

  function parsedVersions(list: unknown[]): Definitions[] {
    const key = JSON.stringify(list);
    if (versions?.key !== key) versions = { key, parsed: definitionsListSchema.parse(list) };
    return versions.parsed;
  }

  type Counting = Extract<ReturnType<typeof teamKpisRequestSchema.parse>, { type: 'compute' | 'detail' | 'roster' }>;
  /** Counting requests received and not yet answered, and those of them the page cancelled. */
  const inFlight = new Set<number>();
  const cancelled = new Set<number>();

  /**
   * A counting request waits a turn before its work, so a cancel sent after it (the page left the view: a filter
   * changed again, or the minute's new figures of a view just left) is seen; then it is skipped. Arrowing through
   * the owner filter asks three questions per owner passed, and only the last owner's are wanted.
   */
  async function unlessCancelled<T>(id: number, work: () => Promise<T>): Promise<T | null> {
    inFlight.add(id);
    try {
      await letOthersIn();
      if (cancelled.has(id)) return null;
      return await work();
    } finally {
      inFlight.delete(id);
      cancelled.delete(id);
    }
  }
  /** The last counts by (range, filter) of the current judgement: the page's roster and detail ask for the figures it just drew. */
  let counted: { team: JudgedTeam; byKey: Map<string, TeamKpis> } | null = null;

  async function judgedFor(request: { versions: unknown[]; now: number }): Promise<{ team: JudgedTeam; loaded: LeadContext[]; readMs: number; judgeMs: number; generation: string | undefined }> {
    const started = clock();
    const loading = (contexts ??= readContexts());
    let loaded: LeadContext[];
    try {
      loaded = await loading;
    } catch (error) {
      // A failed read is not kept: the next request tries again.
      if (contexts === loading) contexts = null;
      throw error;
    }
    const read = clock();
    const key = JSON.stringify(request.versions);
    // Parsed once per distinct list: the engines cache their tables per definitions object.
    if (versions?.key !== key) versions = { key, parsed: definitionsListSchema.parse(request.versions) };
    if (!judged || judged.versions !== versions.parsed || judged.loading !== loading) {
      judged = { versions: versions.parsed, now: request.now, team: judgeTeam(loaded, versions.parsed, request.now), loading };
    } else if (judged.now !== request.now) {
      // The page's clock moved by a minute: only the people whose judgement can change with now are judged again
      // (a full judgement of 100,000 people took seconds, and a filter change asked meanwhile waited for it).
      judged = { ...judged, now: request.now, team: rejudgeTeam(judged.team, request.now) };
    }
    return { team: judged.team, loaded, readMs: read - started, judgeMs: clock() - read, generation: snapshotGenerationOf(loaded) };
  }

  /** Keeps a view answer once it is sent (a macrotask later), so storing it never delays the answer. */
  function keep(generation: string | undefined, question: TeamAnswerQuestion, now: number, answer: unknown) {
    if (!keepAnswer || generation === undefined) return;
    const computedAt = wallClock();
    setTimeout(() => void keepAnswer(question, { generation, now, computedAt, answer }).catch(() => {}), 0);
  }

  /** Whether a counting request wants the splits (by owner, source, campaign): all but the previous period's. */
  const splitsOf = (request: Counting) => request.type !== 'compute' || request.splits !== false;

  function countOf(team: JudgedTeam, { range, filter }: Pick<Counting, 'range' | 'filter'>, splits: boolean): TeamKpis {
    if (counted?.team !== team) counted = { team, byKey: new Map() };
    const key = JSON.stringify([range.from, range.to, filter, splits]);
    let kpis = counted.byKey.get(key);
    if (!kpis) {
      kpis = countTeam(team, range, filter, { splits });
      counted.byKey.set(key, kpis);
      for (const old of counted.byKey.keys()) if (counted.byKey.size > KEPT_RESULTS * 2) counted.byKey.delete(old);
    }
    return kpis;
  }

  /** The diagnostic's figures of the snapshot alone (links, duplicate e-mails), kept for the contexts loaded. */
  let snapshotFigures: { for: LeadContext[]; evidence: SnapshotEvidence } | null = null;
  function snapshotFiguresOf(loaded: LeadContext[]): SnapshotEvidence {
    if (snapshotFigures?.for !== loaded) snapshotFigures = { for: loaded, evidence: snapshotEvidence(loaded) };
    return snapshotFigures.evidence;
  }

  /**
   * The diagnostic, with the page's other questions let in between its costly parts: it is asked beside the figures
   * (and again each minute), and a filter change asked meanwhile waited for all of it (the first change after the
   * page loaded took 450 ms). Its figures are the period's unfiltered count (countOf keeps it: the very object the
   * page's default view was answered with) and the snapshot's own figures, kept per snapshot; both are worked out
   * in turns first, then read back from what is kept, in one go over one judgement.
   */
  async function diagnostic(id: number, request: Extract<ReturnType<typeof teamKpisRequestSchema.parse>, { type: 'diagnostic' }>): Promise<TeamKpisResponse> {
    const unfiltered = { range: request.range, filter: {} };
    await letOthersIn();
    snapshotFiguresOf(await loadContexts());
    await letOthersIn();
    countOf((await judgedFor(request)).team, unfiltered, true);
    await letOthersIn();
    const { team, loaded } = await judgedFor(request);
    const result = assessAlignment({
      contexts: loaded,
      team,
      versions: team.versions,
      range: request.range,
      now: request.now,
      kpis: countOf(team, unfiltered, true),
      snapshot: snapshotFiguresOf(loaded),
      syncedAt: request.syncedAt,
      answers: request.answers,
    });
    return { type: 'diagnostic', id, diagnostic: result };
  }

  async function compute(id: number, request: Counting): Promise<TeamKpisResponse> {
    const { team, readMs, judgeMs, generation } = await judgedFor(request);
    const countedAt = clock();
    const splits = splitsOf(request);
    const kpis = countOf(team, request, splits);
    keep(generation, { kind: 'kpis', range: request.range, filter: request.filter, versions: request.versions, splits }, request.now, kpis);
    results.set(id, kpis);
    for (const old of results.keys()) if (results.size > KEPT_RESULTS) results.delete(old);
    return { type: 'kpis', id, kpis, timings: { readMs, judgeMs, countMs: clock() - countedAt } };
  }

  return {
    async handle(message) {
      const parsed = teamKpisRequestSchema.safeParse(message);
      if (!parsed.success) {
        const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : null;
        return { type: 'error', id, message: `Team KPIs worker: bad request (${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')})` };
      }
      const request = parsed.data;
      try {
        switch (request.type) {
          case 'reload':
            contexts = null;
            judged = null;
            counted = null;
            results.clear();
            return null;
          case 'cancel':
            if (inFlight.has(request.of)) cancelled.add(request.of);
            return null;
          case 'compute':
            return await unlessCancelled(request.id, () => compute(request.id, request));
          case 'what-if': {
            const started = clock();
            const loaded = await loadContexts();
            const read = clock();
            const draft = definitionsSchema.safeParse(request.draft);
            if (!draft.success) return { type: 'error', id: request.id, message: 'Team KPIs worker: the draft is not a valid definitions document; fix the fields marked in the editor.' };
            if (whatIfMemo?.for !== loaded) whatIfMemo = { for: loaded, memo: createWhatIfMemo() };
            const result = whatIfAgainstVersions(loaded, parsedVersions(request.versions), draft.data, request.range, request.now, whatIfMemo.memo);
            return { type: 'what-if', id: request.id, result, timings: { readMs: read - started, computeMs: clock() - read } };
          }
          case 'suggest-threshold': {
            const loaded = await loadContexts();
            return { type: 'suggestion', id: request.id, result: suggestThreshold(loaded, parsedVersions(request.versions), request.now) };
          }
          case 'detail':
            return await unlessCancelled(request.id, async () => {
              const { team, generation } = await judgedFor(request);
              const detail = teamDetail(team, countOf(team, request, true), request.weeks, request.filter);
              keep(generation, { kind: 'detail', range: request.range, filter: request.filter, versions: request.versions, weeks: request.weeks }, request.now, detail);
              return { type: 'detail', id: request.id, detail };
            });
          case 'roster':
            return await unlessCancelled(request.id, async () => {
              const { team } = await judgedFor(request);
              const keys = detailPeople(team, countOf(team, request, true), request.path);
              return { type: 'roster', id: request.id, total: keys.length, people: teamPeople(team, keys.slice(0, request.limit)) };
            });
          case 'diagnostic':
            return await diagnostic(request.id, request);
          case 'people': {
            const result = results.get(request.of);
            if (!result) return { type: 'error', id: request.id, message: `Team KPIs worker: result ${request.of} is gone (the snapshot was reloaded or newer results replaced it); compute again.` };
            return { type: 'people', id: request.id, keys: result.peopleFor(request.path) };
          }
        }
      } catch (error) {
        return { type: 'error', id: 'id' in request ? request.id : null, message: `Team KPIs worker: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}
