import { useLiveQuery } from 'dexie-react-hooks';
import { useBatonDeps } from './baton-deps';
import { demoAnchor } from '../connectors/demo/demo-anchor';
import { demoDefinitionsVersions } from '../connectors/demo/demo-definitions';
import { DEFAULT_DEFINITIONS } from '../domain/definitions/default-definitions';
import type { Definitions } from '../domain/definitions/schema';
import type { BatonDb } from '../store/db';
import { readDefinitions, type DefinitionsRecord } from '../store/definitions-repo';
import { teamSnapshotScopes } from '../store/snapshot-repo';

export type TeamDefinitionsSource = 'team' | 'demo' | 'default';

/**
 * The definitions versions the team figures judge by: the team's own (fetched, imported, or pushed by IT) when this
 * browser has any; the demo team's v1 and v2 (lib/connectors/demo/demo-definitions.ts) when the figures read the demo
 * workspace and nothing of the team's is stored, so its mid-year revision and the version-at-handoff rule show;
 * else the built-in defaults. A 'default' record in force (a first fetch that failed) is not the team's own.
 */
export async function readTeamDefinitions(db: BatonDb, now: number): Promise<{ versions: Definitions[]; source: TeamDefinitionsSource }> {
  const [stored, scopes] = await Promise.all([readDefinitions(db), teamSnapshotScopes(db)]);
  const demo = scopes.length > 0 && scopes.every((s) => s.system === 'demo');
  return judgingVersions(stored, demo, now);
}

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

/** `readTeamDefinitions`, live: undefined until read, then again whenever the definitions or the snapshot change. */
export function useTeamDefinitions(now: number): { versions: Definitions[]; source: TeamDefinitionsSource } | undefined {
  const { db } = useBatonDeps();
  return useLiveQuery(() => readTeamDefinitions(db, now), [db, now]);
}
