import { onlineManager, useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConnectorError } from '../connectors/connector';
import { BACKGROUND_PAUSED_CODE } from '../connectors/salesforce/limits';
import { recordKey, type LeadContext, type RecordRef, type SystemId } from '../domain/model';
import { markViewed, readContext } from '../store/context-repo';
import { useBatonDeps } from './baton-deps';
import { asConnectorError, leadContextQueryOptions } from './lead-context-query';
import { useSettingsState } from './use-settings';
import { useDefinitions } from './use-definitions';
import { mapVendorStage } from '../domain/definitions/stage-mapping';

/** How long after a record is opened its fetches still count as the person's own ('view'). */
const OPENING_MS = 10_000;

/** The refresh was held back, not failed: Salesforce pauses background refresh near the org's daily API limit. */
export function isBackgroundPaused(error: ConnectorError | null): boolean {
  return error?.code === BACKGROUND_PAUSED_CODE;
}

export type LeadContextStatus = 'loading' | 'fresh' | 'stale' | 'offline' | 'error';

export interface LeadContextView {
  /** What to show: the local store's copy, painted before any network call. */
  context: LeadContext | null;
  /** When that copy was fetched, and which systems answered, for the "as of … from …" lines. */
  fetchedAt: number | null;
  sources: SystemId[];
  status: LeadContextStatus;
  /** Why the last refresh failed (kept while the cached view stays on screen). */
  error: ConnectorError | null;
  isFetching: boolean;
  refetch: () => void;
}

/**
 * The lead in view. Paints from IndexedDB at once (live: a write by the background or another view shows
 * up by itself), then asks the connector only when the cached copy is older than the freshness window, so a
 * second look within the window costs no API call. Views of one record share one request (same query key).
 */
export function useLeadContext(ref: RecordRef | null, options: { freshnessMs?: number } = {}): LeadContextView {
  const { db, connectorFor, now, stageOf: injectedStageOf, partnersFor } = useBatonDeps();
  // Vendor values land on stages through the definitions in force (the connector keeps the vendor value too).
  const { definitions } = useDefinitions();
  const stageOf = useMemo(
    () => injectedStageOf ?? ((system: SystemId, field: string, value: string) => mapVendorStage(definitions, system, field, value)),
    [injectedStageOf, definitions],
  );
  const { settings, loaded: settingsLoaded } = useSettingsState();
  const freshnessMs = options.freshnessMs ?? settings.freshnessMinutes * 60_000;
  const key = ref ? recordKey(ref) : null;

  // undefined while IndexedDB answers, null when nothing is cached.
  const cached = useLiveQuery(async () => (ref ? ((await readContext(db, ref)) ?? null) : null), [db, key]);

  useEffect(() => {
    if (ref) void markViewed(db, ref, now()).catch(() => undefined);
    // Once per record opened, not per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);

  // Re-render when the cached copy crosses the freshness window, so an open panel refreshes on its own. The
  // timer runs on the monotonic clock and `now` is the wall clock (set back, or a test's clock): when the timer
  // fires and the copy is still fresh by `now`, it is armed again for the time that remains.
  const [tick, setTick] = useState(0);
  const cachedAt = cached?.fetchedAt;
  useEffect(() => {
    if (cachedAt === undefined) return;
    const wait = cachedAt + freshnessMs - now();
    if (wait < 0) return;
    const timer = setTimeout(() => setTick((t) => t + 1), Math.min(wait + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [cachedAt, freshnessMs, now, tick]);

  const age = cached ? now() - cached.fetchedAt : Infinity;
  const needsRefresh = cached === null || age >= freshnessMs;

  // Whether the next fetch is a person asking ('view') or the panel refreshing on its own ('background'): read
  // when the fetch starts, so connectors can spare a shared API budget without ever leaving a view empty.
  // Opening a record is a person asking too, stale copy or not: a fetch soon after opening counts as theirs.
  const onScreenRef = useRef(false);
  const userAskedRef = useRef(false);
  const openedRef = useRef<{ key: string | null; at: number }>({ key: null, at: 0 });
  if (openedRef.current.key !== key) openedRef.current = { key, at: now() };
  const purposeRef = useRef(() => {
    const justOpened = now() - openedRef.current.at < OPENING_MS;
    return userAskedRef.current || justOpened || !onScreenRef.current ? ('view' as const) : ('background' as const);
  });
  const query = useQuery({
    ...leadContextQueryOptions(
      ref ?? { system: 'demo', instance: '-', object: '-', id: '-' },
      connectorFor,
      db,
      freshnessMs,
      { now, stageOf, purpose: purposeRef.current, ...(partnersFor ? { partnersFor } : {}) },
    ),
    enabled: ref !== null && cached !== undefined && settingsLoaded && needsRefresh,
    // `enabled` already says when the copy is stale, by its fetchedAt and our clock. React Query's own
    // staleTime counts from when its last fetch ended (a little after fetchedAt), so when the timer above
    // fires it would still call the data fresh and the open panel would skip its automatic refresh.
    staleTime: 0,
  });

  // A person's request covers its own retries; it ends when that fetch settles.
  const fetchStatus = query.fetchStatus;
  useEffect(() => {
    if (fetchStatus === 'idle') userAskedRef.current = false;
  }, [fetchStatus]);

  // The newer of the store's copy and the query's answer (the store may have refused the write, e.g. disk full).
  const fromQuery = query.data && ref && recordKey(query.data.ref) === key ? query.data : undefined;
  const context =
    fromQuery && (!cached || fromQuery.fetchedAt > cached.fetchedAt) ? fromQuery : (cached?.context ?? null);
  const fetchedAt = context?.fetchedAt ?? null;
  onScreenRef.current = context !== null;

  // A copy that went stale while a fetch was in flight (the clock moved on during it): React Query starts no second
  // fetch while one runs, and the timer above is never armed for a copy already stale, so the open panel kept it
  // until something else re-rendered. When a fetch has settled and the newest copy is stale, refresh once.
  // Once per copy: a merged context keeps its older partner's fetchedAt (merge-contexts.ts), which a new fetch may
  // not change, and that must not make the panel fetch again and again.
  const staleWhenSettled = ref !== null && settingsLoaded && query.status === 'success' && fetchedAt !== null && now() - fetchedAt >= freshnessMs;
  const refreshedStale = useRef<number | null>(null);
  useEffect(() => {
    if (fetchStatus !== 'idle' || !staleWhenSettled || refreshedStale.current === fetchedAt) return;
    refreshedStale.current = fetchedAt;
    // cancelRefetch: false joins a fetch the enabled flag has just started instead of calling the vendor again.
    void query.refetch({ cancelRefetch: false });
    // Once per fetch settling, not at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchStatus]);
  const error = query.status === 'error' && ref ? asConnectorError(query.error, ref.system) : null;
  const paused = query.fetchStatus === 'paused' || (!onlineManager.isOnline() && needsRefresh);

  let status: LeadContextStatus;
  if (ref === null || cached === undefined) status = 'loading';
  else if (!context) status = paused ? 'offline' : error ? 'error' : 'loading';
  else if (paused) status = 'offline';
  else if (fetchedAt !== null && now() - fetchedAt < freshnessMs && !error) status = 'fresh';
  else status = 'stale';

  return {
    context,
    fetchedAt,
    sources: context?.sources ?? [],
    status,
    error,
    isFetching: query.fetchStatus === 'fetching',
    refetch: () => {
      userAskedRef.current = true;
      void query.refetch();
    },
  };
}
