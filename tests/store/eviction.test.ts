import { afterEach, describe, expect, it } from 'vitest';
import { markViewed, readContext, saveContext } from '../../lib/store/context-repo';
import type { BatonDb } from '../../lib/store/db';
import { enforceBudget, enforceCacheBudget, estimateByRows, estimateUsage } from '../../lib/store/eviction';
import { saveSettings } from '../../lib/store/settings';
import { recordFeedback } from '../../lib/store/outbox';
import { freshDb, HOUR, leadContext, sfRef, T0 } from './lead-context-fixture';

let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

async function fill(count: number) {
  for (let i = 0; i < count; i++) {
    await saveContext(db, leadContext(sfRef(`00Q0000000000${String(i).padStart(2, '0')}AAA`), { events: 20, fetchedAt: T0 + i }));
  }
}

describe('cache budget', () => {
  it('evicts the least recently viewed people first, down under the budget', async () => {
    db = freshDb();
    await fill(10);
    // Person 0 was fetched first but looked at last: it must survive.
    await markViewed(db, sfRef('00Q000000000000AAA'), T0 + 10 * HOUR);
    const full = await estimateByRows(db);
    const result = await enforceBudget(db, { budgetBytes: Math.floor(full / 2), storage: {} });
    expect(result.before.method).toBe('rows');
    expect(result.evicted[0]).toBe('00q000000000001aaa@example.co.jp');
    expect(result.evicted).not.toContain('00q000000000000aaa@example.co.jp');
    expect(await estimateByRows(db)).toBeLessThanOrEqual(Math.floor(full / 2));
    expect(await readContext(db, sfRef('00Q000000000000AAA'))).toBeDefined();
    expect(await readContext(db, sfRef('00Q000000000001AAA'))).toBeUndefined();
    // Their events went with them.
    expect(await db.events.filter((e) => e.personKey === '00q000000000001aaa@example.co.jp').count()).toBe(0);
    expect(await db.events.count()).toBe((10 - result.evicted.length) * 20);
  });

  it('never evicts feedback, sent or unsent', async () => {
    db = freshDb();
    await fill(5);
    for (let i = 0; i < 5; i++) {
      const id = `00Q0000000000${String(i).padStart(2, '0')}AAA`;
      await recordFeedback(db, { ref: sfRef(id), personKey: `${id.toLowerCase()}@example.co.jp`, verdict: 'good', by: 'me' }, T0);
    }
    await db.feedback.toCollection().limit(2).modify({ state: 'sent' });
    await enforceBudget(db, { budgetBytes: 1, storage: {} });
    expect(await db.people.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(await db.feedback.count()).toBe(5);
  });

  it('does nothing while under budget, and trusts the browser estimate when there is one', async () => {
    db = freshDb();
    await fill(3);
    const result = await enforceBudget(db, { budgetBytes: 10_000_000, storage: { estimate: async () => ({ usage: 5_000_000 }) } });
    expect(result.before).toEqual({ bytes: 5_000_000, method: 'storage' });
    expect(result.evicted).toEqual([]);
    expect(await db.people.count()).toBe(3);
    expect((await estimateUsage(db, undefined)).method).toBe('rows');
  });
});

describe('enforceCacheBudget', () => {
  it('uses the budget set in the options', async () => {
    db = freshDb();
    await fill(4);
    await saveSettings(db, { cacheBudgetMb: 5 });
    const under = await enforceCacheBudget(db, { storage: { estimate: async () => ({ usage: 4 * 1024 * 1024 }) } });
    expect(under).toMatchObject({ budgetBytes: 5 * 1024 * 1024, evicted: [] });
    const over = await enforceCacheBudget(db, { storage: { estimate: async () => ({ usage: 6 * 1024 * 1024 }) } });
    expect(over.evicted.length).toBeGreaterThan(0);
  });
});
