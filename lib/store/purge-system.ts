import Dexie from 'dexie';
import type { SystemId } from '../domain/model';
import type { BatonDb, FeedbackRow } from './db';
import { identityKey } from './identity-repo';
import { snapshotPacksWithPrefix } from './snapshot-repo';

/** Feedback a worker may still deliver: kept on disconnect until it is delivered or the person discards it. */
const UNDELIVERED: ReadonlySet<FeedbackRow['state']> = new Set(['pending', 'sending', 'failed']);

export interface PurgeResult {
  recordsRemoved: number;
  peopleRemoved: number;
  peopleKept: number;
  feedbackDiscarded: number;
}

/** Undelivered feedback clicks for records of `system`: what the disconnect question is about. */
export async function countUndelivered(db: BatonDb, system: SystemId): Promise<number> {
  return db.feedback.filter((f) => f.ref.system === system && UNDELIVERED.has(f.state)).count();
}

const ownedBy = (system: SystemId, key: string) => key.startsWith(`${system}|`);

/**
 * Signing out of (or disconnecting) a system removes what Baton cached from it: its records, the people known
 * only from it, and every event, activity, stage change, opportunity and remote feedback it supplied. A person
 * also known from another system stays, minus that system's data and links. Undelivered feedback stays (the
 * outbox delivers it once the system is connected again) unless `discardUndelivered`, the person's answer to
 * the disconnect question; delivered history of that system goes. One transaction: the panel never sees half.
 * Tables without an index on `source` are scanned: a disconnect is rare, and correctness beats a new index
 * (the `baton` schema's next version belongs to the team layer).
 */
export async function purgeSystem(db: BatonDb, system: SystemId, options: { discardUndelivered?: boolean } = {}): Promise<PurgeResult> {
  const tables = [
    db.records, db.people, db.sync, db.events, db.activities, db.stageChanges, db.opportunities, db.remoteFeedback, db.feedback,
    db.snapshots, db.snapshotPacks, db.syncStates, db.teamAnswers,
  ];
  return db.transaction('rw', tables, async () => {
    // The team snapshot holds that system's people too: its scopes are `system|instance|kind`.
    const scopePrefix = `${system}|`;
    await db.snapshots.filter((row) => row.scope.startsWith(scopePrefix)).delete();
    await snapshotPacksWithPrefix(db, scopePrefix).delete();
    await db.syncStates.filter((row) => row.scope.startsWith(scopePrefix)).delete();
    // The team page's kept answers name people and quote their feedback (drill-down, comments), from every system
    // at once: a cache, so all of it goes rather than leave that system's people on disk until it is overwritten.
    await db.teamAnswers.clear();

    const records = await db.records.filter((r) => r.ref.system === system).toArray();
    const recordKeys = records.map((r) => r.key);
    const touched = new Set(records.map((r) => r.personKey));
    for (const key of await db.people.filter((p) => p.linkKeys.some((k) => ownedBy(system, k)) || p.sources.includes(system)).primaryKeys()) {
      touched.add(key);
    }

    await db.records.bulkDelete(recordKeys);
    await db.sync.bulkDelete(recordKeys);
    // Signed out: who the person was there no longer names their feedback or their queue.
    await db.sync.delete(identityKey(system));
    await Promise.all([
      db.events.filter((e) => e.source === system).delete(),
      db.activities.filter((a) => a.source === system).delete(),
      db.stageChanges.filter((s) => s.source === system).delete(),
      db.opportunities.filter((o) => o.source === system).delete(),
      db.remoteFeedback.filter((f) => f.ref.system === system).delete(),
    ]);

    let peopleRemoved = 0;
    let peopleKept = 0;
    for (const personKey of touched) {
      const person = await db.people.get(personKey);
      if (!person) continue;
      const linkKeys = person.linkKeys.filter((k) => !ownedBy(system, k));
      if (linkKeys.length === 0) {
        // Known from this system only: everything filed under them goes.
        const range = [
          [personKey, Dexie.minKey],
          [personKey, Dexie.maxKey],
        ] as const;
        await Promise.all([
          db.events.where('[personKey+occurredAt+id]').between(...range).delete(),
          db.activities.where('[personKey+occurredAt]').between(...range).delete(),
          db.stageChanges.where('[personKey+at]').between(...range).delete(),
          db.opportunities.where('personKey').equals(personKey).delete(),
          db.remoteFeedback.where('personKey').equals(personKey).delete(),
          db.people.delete(personKey),
        ]);
        peopleRemoved++;
      } else {
        await db.people.put({
          ...person,
          linkKeys,
          links: person.links.filter((l) => l.ref.system !== system),
          sources: person.sources.filter((s) => s !== system),
        });
        peopleKept++;
      }
    }

    const feedbackRows = await db.feedback.filter((f) => f.ref.system === system).toArray();
    const undelivered = feedbackRows.filter((f) => UNDELIVERED.has(f.state));
    const drop = feedbackRows.filter((f) => !UNDELIVERED.has(f.state) || options.discardUndelivered);
    await db.feedback.bulkDelete(drop.map((f) => f.id));
    return {
      recordsRemoved: recordKeys.length,
      peopleRemoved,
      peopleKept,
      feedbackDiscarded: options.discardUndelivered ? undelivered.length : 0,
    };
  });
}
