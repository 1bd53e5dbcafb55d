import { fakeBrowser } from 'wxt/testing';
import { createDemoConnector } from '../../lib/connectors/demo/demo-connector';
import { DEMO_PEOPLE } from '../../lib/connectors/demo/dataset';
import type { Connector } from '../../lib/connectors/connector';
import type { SystemId } from '../../lib/domain/model';
import { createTeamSync, MY_LEADS_ALARM, TEAM_SYNC_ALARM } from '../../lib/messaging/team-sync';
import type { TeamSyncProgress } from '../../lib/store/team-sync-runner';
import type { BatonDb } from '../../lib/store/db';
import { countSnapshot, readSyncState } from '../../lib/store/snapshot-repo';
import { freshDb } from '../store/lead-context-fixture';

const OPTIONS_PAGE = { id: fakeBrowser.runtime.id, url: 'chrome-extension://test-extension-id/options.html' };
const CRM_PAGE = { id: fakeBrowser.runtime.id, url: 'https://acme.my.salesforce.com/lightning/r/Lead/x/view', tab: { id: 4 } };
// Tuesday 2026-12-01 10:00 in Tokyo (open) and 22:00 (closed), by the default definitions' calendar.
const OPEN = Date.UTC(2026, 11, 1, 1, 0);
const CLOSED = Date.UTC(2026, 11, 1, 13, 0);

let db: BatonDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

/** A connector whose listing waits for `release` before its one page, to hold a run open. */
function slowDemo(): { connector: Connector; release: () => void } {
  const demo = createDemoConnector();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return {
    release,
    connector: {
      ...demo,
      listingInstance: demo.listingInstance,
      async *listContexts(request, options) {
        await gate;
        options.signal?.throwIfAborted();
        yield* demo.listContexts!(request, options);
      },
    },
  };
}

function setup(connector: Connector, now = OPEN, onTeamSynced?: () => void) {
  const seen: TeamSyncProgress[] = [];
  const notConnected: Connector = { system: 'salesforce', fetchContext: () => Promise.reject(new Error('no')), deliverFeedback: () => Promise.reject(new Error('no')), listContexts: connector.listContexts, listingInstance: async () => null };
  const sync = createTeamSync({
    db,
    connectorFor: async (system: SystemId) => (system === 'demo' ? connector : notConnected),
    now: () => now,
    broadcast: (p) => seen.push(p),
    onTeamSynced,
  });
  return { sync, seen };
}

const demoTeam = { system: 'demo' as const, instance: 'sfa', kind: 'team' as const };

describe('team sync in the background', () => {
  it('"Sync now" from the options page fills the snapshot and broadcasts progress up to complete', async () => {
    const { sync, seen } = setup(createDemoConnector());
    const reply = await sync.handleMessage({ type: 'baton/team-sync-start', system: 'demo' }, OPTIONS_PAGE);
    expect(reply).toEqual({ started: true });
    await vi.waitFor(() => expect(seen.at(-1)?.status).toBe('complete'), { timeout: 15_000 });
    expect(seen[0]).toMatchObject({ status: 'running', scope: demoTeam });
    expect(await countSnapshot(db, demoTeam)).toBe(DEMO_PEOPLE);
  });

  it.each([
    ['a content script (a CRM page)', { type: 'baton/team-sync-start', system: 'demo' }, CRM_PAGE],
    ['another extension', { type: 'baton/team-sync-start', system: 'demo' }, { id: 'other', url: 'chrome-extension://other/x.html' }],
    ['an unknown system', { type: 'baton/team-sync-start', system: 'oracle' }, OPTIONS_PAGE],
    ['extra fields', { type: 'baton/team-sync-start', system: 'demo', cursor: 'x' }, OPTIONS_PAGE],
    ['a period out of range', { type: 'baton/team-sync-start', system: 'demo', periodDays: 5_000 }, OPTIONS_PAGE],
  ])('ignores a start request from %s', async (_case, message, sender) => {
    const { sync } = setup(createDemoConnector());
    expect(sync.handleMessage(message, sender)).toBeUndefined();
    expect(await readSyncState(db, demoTeam)).toBeNull();
  });

  it('a completed team sync has the team page views kept (onTeamSynced); a cancelled one does not', async () => {
    const synced = vi.fn();
    expect(await setup(createDemoConnector(), OPEN, synced).sync.start({ system: 'demo', kind: 'team' })).toMatchObject({ status: 'complete' });
    expect(synced).toHaveBeenCalledTimes(1);
    const { connector, release } = slowDemo();
    const { sync } = setup(connector, OPEN, synced);
    const run = sync.start({ system: 'demo', kind: 'team', full: true });
    await vi.waitFor(() => expect(sync.running()).toHaveLength(1));
    sync.cancel({ system: 'demo', kind: 'team' });
    release();
    expect(await run).toMatchObject({ status: 'cancelled' });
    expect(synced).toHaveBeenCalledTimes(1);
  });

  it('two syncs of one system at once: the second is told it is busy, and cancel stops the first', async () => {
    const { connector, release } = slowDemo();
    const { sync } = setup(connector);
    const first = sync.start({ system: 'demo', kind: 'team' });
    await vi.waitFor(() => expect(sync.running()).toHaveLength(1));
    expect(await sync.start({ system: 'demo', kind: 'team' })).toMatchObject({ status: 'busy' });
    expect(await sync.handleMessage({ type: 'baton/team-sync-status' }, OPTIONS_PAGE)).toMatchObject({ running: [{ status: 'running' }] });
    expect(await sync.handleMessage({ type: 'baton/team-sync-cancel', system: 'demo' }, OPTIONS_PAGE)).toEqual({ cancelled: true });
    release();
    expect(await first).toMatchObject({ status: 'cancelled' });
    expect(sync.running()).toHaveLength(0);
  });

  it('the my-leads alarm syncs "mine" inside business hours only; the daily alarm syncs the team; unconnected systems are skipped', async () => {
    const closed = setup(createDemoConnector(), CLOSED);
    await closed.sync.onAlarm(MY_LEADS_ALARM);
    expect(closed.seen).toHaveLength(0);

    const open = setup(createDemoConnector(), OPEN);
    await open.sync.onAlarm(MY_LEADS_ALARM);
    expect(open.seen.at(-1)).toMatchObject({ status: 'complete', scope: { ...demoTeam, kind: 'mine' } });
    await open.sync.onAlarm(TEAM_SYNC_ALARM);
    expect(open.seen.at(-1)).toMatchObject({ status: 'complete', scope: demoTeam });
    expect(open.seen.every((p) => p.scope.system === 'demo')).toBe(true);
  });
});
