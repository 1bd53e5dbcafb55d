import { useLiveQuery } from 'dexie-react-hooks';
import { useBatonDeps } from './baton-deps';
import type { Definitions } from '../domain/definitions/schema';
import type { BatonDb } from '../store/db';
import { readDefinitions } from '../store/definitions-repo';
import { teamSnapshotScopes } from '../store/snapshot-repo';
import { judgingVersions, type TeamDefinitionsSource } from './judging-versions';

export type { TeamDefinitionsSource };

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

/** `readTeamDefinitions`, live: undefined until read, then again whenever the definitions or the snapshot change. */
export function useTeamDefinitions(now: number): { versions: Definitions[]; source: TeamDefinitionsSource } | undefined {
  const { db } = useBatonDeps();
  return useLiveQuery(() => readTeamDefinitions(db, now), [db, now]);
}
