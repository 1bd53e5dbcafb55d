import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { createWhatIfMemo, whatIf } from '../../lib/domain/definitions/what-if';
import { makeTeamContexts, TEAM_NOW } from './team-data';

/**
 * The definitions workshop's what-if (issue 13; target ≤ 1 s for 100,000 leads after an edit): the draft (MQL
 * threshold +10) against the version in force over 90 days, in Node. Run: BATON_BENCH=workshop npm run bench
 */
export async function runWorkshopBench(people = Number(process.env.BATON_BENCH_WORKSHOP_PEOPLE ?? 100_000), runs = 3): Promise<void> {
  const contexts = makeTeamContexts(people, 10);
  const draft = structuredClone(DEFAULT_DEFINITIONS);
  draft.version = 2;
  draft.qualification.mql.minScore += 10;
  const range = { from: TEAM_NOW - 90 * 86_400_000, to: TEAM_NOW };
  // As the worker runs it: the first answer judges both sides; each edit after it judges the draft's side only.
  const memo = createWhatIfMemo();
  for (let r = 0; r < runs; r++) {
    draft.qualification.mql.minScore += 5;
    const t0 = performance.now();
    const result = whatIf(contexts, DEFAULT_DEFINITIONS, draft, range, TEAM_NOW, memo);
    const ms = performance.now() - t0;
    console.log(
      `[workshop] what-if ${r === 0 ? 'first answer' : `after edit ${r}`}: ${ms.toFixed(0)} ms for ${people} people (${result.draft.people} in the period; MQLs ${result.inForce.mql} → ${result.draft.mql})`,
    );
  }
}
