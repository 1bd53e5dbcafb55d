import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { createWhatIfMemo, whatIf } from '../../lib/domain/definitions/what-if';
import { withBenchPage } from './bench-page';
import { makeTeamContexts, TEAM_NOW } from './team-data';
import { WORKSHOP_EDITS, WORKSHOP_RANGE_DAYS } from './workshop-edits';

/**
 * The definitions workshop's what-if (issue 13; target ≤ 1 s for 100,000 leads after an edit): the draft against the
 * version in force over 90 days, in Node, as the worker runs it (one memo for the snapshot: the first answer judges
 * both sides, each edit after it judges the draft's side, re-running only the steps the edit touched). CPU time is
 * printed beside the wall time: on a shared machine the wall time also counts other processes' turns.
 * Run: BATON_BENCH=workshop npm run bench
 */
export async function runWorkshopBench(people = Number(process.env.BATON_BENCH_WORKSHOP_PEOPLE ?? 100_000)): Promise<void> {
  const contexts = makeTeamContexts(people, 10);
  const draft = structuredClone(DEFAULT_DEFINITIONS);
  draft.version = 2;
  draft.qualification.mql.minScore += 10;
  const range = { from: TEAM_NOW - WORKSHOP_RANGE_DAYS * 86_400_000, to: TEAM_NOW };
  const memo = createWhatIfMemo();
  const steps = [{ name: 'first answer (MQL threshold +10)', edit: () => {} }, ...WORKSHOP_EDITS];
  for (const { name, edit } of steps) {
    edit(draft);
    // Each edit is a new document, as the worker parses one per message.
    const sent = structuredClone(draft);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = whatIf(contexts, DEFAULT_DEFINITIONS, sent, range, TEAM_NOW, memo);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `[workshop] what-if, ${name}: ${ms.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms) for ${people} people ` +
        `(${result.draft.people} in the period; MQLs ${result.inForce.mql} → ${result.draft.mql}, bands changed ${result.bandChangesTotal})`,
    );
  }
}

/**
 * The same edits in Chromium (production bench build): the options page's path, the team-KPIs worker reading the
 * snapshot from IndexedDB and answering each draft (entrypoints/bench, scripts/bench/workshop-bench-core.ts).
 */
export async function runWorkshopChromiumBench(people = Number(process.env.BATON_BENCH_WORKSHOP_PEOPLE ?? 100_000)): Promise<void> {
  await withBenchPage('workshop chromium', async (page, version) => {
    const result = await page.evaluate((n) => window.runWorkshopBench!(n), people);
    for (const a of result.answers) {
      console.log(
        `[workshop] what-if in the worker (Chromium ${version}, production build), ${a.name}: ${a.ms.toFixed(0)} ms round trip ` +
          `(worker ${a.computeMs.toFixed(0)} ms) for ${result.people} people (${result.inPeriod} in the period; draft MQLs ${a.mql})`,
      );
    }
  });
}
