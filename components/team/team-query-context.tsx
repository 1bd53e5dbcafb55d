import { createContext, useContext } from 'react';
import type { TeamKpisClient } from '../../lib/queries/team-kpis-client';
import type { TeamFiguresRequest } from '../../lib/queries/use-team-kpis';

/**
 * The worker client and the view's request, for the parts that ask for people (drill-down, open breaches);
 * `settled`: the worker has answered this view (people are asked only then, behind the figures).
 */
export const TeamQueryContext = createContext<{ client: TeamKpisClient | null; request: TeamFiguresRequest; settled: boolean } | null>(null);

export function useTeamQuery() {
  const value = useContext(TeamQueryContext);
  if (!value) throw new Error('TeamQueryContext missing: render inside <TeamApp>.');
  return value;
}
