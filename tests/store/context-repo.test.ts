import { afterEach, describe, expect, it } from 'vitest';
import { markViewed, readContext, saveContext } from '../../lib/store/context-repo';
import type { BatonDb } from '../../lib/store/db';
import { freshDb, HOUR, leadContext, sfRef, T0 } from './lead-context-fixture';

let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

describe('saveContext / readContext', () => {
  it('gives back the whole context that was saved, with when and from where', async () => {
    db = freshDb();
    const ctx = leadContext(sfRef('00Q000000000001AAA'), { events: 5 });
    await saveContext(db, ctx);
    const cached = await readContext(db, ctx.ref);
    expect(cached?.fetchedAt).toBe(T0);
    expect(cached?.sources).toEqual(['salesforce', 'marketo']);
    expect(cached?.lastError).toBeNull();
    expect(cached?.context.person).toEqual(ctx.person);
    expect(cached?.context.events.map((e) => e.id).sort()).toEqual(ctx.events.map((e) => e.id).sort());
    expect(cached?.context.activities).toEqual(ctx.activities);
    expect(cached?.context.stageChanges).toEqual(ctx.stageChanges);
  });

  it('saving the same history twice does not double any event', async () => {
    db = freshDb();
    const ctx = leadContext(sfRef('00Q000000000002AAA'), { events: 4 });
    await saveContext(db, ctx);
    await saveContext(db, { ...ctx, fetchedAt: T0 + HOUR });
    const cached = await readContext(db, ctx.ref);
    expect(cached?.context.events).toHaveLength(4);
    expect(cached?.fetchedAt).toBe(T0 + HOUR);
    expect(await db.events.count()).toBe(4);
  });

  it('keeps one row per event when the vendor corrects its time or the person gets an e-mail', async () => {
    db = freshDb();
    const ref = sfRef('00Q000000000005AAA');
    const before = leadContext(ref, { events: 3 });
    // First fetch: no e-mail yet, so the person is keyed by the record.
    await saveContext(db, { ...before, person: { ...before.person, key: 'salesforce|acme.my.salesforce.com|00Q000000000005AAA', email: undefined } });
    const corrected = { ...before, events: before.events.map((e, i) => (i === 0 ? { ...e, occurredAt: e.occurredAt + 60_000 } : e)) };
    await saveContext(db, corrected);
    expect(await db.events.count()).toBe(3);
    const cached = await readContext(db, ref);
    expect(cached?.context.person.key).toBe(before.person.key);
    expect(cached?.context.events.find((e) => e.id === before.events[0]!.id)?.occurredAt).toBe(before.events[0]!.occurredAt + 60_000);
  });

  it('knows the person when their record in another system is opened', async () => {
    db = freshDb();
    const ctx = leadContext(sfRef('00Q000000000003AAA'));
    await saveContext(db, ctx);
    const marketo = { system: 'marketo' as const, instance: '123-ABC-456', object: 'lead', id: 'm-00Q000000000003AAA' };
    const cached = await readContext(db, marketo);
    expect(cached?.context.person.name).toBe(ctx.person.name);
    expect(cached?.context.ref).toEqual(marketo);
  });

  it('returns nothing for a record never fetched', async () => {
    db = freshDb();
    expect(await readContext(db, sfRef('00Q00000000000XAAA'))).toBeUndefined();
  });

  it('records when a person was last viewed', async () => {
    db = freshDb();
    const ctx = leadContext(sfRef('00Q000000000004AAA'));
    await saveContext(db, ctx);
    await markViewed(db, ctx.ref, T0 + 5 * HOUR);
    expect((await db.people.get(ctx.person.key))?.lastViewedAt).toBe(T0 + 5 * HOUR);
  });

  it('evicts old people and retries once when the disk is full, keeping the outbox', async () => {
    db = freshDb();
    for (let i = 0; i < 5; i++) await saveContext(db, leadContext(sfRef(`00Q00000000001${i}AAA`), { fetchedAt: T0 + i }));
    await db.feedback.add({
      id: 'feedback-0001', ref: sfRef('00Q000000000010AAA'), recordKey: 'x', personKey: '00q000000000010aaa@example.co.jp',
      verdict: 'good', reasonCodes: [], by: 'me', at: T0, state: 'pending', attempts: 0, nextAttemptAt: T0, authFailures: 0,
    });
    const original = db.events.bulkPut.bind(db.events);
    let failures = 0;
    db.events.bulkPut = ((...args: Parameters<typeof original>) => {
      if (failures++ === 0) return Promise.reject(new DOMException('disk full', 'QuotaExceededError'));
      return original(...args);
    }) as typeof original;
    const ctx = leadContext(sfRef('00Q000000000099AAA'), { fetchedAt: T0 + 100 });
    await saveContext(db, ctx);
    expect((await readContext(db, ctx.ref))?.context.events).toHaveLength(3);
    // The least recently viewed person went; the outbox row stayed.
    expect(await db.people.get('00q000000000010aaa@example.co.jp')).toBeUndefined();
    expect(await db.feedback.get('feedback-0001')).toBeDefined();
  });
});
