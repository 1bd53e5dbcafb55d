import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { TeamKpisClient } from '../../lib/queries/team-kpis-client';
import type { BatonDb } from '../../lib/store/db';
import { runSnapshotReadBench } from './team-bench-core';
import { TEAM_NOW } from './team-data';
import { WORKSHOP_EDITS, WORKSHOP_RANGE_DAYS } from './workshop-edits';

export type WorkshopAnswer = { name: string; ms: number; computeMs: number; mql: number };
export type WorkshopChromiumResult = { people: number; inPeriod: number; answers: WorkshopAnswer[] };

/**
 * The workshop's what-if as the options page asks it: the team-KPIs worker (production build) reads the snapshot
 * from IndexedDB, answers a draft, then each edit of WORKSHOP_EDITS; each answer timed from the page (round trip,
 * the draft parsed by the worker) beside the worker's own compute time. The snapshot is written first and is the
 * caller's to clear.
 */
export async function runWorkshopWorkerBench(db: BatonDb, client: TeamKpisClient, people: number, log: (line: string) => void = () => {}): Promise<WorkshopChromiumResult> {
  await runSnapshotReadBench(db, people, 1, log);
  const range = { from: TEAM_NOW - WORKSHOP_RANGE_DAYS * 86_400_000, to: TEAM_NOW };
  const draft = structuredClone(DEFAULT_DEFINITIONS);
  draft.version = 2;
  draft.qualification.mql.minScore += 10;
  const answers: WorkshopAnswer[] = [];
  let inPeriod = 0;
  for (const { name, edit } of [{ name: 'first answer (MQL threshold +10)', edit: () => {} }, ...WORKSHOP_EDITS]) {
    edit(draft);
    const t0 = performance.now();
    const { result, timings } = await client.whatIf({ range, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS], draft });
    const ms = performance.now() - t0;
    inPeriod = result.draft.people;
    answers.push({ name, ms, computeMs: timings.computeMs, mql: result.draft.mql });
    log(`what-if, ${name}: ${ms.toFixed(0)} ms (worker ${timings.computeMs.toFixed(0)} ms)`);
  }
  return { people, inPeriod, answers };
}
