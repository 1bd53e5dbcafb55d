import type { Definitions } from '../domain/definitions/schema';
import type { CheckId, Diagnostic, SelfAssessment } from '../domain/alignment-diagnostic';
import type { ThresholdSuggestion } from '../domain/definitions/suggest-threshold';
import type { WhatIfResult } from '../domain/definitions/what-if';
import type { TeamDetail, TeamPerson } from '../domain/team-details';
import type { FigurePath, TeamFilter, TeamRange } from '../domain/team-kpis';
import TeamKpisWorker from './team-kpis-worker?worker';
import { teamKpisResponseSchema, type TeamKpisData, type TeamKpisRequest, type TeamKpisTimings } from './team-kpis-protocol';

/** The page's side of the team-KPIs worker: figures for a range and filter, the people behind one, reload. */
export interface TeamKpisClient {
  /** `splits: false` counts totals only (no byOwner / bySource / byCampaign). */
  compute(request: CountingRequest & { splits?: boolean }): Promise<{ id: number; kpis: TeamKpisData; timings: TeamKpisTimings }>;
  /** The team page's weekly axis, first-touch buckets, open pipeline and comments for the same figures. */
  detail(request: CountingRequest & { weeks: TeamRange[] }): Promise<TeamDetail>;
  /** The people behind a figure (at most `limit` of them, and how many in all), with names and record links. */
  roster(request: CountingRequest & { path: FigurePath; limit: number }): Promise<{ total: number; people: TeamPerson[] }>;
  /** The alignment diagnostic over the snapshot the figures read (same judgement, kept in the worker). */
  diagnostic(request: {
    range: TeamRange;
    now: number;
    versions: Definitions[];
    syncedAt: number | null;
    answers: Partial<Record<CheckId, SelfAssessment>>;
  }): Promise<Diagnostic>;
  /** Person keys behind a figure of the result `of` (the id compute returned). */
  peopleFor(of: number, path: FigurePath): Promise<string[]>;
  /** The definitions workshop: the draft against the version in force among `versions`, over `range`. */
  whatIf(request: { range: TeamRange; now: number; versions: Definitions[]; draft: Definitions }): Promise<{ result: WhatIfResult; timings: { readMs: number; computeMs: number } }>;
  /** The suggested MQL threshold from the snapshot's handed-off leads with outcomes. */
  suggestThreshold(request: { now: number; versions: Definitions[] }): Promise<ThresholdSuggestion>;
  /** The snapshot changed (a sync completed): the worker reads it again before its next answer. */
  reload(): void;
  close(): void;
}

/**
 * `signal`: aborted when the page no longer wants the answer (TanStack Query aborts a query's signal when its view
 * is left before the answer comes): the promise rejects at once and the worker is told to skip it.
 */
export type CountingRequest = { range: TeamRange; filter?: TeamFilter; now: number; versions: Definitions[]; signal?: AbortSignal };

/** Filters as plain arrays (a readonly list from React state may be frozen or a proxy; postMessage wants plain data). */
function plainFilter(filter: TeamFilter = {}) {
  return {
    ...(filter.owners ? { owners: [...filter.owners] } : {}),
    ...(filter.sources ? { sources: [...filter.sources] } : {}),
    ...(filter.campaigns ? { campaigns: [...filter.campaigns] } : {}),
  };
}

/** What the client needs of a Worker (or one end of a MessageChannel, in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  terminate?(): void;
  close?(): void;
}

/**
 * Starts the worker, bundled by Vite as its own module chunk through the `?worker` import
 * (https://vite.dev/guide/features#import-with-query-suffixes). Not `new Worker(new URL('./…', import.meta.url))`:
 * WXT defines `import.meta.url` as `self.location.href` for its service worker, so Vite never sees that pattern and
 * the production build would load a `.ts` file that is not there.
 */
export function startTeamKpisWorker(): Worker {
  return new TeamKpisWorker({ name: 'baton-team-kpis' });
}

export function createTeamKpisClient(worker: WorkerLike = startTeamKpisWorker()): TeamKpisClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  worker.addEventListener('message', (event) => {
    const parsed = teamKpisResponseSchema.safeParse(event.data);
    if (!parsed.success) return;
    const response = parsed.data;
    if (response.id === null) return;
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (response.type === 'error') waiter.reject(new Error(response.message));
    else waiter.resolve(response);
  });
  const ask = <T>(message: TeamKpisRequest & { id: number }, signal?: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const id = message.id;
      const stop = () => {
        if (!pending.delete(id)) return;
        worker.postMessage({ type: 'cancel', of: id } satisfies TeamKpisRequest);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', stop, { once: true });
      const settle = <V>(then: (value: V) => void) => (value: V) => {
        signal?.removeEventListener('abort', stop);
        then(value);
      };
      pending.set(id, { resolve: settle(resolve as (value: unknown) => void), reject: settle(reject) });
      worker.postMessage(message);
    });
  return {
    async compute({ range, filter, now, versions, splits, signal }) {
      const id = nextId++;
      const response = await ask<{ kpis: TeamKpisData; timings: TeamKpisTimings }>(
        { type: 'compute', id, range, filter: plainFilter(filter), now, versions, ...(splits === false ? { splits } : {}) },
        signal,
      );
      return { id, kpis: response.kpis, timings: response.timings };
    },
    async detail({ range, filter, now, versions, weeks, signal }) {
      const response = await ask<{ detail: TeamDetail }>({ type: 'detail', id: nextId++, range, filter: plainFilter(filter), now, versions, weeks }, signal);
      return response.detail;
    },
    async roster({ range, filter, now, versions, path, limit, signal }) {
      const response = await ask<{ total: number; people: TeamPerson[] }>({ type: 'roster', id: nextId++, range, filter: plainFilter(filter), now, versions, path: [...path], limit }, signal);
      return { total: response.total, people: response.people };
    },
    async diagnostic({ range, now, versions, syncedAt, answers }) {
      const response = await ask<{ diagnostic: Diagnostic }>({ type: 'diagnostic', id: nextId++, range, now, versions, syncedAt, answers });
      return response.diagnostic;
    },
    async peopleFor(of, path) {
      const response = await ask<{ keys: string[] }>({ type: 'people', id: nextId++, of, path: [...path] });
      return response.keys;
    },
    async whatIf({ range, now, versions, draft }) {
      const response = await ask<{ result: WhatIfResult; timings: { readMs: number; computeMs: number } }>({ type: 'what-if', id: nextId++, range, now, versions, draft });
      return { result: response.result, timings: response.timings };
    },
    async suggestThreshold({ now, versions }) {
      const response = await ask<{ result: ThresholdSuggestion }>({ type: 'suggest-threshold', id: nextId++, now, versions });
      return response.result;
    },
    reload() {
      worker.postMessage({ type: 'reload' } satisfies TeamKpisRequest);
    },
    close() {
      for (const waiter of pending.values()) waiter.reject(new Error('Team KPIs worker closed'));
      pending.clear();
      worker.terminate?.();
      worker.close?.();
    },
  };
}
