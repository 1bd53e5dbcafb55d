import 'fake-indexeddb/auto';
import { openBatonDb } from '../../lib/store/db';
import { formatSnapshotRead, formatTeamEngine, runSnapshotReadBench, runTeamEngineBench, TEAM_FULL_SCALE } from './team-bench-core';

/**
 * The team-KPIs engine in Node, and reading the snapshot back from fake-indexeddb (a pure-JS IndexedDB, slower than
 * a browser's: the Chromium figure is the one that matters). BATON_BENCH_SCALE shrinks the snapshot part.
 * Run: BATON_BENCH=team npm run bench
 */
export async function runTeamNodeBench(fraction = Number(process.env.BATON_BENCH_SCALE ?? 1)): Promise<void> {
  const engine = runTeamEngineBench(TEAM_FULL_SCALE, (line) => console.log(`[team node] ${line}`));
  console.log(formatTeamEngine(`Node ${process.version}`, engine));
  const db = openBatonDb(`baton-team-bench-${Date.now()}`);
  try {
    const people = Math.round(TEAM_FULL_SCALE.people * fraction);
    const read = await runSnapshotReadBench(db, people, 2, (line) => console.log(`[team fake-indexeddb] ${line}`));
    console.log(formatSnapshotRead(`fake-indexeddb, ${fraction}× full scale`, read));
  } finally {
    await db.delete();
  }
}
