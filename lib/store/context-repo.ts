import Dexie from 'dexie';
import { recordKey, type LeadContext, type RecordRef, type SystemId } from '../domain/model';
import type { BatonDb, PersonRow } from './db';
import { isQuotaExceeded } from './db';
import { cachedContextFromRows } from './context-rows';
import { evictLeastRecentlyViewed } from './eviction';

/** What the panel paints from before any network call. */
export interface CachedContext {
  context: LeadContext;
  fetchedAt: number;
  sources: SystemId[];
  /** The last refresh failure for this record, if the last attempt failed. */
  lastError: string | null;
  lastErrorKind: string | null;
  lastErrorAt: number | null;
}

/** People dropped per retry when the disk is full: enough to matter, few enough to keep most of the cache. */
const QUOTA_EVICTION_FRACTION = 0.2;

const CONTEXT_TABLES = (db: BatonDb) => [
  db.records,
  db.people,
  db.events,
  db.activities,
  db.stageChanges,
  db.opportunities,
  db.remoteFeedback,
  db.sync,
];

/**
 * Store everything one fetch returned, in one transaction: the panel never sees half a context. Rows are
 * keyed by their own ids, so saving the same history again overwrites instead of doubling. Every connector
 * (the demo one too) writes through here.
 *
 * On QuotaExceededError the least recently viewed people are evicted and the write is tried once more.
 * Feedback rows live in their own tables and are never touched by this path.
 */
export async function saveContext(db: BatonDb, ctx: LeadContext): Promise<void> {
  try {
    await writeContext(db, ctx);
  } catch (error) {
    if (!isQuotaExceeded(error)) throw error;
    const people = await db.people.count();
    await evictLeastRecentlyViewed(db, {
      count: Math.max(1, Math.ceil(people * QUOTA_EVICTION_FRACTION)),
      keep: [ctx.person.key],
    });
    await writeContext(db, ctx);
  }
}

async function writeContext(db: BatonDb, ctx: LeadContext): Promise<void> {
  const key = recordKey(ctx.ref);
  const personKey = ctx.person.key;
  await db.transaction('rw', CONTEXT_TABLES(db), async () => {
    const eventRows = ctx.events.map((event) => ({ ...event, personKey }));
    const [previousPerson, previousRecord, sameIdKeys] = await Promise.all([
      db.people.get(personKey),
      db.records.get(key),
      db.events.where('id').anyOf(eventRows.map((event) => event.id)).primaryKeys(),
    ]);
    // One row per event id: an event now filed under another person (the key moved from a record id to an
    // e-mail) or another time (the vendor corrected it) loses its old row.
    const newKeys = new Set(eventRows.map((event) => JSON.stringify([personKey, event.occurredAt, event.id])));
    const moved = sameIdKeys.filter((pk) => !newKeys.has(JSON.stringify(pk)));
    if (moved.length) await db.events.bulkDelete(moved);
    const linkKeys = new Set<string>([key, ...ctx.person.links.map((link) => recordKey(link.ref))]);
    const person: PersonRow = {
      ...ctx.person,
      linkKeys: [...linkKeys],
      updatedAt: ctx.fetchedAt,
      sources: ctx.sources,
      lastViewedAt: Math.max(previousPerson?.lastViewedAt ?? 0, previousRecord?.lastViewedAt ?? 0, ctx.fetchedAt),
    };
    await Promise.all([
      db.people.put(person),
      db.records.put({
        key,
        ref: ctx.ref,
        personKey,
        warnings: ctx.warnings,
        fetchedAt: ctx.fetchedAt,
        lastViewedAt: Math.max(previousRecord?.lastViewedAt ?? 0, ctx.fetchedAt),
      }),
      db.events.bulkPut(eventRows),
      db.activities.bulkPut(ctx.activities.map((activity) => ({ ...activity, personKey }))),
      db.stageChanges.bulkPut(ctx.stageChanges.map((change) => ({ ...change, personKey }))),
      db.opportunities.bulkPut(ctx.opportunities.map((opportunity) => ({ ...opportunity, personKey }))),
      db.remoteFeedback.bulkPut(ctx.feedback.map((feedback) => ({ ...feedback, recordKey: recordKey(feedback.ref) }))),
      db.sync.put({ key, fetchedAt: ctx.fetchedAt, sources: ctx.sources }),
    ]);
  });
}

/** Find whose record this is: the record itself, else any person that links to it from another system. */
async function personKeyOf(db: BatonDb, key: string): Promise<string | undefined> {
  const record = await db.records.get(key);
  if (record) return record.personKey;
  const linked = await db.people.where('linkKeys').equals(key).first();
  return linked?.key;
}

/**
 * Rebuild the cached context of `ref`, or undefined when nothing is known. Read-only, so it can run inside a
 * live query; call `markViewed` separately to feed eviction.
 */
export async function readContext(db: BatonDb, ref: RecordRef): Promise<CachedContext | undefined> {
  const key = recordKey(ref);
  return db.transaction('r', CONTEXT_TABLES(db), async () => {
    // The record row is read once: it names the person and carries the warnings and fetch time.
    const record = await db.records.get(key);
    const personKey = record?.personKey ?? (await db.people.where('linkKeys').equals(key).first())?.key;
    if (personKey === undefined) return undefined;
    const byPerson = (start: number = Dexie.minKey, end: unknown = Dexie.maxKey) =>
      [
        [personKey, start],
        [personKey, end],
      ] as const;
    const [events, activities, stageChanges] = [
      db.events.where('[personKey+occurredAt+id]').between(...byPerson()),
      db.activities.where('[personKey+occurredAt]').between(...byPerson()),
      db.stageChanges.where('[personKey+at]').between(...byPerson()),
    ];
    const [personRow, sync, eventRows, activityRows, stageRows, opportunityRows, feedbackRows] =
      await Promise.all([
        db.people.get(personKey),
        db.sync.get(key),
        events.toArray(),
        activities.toArray(),
        stageChanges.toArray(),
        db.opportunities.where('personKey').equals(personKey).toArray(),
        db.remoteFeedback.where('personKey').equals(personKey).toArray(),
      ]);
    if (!personRow) return undefined;
    return cachedContextFromRows(ref, { personRow, record, sync, eventRows, activityRows, stageRows, opportunityRows, remoteRows: feedbackRows });
  });
}

/** Remember that a person was looked at now, so eviction drops someone else first. */
export async function markViewed(db: BatonDb, ref: RecordRef, now: number): Promise<void> {
  const key = recordKey(ref);
  await db.transaction('rw', [db.records, db.people], async () => {
    const personKey = await personKeyOf(db, key);
    await db.records.update(key, { lastViewedAt: now });
    if (personKey !== undefined) await db.people.update(personKey, { lastViewedAt: now });
  });
}

/** Keep the last refresh failure beside the cached data, so the panel can say why it is stale. */
export async function recordSyncError(
  db: BatonDb,
  ref: RecordRef,
  error: { message: string; kind?: string },
  now: number,
): Promise<void> {
  const key = recordKey(ref);
  await db.transaction('rw', [db.sync], async () => {
    const previous = await db.sync.get(key);
    await db.sync.put({
      key,
      fetchedAt: previous?.fetchedAt ?? null,
      sources: previous?.sources ?? [],
      ...(previous?.etag !== undefined ? { etag: previous.etag } : {}),
      lastError: error.message,
      ...(error.kind !== undefined ? { lastErrorKind: error.kind } : {}),
      lastErrorAt: now,
    });
  });
}
