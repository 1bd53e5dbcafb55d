import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { CheckId, Diagnostic, SelfAnswer } from '../domain/alignment-diagnostic';
import type { TeamRange } from '../domain/team-kpis';
import { readSelfAssessments, saveSelfAssessment, type SelfAssessmentRecord } from '../store/self-assessment-repo';
import { listSyncStates, teamSnapshotScopes, snapshotScopeKey } from '../store/snapshot-repo';
import { useBatonDeps } from './baton-deps';
import { readTeamDefinitions, type TeamDefinitionsSource } from './team-definitions';
import type { TeamKpisClient } from './team-kpis-client';

/**
 * The alignment diagnostic of the team snapshot, for a page section: the team's answers and their history
 * (live from Dexie), the definitions the team figures judge by, the snapshot's last complete sync, and the
 * diagnostic itself, worked out in the team-KPIs worker over the same snapshot and judgement as the figures.
 * Pages (and tests) may hand a client through `TeamKpisClientContext`; otherwise the worker starts on first use.
 */
export const TeamKpisClientContext = createContext<TeamKpisClient | null>(null);

let shared: Promise<TeamKpisClient> | null = null;
function sharedClient(): Promise<TeamKpisClient> {
  shared ??= import('./team-kpis-client').then((m) => m.createTeamKpisClient());
  return shared;
}

const DAY = 86_400_000;
const MINUTE = 60_000;
/** The period the funnel, SLA and revenue checks read when the page names none: the last 90 days. */
export const DIAGNOSTIC_DAYS = 90;

export type AlignmentDiagnosticState = {
  status: 'loading' | 'ready' | 'error';
  /** The period the funnel, SLA and revenue checks read: the page's, else the last 90 days. */
  range: TeamRange;
  /** Whether `range` is the page's period (true) or the last 90 days (false). */
  followsPage: boolean;
  diagnostic?: Diagnostic;
  error?: string;
  definitionsSource?: TeamDefinitionsSource;
  /** Every answer given, newest first. */
  history: SelfAssessmentRecord[];
  /** Keep an answer (a new history row); the diagnostic follows. */
  answer: (checkId: CheckId, answer: SelfAnswer, note?: string) => Promise<void>;
};

/**
 * `at`: the page's minute, when the page judges by one (the team page). The diagnostic then asks the worker as of the
 * page's minute, which the worker has judged already; a minute of its own, fixed when it mounted, fell behind the
 * page's, and each re-ask (a sync completing) made the worker judge all of the snapshot again at that earlier
 * minute, then again forward for the page, while the page's filter changes waited behind it.
 */
export function useAlignmentDiagnostic(range?: TeamRange, at?: number): AlignmentDiagnosticState {
  const { db, now } = useBatonDeps();
  const injected = useContext(TeamKpisClientContext);
  // The minute is the diagnostic's clock: the worker re-judges only when it moves.
  const [mounted] = useState(() => Math.floor(now() / MINUTE) * MINUTE);
  const minute = at ?? mounted;
  const inputs = useLiveQuery(async () => {
    const [definitions, self, scopes, states] = await Promise.all([
      readTeamDefinitions(db, minute),
      readSelfAssessments(db),
      teamSnapshotScopes(db),
      listSyncStates(db),
    ]);
    // As fresh as its stalest system: every scope read must have completed a sync.
    const completed = scopes.map((scope) => states.find((s) => snapshotScopeKey(s.scope) === snapshotScopeKey(scope))?.lastCompleteAt);
    const syncedAt = completed.length === 0 || completed.some((t) => t === undefined) ? null : Math.min(...(completed as number[]));
    return { definitions, self, syncedAt };
  }, [db, minute]);

  const [result, setResult] = useState<{ key: string; diagnostic?: Diagnostic; error?: string } | null>(null);
  const lastSynced = useRef<number | null | undefined>(undefined);
  const from = range?.from ?? minute - DIAGNOSTIC_DAYS * DAY;
  const to = range?.to ?? minute;
  const key = inputs ? JSON.stringify([from, to, inputs.syncedAt, inputs.self.latest, inputs.definitions.versions.map((v) => `${v.id}@${v.version}`)]) : null;

  useEffect(() => {
    if (!inputs || key === null) return;
    let live = true;
    void (async () => {
      try {
        const client = injected ?? (await sharedClient());
        // A sync completed since the last answer: the worker reads the snapshot again.
        if (lastSynced.current !== undefined && lastSynced.current !== inputs.syncedAt) client.reload();
        lastSynced.current = inputs.syncedAt;
        const diagnostic = await client.diagnostic({
          range: { from, to },
          now: minute,
          versions: inputs.definitions.versions,
          syncedAt: inputs.syncedAt,
          answers: inputs.self.latest,
        });
        if (live) setResult({ key, diagnostic });
      } catch (error) {
        if (live) setResult({ key, error: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      live = false;
    };
    // `key` stands for the inputs it is made of.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, injected]);

  const answer = useCallback(
    (checkId: CheckId, value: SelfAnswer, note?: string) => saveSelfAssessment(db, { checkId, answer: value, at: now(), ...(note ? { note } : {}) }),
    [db, now],
  );

  const history = inputs?.self.history ?? [];
  const period = { range: { from, to }, followsPage: range !== undefined };
  // The last result stays on screen while a newer one is worked out (an answer given, a sync completed).
  if (!result) return { status: 'loading', ...period, history, answer };
  if (result.error !== undefined) return { status: 'error', ...period, error: result.error, history, answer };
  return {
    status: 'ready',
    ...period,
    ...(result.diagnostic ? { diagnostic: result.diagnostic } : {}),
    ...(inputs ? { definitionsSource: inputs.definitions.source } : {}),
    history,
    answer,
  };
}
