import { liveQuery } from 'dexie';
import type { BatonDb } from './db';

/**
 * Calls `onChange` whenever the stored definitions change after the call: a version fetched, imported or pushed
 * by IT, whichever context saved it (Dexie's live queries hear other pages' writes through a BroadcastChannel:
 * https://dexie.org/docs/liveQuery()). The first reading is the starting point, not a change. Returns the stop.
 */
export function watchDefinitions(db: BatonDb, onChange: () => void): () => void {
  let seen: string | undefined;
  const subscription = liveQuery(async () =>
    (await db.definitions.orderBy('fetchedAt').toArray()).map((row) => `${row.versionKey}@${row.fetchedAt}`).join('|'),
  ).subscribe({
    next: (key) => {
      if (seen !== undefined && key !== seen) onChange();
      seen = key;
    },
    error: (error: unknown) => console.warn('Baton: watching the definitions failed', error),
  });
  return () => subscription.unsubscribe();
}
