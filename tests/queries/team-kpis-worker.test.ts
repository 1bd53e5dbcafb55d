import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
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

  it('refuses a bad request with a message that names the field', async () => {
    await expect(client.compute({ range: { from: 10, to: 5 }, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] })).rejects.toThrow(/range.*from must not be after/);
    await expect(client.compute({ range: RANGE, now: TEAM_NOW, versions: [{ id: 'broken' } as never] })).rejects.toThrow(/Team KPIs worker/);
  });
});
