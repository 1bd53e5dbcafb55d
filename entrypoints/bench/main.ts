import '../../lib/zod-jitless';
import { openBatonDb } from '../../lib/store/db';
import { FULL_SCALE, runStoreBench, type StoreBenchResult, type StoreBenchScale } from '../../scripts/bench/store-bench-core';

declare global {
  interface Window {
    runBench?: (scale?: Partial<StoreBenchScale>) => Promise<StoreBenchResult>;
  }
}

// A throwaway database per run, deleted afterwards: the user's own store is never touched.
window.runBench = async (scale) => {
  const db = openBatonDb(`baton-bench-${Date.now()}`);
  try {
    return await runStoreBench(db, { ...FULL_SCALE, ...scale }, (line) => console.log(`[bench] ${line}`));
  } finally {
    await db.delete();
  }
};

const status = document.getElementById('status');
if (status) status.textContent = 'ready';

