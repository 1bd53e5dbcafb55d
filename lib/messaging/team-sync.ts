import { browser } from 'wxt/browser';
import type { Connector } from '../connectors/connector';
import { LISTING_SYSTEMS } from '../connectors/listing';
import { isOpenAt } from '../domain/business-calendar';
import { DEFAULT_DEFINITIONS } from '../domain/definitions/default-definitions';
import { mapVendorStage } from '../domain/definitions/stage-mapping';
import { definitionsInForce } from '../domain/definitions/version-in-force';
import type { SystemId } from '../domain/model';
import type { BatonDb } from '../store/db';
import { readDefinitions } from '../store/definitions-repo';
import { ensureIdentity } from '../store/identity-repo';
import type { SnapshotKind } from '../store/snapshot-repo';
import { runTeamSync, type TeamSyncProgress } from '../store/team-sync-runner';
import { teamSyncCancelSchema, teamSyncStartSchema, teamSyncStatusSchema } from './messages';
import { ensurePeriodicAlarm } from './periodic-alarm';
import { isFromExtensionPage, type MessageSender } from './senders';

/**
 * The team sync in the background worker: "Sync now" and cancel from the options page, a daily alarm for the
 * team snapshot, and every 5 minutes inside the team calendar's business hours (the definitions in force) the
 * signed-in user's own open leads. Progress is broadcast to every open extension page. One run per scope at a
 * time: `navigator.locks` where the browser has it, and the runner's lease in the sync state (which also covers
 * a worker that died half-way).
 * https://developer.mozilla.org/docs/Web/API/LockManager/request
 */
export const TEAM_SYNC_ALARM = 'baton-team-sync';
export const MY_LEADS_ALARM = 'baton-my-leads';
export const TEAM_SYNC_PERIOD_MINUTES = 24 * 60;
export const MY_LEADS_PERIOD_MINUTES = 5;

interface LockLike {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

export interface TeamSyncDeps {
  db: BatonDb;
  connectorFor: (system: SystemId) => Promise<Connector>;
  now?: () => number;
  /** `navigator.locks`; absent where the browser has none (the lease still holds). */
  locks?: LockLike;
  broadcast?: (progress: TeamSyncProgress) => void;
  /** After a run of the "mine" scope ends (the queue's badge and alerts judge it again). */
  onMineSynced?: () => void;
  /** After a run of a team scope completes (the team page's views are worked out and kept for its next visit). */
  onTeamSynced?: (system: SystemId) => void;
}

export interface TeamSync {
  start(target: { system: SystemId; kind: SnapshotKind; periodDays?: number; full?: boolean }): Promise<TeamSyncProgress | null>;
  cancel(target: { system: SystemId; kind: SnapshotKind }): boolean;
  running(): TeamSyncProgress[];
  /** What the alarms do; exposed for tests. */
  onAlarm(name: string): Promise<void>;
  handleMessage(raw: unknown, sender: MessageSender): Promise<unknown> | undefined;
}

function defaultBroadcast(progress: TeamSyncProgress) {
  // No page open is fine: nobody to tell.
  browser.runtime.sendMessage({ type: 'baton/team-sync-progress', progress }).catch(() => undefined);
}

export function createTeamSync(deps: TeamSyncDeps): TeamSync {
  const now = deps.now ?? Date.now;
  const broadcast = deps.broadcast ?? defaultBroadcast;
  const controllers = new Map<string, AbortController>();
  const progress = new Map<string, TeamSyncProgress>();
  const key = (system: SystemId, kind: SnapshotKind) => `${system}|${kind}`;

  async function definitionsNow() {
    const stored = await readDefinitions(deps.db);
    return definitionsInForce(stored.versions, now()) ?? stored.current?.definitions ?? DEFAULT_DEFINITIONS;
  }

  async function start(target: { system: SystemId; kind: SnapshotKind; periodDays?: number; full?: boolean }): Promise<TeamSyncProgress | null> {
    const k = key(target.system, target.kind);
    const connector = await deps.connectorFor(target.system);
    const instance = connector.listContexts && connector.listingInstance ? await connector.listingInstance() : null;
    if (!instance) return null;
    if (controllers.has(k)) return { ...progress.get(k)!, status: 'busy' };
    const controller = new AbortController();
    controllers.set(k, controller);
    // Whose queue this is: the badge, the alerts and feedback name the person as this system knows them.
    if (target.kind === 'mine') await ensureIdentity(deps.db, connector, now(), controller.signal).catch((e: unknown) => console.warn(`Baton: who am I in ${target.system} failed`, e));
    const definitions = await definitionsNow();
    const runId = `${k}:${now()}:${Math.random().toString(36).slice(2, 8)}`;
    const work = () =>
      runTeamSync({
        db: deps.db,
        connector,
        system: target.system,
        instance,
        kind: target.kind,
        now,
        runId,
        signal: controller.signal,
        stageOf: (system, field, value) => mapVendorStage(definitions, system, field, value),
        periodDays: target.periodDays,
        full: target.full,
        onProgress: (p) => {
          progress.set(k, p);
          broadcast(p);
        },
      });
    try {
      const lockName = `baton-team-sync:${k}`;
      const result = deps.locks
        ? await deps.locks.request(lockName, { ifAvailable: true }, async (lock) => (lock ? work() : null))
        : await work();
      if (target.kind === 'team' && result?.status === 'complete') deps.onTeamSynced?.(target.system);
      return result ?? { scope: { system: target.system, instance, kind: target.kind }, runId, status: 'busy', done: 0, calls: 0 };
    } finally {
      controllers.delete(k);
      progress.delete(k);
      if (target.kind === 'mine') deps.onMineSynced?.();
    }
  }

  function cancel(target: { system: SystemId; kind: SnapshotKind }): boolean {
    const controller = controllers.get(key(target.system, target.kind));
    controller?.abort(new DOMException('Cancelled from the options page', 'AbortError'));
    return Boolean(controller);
  }

  /**
   * The systems an alarm syncs: every connected real system, or the demo when none is connected. The demo stands
   * in for a team (see `teamSnapshotScopes`); once a real system is connected it is only synced on request.
   * A system whose instance cannot be told (a network error) counts as connected: its run then fails visibly.
   */
  async function systemsToSync(): Promise<SystemId[]> {
    const real: SystemId[] = [];
    for (const system of LISTING_SYSTEMS) {
      if (system === 'demo') continue;
      const connector = await deps.connectorFor(system);
      if (!connector.listContexts || !connector.listingInstance) continue;
      const instance = await connector.listingInstance().catch(() => 'unknown');
      if (instance) real.push(system);
    }
    return real.length ? real : ['demo'];
  }

  async function onAlarm(name: string) {
    if (name === TEAM_SYNC_ALARM) {
      for (const system of await systemsToSync()) await start({ system, kind: 'team' }).catch((e: unknown) => console.warn(`Baton: team sync of ${system} failed`, e));
    } else if (name === MY_LEADS_ALARM) {
      // Only inside the team's business hours: nobody works the queue at night, and the org's budget is shared.
      if (!isOpenAt((await definitionsNow()).calendar, now())) return;
      for (const system of await systemsToSync()) await start({ system, kind: 'mine' }).catch((e: unknown) => console.warn(`Baton: my-leads sync of ${system} failed`, e));
    }
  }

  function handleMessage(raw: unknown, sender: MessageSender): Promise<unknown> | undefined {
    if (!isFromExtensionPage(sender)) return undefined;
    const startMsg = teamSyncStartSchema.safeParse(raw);
    if (startMsg.success) {
      const { system, kind, periodDays, full } = startMsg.data;
      // Answer at once; progress follows as broadcasts (a full sync can take minutes).
      void start({ system, kind, periodDays, full }).catch((e: unknown) => console.warn('Baton: team sync failed', e));
      return Promise.resolve({ started: true });
    }
    const cancelMsg = teamSyncCancelSchema.safeParse(raw);
    if (cancelMsg.success) return Promise.resolve({ cancelled: cancel(cancelMsg.data) });
    if (teamSyncStatusSchema.safeParse(raw).success) return Promise.resolve({ running: [...progress.values()] });
    return undefined;
  }

  return { start, cancel, running: () => [...progress.values()], onAlarm, handleMessage };
}

/** Wires the team sync into the background worker (listeners registered synchronously). */
export function startTeamSync(deps: TeamSyncDeps): TeamSync {
  const locks = deps.locks ?? (typeof navigator !== 'undefined' && 'locks' in navigator ? (navigator.locks as unknown as LockLike) : undefined);
  const sync = createTeamSync({ ...deps, locks });
  browser.alarms.onAlarm.addListener((alarm) => void sync.onAlarm(alarm.name));
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => sync.handleMessage(message, sender));
  void ensurePeriodicAlarm(TEAM_SYNC_ALARM, TEAM_SYNC_PERIOD_MINUTES, 1);
  void ensurePeriodicAlarm(MY_LEADS_ALARM, MY_LEADS_PERIOD_MINUTES, 1);
  return sync;
}
