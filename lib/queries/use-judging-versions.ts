import { useMemo } from 'react';
import { demoAnchor } from '../connectors/demo/demo-anchor';
import type { Definitions } from '../domain/definitions/schema';
import type { SystemId } from '../domain/model';
import { useBatonDeps } from './baton-deps';
import { judgingVersions } from './judging-versions';
import { useDefinitions } from './use-definitions';

/**
 * The versions a lead of `system` is judged by in the panel, the same the team figures use for it
 * (lib/queries/team-definitions.ts): a demo lead, while the team has no definitions of its own, by the demo team's
 * v1 and v2, so a lead handed off before the mid-year revision reads in the panel as it counts on the team page.
 */
export function useJudgingVersions(system: SystemId): Definitions[] {
  const { versions, current } = useDefinitions();
  const { now } = useBatonDeps();
  // The demo's versions are laid relative to the hour: recomputed when it turns, not on every render.
  const hour = demoAnchor(now());
  return useMemo(() => judgingVersions({ current, versions }, system === 'demo', hour).versions, [current, versions, system, hour]);
}
