import { withBenchPage } from './bench-page';
import { formatSnapshotRead, formatTeamEngine, TEAM_FULL_SCALE, type TeamBenchScale } from './team-bench-core';

/**
 * The team layer in real Chromium, inside the production (bench) build: computeTeamKpis on the bench page, the
 * snapshot read back from the extension origin's IndexedDB, and the team-KPIs worker answering from it.
 * Run: BATON_BENCH=team-chromium npm run bench
 */
export async function runTeamChromiumBench(scale: Partial<TeamBenchScale> = {}): Promise<void> {
  await withBenchPage('team chromium', async (page, version) => {
    const result = await page.evaluate((s) => window.runTeamBench!(s), { ...TEAM_FULL_SCALE, ...scale });
    const where = `Chromium ${version}, production build`;
    console.log(formatTeamEngine(where, result.engine));
    console.log(formatSnapshotRead(where, result.snapshot));
    const w = result.worker;
    console.log(
      `team KPIs worker (${where}): first answer ${w.firstMs.toFixed(0)} ms for ${w.leads.toLocaleString('en-US')} people ` +
        `(snapshot read ${w.firstTimings.readMs.toFixed(0)} ms, judge ${w.firstTimings.judgeMs.toFixed(0)} ms, count ${w.firstTimings.countMs.toFixed(0)} ms); ` +
        `a filter change ${w.recountMs.toFixed(0)} ms`,
    );
  });
}
