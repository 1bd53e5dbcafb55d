import { demoAnchor } from '../connectors/demo/demo-anchor';
import { demoDefinitionsVersions } from '../connectors/demo/demo-definitions';
import { DEFAULT_DEFINITIONS } from '../domain/definitions/default-definitions';
import type { Definitions } from '../domain/definitions/schema';
import type { DefinitionsRecord } from '../store/definitions-repo';

// Apart from team-definitions.ts (which reads the team snapshot through Dexie): the panel's first paint judges a
// cached lead by this rule without loading the store.

export type TeamDefinitionsSource = 'team' | 'demo' | 'default';

/**
 * The one rule, for the team figures (over a snapshot) and the panel (over one lead): the team's own versions when
 * this browser has any (a 'default' record in force, a first fetch that failed, is not the team's own); else the
 * demo team's v1 → v2 when what is judged is the demo's; else the stored versions, or the built-in defaults.
 */
export function judgingVersions(
  stored: { current?: Pick<DefinitionsRecord, 'source'>; versions: Definitions[] },
  demo: boolean,
  now: number,
): { versions: Definitions[]; source: TeamDefinitionsSource } {
  const own = stored.current !== undefined && stored.current.source !== 'default';
  if (own && stored.versions.length) return { versions: stored.versions, source: 'team' };
  if (demo) return { versions: demoDefinitionsVersions(demoAnchor(now)), source: 'demo' };
  return { versions: stored.versions.length ? stored.versions : [DEFAULT_DEFINITIONS], source: 'default' };
}

