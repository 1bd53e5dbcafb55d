import { createDemoConnector } from '../../lib/connectors/demo/demo-connector';
import { createSalesforceConnector } from '../../lib/connectors/salesforce/connector';
import { DEMO_PEOPLE } from '../../lib/connectors/demo/dataset';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { mapVendorStage } from '../../lib/domain/definitions/stage-mapping';
import type { BatonDb } from '../../lib/store/db';
import { countSnapshot, readSnapshotContexts, readSyncState, writeSyncState, type SnapshotScope } from '../../lib/store/snapshot-repo';
import { runTeamSync, type RunTeamSyncInput } from '../../lib/store/team-sync-runner';
import { connectedStore } from '../connectors/salesforce/fake-org';
import { createListingOrg, generatePeople } from '../connectors/salesforce/fake-list-org';
import { freshDb } from './lead-context-fixture';

const NOW = Date.UTC(2026, 10, 30, 3, 0);
const HOUR = 3_600_000;
const SF: SnapshotScope = { system: 'salesforce', instance: 'acme', kind: 'team' };
const stageOf: RunTeamSyncInput['stageOf'] = (s, f, v) => mapVendorStage(DEFAULT_DEFINITIONS, s, f, v);

function salesforce(leads: number, opts: { contacts?: number; clock?: () => number } = {}) {
  const org = createListingOrg({ people: generatePeople({ leads, contacts: opts.contacts ?? 0, now: NOW }), now: NOW });
  const connector = createSalesforceConnector({ storage: connectedStore(), fetchImpl: org.fetch, now: opts.clock ?? (() => NOW), sleep: async () => {} });
  return { org, connector };
}

let db: BatonDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

let runs = 0;
const run = (connector: RunTeamSyncInput['connector'], over: Partial<RunTeamSyncInput> = {}) =>
  runTeamSync({ db, connector, system: connector.system, instance: connector.system === 'demo' ? 'sfa' : 'acme', kind: 'team', now: () => NOW, runId: `run-${++runs}`, stageOf, ...over });

describe('team sync into the snapshot', () => {
  it('syncing the demo and a Salesforce fake org fills the snapshot, with the calls and the last complete sync recorded', async () => {
    const { org, connector } = salesforce(1_500, { contacts: 200 });
    const demo = await run(createDemoConnector());
    const sf = await run(connector);
    expect(demo).toMatchObject({ status: 'complete', done: DEMO_PEOPLE, calls: 0 });
    expect(sf).toMatchObject({ status: 'complete', done: 1_700 });

    expect(await readSnapshotContexts(db, [{ system: 'demo', instance: 'sfa' }])).toHaveLength(DEMO_PEOPLE);
    const people = await readSnapshotContexts(db, [{ system: 'salesforce', instance: 'acme' }]);
    expect(people).toHaveLength(1_700);
    expect(people.find((c) => c.ref.object === 'Lead')?.stageChanges.length).toBeGreaterThan(0);
    const state = await readSyncState(db, SF);
    expect(state).toMatchObject({ cursor: null, inFlight: null, lastCompleteAt: NOW, lastModifiedSince: NOW, callsUsed: org.state.calls, callsLastRun: org.state.calls });
    expect(state?.running).toBeUndefined();
    expect(state?.period).toEqual({ from: NOW - 180 * 24 * HOUR, to: NOW });
  });

  it('a run killed half-way (network gone) records the error, keeps its cursor, and the next run resumes: every person once', async () => {
    const { org, connector } = salesforce(3_000);
    org.state.failAfter = 5;
    const first = await run(connector);
    expect(first.status).toBe('failed');
    const broken = await readSyncState(db, SF);
    expect(broken?.error).toMatchObject({ kind: 'transient' });
    expect(broken?.cursor).not.toBeNull();
    const partial = await countSnapshot(db, SF);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(3_000);

    org.state.failAfter = Infinity;
    const callsBefore = org.state.calls;
    const second = await run(connector);
    expect(second.status).toBe('complete');
    expect(await countSnapshot(db, SF)).toBe(3_000);
    const keys = (await readSnapshotContexts(db, [SF])).map((c) => c.person.key);
    expect(new Set(keys).size).toBe(3_000);
    // It went on from the cursor (the saved nextRecordsUrl), not from the first page.
    expect(org.state.requests[callsBefore]).toMatch(/\/query\/01g[\w-]+$/);
    expect((await readSyncState(db, SF))?.error).toBeUndefined();
  });

  it('a cancelled run stops, keeps its cursor, and is not an error', async () => {
    const { org, connector } = salesforce(2_000);
    const controller = new AbortController();
    org.state.onCall = (n) => n === 3 && controller.abort();
    const result = await run(connector, { signal: controller.signal });
    expect(result.status).toBe('cancelled');
    const state = await readSyncState(db, SF);
    expect(state?.error).toBeUndefined();
    expect(state?.running).toBeUndefined();
    expect(state?.cursor).not.toBeNull();
  });

  it('the next run is incremental: a changed record is updated, a deleted one leaves the snapshot', async () => {
    let clock = NOW;
    const { org, connector } = salesforce(800, { clock: () => clock });
    await run(connector, { now: () => clock });
    const ids = [...org.state.people.keys()];
    clock = NOW + 2 * HOUR;
    org.modify(ids[5]!, { Status: 'Closed - Not Converted' }, clock - HOUR);
    org.remove(ids[6]!, clock - HOUR);
    const callsBefore = org.state.calls;
    const second = await run(connector, { now: () => clock });
    expect(second.status).toBe('complete');
    expect(org.state.calls - callsBefore).toBe(10);
    const people = await readSnapshotContexts(db, [SF]);
    expect(people).toHaveLength(799);
    expect(people.find((c) => c.ref.id === ids[5])?.person.vendorStage).toBe('Closed - Not Converted');
    expect(people.some((c) => c.ref.id === ids[6])).toBe(false);
    expect((await readSyncState(db, SF))?.lastModifiedSince).toBe(clock);
  });

  it('above 80% of the daily limit the sync pauses: reported as a pause, cursor kept, nothing lost', async () => {
    const { org, connector } = salesforce(2_000);
    org.state.onCall = (n) => {
      if (n === 1) org.state.used = 900_000;
    };
    const result = await run(connector);
    expect(result.status).toBe('paused');
    expect(result.message).toMatch(/80%/);
    const state = await readSyncState(db, SF);
    expect(state?.error).toMatchObject({ kind: 'paused' });
    expect(state?.cursor).not.toBeNull();
    expect(await countSnapshot(db, SF)).toBeGreaterThan(0);
  });

  it('two syncs of one system at once: one runs, the other is told it is busy', async () => {
    const { org, connector } = salesforce(1_000);
    const [a, b] = await Promise.all([run(connector), run(connector)]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'complete']);
    expect(await countSnapshot(db, SF)).toBe(1_000);
    expect(org.state.requests.filter((r) => r.includes('/query/')).length).toBeLessThan(10);
  });

  it('a lease left by a dead worker (stale heartbeat) is taken over', async () => {
    const { connector } = salesforce(100);
    await writeSyncState(db, {
      scope: SF,
      period: { from: NOW - 180 * 24 * HOUR, to: NOW },
      cursor: null,
      inFlight: null,
      callsUsed: 0,
      callsLastRun: 0,
      running: { runId: 'dead', startedAt: NOW - HOUR, heartbeatAt: NOW - 10 * 60_000 },
    });
    expect((await run(connector)).status).toBe('complete');
  });

  it('"mine" replaces its snapshot: a lead no longer open and mine leaves it', async () => {
    const { org, connector } = salesforce(400);
    const mine: SnapshotScope = { ...SF, kind: 'mine' };
    await run(connector, { kind: 'mine' });
    const before = await readSnapshotContexts(db, [mine]);
    expect(before.length).toBeGreaterThan(0);
    const gone = before[0]!.ref.id;
    org.modify(gone, { Status: 'Closed - Not Converted' }, NOW);
    await run(connector, { kind: 'mine' });
    const after = await readSnapshotContexts(db, [mine]);
    expect(after.some((c) => c.ref.id === gone)).toBe(false);
    expect(after).toHaveLength(before.length - 1);
  });
});
