import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readContext } from '../../lib/store/context-repo';
import { openBatonDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V5, SNAPSHOT_PACK_SIZE } from '../../lib/store/db';
import {
  countSnapshot,
  readSnapshotContexts,
  readSyncState,
  readTeamSnapshot,
  snapshotGenerationOf,
  teamSnapshotGeneration,
  writeSnapshotPage,
  writeSyncState,
} from '../../lib/store/snapshot-repo';
import { readTeamAnswer, saveTeamAnswer } from '../../lib/store/team-answer-cache';
import { latestReview, recordReview } from '../../lib/store/review-repo';
import { evictLeastRecentlyViewed } from '../../lib/store/eviction';
import { nextDueAt } from '../../lib/store/outbox';
import { leadContext, sfRef, T0 } from './lead-context-fixture';

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
    expect(db.verno).toBe(6);
    const countsAfter = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
    expect(countsAfter).toEqual({ ...countsBefore, snapshots: 0, snapshotPacks: 0, syncStates: 0, selfAssessments: 0, teamAnswers: 0, reviews: 0 });
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

  it('opens a version 2 database with rows in it, upgrades to version 3 (team snapshot), and loses nothing', async () => {
    const name = `baton-v2-${Math.random().toString(36).slice(2)}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    const ref = sfRef('00Q000000000002AAA');
    const recordKey = 'salesforce|acme.my.salesforce.com|Lead|00Q000000000002AAA';
    await v2.table('people').add({
      key: 'kept@example.co.jp', name: '残る 人', email: 'kept@example.co.jp', stage: 'sql', attributes: {}, links: [{ ref }],
      linkKeys: [recordKey], updatedAt: T0, sources: ['salesforce'], lastViewedAt: T0 + 1,
    });
    await v2.table('records').add({ key: recordKey, ref, personKey: 'kept@example.co.jp', warnings: [], fetchedAt: T0, lastViewedAt: T0 + 1 });
    await v2.table('events').bulkAdd(
      Array.from({ length: 20 }, (_, i) => ({ id: `marketo:v2-${i}`, source: 'marketo', sourceId: `v2-${i}`, type: 'page_view', occurredAt: T0 - i, personKey: 'kept@example.co.jp' })),
    );
    await v2.table('feedback').add({
      id: 'feedback-v2-0001', ref, recordKey, personKey: 'kept@example.co.jp',
      verdict: 'bad', reasonCodes: ['no_budget'], by: 'me', at: T0, state: 'pending', attempts: 0, nextAttemptAt: T0 + 5_000, authFailures: 0,
    });
    const countsBefore = Object.fromEntries(await Promise.all(v2.tables.map(async (t) => [t.name, await t.count()] as const)));
    v2.close();

    const db = openBatonDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    const countsAfter = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
    expect(countsAfter).toEqual({ ...countsBefore, snapshots: 0, snapshotPacks: 0, syncStates: 0, selfAssessments: 0, teamAnswers: 0, reviews: 0 });
    const cached = await readContext(db, ref);
    expect(cached?.context.person.name).toBe('残る 人');
    expect(cached?.context.events).toHaveLength(20);
    expect(await nextDueAt(db)).toBe(T0 + 5_000);
    // The new tables work on the upgraded database, apart from the panel's cache.
    const scope = { system: 'salesforce', instance: 'acme.my.salesforce.com', kind: 'team' } as const;
    await writeSnapshotPage(db, scope, { contexts: [leadContext(ref)], deleted: [] });
    await writeSyncState(db, { scope, period: { from: T0 - 1, to: T0 }, cursor: null, inFlight: null, callsUsed: 1, callsLastRun: 1 });
    expect((await readSnapshotContexts(db)).map((c) => c.ref.id)).toEqual(['00Q000000000002AAA']);
    expect((await readSyncState(db, scope))?.callsUsed).toBe(1);
    expect(await db.people.count()).toBe(1);
    await db.delete();
  });

  it('opens a version 3 database with a team snapshot in it, upgrades to version 4 (packs), and loses no one', async () => {
    const name = `baton-v3-${Math.random().toString(36).slice(2)}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    const acme = 'salesforce|acme.my.salesforce.com|team';
    const mine = 'salesforce|acme.my.salesforce.com|mine';
    const ids = Array.from({ length: SNAPSHOT_PACK_SIZE + 500 }, (_, i) => `00Q${String(i).padStart(12, '0')}AAA`);
    const row = (scope: string, id: string, name = `人 ${id}`) => {
      const context = leadContext(sfRef(id));
      context.person.name = name;
      return { scope, key: `salesforce|acme.my.salesforce.com|Lead|${id}`, personKey: context.person.key, context, writtenAt: T0 };
    };
    await v3.table('snapshots').bulkAdd(ids.map((id) => row(acme, id)));
    await v3.table('snapshots').add(row(mine, ids[0]!, '私の リード'));
    const state = { scope: { system: 'salesforce', instance: 'acme.my.salesforce.com', kind: 'team' }, period: { from: T0 - 1, to: T0 }, cursor: null, inFlight: null, lastCompleteAt: T0, callsUsed: 7, callsLastRun: 7 };
    await v3.table('syncStates').add({ scope: acme, state });
    v3.close();

    const db = openBatonDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.snapshots.count()).toBe(0);
    // 1,500 team rows in two packs, the one "mine" row in its own.
    expect(await db.snapshotPacks.count()).toBe(3);
    const teamScope = { system: 'salesforce', instance: 'acme.my.salesforce.com', kind: 'team' } as const;
    expect(await countSnapshot(db, teamScope)).toBe(ids.length);
    expect(await countSnapshot(db, { ...teamScope, kind: 'mine' })).toBe(1);
    expect((await readSnapshotContexts(db, [teamScope])).map((c) => c.ref.id).sort()).toEqual([...ids].sort());
    expect((await readSnapshotContexts(db, [{ ...teamScope, kind: 'mine' }]))[0]?.person.name).toBe('私の リード');
    expect((await readSyncState(db, teamScope))?.callsUsed).toBe(7);
    // Writing after the upgrade appends after the moved packs: a changed person reads as changed.
    const changed = leadContext(sfRef(ids[3]!));
    changed.person.name = '変わった 人';
    await writeSnapshotPage(db, teamScope, { contexts: [changed], deleted: [sfRef(ids[4]!)] });
    const after = await readSnapshotContexts(db, [teamScope]);
    expect(after).toHaveLength(ids.length - 1);
    expect(after.find((c) => c.ref.id === ids[3])?.person.name).toBe('変わった 人');
    await db.delete();
  });

  it('opens a version 5 database with a snapshot and answers in it, upgrades to version 6 (generation index, kept answers, reviews), and loses nothing', async () => {
    const name = `baton-v5-${Math.random().toString(36).slice(2)}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(SCHEMA_V5);
    const scope = 'salesforce|acme.my.salesforce.com|team';
    const ids = ['00Q000000000001AAA', '00Q000000000002AAA'];
    await v5.table('snapshotPacks').bulkAdd([
      { scope, seq: 1, entries: [{ key: `salesforce|acme.my.salesforce.com|Lead|${ids[0]}`, context: leadContext(sfRef(ids[0]!)) }], writtenAt: T0 },
      { scope, seq: 2, entries: [{ key: `salesforce|acme.my.salesforce.com|Lead|${ids[1]}`, context: leadContext(sfRef(ids[1]!)) }], writtenAt: T0 + 1 },
    ]);
    const state = { scope: { system: 'salesforce', instance: 'acme.my.salesforce.com', kind: 'team' }, period: { from: T0 - 1, to: T0 }, cursor: null, inFlight: null, lastCompleteAt: T0, callsUsed: 3, callsLastRun: 3 };
    await v5.table('syncStates').add({ scope, state });
    await v5.table('selfAssessments').add({ checkId: 'regularReview', answer: 'yes', at: T0 });
    v5.close();

    const db = openBatonDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.selfAssessments.count()).toBe(1);
    expect((await readTeamSnapshot(db)).map((c) => c.ref.id).sort()).toEqual(ids);
    // The new index gives the generation of the packs already there, from keys alone: the same as a read's.
    const read = await readTeamSnapshot(db);
    expect(await teamSnapshotGeneration(db)).toBe(snapshotGenerationOf(read));
    // The new tables work on the upgraded database.
    const question = { kind: 'kpis' as const, range: { from: T0 - 1, to: T0 }, filter: {}, versions: [] };
    const generation = await teamSnapshotGeneration(db);
    await saveTeamAnswer(db, question, { generation, now: T0, computedAt: T0, answer: { leads: 2 } });
    expect((await readTeamAnswer(db, question, generation))?.answer).toEqual({ leads: 2 });
    expect(await latestReview(db)).toBeNull();
    expect(await recordReview(db, REVIEW)).toBeNull();
    expect((await latestReview(db))?.at).toBe(REVIEW.at);
    // A write after the upgrade moves the generation: answers kept for the old snapshot are not this one's.
    await writeSnapshotPage(db, { system: 'salesforce', instance: 'acme.my.salesforce.com', kind: 'team' }, { contexts: [], deleted: [sfRef(ids[0]!)] }, T0 + 2);
    expect(await teamSnapshotGeneration(db)).not.toBe(generation);
    expect(await readTeamAnswer(db, question, await teamSnapshotGeneration(db))).toBeNull();
    await db.delete();
  });
});

const REVIEW = {
  at: T0 + 10,
  range: { from: T0 - 7 * 86_400_000, to: T0 },
  inForce: 'baton-default@1',
  headline: { leads: 2, mql: 1, sql: 1, won: 0, wonAmount: 0, handedOff: 1, met: 1, metRate: 1, good: 1, bad: 0 },
};
