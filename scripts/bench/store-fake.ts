import 'fake-indexeddb/auto';
import { openBatonDb } from '../../lib/store/db';
import { formatStoreBench, FULL_SCALE, runStoreBench, type StoreBenchResult, type StoreBenchScale } from './store-bench-core';

/**
 * The store benchmark in Node over fake-indexeddb (an in-memory, pure-JS IndexedDB: slower than a browser's).
 * The default is the full scale (about a minute here); `BATON_BENCH_SCALE=0.1` runs a tenth of the
 * 100,000 people / 1,000,000 events, for a quick look. The scale used is always printed.
 * Run: BATON_BENCH=fake npm run bench
 */
export async function runStoreFakeBench(fraction = Number(process.env.BATON_BENCH_SCALE ?? 1)): Promise<StoreBenchResult> {
  const scale: StoreBenchScale = {
    ...FULL_SCALE,
    people: Math.round(FULL_SCALE.people * fraction),
    events: Math.round(FULL_SCALE.events * fraction),
  };
  const db = openBatonDb(`baton-bench-${Date.now()}`);
  try {
    const result = await runStoreBench(db, scale, (line) => console.log(`[store fake-indexeddb] ${line}`));
    console.log(formatStoreBench(`fake-indexeddb, ${fraction}× full scale`, result));
    return result;
  } finally {
    await db.delete();
  }
}
