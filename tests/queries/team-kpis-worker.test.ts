import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { assessAlignment } from '../../lib/domain/alignment-diagnostic';
import { computeTeamKpis } from '../../lib/domain/team-kpis';
import { createTeamKpisClient, type TeamKpisClient } from '../../lib/queries/team-kpis-client';
import type { BatonDb } from '../../lib/store/db';
import { readSnapshotContexts, writeSnapshotPage, type SnapshotScope } from '../../lib/store/snapshot-repo';
import { makeTeamContexts, TEAM_NOW } from '../../scripts/bench/team-data';
import { freshDb } from '../store/lead-context-fixture';
import { inProcessWorker } from './in-process-worker';

const SCOPE: SnapshotScope = { system: 'salesforce', instance: 'acme.my.salesforce.com', kind: 'team' };
const RANGE = { from: TEAM_NOW - 90 * 86_400_000, to: TEAM_NOW };

describe('team KPIs worker', () => {
  let db: BatonDb;
  let client: TeamKpisClient;
  const reads = { count: 0 };
  beforeEach(() => {
    db = freshDb();
    reads.count = 0;
    client = createTeamKpisClient(
      inProcessWorker(async () => {
        reads.count++;
        return readSnapshotContexts(db);
      }),
    );
  });
  afterEach(async () => {
    client.close();
    await db.delete();
  });

  it('answers from the snapshot it reads itself, the same figures as the engine, and names the people behind one', async () => {
    const contexts = makeTeamContexts(300);
    await writeSnapshotPage(db, SCOPE, { contexts, deleted: [] });
    const { id, kpis } = await client.compute({ range: RANGE, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] });
    const expected = computeTeamKpis(contexts, [DEFAULT_DEFINITIONS], RANGE, TEAM_NOW);
    expect(kpis).toEqual(structuredClone(expected));
    expect(kpis.sla.handedOff).toBeGreaterThan(0);
    expect(await client.peopleFor(id, ['sla', 'breachedOpen'])).toEqual(expected.peopleFor(['sla', 'breachedOpen']));
    // A filter is counted from what the worker already holds: no second read.
    const owner = kpis.byOwner[0]!.key;
    const filtered = await client.compute({ range: RANGE, filter: { owners: [owner] }, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] });
    expect(filtered.kpis.leads).toBe(kpis.byOwner[0]!.leads);
    expect(reads.count).toBe(1);
  });

  it('a minute later gives the figures the engine gives then, without reading the snapshot again', async () => {
    const contexts = makeTeamContexts(400);
    await writeSnapshotPage(db, SCOPE, { contexts, deleted: [] });
    await client.compute({ range: RANGE, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] });
    // Two days on: open handoffs have breached since, booked meetings have happened.
    for (const later of [60_000, 2 * 86_400_000]) {
      const { kpis } = await client.compute({ range: RANGE, now: TEAM_NOW + later, versions: [DEFAULT_DEFINITIONS] });
      expect(kpis).toEqual(structuredClone(computeTeamKpis(contexts, [DEFAULT_DEFINITIONS], RANGE, TEAM_NOW + later)));
    }
    expect(reads.count).toBe(1);
  });

  it('sees a finished sync only after it is told to reload', async () => {
    await writeSnapshotPage(db, SCOPE, { contexts: makeTeamContexts(50), deleted: [] });
    const before = await client.compute({ range: RANGE, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] });
    await writeSnapshotPage(db, SCOPE, { contexts: makeTeamContexts(80), deleted: [] });
    expect((await client.compute({ range: RANGE, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] })).kpis.leads).toBe(before.kpis.leads);
    client.reload();
    expect((await client.compute({ range: RANGE, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] })).kpis.leads).toBe(80);
    await expect(client.peopleFor(before.id, ['leads'])).rejects.toThrow(/is gone/);
  });

  it('gives the diagnostic the engine gives over the snapshot it holds: after a filtered view, a minute later, and after a sync', async () => {
    const versions = [DEFAULT_DEFINITIONS];
    const first = makeTeamContexts(300);
    await writeSnapshotPage(db, SCOPE, { contexts: first, deleted: [] });
    // The page's view is one owner's: the diagnostic still reads the whole team.
    const owner = (await client.compute({ range: RANGE, now: TEAM_NOW, versions, splits: true })).kpis.byOwner[0]!.key;
    expect((await client.compute({ range: RANGE, filter: { owners: [owner] }, now: TEAM_NOW, versions })).kpis.leads).toBeGreaterThan(0);
    const ask = (now: number) => client.diagnostic({ range: RANGE, now, versions, syncedAt: TEAM_NOW - 3_600_000, answers: {} });
    const engine = (contexts: typeof first, now: number) => structuredClone(assessAlignment({ contexts, versions, range: RANGE, now, syncedAt: TEAM_NOW - 3_600_000, answers: {} }));
    const held = await readSnapshotContexts(db);
    expect(await ask(TEAM_NOW)).toEqual(engine(held, TEAM_NOW));
    expect(await ask(TEAM_NOW + 60_000)).toEqual(engine(held, TEAM_NOW + 60_000));
    // A sync rewrites everyone and brings more (other duplicates, other links): nothing of the first snapshot's figures stays.
    await writeSnapshotPage(db, SCOPE, { contexts: makeTeamContexts(450, 10, 11), deleted: [] });
    client.reload();
    const after = await ask(TEAM_NOW);
    expect(after).toEqual(engine(await readSnapshotContexts(db), TEAM_NOW));
    expect(after).not.toEqual(engine(held, TEAM_NOW));
  });

  it("answers a filter change's figures asked while the diagnostic is being worked out before the diagnostic", async () => {
    const contexts = makeTeamContexts(300);
    await writeSnapshotPage(db, SCOPE, { contexts, deleted: [] });
    const owner = (await client.compute({ range: RANGE, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] })).kpis.byOwner[0]!.key;
    const order: string[] = [];
    await Promise.all([
      client.diagnostic({ range: RANGE, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS], syncedAt: null, answers: {} }).then(() => order.push('diagnostic')),
      client.compute({ range: RANGE, filter: { owners: [owner] }, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] }).then(() => order.push('figures')),
    ]);
    expect(order).toEqual(['figures', 'diagnostic']);
  });

  it('drops a request the page cancelled: it rejects at once, and the worker skips it and answers the next', async () => {
    await writeSnapshotPage(db, SCOPE, { contexts: makeTeamContexts(200), deleted: [] });
    const left = new AbortController();
    const leftView = client.compute({ range: RANGE, filter: { owners: ['nobody'] }, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS], signal: left.signal });
    left.abort(new Error('view left'));
    await expect(leftView).rejects.toThrow('view left');
    const gone = new AbortController();
    gone.abort(new Error('already left'));
    await expect(client.detail({ range: RANGE, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS], weeks: [RANGE], signal: gone.signal })).rejects.toThrow('already left');
    expect((await client.compute({ range: RANGE, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] })).kpis.leads).toBe(200);
  });

  it('refuses a bad request with a message that names the field', async () => {
    await expect(client.compute({ range: { from: 10, to: 5 }, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] })).rejects.toThrow(/range.*from must not be after/);
    await expect(client.compute({ range: RANGE, now: TEAM_NOW, versions: [{ id: 'broken' } as never] })).rejects.toThrow(/Team KPIs worker/);
  });
});
