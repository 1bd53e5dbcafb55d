import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { browser } from 'wxt/browser';
import { DEMO_REP, SALES_REPS } from '../connectors/demo/demo-reps';
import type { Identities, UserIdentity } from '../domain/identity';
import type { SystemId } from '../domain/model';
import { forgetIdentity, readIdentities, saveIdentity } from '../store/identity-repo';
import { useBatonDeps } from './baton-deps';

/** The worker repaints the badge for the new person (no worker, as in tests: nothing to tell). */
function tellQueueChanged() {
  browser.runtime.sendMessage({ type: 'baton/queue-changed' }).catch(() => undefined);
}

/** Who the person is in each system, live (undefined while reading). */
export function useIdentities(): Identities | undefined {
  const { db } = useBatonDeps();
  return useLiveQuery(() => readIdentities(db), [db]);
}

/** Asks one system again (options' "Check" button): a person's click, so a 'view' call. */
export function useCheckIdentity(): (system: SystemId) => Promise<UserIdentity | null> {
  const { db, connectorFor, now } = useBatonDeps();
  return useCallback(
    async (system: SystemId) => {
      const connector = await connectorFor(system);
      const me = connector.whoAmI ? await connector.whoAmI({ now: now(), purpose: 'view' }) : null;
      if (me) await saveIdentity(db, me);
      else await forgetIdentity(db, system);
      tellQueueChanged();
      return me;
    },
    [db, connectorFor, now],
  );
}

/** The demo's reps and the one the demo signs in as until another is picked. */
export const DEMO_REP_NAMES: readonly string[] = SALES_REPS.map((r) => r.name);
export const DEFAULT_DEMO_REP = DEMO_REP;

/** Picks the demo rep whose queue the panel shows (stored as the demo's identity). */
export function usePickDemoRep(): (name: string) => Promise<void> {
  const { db, now } = useBatonDeps();
  return useCallback(
    async (name: string) => {
      await saveIdentity(db, { system: 'demo', userId: name, name, checkedAt: now() });
      tellQueueChanged();
    },
    [db, now],
  );
}
