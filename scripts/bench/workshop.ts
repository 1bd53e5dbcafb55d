import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { createWhatIfMemo, whatIf } from '../../lib/domain/definitions/what-if';
import { makeTeamContexts, TEAM_NOW } from './team-data';

/** The edits a workshop makes, one after another on one draft: each what-if after it is what the target is about. */
export const WORKSHOP_EDITS: { name: string; edit: (d: Definitions) => void }[] = [
  { name: 'MQL threshold +5', edit: (d) => void (d.qualification.mql.minScore += 5) },
  { name: 'warm SLA 4 h → 2 h', edit: (d) => void (d.sla.policies.find((p) => p.id === 'warm')!.budgetMinutes = 120) },
  { name: 'bands (hot 80 → 75)', edit: (d) => void (d.temperature.bands.hot = 75) },
  { name: 'an engagement weight', edit: (d) => void (d.score.engagement.rules[0]!.points += 1) },
  { name: 'MQL threshold +5 again', edit: (d) => void (d.qualification.mql.minScore += 5) },
];

export const WORKSHOP_RANGE_DAYS = 90;

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
