import 'fake-indexeddb/auto';
import { createSalesforceConnector } from '../../lib/connectors/salesforce/connector';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { mapVendorStage } from '../../lib/domain/definitions/stage-mapping';
import { openBatonDb } from '../../lib/store/db';
import { countSnapshot } from '../../lib/store/snapshot-repo';
import { runTeamSync } from '../../lib/store/team-sync-runner';
import { connectedStore } from '../../tests/connectors/salesforce/fake-org';
import { createListingOrg, generatePeople } from '../../tests/connectors/salesforce/fake-list-org';

/**
 * The team sync of a Salesforce org from the fake org (tests/connectors/salesforce/fake-list-org.ts: the
 * documented REST query, Get Deleted and Bulk API 2.0 shapes, 8 child rows per lead on average).
 *   1. Calls of the REST path and of the Bulk API 2.0 path by org size: where the bulk path starts to pay
 *      (the listing's BULK_THRESHOLD).
 *   2. 50,000 leads with the default threshold: (a) the listing alone: calls, time, peak JS heap of this Node
 *      process (process.memoryUsage().heapUsed sampled every 20 ms and per page; no page measurement in
 *      Chromium was made); (b) the whole sync into the snapshot in fake-indexeddb: calls and time.
 * BATON_BENCH_SYNC_LEADS overrides the 50,000.
 */
const NOW = Date.UTC(2026, 10, 30, 3, 0);
const stageOf = (s: Parameters<typeof mapVendorStage>[1], f: string, v: string) => mapVendorStage(DEFAULT_DEFINITIONS, s, f, v);

function connectorFor(leads: number, bulkThreshold?: number) {
  const org = createListingOrg({ people: generatePeople({ leads, now: NOW }), now: NOW });
  const connector = createSalesforceConnector({ storage: connectedStore(), fetchImpl: org.fetch, now: () => NOW, sleep: async () => {}, bulkThreshold });
  return { org, connector };
}

async function listingCalls(leads: number, bulkThreshold: number): Promise<number> {
  const { connector } = connectorFor(leads, bulkThreshold);
  let calls = 0;
  for await (const page of connector.listContexts!({ scope: 'team', from: NOW - 180 * 86_400_000, to: NOW + 1 }, { now: NOW, stageOf })) calls += page.calls;
  return calls;
}

export async function runTeamSyncBench(): Promise<void> {
  console.log('[team sync] calls by org size (leads, no contacts): REST path vs Bulk API 2.0 path');
  for (const leads of [2_000, 5_000, 10_000, 20_000]) {
    const rest = await listingCalls(leads, Infinity);
    const bulk = await listingCalls(leads, 0);
    console.log(`[team sync]   ${String(leads).padStart(6)} leads: REST ${String(rest).padStart(4)} calls (${((rest * 1000) / leads).toFixed(2)} per 1,000), bulk ${String(bulk).padStart(3)} calls`);
  }

  const leads = Number(process.env.BATON_BENCH_SYNC_LEADS ?? 50_000);
  const restOnly = await listingCalls(leads, Infinity);
  console.log(`[team sync] ${leads.toLocaleString('en-US')} leads on the REST path alone: ${restOnly} calls (${((restOnly * 1000) / leads).toFixed(2)} per 1,000)`);

  // (a) The listing alone (what the sync's own code holds: pages, the bulk join's child maps), heap sampled.
  {
    const { org, connector } = connectorFor(leads);
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    const started = performance.now();
    let calls = 0;
    let people = 0;
    for await (const page of connector.listContexts!({ scope: 'team', from: NOW - 180 * 86_400_000, to: NOW + 1 }, { now: NOW, stageOf })) {
      calls += page.calls;
      people += page.contexts.length;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const ms = performance.now() - started;
    clearInterval(timer);
    console.log(
      `[team sync] listing ${people.toLocaleString('en-US')} of ${leads.toLocaleString('en-US')} leads (default threshold → Bulk API 2.0): ${calls} calls (org saw ${org.state.calls}; budget ≤ 250), ` +
        `${(ms / 1000).toFixed(1)} s, peak JS heap ${(peak / 2 ** 20).toFixed(0)} MB, ${((peak - base) / 2 ** 20).toFixed(0)} MB above the start (Node process.memoryUsage, sampled every 20 ms and per page)`,
    );
  }

  // (b) The whole sync into the snapshot. fake-indexeddb keeps the database in this process's heap, so only
  // calls and time are meaningful here.
  const { org, connector } = connectorFor(leads);
  const db = openBatonDb(`baton-bench-sync-${Date.now()}`);
  const timer = setInterval(() => undefined, 1_000);
  try {
    const started = performance.now();
    const result = await runTeamSync({ db, connector, system: 'salesforce', instance: 'acme', kind: 'team', now: () => NOW, runId: 'bench', stageOf });
    const ms = performance.now() - started;
    const stored = await countSnapshot(db, { system: 'salesforce', instance: 'acme', kind: 'team' });
    console.log(
      `[team sync] full sync of ${leads.toLocaleString('en-US')} leads into the snapshot (fake-indexeddb): ${result.status}, ` +
        `${stored.toLocaleString('en-US')} people stored, ${result.calls} calls (org saw ${org.state.calls}), ${(ms / 1000).toFixed(1)} s`,
    );
  } finally {
    clearInterval(timer);
    await db.delete();
  }
}
