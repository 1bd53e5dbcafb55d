import { withBenchPage } from './bench-page';
import { formatStoreBench, FULL_SCALE, type StoreBenchResult, type StoreBenchScale } from './store-bench-core';

/**
 * The store benchmark in real Chromium, inside the production build of the extension (its unlisted
 * `bench.html` page, so IndexedDB is the extension origin's, as in the side panel).
 * Needs the bench build (`npm run bench` makes it). Run: BATON_BENCH=chromium npm run bench
 */
export async function runStoreChromiumBench(
  options: { extensionDir?: string; scale?: Partial<StoreBenchScale>; executablePath?: string } = {},
): Promise<StoreBenchResult> {
  return withBenchPage(
    'store chromium',
    async (page, version) => {
      const scale = { ...FULL_SCALE, ...options.scale };
      const result = await page.evaluate((s) => window.runBench!(s), scale);
      console.log(formatStoreBench(`Chromium ${version}, production build`, result));
      return result;
    },
    options,
  );
}
