import type { Connector, FetchOptions } from '../connectors/connector';
import { isConnectorError } from '../connectors/connector';
import type { ListRequest } from '../connectors/listing';
import { recordKey, type SystemId } from '../domain/model';
import type { BatonDb } from './db';
import {
  compactSnapshot,
  readSnapshotContexts,
  readSyncState,
  writeSnapshotPage,
  writeSyncState,
  type SnapshotKind,
  type SnapshotScope,
  type SyncState,
} from './snapshot-repo';

/**
 * One run of the team sync for one scope (system, instance, 'team' | 'mine'): list through the connector, write
 * each page to the snapshot, then its cursor to the sync state, so a run killed anywhere resumes from the last
 * page written (that page again at worst: upserts by record key, never a second copy of a person).
 *
 * - First a full sync of the period (default the last 180 days), then incremental from the start of the last
 *   complete run (`modifiedSince`). 'mine' is always listed whole and replaces its snapshot (a lead handed to
 *   someone else or closed leaves the queue).
 * - Two runs of one scope never overlap: a lease in `SyncState.running`, renewed on every page, taken in one
 *   transaction; a lease whose heartbeat is older than `leaseMs` belongs to a dead worker and is taken over.
 *   The background adds `navigator.locks` on top where it exists.
 * - Salesforce's 80% pause ends the run as 'paused' (recorded, cursor kept), not as a failure; a cancel ends it
 *   as 'cancelled' with the cursor kept; any other error is recorded in the sync state with its kind.
 */
export const DEFAULT_PERIOD_DAYS = 180;
export const DEFAULT_LEASE_MS = 2 * 60_000;
const DAY = 86_400_000;

export type TeamSyncStatus = 'running' | 'complete' | 'paused' | 'cancelled' | 'failed' | 'busy';

export interface TeamSyncProgress {
  scope: SnapshotScope;
  runId: string;
  status: TeamSyncStatus;
  done: number;
  total?: number;
  /** Calls this run so far. */
  calls: number;
  message?: string;
}

export interface RunTeamSyncInput {
  db: BatonDb;
  connector: Connector;
  system: SystemId;
  instance: string;
  kind: SnapshotKind;
  now: () => number;
  runId: string;
  stageOf?: FetchOptions['stageOf'];
  signal?: AbortSignal;
  /** Days back from now for a full sync. A different period than the stored one starts a new full sync. */
  periodDays?: number;
  /** Ignore the last complete run and list the whole period again. */
  full?: boolean;
  leaseMs?: number;
  onProgress?: (progress: TeamSyncProgress) => void;
}

export async function runTeamSync(input: RunTeamSyncInput): Promise<TeamSyncProgress> {
  const { db, connector, now, runId } = input;
  const scope: SnapshotScope = { system: input.system, instance: input.instance, kind: input.kind };
  const leaseMs = input.leaseMs ?? DEFAULT_LEASE_MS;
  const report = (p: Omit<TeamSyncProgress, 'scope' | 'runId'>): TeamSyncProgress => {
    const progress = { scope, runId, ...p };
    input.onProgress?.(progress);
    return progress;
  };
  if (!connector.listContexts) return report({ status: 'failed', done: 0, calls: 0, message: `${input.system} cannot list people yet.` });

  // Take the lease, or find it held by a live run.
  const startedAt = now();
  const taken = await db.transaction('rw', db.syncStates, async () => {
    const state = await readSyncState(db, scope);
    if (state?.running && state.running.runId !== runId && startedAt - state.running.heartbeatAt < leaseMs) return null;
    const periodFrom = startedAt - (input.periodDays ?? DEFAULT_PERIOD_DAYS) * DAY;
    const base: SyncState = state ?? { scope, period: { from: periodFrom, to: startedAt }, cursor: null, inFlight: null, callsUsed: 0, callsLastRun: 0 };
    const samePeriod = input.periodDays === undefined || Math.abs(base.period.from - periodFrom) < 2 * DAY;
    let request: ListRequest;
    if (base.cursor && base.inFlight && samePeriod && !input.full) {
      request = { ...base.inFlight, cursor: base.cursor };
    } else if (input.kind === 'team' && base.lastModifiedSince !== undefined && samePeriod && !input.full) {
      request = { scope: 'team', from: base.period.from, to: startedAt, modifiedSince: base.lastModifiedSince };
    } else {
      request = { scope: input.kind, from: samePeriod && state ? base.period.from : periodFrom, to: startedAt };
    }
    const inFlight: ListRequest = { ...request };
    delete inFlight.cursor;
    const next: SyncState = {
      ...base,
      period: { from: request.from, to: request.to },
      inFlight,
      cursor: request.cursor ?? null,
      callsLastRun: 0,
      running: { runId, startedAt, heartbeatAt: startedAt },
    };
    if (!samePeriod || input.full) delete next.lastModifiedSince;
    await writeSyncState(db, next);
    return { request, state: next };
  });
  if (!taken) return report({ status: 'busy', done: 0, calls: 0 });

  let state = taken.state;
  const request = taken.request;
  const seen = new Set<string>();
  let done = 0;
  let total: number | undefined;
  let calls = 0;
  report({ status: 'running', done, calls });

  /** Save the state unless another run took the lease over (then this one stops). */
  const save = async (patch: Partial<SyncState>, release = false) => {
    return db.transaction('rw', db.syncStates, async () => {
      const current = await readSyncState(db, scope);
      if (current?.running?.runId !== runId) return false;
      state = { ...current, ...patch };
      if (release) delete state.running;
      else state.running = { ...current.running, heartbeatAt: now() };
      await writeSyncState(db, state);
      return true;
    });
  };

  try {
    for await (const page of connector.listContexts(request, { now: startedAt, signal: input.signal, stageOf: input.stageOf, purpose: 'background' })) {
      await writeSnapshotPage(db, scope, page, now());
      for (const c of page.contexts) seen.add(recordKey(c.ref));
      done = page.progress.done;
      total = page.progress.total;
      calls += page.calls;
      const kept = await save({ cursor: page.cursor, callsUsed: state.callsUsed + page.calls, callsLastRun: calls });
      if (!kept) return report({ status: 'busy', done, total, calls, message: 'Another run took this sync over.' });
      report({ status: 'running', done, total, calls });
      input.signal?.throwIfAborted();
    }
    if (input.kind === 'mine' && !request.cursor) {
      // The queue is listed whole: whoever is no longer in it leaves the snapshot.
      const stale = (await readSnapshotContexts(db, [scope])).filter((c) => !seen.has(recordKey(c.ref))).map((c) => c.ref);
      if (stale.length) await writeSnapshotPage(db, scope, { contexts: [], deleted: stale }, now());
    }
    // Appending left superseded entries and small packs behind (incremental runs, 100-a-page listings): rewrite
    // them into full packs now, in the background, so the team page reads few and full ones.
    await compactSnapshot(db, scope, now());
    const finishedAt = now();
    const patch: Partial<SyncState> = { cursor: null, inFlight: null, lastCompleteAt: finishedAt, lastModifiedSince: request.to, period: { from: request.from, to: request.to } };
    await save(patch, true);
    await clearError();
    return report({ status: 'complete', done, total, calls });
  } catch (error) {
    const at = now();
    if (input.signal?.aborted) {
      await save({}, true);
      return report({ status: 'cancelled', done, total, calls });
    }
    if (isConnectorError(error) && error.code === 'BACKGROUND_PAUSED') {
      await save({ error: { message: error.message, kind: 'paused', at } }, true);
      return report({ status: 'paused', done, total, calls, message: error.message });
    }
    const message = error instanceof Error ? error.message : String(error);
    const kind = isConnectorError(error) ? error.kind : 'unexpected';
    await save({ error: { message, kind, at } }, true);
    return report({ status: 'failed', done, total, calls, message });
  }

  async function clearError() {
    await db.transaction('rw', db.syncStates, async () => {
      const current = await readSyncState(db, scope);
      if (current?.error) {
        delete current.error;
        await writeSyncState(db, current);
      }
    });
  }
}
