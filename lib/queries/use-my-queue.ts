import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { browser } from 'wxt/browser';
import { LISTING_SYSTEMS } from '../connectors/listing';
import type { Calendar } from '../domain/business-calendar';
import { buildQueue, isMyLead, type QueueLead } from '../domain/my-queue';
import { readMyQueueContexts } from '../store/my-queue-repo';
import { useBatonDeps } from './baton-deps';
import { useDefinitions } from './use-definitions';
import { DEFAULT_DEMO_REP, useIdentities } from './use-identities';

export interface MyQueueView {
  /** False until the local store has answered (the queue paints from it, never from a vendor call). */
  loaded: boolean;
  /** Whether any "my open leads" sync has run yet. */
  synced: boolean;
  leads: QueueLead[];
  /** The team calendar in force: the countdown's business time. */
  calendar: Calendar;
  /** The newest complete "mine" sync, for "as of". */
  syncedAt: number | null;
}

/**
 * My queue, painted from IndexedDB (live: a sync in the background repaints it), judged once a minute by
 * `buildQueue` (the panel's own `assessHandoff`); the per-second countdown is the component's.
 */
export function useMyQueue(minute: number): MyQueueView {
  const { db, now } = useBatonDeps();
  const { definitions, versions } = useDefinitions();
  const identities = useIdentities();
  const stored = useLiveQuery(() => readMyQueueContexts(db), [db]);
  const leads = useMemo(() => {
    if (!stored || !identities) return [];
    const mine = stored.contexts.filter((c) => isMyLead(c, identities, DEFAULT_DEMO_REP));
    return buildQueue(mine, versions, now());
    // `minute` is the tick; `now` is read inside on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored, identities, versions, minute]);
  const syncedAt = stored?.states.reduce<number | null>((max, s) => (s.lastCompleteAt && (!max || s.lastCompleteAt > max) ? s.lastCompleteAt : max), null) ?? null;
  return { loaded: stored !== undefined && identities !== undefined, synced: (stored?.states.length ?? 0) > 0, leads, calendar: definitions.calendar, syncedAt };
}

/** "Sync now" for the queue: the background runs each connected system's "mine" listing (not connected: skipped). */
export function useSyncMyQueue(): () => Promise<void> {
  return useCallback(async () => {
    await Promise.all(
      LISTING_SYSTEMS.map((system) => browser.runtime.sendMessage({ type: 'baton/team-sync-start', system, kind: 'mine' }).catch(() => undefined)),
    );
  }, []);
}
