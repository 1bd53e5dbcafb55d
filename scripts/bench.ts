/**
 * `npm run bench`: prints figures, asserts nothing on time. The npm script first makes a bench build
 * (BATON_BENCH_PAGE=1: the production build plus the store benchmark page, in .output/bench-chrome-mv3).
 *   1. domain engines: temperature over 10,000 events, SLA for 100,000 leads, qualification for 100,000 leads
 *   2. the store in fake-indexeddb: bulk write and one person's full context read, p50 / p95
 *   3. the store in real Chromium with the production build: the same read, p50 / p95, beside the floor (the same
 *      rows read with plain IndexedDB getAll on the same indexes, in the same run)
 *   4. the HubSpot team listing against its fake portal: calls per 1,000 contacts, time the rate limits impose
 *   5. the team sync of 50,000 leads from the Salesforce fake: calls, time, peak JS heap
 *   6. the team KPIs in Node: computeTeamKpis over 100,000 contexts / 1,000,000 events; the snapshot read back
 *   7. the team KPIs in Chromium (production build): the same, the snapshot from IndexedDB, and the worker
 *   9. the definitions workshop's what-if over 100,000 leads after each of a meeting's edits, in Node and in Chromium
 *      (production build, through the team-KPIs worker) (scripts/bench/workshop.ts)
 *   8. cold open: the side panel's initial JS and the worker's size, cold open to content (the first paint) against a bare
 *      React page, and when the app has taken over from the first paint
 *   7b. the team page's worker answers in Node: first paint's three, and a filter change p50 / p95 (100,000 people)
 *   7c. the team page in Chromium over 100,000 people: first visit, next visit (kept figures), filter change p50 / p95
 *   9. my queue: a 500-lead queue's per-second tick, and the badge's next change time over 500 leads
 * BATON_BENCH=domain|fake|chromium|hubspot|team-sync|team|team-page|team-chromium|team-page-chromium|cold|workshop|queue runs one part; BATON_BENCH_SCALE shrinks the store's data set (default 1 = full).
 */
// First: Dexie reads the global indexedDB when its module loads, so fake-indexeddb must be in place before.
import 'fake-indexeddb/auto';
import { runColdOpenBench } from './bench/cold-open';
import { runDomainBench } from './bench/domain';
import { runMyQueueBench } from './bench/my-queue';
import { runStoreChromiumBench } from './bench/store-chromium';
import { runStoreFakeBench } from './bench/store-fake';
import { runHubSpotListingBench } from './bench/hubspot-listing';
import { runTeamSyncBench } from './bench/team-sync';
import { runTeamNodeBench } from './bench/team';
import { runTeamChromiumBench } from './bench/team-chromium';
import { runWorkshopBench, runWorkshopChromiumBench } from './bench/workshop';
import { runTeamPageNodeBench } from './bench/team-page';
import { runTeamPageChromiumBench } from './bench/team-page-chromium';

process.env.BATON_EXTENSION_DIR ??= '.output/bench-chrome-mv3';
const only = process.env.BATON_BENCH;
const wants = (part: string) => !only || only === part;

if (wants('domain')) {
  console.log('\n== domain engines ==');
  await runDomainBench();
}
if (wants('fake')) {
  console.log('\n== local store, fake-indexeddb ==');
  await runStoreFakeBench();
}
if (wants('chromium')) {
  console.log('\n== local store, Chromium (production build) ==');
  await runStoreChromiumBench();
}
if (wants('hubspot')) {
  console.log('\n== HubSpot team listing (fake portal, fake clock) ==');
  await runHubSpotListingBench();
}
if (wants('team-sync')) {
  console.log('\n== team sync, Salesforce fake org ==');
  await runTeamSyncBench();
}
if (wants('team')) {
  console.log('\n== team KPIs, Node ==');
  await runTeamNodeBench();
}
if (wants('team-page')) {
  console.log('\n== team page: first answers and a filter change, Node ==');
  await runTeamPageNodeBench();
}
if (wants('team-chromium')) {
  console.log('\n== team KPIs, Chromium (production build) ==');
  await runTeamChromiumBench();
}
if (wants('team-page-chromium')) {
  console.log('\n== team page: first paint and a filter change, Chromium (production build) ==');
  await runTeamPageChromiumBench();
}
if (wants('cold')) {
  console.log('\n== cold open, Chromium (production build) ==');
  await runColdOpenBench();
}
if (wants('workshop')) {
  console.log('\n== definitions workshop: what-if, Node ==');
  await runWorkshopBench();
  console.log('\n== definitions workshop: what-if, Chromium (production build) ==');
  await runWorkshopChromiumBench();
}
if (wants('queue')) {
  console.log('\n== my queue ==');
  await runMyQueueBench();
}
