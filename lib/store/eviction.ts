import Dexie from 'dexie';
import type { BatonDb } from './db';
import { readSettings } from './settings';

/**
 * Cache budget and least-recently-viewed eviction. Only cached vendor data goes: feedback (the outbox and
 * its history) and remote feedback are never evicted, whatever the budget says.
 */

/**
 * Rough bytes per row, for browsers without `navigator.storage.estimate()` and for telling how much an
 * eviction frees (the browser's own estimate is coarse and lags behind deletes).
 * https://developer.mozilla.org/en-US/docs/Web/API/StorageManager/estimate
 */
export const ROW_BYTES = {
  people: 1500,
  records: 400,
  events: 350,
  activities: 300,
  stageChanges: 250,
  opportunities: 300,
  feedback: 600,
  remoteFeedback: 600,
  definitions: 20_000,
  sync: 150,
} as const;

type StorageLike = { estimate?: () => Promise<{ usage?: number }> };

export interface UsageEstimate {
  bytes: number;
  method: 'storage' | 'rows';
}

export async function estimateByRows(db: BatonDb): Promise<number> {
  const counts = await Promise.all(
    (Object.keys(ROW_BYTES) as (keyof typeof ROW_BYTES)[]).map(async (table) => (await db.table(table).count()) * ROW_BYTES[table]),
  );
  return counts.reduce((sum, bytes) => sum + bytes, 0);
}

export async function estimateUsage(
  db: BatonDb,
  storage: StorageLike | undefined = globalThis.navigator?.storage,
): Promise<UsageEstimate> {
  if (storage?.estimate) {
    try {
      const { usage } = await storage.estimate();
      if (typeof usage === 'number') return { bytes: usage, method: 'storage' };
    } catch {
      // Some contexts refuse the estimate (e.g. opaque origins): fall back to counting rows.
    }
  }
  return { bytes: await estimateByRows(db), method: 'rows' };
}

async function personBytes(db: BatonDb, personKey: string): Promise<number> {
  const range = [
    [personKey, Dexie.minKey],
    [personKey, Dexie.maxKey],
  ] as const;
  const [events, activities, stageChanges, opportunities, records] = await Promise.all([
    db.events.where('[personKey+occurredAt+id]').between(...range).count(),
    db.activities.where('[personKey+occurredAt]').between(...range).count(),
    db.stageChanges.where('[personKey+at]').between(...range).count(),
    db.opportunities.where('personKey').equals(personKey).count(),
    db.records.where('personKey').equals(personKey).count(),
  ]);
  return (
    ROW_BYTES.people +
    events * ROW_BYTES.events +
    activities * ROW_BYTES.activities +
    stageChanges * ROW_BYTES.stageChanges +
    opportunities * ROW_BYTES.opportunities +
    records * (ROW_BYTES.records + ROW_BYTES.sync)
  );
}

/** Drop one person's cached data. Feedback tables are deliberately not in the transaction. */
async function evictPerson(db: BatonDb, personKey: string): Promise<void> {
  const range = [
    [personKey, Dexie.minKey],
    [personKey, Dexie.maxKey],
  ] as const;
  await db.transaction(
    'rw',
    [db.people, db.records, db.sync, db.events, db.activities, db.stageChanges, db.opportunities],
    async () => {
      const recordKeys = await db.records.where('personKey').equals(personKey).primaryKeys();
      await Promise.all([
        db.events.where('[personKey+occurredAt+id]').between(...range).delete(),
        db.activities.where('[personKey+occurredAt]').between(...range).delete(),
        db.stageChanges.where('[personKey+at]').between(...range).delete(),
        db.opportunities.where('personKey').equals(personKey).delete(),
        db.records.bulkDelete(recordKeys),
        db.sync.bulkDelete(recordKeys),
        db.people.delete(personKey),
      ]);
    },
  );
}

/** Evict up to `count` people, least recently viewed first, never those in `keep`. Returns the keys evicted. */
export async function evictLeastRecentlyViewed(
  db: BatonDb,
  options: { count: number; keep?: readonly string[] },
): Promise<string[]> {
  const keep = new Set(options.keep ?? []);
  const victims = await db.people
    .orderBy('lastViewedAt')
    .filter((person) => !keep.has(person.key))
    .limit(options.count)
    .primaryKeys();
  for (const key of victims) await evictPerson(db, key);
  return victims;
}

export interface BudgetResult {
  budgetBytes: number;
  before: UsageEstimate;
  /** Estimated usage after eviction (before minus what the evicted rows are estimated to weigh). */
  afterBytes: number;
  evicted: string[];
}

/**
 * Bring the cache under `budgetBytes`, evicting least recently viewed people down to `targetRatio` of the
 * budget (so the next few fetches do not trigger eviction again).
 */
export async function enforceBudget(
  db: BatonDb,
  options: { budgetBytes: number; targetRatio?: number; keep?: readonly string[]; storage?: StorageLike },
): Promise<BudgetResult> {
  const before = await estimateUsage(db, options.storage);
  const evicted: string[] = [];
  let bytes = before.bytes;
  if (bytes <= options.budgetBytes) return { budgetBytes: options.budgetBytes, before, afterBytes: bytes, evicted };
  const target = options.budgetBytes * (options.targetRatio ?? 0.8);
  const keep = new Set(options.keep ?? []);
  const candidates = await db.people.orderBy('lastViewedAt').primaryKeys();
  for (const key of candidates) {
    if (bytes <= target) break;
    if (keep.has(key)) continue;
    bytes -= await personBytes(db, key);
    await evictPerson(db, key);
    evicted.push(key);
  }
  return { budgetBytes: options.budgetBytes, before, afterBytes: Math.max(0, bytes), evicted };
}

/** `enforceBudget` with the budget the user set in the options (`cacheBudgetMb`). */
export async function enforceCacheBudget(
  db: BatonDb,
  options: { keep?: readonly string[]; storage?: StorageLike } = {},
): Promise<BudgetResult> {
  const { cacheBudgetMb } = await readSettings(db);
  return enforceBudget(db, { budgetBytes: cacheBudgetMb * 1024 * 1024, ...options });
}
