import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { disconnectHubSpot } from '../connectors/hubspot/settings';
import type { KeyValueStore } from '../connectors/local-store';
import { disconnectMarketo } from '../connectors/marketo/settings';
import type { SystemId } from '../domain/model';
import { countUndelivered, purgeSystem } from '../store/purge-system';
import { useBatonDeps } from './baton-deps';

export type DisconnectableSystem = Extract<SystemId, 'hubspot' | 'marketo'>;

const FORGET: Record<DisconnectableSystem, (store: KeyValueStore) => Promise<void>> = {
  hubspot: disconnectHubSpot,
  marketo: disconnectMarketo,
};

/**
 * A connection card's Disconnect: deletes the system's credentials, then what Baton cached from it
 * (lib/store/purge-system). `undelivered` (live) is what the card asks about first: feedback clicks not yet
 * delivered, kept for when the system is connected again unless the person discards them.
 */
export function useDisconnect(system: DisconnectableSystem, storage: KeyValueStore) {
  const { db } = useBatonDeps();
  // Undefined until counted: the card holds Disconnect until then, so a quick click cannot skip the question.
  const undelivered: number | undefined = useLiveQuery(() => countUndelivered(db, system), [db, system]);
  const disconnect = useCallback(
    async (options: { discardUndelivered: boolean }) => {
      await FORGET[system](storage);
      return purgeSystem(db, system, options);
    },
    [db, system, storage],
  );
  return { undelivered, disconnect };
}

/**
 * After signing out of a system (Salesforce's card), what Baton cached from it goes too; undelivered feedback
 * stays for the next sign-in, as when a Disconnect's question is answered "keep".
 */
export function usePurgeSystem(system: SystemId): () => Promise<unknown> {
  const { db } = useBatonDeps();
  return useCallback(() => purgeSystem(db, system, { discardUndelivered: false }), [db, system]);
}
