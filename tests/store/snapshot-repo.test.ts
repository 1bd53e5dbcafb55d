import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordRef } from '../../lib/domain/model';
import type { BatonDb } from '../../lib/store/db';
import { saveContext } from '../../lib/store/context-repo';
import {
  clearSnapshot,
  compactSnapshot,
  countSnapshot,
  listSyncStates,
  readSnapshotContexts,
  readSyncState,
  readTeamSnapshot,
  writeSnapshotPage,
  writeSyncState,
  type SnapshotScope,
  type SyncState,
} from '../../lib/store/snapshot-repo';
import { freshDb, leadContext, sfRef, T0 } from './lead-context-fixture';

const ACME: SnapshotScope = { system: 'salesforce', instance: 'acme.my.salesforce.com', kind: 'team' };
const ACME_MINE: SnapshotScope = { ...ACME, kind: 'mine' };
const GLOBEX: SnapshotScope = { system: 'salesforce', instance: 'globex.my.salesforce.com', kind: 'team' };
const globexRef = (id: string): RecordRef => ({ ...sfRef(id), instance: 'globex.my.salesforce.com' });
const ids = (n: number, prefix = '00Q') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(12, '0')}AAA`);

describe('team snapshot', () => {
  let db: BatonDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('a page delivered twice (a resumed sync) keeps one row per person, with the later copy', async () => {
    const page = { contexts: ids(3).map((id) => leadContext(sfRef(id))), deleted: [] };
    await writeSnapshotPage(db, ACME, page);
    const renamed = { ...page.contexts[1]!, person: { ...page.contexts[1]!.person, name: '改名 後' } };
    await writeSnapshotPage(db, ACME, { contexts: [page.contexts[0]!, renamed, page.contexts[2]!], deleted: [] });
    const contexts = await readSnapshotContexts(db);
    expect(contexts).toHaveLength(3);
    expect(contexts.map((c) => c.person.name)).toContain('改名 後');
  });

  it('removes records the vendor reports deleted, and only in that scope', async () => {
    const [a, b] = ids(2);
    await writeSnapshotPage(db, ACME, { contexts: [leadContext(sfRef(a!)), leadContext(sfRef(b!))], deleted: [] });
    await writeSnapshotPage(db, GLOBEX, { contexts: [leadContext(globexRef(a!))], deleted: [] });
    await writeSnapshotPage(db, ACME, { contexts: [], deleted: [sfRef(a!)] });
    expect((await readSnapshotContexts(db, [ACME])).map((c) => c.ref.id)).toEqual([b]);
    expect(await countSnapshot(db, GLOBEX)).toBe(1);
  });

  it('keeps systems and instances apart: reading or clearing one scope leaves the others', async () => {
    await writeSnapshotPage(db, ACME, { contexts: ids(2).map((id) => leadContext(sfRef(id))), deleted: [] });
    await writeSnapshotPage(db, GLOBEX, { contexts: ids(3, '00G').map((id) => leadContext(globexRef(id))), deleted: [] });
    expect(await readSnapshotContexts(db, [{ system: 'salesforce', instance: 'globex.my.salesforce.com' }])).toHaveLength(3);
    expect(await readSnapshotContexts(db)).toHaveLength(5);
    await clearSnapshot(db, GLOBEX);
    expect(await readSnapshotContexts(db)).toHaveLength(2);
    expect(await readSnapshotContexts(db, [GLOBEX])).toEqual([]);
  });

  it('the team figures read the real systems’ team snapshots, the demo only when there is no real one, never "mine"', async () => {
    const synced = (scope: SnapshotScope) => writeSyncState(db, { scope, period: { from: 0, to: T0 }, cursor: null, inFlight: null, lastCompleteAt: T0, callsUsed: 0, callsLastRun: 0 });
    const DEMO: SnapshotScope = { system: 'demo', instance: 'sfa', kind: 'team' };
    const demoRef = (id: string): RecordRef => ({ system: 'demo', instance: 'sfa', object: 'lead', id });
    await writeSnapshotPage(db, DEMO, { contexts: ['d1', 'd2', 'd3'].map((id) => leadContext(demoRef(id))), deleted: [] });
    await synced(DEMO);
    expect(await readTeamSnapshot(db)).toHaveLength(3);

    await writeSnapshotPage(db, ACME, { contexts: ids(2).map((id) => leadContext(sfRef(id))), deleted: [] });
    await writeSnapshotPage(db, ACME_MINE, { contexts: ids(5, '00M').map((id) => leadContext(sfRef(id))), deleted: [] });
    await synced(ACME);
    await synced(ACME_MINE);
    await writeSnapshotPage(db, GLOBEX, { contexts: ids(1, '00G').map((id) => leadContext(globexRef(id))), deleted: [] });
    await synced(GLOBEX);
    const team = await readTeamSnapshot(db);
    expect(team.map((c) => `${c.ref.system}|${c.ref.instance}`).sort()).toEqual([
      'salesforce|acme.my.salesforce.com',
      'salesforce|acme.my.salesforce.com',
      'salesforce|globex.my.salesforce.com',
    ]);
  });

  it('a lead in both the team and the "mine" snapshot is read once, as last fetched', async () => {
    const [id] = ids(1);
    await writeSnapshotPage(db, ACME, { contexts: [leadContext(sfRef(id!), { fetchedAt: T0, name: '古い' })], deleted: [] });
    await writeSnapshotPage(db, ACME_MINE, { contexts: [leadContext(sfRef(id!), { fetchedAt: T0 + 60_000, name: '新しい' })], deleted: [] });
    const all = await readSnapshotContexts(db);
    expect(all.map((c) => c.person.name)).toEqual(['新しい']);
    expect((await readSnapshotContexts(db, [{ ...ACME, kind: 'team' }])).map((c) => c.person.name)).toEqual(['古い']);
    expect(await readSnapshotContexts(db, [{ system: 'salesforce', instance: 'acme.my.salesforce.com' }])).toHaveLength(1);
  });

  it('refuses a record of another system with a message naming it, and writes nothing of that page', async () => {
    const hubspot: RecordRef = { system: 'hubspot', instance: '12345', object: '0-1', id: '901' };
    await expect(
      writeSnapshotPage(db, ACME, { contexts: [leadContext(sfRef(ids(1)[0]!)), leadContext(hubspot)], deleted: [] }),
    ).rejects.toThrow(/salesforce\|acme\.my\.salesforce\.com\|team.*hubspot\|12345\|0-1\|901/);
    expect(await readSnapshotContexts(db)).toEqual([]);
  });

  it('a listing that pages by 100 leaves small packs; compaction rewrites them full, and everyone reads the same', async () => {
    const all = ids(2_350);
    for (let i = 0; i < all.length; i += 100) {
      await writeSnapshotPage(db, ACME, { contexts: all.slice(i, i + 100).map((id) => leadContext(sfRef(id))), deleted: [] });
    }
    // An incremental run: 300 people changed, 50 deleted.
    const changed = all.slice(0, 300).map((id) => ({ ...leadContext(sfRef(id)), fetchedAt: T0 + 1 }));
    await writeSnapshotPage(db, ACME, { contexts: changed, deleted: all.slice(300, 350).map((id) => sfRef(id)) });
    const before = await readSnapshotContexts(db, [ACME]);
    expect(before).toHaveLength(2_300);
    expect(await db.snapshotPacks.count()).toBe(25);

    expect(await compactSnapshot(db, ACME)).toBe(true);
    expect(await db.snapshotPacks.count()).toBe(3);
    const after = await readSnapshotContexts(db, [ACME]);
    expect(new Map(after.map((c) => [c.ref.id, c.fetchedAt]))).toEqual(new Map(before.map((c) => [c.ref.id, c.fetchedAt])));
    // Full packs with nothing superseded: left alone.
    expect(await compactSnapshot(db, ACME)).toBe(false);
    // Other scopes are not touched.
    await writeSnapshotPage(db, GLOBEX, { contexts: [leadContext(globexRef(all[0]!))], deleted: [] });
    await compactSnapshot(db, ACME);
    expect(await countSnapshot(db, GLOBEX)).toBe(1);
  });

  it('lives apart from the panel cache: the snapshot does not fill the cache, and the cache is not a snapshot', async () => {
    await saveContext(db, leadContext(sfRef('00Q000000000999AAA')));
    await writeSnapshotPage(db, ACME, { contexts: [leadContext(sfRef(ids(1)[0]!))], deleted: [] });
    expect(await db.people.count()).toBe(1);
    expect(await readSnapshotContexts(db)).toHaveLength(1);
  });

  it('keeps each scope its sync state: cursor, request in flight, calls, errors', async () => {
    const state: SyncState = {
      scope: ACME,
      period: { from: T0 - 180 * 86_400_000, to: T0 },
      cursor: 'page-7',
      inFlight: { from: T0 - 180 * 86_400_000, to: T0, scope: 'team', cursor: 'page-6' },
      callsUsed: 42,
      callsLastRun: 7,
      error: { message: 'Salesforce: daily API limit above 80%, paused', kind: 'rate_limited', at: T0 },
      running: { runId: 'run-1', startedAt: T0 - 1000, heartbeatAt: T0 },
    };
    await writeSyncState(db, state);
    await writeSyncState(db, { scope: GLOBEX, period: { from: 0, to: T0 }, cursor: null, inFlight: null, lastCompleteAt: T0, callsUsed: 3, callsLastRun: 3 });
    expect(await readSyncState(db, ACME)).toEqual(state);
    expect(await readSyncState(db, ACME_MINE)).toBeNull();
    expect((await listSyncStates(db)).map((s) => s.scope.instance).sort()).toEqual(['acme.my.salesforce.com', 'globex.my.salesforce.com']);
    await expect(writeSyncState(db, { ...state, callsUsed: -1 })).rejects.toThrow();
  });

  it('a sync state this build cannot read counts as never synced (the next run is a full one)', async () => {
    await db.syncStates.put({ scope: 'salesforce|acme.my.salesforce.com|team', state: { cursor: 12 } });
    expect(await readSyncState(db, ACME)).toBeNull();
    expect(await listSyncStates(db)).toEqual([]);
  });
});
