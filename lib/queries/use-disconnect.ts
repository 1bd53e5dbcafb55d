import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { disconnectHubSpot } from '../connectors/hubspot/settings';
import type { KeyValueStore } from '../connectors/local-store';
import { disconnectMarketo } from '../connectors/marketo/settings';
import { disconnectKintone } from '../connectors/kintone/settings';
import type { SystemId } from '../domain/model';
import { countUndelivered, purgeSystem } from '../store/purge-system';
import { useBatonDeps } from './baton-deps';

export type DisconnectableSystem = Extract<SystemId, 'hubspot' | 'marketo' | 'kintone'>;

const FORGET: Record<DisconnectableSystem, (store: KeyValueStore) => Promise<void>> = {
  hubspot: disconnectHubSpot,
  marketo: disconnectMarketo,
  kintone: disconnectKintone,
};

/**
 * A connection card's Disconnect (or Salesforce's Sign out): deletes the system's credentials (`forget`, by default
 * the saved key of HubSpot or Marketo), then what Baton cached from it (lib/store/purge-system). `undelivered`
 * (live) is what the card asks about first: feedback clicks not yet delivered, kept for when the system is
 * connected again unless the person discards them.
 */
export function useDisconnect(system: SystemId, forget: () => Promise<unknown>) {
  const { db } = useBatonDeps();
  // Undefined until counted: the card holds Disconnect until then, so a quick click cannot skip the question.
  const undelivered: number | undefined = useLiveQuery(() => countUndelivered(db, system), [db, system]);
  const disconnect = useCallback(
    async (options: { discardUndelivered: boolean }) => {
      const forgotten = await forget();
      await purgeSystem(db, system, options);
      return forgotten;
    },
    [db, system, forget],
  );
  return { undelivered, disconnect };
}

/** Forgetting the saved key of a key-based connection (HubSpot, Marketo). */
export function useForgetKey(system: DisconnectableSystem, storage: KeyValueStore): () => Promise<void> {
  return useCallback(() => FORGET[system](storage), [system, storage]);
}
