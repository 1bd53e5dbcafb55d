import { z } from 'zod';
import { DEFAULT_DEFINITIONS } from '../domain/definitions/default-definitions';
import { definitionsSchema } from '../domain/definitions/schema';
import { teamDetail } from '../domain/team-details';
import { countTeam, judgeTeam } from '../domain/team-kpis';
import { DEFAULT_PERIOD, PERIOD_KINDS, periodRanges, type PeriodChoice } from '../domain/team-period';
import type { BatonDb } from '../store/db';
import { readDefinitions } from '../store/definitions-repo';
import type { SystemId } from '../domain/model';
import { readTeamSnapshot, snapshotGenerationOf, teamSnapshotScopes } from '../store/snapshot-repo';
import { saveTeamAnswer, teamViewQuestions, type TeamAnswerQuestion } from '../store/team-answer-cache';
import { readTeamDefinitions } from './team-definitions';

/**
 * The team page's views worked out right after a team sync completes, in the background that synced, and kept as
 * the page's worker keeps its answers (store/team-answer-cache.ts): so the first visit after a sync paints at once
 * from figures the engine gave for exactly the snapshot on disk (the same generation rule: a row is shown only while
 * the snapshot is the one it was worked out from), labelled with the minute they were judged as of, while the
 * page's worker reads and judges for itself. Reading 100,000 people back takes Chromium about ten seconds, far over
 * the page's one-second budget, and a sync is when they are known to have changed.
 *
 * The views: every fixed period (the default first) with no filter, as a link without filters opens them. The
 * questions are the page's own (the store's `teamViewQuestions`, also read by `readKeptView`), the counting the worker's
 * (`countTeam` with and without splits, `teamDetail` over the same count), the judgement one `judgeTeam`.
 */
const MINUTE = 60_000;

/** A fixed period's view of the team page at `now` in `zone`, unfiltered: what its URL without filters asks. */
export function teamPeriodView<V>(period: PeriodChoice, now: number, zone: string, versions: V) {
  return { ...periodRanges(period, now, zone), filter: {}, versions };
}

export type KeptTeamViews = { people: number; views: number; readMs: number; judgeMs: number; countMs: number } | null;

/**
 * Works out and keeps the fixed periods' views of the team snapshot as of `now` (rounded down to the minute, as the
 * page judges). Null when there is no snapshot. The worker's zod parse of the versions is repeated, so the judgement
 * reads the same documents the worker would.
 */
export async function keepTeamViews(db: BatonDb, now: number = Date.now(), clock: () => number = () => performance.now()): Promise<KeptTeamViews> {
  const minute = Math.floor(now / MINUTE) * MINUTE;
  const started = clock();
  const [stored, team, contexts] = await Promise.all([readDefinitions(db), readTeamDefinitions(db, minute), readTeamSnapshot(db)]);
  const generation = snapshotGenerationOf(contexts);
  if (contexts.length === 0 || generation === undefined) return null;
  const read = clock();
  // The page's zone is its definitions in force (useDefinitions), its versions the team's (useTeamDefinitions).
  const zone = (stored.current?.definitions ?? DEFAULT_DEFINITIONS).calendar.timeZone;
  const versions = team.versions;
  const judged = judgeTeam(contexts, z.array(definitionsSchema).parse(versions), minute);
  const judgedAt = clock();
  const periods = [DEFAULT_PERIOD, ...PERIOD_KINDS.filter((k): k is Exclude<typeof k, 'custom'> => k !== DEFAULT_PERIOD && k !== 'custom')];
  const answers: [TeamAnswerQuestion, unknown][] = [];
  for (const kind of periods) {
    const view = teamPeriodView({ kind }, minute, zone, versions);
    const questions = teamViewQuestions(view);
    const current = countTeam(judged, view.range, view.filter);
    answers.push([questions.current, current]);
    answers.push([questions.previous, countTeam(judged, view.previous, view.filter, { splits: false })]);
    answers.push([questions.detail, teamDetail(judged, current, view.weeks, view.filter)]);
  }
  const counted = clock();
  const computedAt = Date.now();
  for (const [question, answer] of answers) await saveTeamAnswer(db, question, { generation, now: minute, computedAt, answer });
  return { people: judged.size, views: periods.length, readMs: read - started, judgeMs: judgedAt - read, countMs: counted - judgedAt };
}

let running: Promise<void> | null = null;
let again = false;

/**
 * `keepTeamViews` after a sync of `system` completed, one run at a time: systems that finish their syncs together
 * make one more run after the current one (which may have read the snapshot before the last of them wrote), not one
 * each. A sync of a scope the figures do not read (the demo beside a real team's snapshot) changes none of them.
 * Resolves when this call's work is done (or handed to the run under way).
 */
export async function keepTeamViewsAfterSync(db: BatonDb, onError: (error: unknown) => void, system?: SystemId): Promise<void> {
  try {
    if (system !== undefined && !(await teamSnapshotScopes(db)).some((s) => s.system === system)) return;
  } catch (error) {
    onError(error);
    return;
  }
  if (running) {
    again = true;
    return;
  }
  running = keepTeamViews(db)
    .then(() => undefined, onError)
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        void keepTeamViewsAfterSync(db, onError);
      }
    });
  await running;
}
