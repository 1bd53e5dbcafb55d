import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readContext } from '../../lib/store/context-repo';
import { openBatonDb, SCHEMA_V1 } from '../../lib/store/db';
import { evictLeastRecentlyViewed } from '../../lib/store/eviction';
import { nextDueAt } from '../../lib/store/outbox';
import { sfRef, T0 } from './lead-context-fixture';

describe('schema upgrades', () => {
  it('opens a version 1 database with rows in it, upgrades to version 2, and loses nothing', async () => {
    const name = `baton-v1-${Math.random().toString(36).slice(2)}`;
    // Exactly what a build with only version 1 wrote: people and records without lastViewedAt.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const ref = sfRef('00Q000000000001AAA');
    await v1.table('people').bulkAdd([
      { key: 'old@example.co.jp', name: '古い 人', email: 'old@example.co.jp', stage: 'mql', attributes: {}, links: [{ ref }], linkKeys: ['salesforce|acme.my.salesforce.com|Lead|00Q000000000001AAA'], updatedAt: T0, sources: ['salesforce'] },
      { key: 'new@example.co.jp', name: '新しい 人', email: 'new@example.co.jp', stage: null, attributes: {}, links: [], linkKeys: [], updatedAt: T0 + 10_000, sources: ['salesforce'] },
    ]);
    await v1.table('records').add({ key: 'salesforce|acme.my.salesforce.com|Lead|00Q000000000001AAA', ref, personKey: 'old@example.co.jp', warnings: [], fetchedAt: T0 });
    await v1.table('events').bulkAdd(
      Array.from({ length: 50 }, (_, i) => ({ id: `marketo:${i}`, source: 'marketo', sourceId: String(i), type: 'email_open', occurredAt: T0 - i, personKey: 'old@example.co.jp' })),
    );
    await v1.table('feedback').add({
      id: 'feedback-v1-0001', ref, recordKey: 'salesforce|acme.my.salesforce.com|Lead|00Q000000000001AAA', personKey: 'old@example.co.jp',
      verdict: 'good', reasonCodes: [], by: 'me', at: T0, state: 'pending', attempts: 0, nextAttemptAt: T0 + 5_000, authFailures: 0,
    });
    await v1.table('settings').put({ key: 'settings', value: { language: 'ja' } });
    const countsBefore = Object.fromEntries(await Promise.all(v1.tables.map(async (t) => [t.name, await t.count()] as const)));
    v1.close();

    const db = openBatonDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    const countsAfter = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
    expect(countsAfter).toEqual(countsBefore);
    // The backfill: last viewed = last fetched, so the new index orders them.
    expect((await db.people.orderBy('lastViewedAt').primaryKeys())).toEqual(['old@example.co.jp', 'new@example.co.jp']);
    expect((await db.records.toArray())[0]?.lastViewedAt).toBe(T0);
    // The old data still reads as a context, and the pending click is still due.
    const cached = await readContext(db, ref);
    expect(cached?.context.events).toHaveLength(50);
    expect(cached?.context.person.name).toBe('古い 人');
    expect(await nextDueAt(db)).toBe(T0 + 5_000);
    // Eviction works over the upgraded rows.
    expect(await evictLeastRecentlyViewed(db, { count: 1 })).toEqual(['old@example.co.jp']);
    await db.delete();
  });
});
