import type { BatonDb } from './db';

/**
 * The queue alerts already shown, in the `sync` table (row `queue-alerts`), so each fires once per lead and state
 * across worker and browser restarts. The row's absence means alerts never ran here: the first judgement then
 * records what is already due without showing it (turning alerts on must not bring fifty old breaches at once).
 */
const KEY = 'queue-alerts';
/** A fired key is forgotten after this long: a lead is long breached or settled by then. */
const KEEP_MS = 60 * 24 * 3_600_000;

export interface FiredAlert {
  key: string;
  /** The record's address, for the notification's click. */
  url?: string;
  at: number;
}

export async function readFiredAlerts(db: BatonDb): Promise<{ started: boolean; fired: Map<string, FiredAlert> }> {
  const row = await db.sync.get(KEY);
  return { started: row !== undefined, fired: new Map((row?.firedAlerts ?? []).map((f) => [f.key, f])) };
}

/**
 * Adds `entries` to the fired keys unless another context added them first; returns the ones this call added
 * (only those may be shown: a second worker judging the same instant shows nothing twice).
 */
export async function claimAlerts(db: BatonDb, entries: FiredAlert[], now: number): Promise<FiredAlert[]> {
  return db.transaction('rw', db.sync, async () => {
    const row = await db.sync.get(KEY);
    const kept = (row?.firedAlerts ?? []).filter((f) => now - f.at < KEEP_MS);
    const known = new Set(kept.map((f) => f.key));
    const added = entries.filter((e) => !known.has(e.key));
    await db.sync.put({ key: KEY, fetchedAt: now, sources: [], firedAlerts: [...kept, ...added] });
    return added;
  });
}

export async function firedAlert(db: BatonDb, key: string): Promise<FiredAlert | undefined> {
  return (await readFiredAlerts(db)).fired.get(key);
}
