import { DEMO_REP } from '../connectors/demo/demo-reps';
import type { Calendar } from '../domain/business-calendar';
import { DEFAULT_DEFINITIONS } from '../domain/definitions/default-definitions';
import { definitionsInForce } from '../domain/definitions/version-in-force';
import type { LeadContext } from '../domain/model';
import { buildQueue, isMyLead, type QueueLead } from '../domain/my-queue';
import type { BatonDb } from './db';
import { readDefinitions } from './definitions-repo';
import { readIdentities } from './identity-repo';
import { listSyncStates, readSnapshotContexts, type SyncState } from './snapshot-repo';

/**
 * The "mine" scopes the queue reads: every real system's, the demo's only when no real system has one (as the
 * team figures do with the team scopes: the demo is a stand-in, never mixed with a real team).
 */
export async function readMyQueueContexts(db: BatonDb): Promise<{ contexts: LeadContext[]; states: SyncState[] }> {
  const mine = (await listSyncStates(db)).filter((s) => s.scope.kind === 'mine');
  const real = mine.filter((s) => s.scope.system !== 'demo');
  const states = real.length > 0 ? real : mine;
  const contexts = states.length ? await readSnapshotContexts(db, states.map((s) => s.scope)) : [];
  return { contexts, states };
}

/** My queue as the worker judges it (badge, alerts): the same contexts, identities and definitions as the panel. */
export async function readMyQueue(db: BatonDb, now: number): Promise<{ leads: QueueLead[]; calendar: Calendar }> {
  const [{ contexts }, identities, stored] = await Promise.all([readMyQueueContexts(db), readIdentities(db), readDefinitions(db)]);
  const versions = stored.versions.length ? stored.versions : [DEFAULT_DEFINITIONS];
  const current = definitionsInForce(versions, now) ?? stored.current?.definitions ?? DEFAULT_DEFINITIONS;
  const mine = contexts.filter((c) => isMyLead(c, identities, DEMO_REP));
  return { leads: buildQueue(mine, versions, now), calendar: current.calendar };
}
