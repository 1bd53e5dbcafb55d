import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { definitionsVersionKey } from '../domain/definitions/version-in-force';
import type { Definitions } from '../domain/definitions/schema';
import type { TeamDetail } from '../domain/team-details';
import type { FigurePath, TeamFilter, TeamRange } from '../domain/team-kpis';
import type { BatonDb } from '../store/db';
import { teamSnapshotGeneration } from '../store/snapshot-repo';
import { readTeamAnswer, teamViewQuestions } from '../store/team-answer-cache';
import { useBatonDeps } from './baton-deps';
import { createTeamKpisClient, type TeamKpisClient } from './team-kpis-client';
import type { TeamKpisData } from './team-kpis-protocol';

/** One worker per page, closed with it. Tests hand in a client over the in-process service. */
export function useTeamKpisClient(injected?: TeamKpisClient): TeamKpisClient | null {
  const [client, setClient] = useState<TeamKpisClient | null>(injected ?? null);
  useEffect(() => {
    if (injected) return;
    // Made in the effect (not during render) so StrictMode's mount-unmount-mount closes the first worker cleanly.
    const made = createTeamKpisClient();
    setClient(made);
    return () => made.close();
  }, [injected]);
  return client;
}

export interface TeamFiguresRequest {
  range: TeamRange;
  previous: TeamRange;
  weeks: TeamRange[];
  filter: TeamFilter;
  now: number;
  versions: Definitions[];
  /** Changes when a sync completes (the newest complete sync per system): the worker reads the snapshot again. */
  snapshotStamp: string;
}

const teamKeys = {
  all: ['team-kpis'] as const,
  of: (kind: string, client: TeamKpisClient | null, r: TeamFiguresRequest, range: TeamRange, extra: unknown = null) =>
    [...teamKeys.all, kind, client ? clientIds.get(client) : 0, range.from, range.to, r.filter, r.now, r.versions.map(definitionsVersionKey).join(','), r.snapshotStamp, extra] as const,
};
const clientIds = new WeakMap<object, number>();
let nextClientId = 1;

/**
 * The team figures of a period and of the one before, and the page's detail (weekly axis, first touch, pipeline,
 * comments), from the worker. A new filter keeps the old figures on screen until the new ones arrive.
 */
export function useTeamFigures(client: TeamKpisClient | null, request: TeamFiguresRequest, { stampKnown = true }: { stampKnown?: boolean } = {}) {
  if (client && !clientIds.has(client)) clientIds.set(client, nextClientId++);
  // The worker is asked only once the snapshot stamp is known, and told to read again only when it changes after
  // that: a stamp read late (or a query function from an earlier render) used to make the worker drop a snapshot it
  // was still reading and read all of it a second time.
  const stamp = useRef<{ client: TeamKpisClient; stamp: string } | null>(null);
  // Declared before the queries, so it runs before they fetch for the new stamp.
  useEffect(() => {
    if (!client || !stampKnown) return;
    if (stamp.current?.client === client && stamp.current.stamp !== request.snapshotStamp) client.reload();
    stamp.current = { client, stamp: request.snapshotStamp };
  }, [client, stampKnown, request.snapshotStamp]);
  const answered = useRef(false);
  const { db } = useBatonDeps();
  // The figures the worker gave last time for this very view over this very snapshot: painted at once, labelled
  // with the minute they were judged as of, until the worker's own answers arrive (it reads and judges first).
  const kept = useQuery({
    queryKey: teamKeys.of('kept', null, request, request.range, request.weeks.map((w) => w.from)),
    queryFn: () => readKeptView(db, request),
    // Once the stamp is known (the sync states are read): a stamp changing from unknown made a new key, which dropped
    // the kept figures already drawn to read them again. A sync completing later still reads again (and hides them).
    // Not once the worker has answered: its figures are shown from then on (a filter change need not read these).
    enabled: client !== null && stampKnown && !answered.current,
    staleTime: Infinity,
  });
  // On the first load the worker is asked once the kept figures are read: its snapshot read (hundreds of MB from the
  // same IndexedDB) used to hold up the few kB the page paints from. Its answers come seconds later either way.
  const ask = client !== null && stampKnown && (answered.current || kept.isFetched);
  const base = { filter: request.filter, now: request.now, versions: request.versions };
  // Each query hands its signal on: a view left before its answers came (arrowing through a filter, or a filter
  // changed just after the minute's new figures were asked) is cancelled, and the worker skips what it had not begun.
  // TanStack Query aborts only the queries whose signal was read (https://tanstack.com/query/v5/docs/framework/react/guides/query-cancellation).
  const current = useQuery({
    queryKey: teamKeys.of('compute', client, request, request.range),
    queryFn: async ({ signal }) => (await client!.compute({ ...base, range: request.range, signal })).kpis,
    enabled: ask,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  if (current.data !== undefined) answered.current = true;
  const previous = useQuery({
    queryKey: teamKeys.of('compute', client, request, request.previous),
    // Beside this period's totals: the previous period's splits are never shown.
    queryFn: async ({ signal }) => (await client!.compute({ ...base, range: request.previous, splits: false, signal })).kpis,
    enabled: ask,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const detail = useQuery({
    queryKey: teamKeys.of('detail', client, request, request.range, request.weeks.length),
    queryFn: ({ signal }) => client!.detail({ ...base, range: request.range, weeks: request.weeks, signal }),
    enabled: ask,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  return { current, previous, detail, kept };
}

/** The team page's figures as the worker last gave them for this view and snapshot (see useTeamFigures). */
export type KeptView = { now: number; computedAt: number; kpis: TeamKpisData; previous?: TeamKpisData; detail?: TeamDetail };

/**
 * This period's figures (and the previous period's and the detail when judged as of the same minute) kept by the
 * worker for this view, when worked out from the snapshot on disk now (same generation); else null.
 */
export async function readKeptView(db: BatonDb, request: Pick<TeamFiguresRequest, 'range' | 'previous' | 'weeks' | 'filter' | 'versions'>): Promise<KeptView | null> {
  performance.mark('baton:kept-asked');
  // The snapshot's generation and the kept rows are read side by side (one round of reads, not two).
  const generation = teamSnapshotGeneration(db).then((read) => {
    performance.mark('baton:kept-generation');
    return read;
  });
  const questions = teamViewQuestions(request);
  const [current, previous, detail] = await Promise.all([
    readTeamAnswer<TeamKpisData>(db, questions.current, generation),
    readTeamAnswer<TeamKpisData>(db, questions.previous, generation),
    readTeamAnswer<TeamDetail>(db, questions.detail, generation),
  ]);
  // A phase mark: `npm run bench` prints when the kept figures were read (scripts/bench/team-page-chromium.ts).
  performance.mark('baton:kept-read');
  if (!current) return null;
  return {
    now: current.now,
    computedAt: current.computedAt,
    kpis: current.answer,
    ...(previous?.now === current.now ? { previous: previous.answer } : {}),
    ...(detail?.now === current.now ? { detail: detail.answer } : {}),
  };
}

/** The people behind one figure, asked when a number is clicked. */
export function useTeamRoster(client: TeamKpisClient | null, request: TeamFiguresRequest, ask: { path: FigurePath; range: TeamRange } | null, limit = 500) {
  return useQuery({
    queryKey: teamKeys.of('roster', client, request, ask?.range ?? request.range, ask ? [...ask.path, limit] : null),
    queryFn: ({ signal }) => client!.roster({ filter: request.filter, now: request.now, versions: request.versions, range: ask!.range, path: ask!.path, limit, signal }),
    enabled: client !== null && ask !== null,
    staleTime: Infinity,
  });
}
