import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { LISTING_SYSTEMS } from '../connectors/listing';
import type { SystemId } from '../domain/model';
import { teamSyncProgressMessageSchema, teamSyncStatusReplySchema } from '../messaging/messages';
import { listSyncStates, type SyncState } from '../store/snapshot-repo';
import type { TeamSyncProgress } from '../store/team-sync-runner';
import { useBatonDeps } from './baton-deps';

/** One system's team data, as options shows it: its stored sync state and the run in progress, if any. */
export interface TeamSyncRow {
  system: SystemId;
  instance: string | null;
  state: SyncState | null;
  progress: TeamSyncProgress | null;
}

export interface TeamSyncView {
  rows: TeamSyncRow[];
  loaded: boolean;
  /**
   * The stored sync states are read (each row's `state`; the connectors' instances may still be loading): enough to
   * know which snapshot the figures read (the team page's snapshot stamp), not yet which systems are connected.
   */
  statesLoaded: boolean;
  start: (system: SystemId, periodDays: number) => Promise<void>;
  cancel: (system: SystemId) => Promise<void>;
}

/**
 * The team snapshot's sync, per connected system: states live from IndexedDB, progress from the background's
 * broadcasts (accepted only from this extension), and "Sync now" / "Cancel" sent to the background, which
 * does the work so it goes on when the page closes.
 */
export function useTeamSync({ connectors = true }: { connectors?: boolean } = {}): TeamSyncView {
  const { db, connectorFor } = useBatonDeps();
  const states = useLiveQuery(() => listSyncStates(db), [db]);
  const [instances, setInstances] = useState<Partial<Record<SystemId, string | null>> | null>(null);
  const [progress, setProgress] = useState<Partial<Record<SystemId, TeamSyncProgress>>>({});

  // `connectors: false` holds the connectors back (every vendor's code, and each one's stored connection): the team
  // page paints its kept figures first, as loading them took the main thread and the database in between.
  useEffect(() => {
    if (!connectors) return;
    let alive = true;
    void (async () => {
      const found: Partial<Record<SystemId, string | null>> = {};
      for (const system of LISTING_SYSTEMS) {
        try {
          const connector = await connectorFor(system);
          found[system] = connector.listContexts && connector.listingInstance ? await connector.listingInstance() : null;
        } catch {
          found[system] = null;
        }
      }
      if (alive) setInstances(found);
    })();
    return () => {
      alive = false;
    };
  }, [connectorFor, connectors]);

  useEffect(() => {
    const seen = (p: TeamSyncProgress) => {
      if (p.scope.kind === 'team') setProgress((all) => ({ ...all, [p.scope.system]: p }));
    };
    const listener = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const parsed = teamSyncProgressMessageSchema.safeParse(message);
      if (parsed.success) seen(parsed.data.progress);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    // A run that started before this page opened: ask what is running now.
    void browser.runtime
      .sendMessage({ type: 'baton/team-sync-status' })
      .then((reply: unknown) => {
        const parsed = teamSyncStatusReplySchema.safeParse(reply);
        if (parsed.success) parsed.data.running.forEach(seen);
      })
      .catch(() => undefined);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  const start = useCallback(async (system: SystemId, periodDays: number) => {
    await browser.runtime.sendMessage({ type: 'baton/team-sync-start', system, kind: 'team', periodDays });
  }, []);
  const cancel = useCallback(async (system: SystemId) => {
    await browser.runtime.sendMessage({ type: 'baton/team-sync-cancel', system, kind: 'team' });
  }, []);

  const rows: TeamSyncRow[] = LISTING_SYSTEMS.flatMap((system) => {
    const state = states?.find((s) => s.scope.system === system && s.scope.kind === 'team') ?? null;
    const instance = instances?.[system] ?? null;
    if (!instance && !state) return [];
    return [{ system, instance: instance ?? state?.scope.instance ?? null, state, progress: progress[system] ?? null }];
  });
  return { rows, loaded: states !== undefined && instances !== null, statesLoaded: states !== undefined, start, cancel };
}
