import '../../lib/zod-jitless';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { keepTeamViews, type KeptTeamViews } from '../../lib/queries/keep-team-views';
import { createTeamKpisClient } from '../../lib/queries/team-kpis-client';
import { openBatonDb } from '../../lib/store/db';
import { FULL_SCALE, runStoreBench, type StoreBenchResult, type StoreBenchScale } from '../../scripts/bench/store-bench-core';
import {
  runSnapshotReadBench,
  runTeamEngineBench,
  seedTeamSnapshot,
  TEAM_FULL_SCALE,
  type SnapshotReadResult,
  type TeamBenchScale,
  type TeamEngineResult,
} from '../../scripts/bench/team-bench-core';
import { TEAM_NOW } from '../../scripts/bench/team-data';
import { runWorkshopWorkerBench, type WorkshopChromiumResult } from '../../scripts/bench/workshop-bench-core';

export interface TeamWorkerResult {
  /** First answer: the worker reads the snapshot, judges and counts; then a filter change (count only). */
  firstMs: number;
  firstTimings: { readMs: number; judgeMs: number; countMs: number };
  recountMs: number;
  leads: number;
}

declare global {
  interface Window {
    runBench?: (scale?: Partial<StoreBenchScale>) => Promise<StoreBenchResult>;
    seedTeamSnapshot?: (people: number) => Promise<{ people: number; writeSeconds: number }>;
    /** What the background does after a team sync completes: the team page's views, kept (ms it took). */
    keepTeamViewsAfterSync?: () => Promise<{ ms: number; kept: KeptTeamViews }>;
    runTeamBench?: (scale?: Partial<TeamBenchScale>) => Promise<{ engine: TeamEngineResult; snapshot: SnapshotReadResult; worker: TeamWorkerResult }>;
    runWorkshopBench?: (people: number) => Promise<WorkshopChromiumResult>;
  }
}

const log = (line: string) => console.log(`[bench] ${line}`);

// A throwaway database per run, deleted afterwards: the user's own store is never touched.
window.runBench = async (scale) => {
  const db = openBatonDb(`baton-bench-${Date.now()}`);
  try {
    return await runStoreBench(db, { ...FULL_SCALE, ...scale }, log);
  } finally {
    await db.delete();
  }
};

/**
 * The team layer in the production build: computeTeamKpis on this page's thread, the snapshot written and read back
 * through IndexedDB, and the team-KPIs worker reading that snapshot itself. The worker opens the app database by
 * its name, so the snapshot goes into the app database for the run (this bench's own throwaway profile) and is
 * cleared afterwards.
 */
window.runTeamBench = async (scale) => {
  const s = { ...TEAM_FULL_SCALE, ...scale };
  const engine = runTeamEngineBench(s, log);
  const db = openBatonDb();
  await Promise.all([db.snapshots.clear(), db.syncStates.clear()]);
  const client = createTeamKpisClient();
  try {
    const snapshot = await runSnapshotReadBench(db, s.people, s.runs, log);
    const range = { from: TEAM_NOW - 90 * 86_400_000, to: TEAM_NOW };
    const t0 = performance.now();
    const first = await client.compute({ range, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] });
    const firstMs = performance.now() - t0;
    log(`worker first answer: ${firstMs.toFixed(0)} ms (read ${first.timings.readMs.toFixed(0)}, judge ${first.timings.judgeMs.toFixed(0)}, count ${first.timings.countMs.toFixed(0)})`);
    const t1 = performance.now();
    await client.compute({ range, filter: { owners: [first.kpis.byOwner[0]?.key ?? null] }, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] });
    const recountMs = performance.now() - t1;
    return { engine, snapshot, worker: { firstMs, firstTimings: first.timings, recountMs, leads: first.kpis.leads } };
  } finally {
    client.close();
    await Promise.all([db.snapshots.clear(), db.syncStates.clear()]);
    db.close();
  }
};

/** The definitions workshop's what-if through the team-KPIs worker (scripts/bench/workshop-bench-core.ts). */
window.runWorkshopBench = async (people) => {
  const db = openBatonDb();
  await Promise.all([db.snapshots.clear(), db.syncStates.clear()]);
  const client = createTeamKpisClient();
  try {
    return await runWorkshopWorkerBench(db, client, people, log);
  } finally {
    client.close();
    await Promise.all([db.snapshots.clear(), db.syncStates.clear()]);
    db.close();
  }
};

/** The app database's team snapshot for the team page's own bench (this bench's throwaway profile). */
window.seedTeamSnapshot = async (people) => {
  const db = openBatonDb();
  try {
    return await seedTeamSnapshot(db, people, log);
  } finally {
    db.close();
  }
};

window.keepTeamViewsAfterSync = async () => {
  const db = openBatonDb();
  try {
    await db.teamAnswers.clear();
    const t0 = performance.now();
    const kept = await keepTeamViews(db);
    return { ms: performance.now() - t0, kept };
  } finally {
    db.close();
  }
};

const status = document.getElementById('status');
if (status) status.textContent = 'ready';
