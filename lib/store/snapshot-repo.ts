import Dexie from 'dexie';
import { z } from 'zod';
import { recordKey, systemSchema, type LeadContext, type RecordRef, type SystemId } from '../domain/model';
import type { ListRequest } from '../connectors/listing';
import type { BatonDb, SnapshotRow } from './db';

/**
 * The team snapshot (Dexie v3): every lead of a period, per system, instance and kind, written page by page by
 * the background sync and read whole by the team-KPIs worker. Each person is one row holding the whole
 * `LeadContext` (the shape connectors list and `assessLead` judges), so reading 100,000 people is one scan.
 * Contexts are validated by the connectors that list them; reads do not parse them again (100,000 zod parses
 * would cost seconds).
 */

export type SnapshotKind = 'team' | 'mine';
export type SnapshotScope = { system: SystemId; instance: string; kind: SnapshotKind };
export type SnapshotScopeFilter = Pick<SnapshotScope, 'system' | 'instance'> & { kind?: SnapshotKind };

const KINDS: readonly SnapshotKind[] = ['team', 'mine'];

/** The first half of a snapshot row's key, and the sync state's key. */
export function snapshotScopeKey(scope: SnapshotScope): string {
  return `${scope.system}|${scope.instance}|${scope.kind}`;
}

function scopeRange(db: BatonDb, key: string) {
  return db.snapshots.where('[scope+key]').between([key, Dexie.minKey], [key, Dexie.maxKey], true, true);
}

/**
 * Stores one listed page in one transaction: every context is upserted under `recordKey(ctx.ref)`, so a page
 * delivered twice (a resumed run, a retried call) never doubles a person, and `deleted` records leave the scope.
 * A context of another system than the scope's is refused with a message naming both: it would otherwise be
 * counted under the wrong org.
 */
export async function writeSnapshotPage(
  db: BatonDb,
  scope: SnapshotScope,
  page: { contexts: LeadContext[]; deleted: RecordRef[] },
  now: number = Date.now(),
): Promise<void> {
  const scopeKey = snapshotScopeKey(scope);
  for (const ctx of page.contexts) {
    if (ctx.ref.system !== scope.system) {
      throw new Error(
        `Team snapshot ${scopeKey}: the listing returned ${recordKey(ctx.ref)}, a ${ctx.ref.system} record; only ${scope.system} records belong here.`,
      );
    }
  }
  const rows: SnapshotRow[] = page.contexts.map((context) => ({
    scope: scopeKey,
    key: recordKey(context.ref),
    personKey: context.person.key,
    context,
    writtenAt: now,
  }));
  const deletedKeys = page.deleted.map((ref) => [scopeKey, recordKey(ref)] as [string, string]);
  await db.transaction('rw', db.snapshots, async () => {
    // Deletes first: a record both listed and deleted in one page (deleted, then undeleted) stays.
    if (deletedKeys.length) await db.snapshots.bulkDelete(deletedKeys);
    if (rows.length) await db.snapshots.bulkPut(rows);
  });
}

/**
 * Every context of the given scopes (all scopes when absent). A record present in both the team and the "mine"
 * snapshot of one org is returned once, the most recently fetched copy, so nobody counts twice.
 */
export async function readSnapshotContexts(db: BatonDb, scopes?: SnapshotScopeFilter[]): Promise<LeadContext[]> {
  let rows: SnapshotRow[];
  if (!scopes) {
    rows = await db.snapshots.toArray();
  } else {
    const keys = new Set<string>();
    for (const s of scopes) for (const kind of s.kind ? [s.kind] : KINDS) keys.add(snapshotScopeKey({ system: s.system, instance: s.instance, kind }));
    rows = [];
    await db.transaction('r', db.snapshots, async () => {
      const parts = await Promise.all([...keys].map((key) => scopeRange(db, key).toArray()));
      for (const part of parts) for (const row of part) rows.push(row);
    });
  }
  const byRecord = new Map<string, LeadContext>();
  let twins = false;
  for (const row of rows) {
    const seen = byRecord.get(row.key);
    if (seen) twins = true;
    if (!seen || row.context.fetchedAt > seen.fetchedAt) byRecord.set(row.key, row.context);
  }
  return twins ? [...byRecord.values()] : rows.map((row) => row.context);
}

/** Drops every row of one scope (a new period, a disconnected org). Its sync state is the caller's to reset. */
export async function clearSnapshot(db: BatonDb, scope: SnapshotScope): Promise<void> {
  await scopeRange(db, snapshotScopeKey(scope)).delete();
}

export async function countSnapshot(db: BatonDb, scope: SnapshotScope): Promise<number> {
  return scopeRange(db, snapshotScopeKey(scope)).count();
}

export type SyncState = {
  scope: SnapshotScope;
  /** The period being synced, epoch ms, half-open. */
  period: { from: number; to: number };
  /** Resume token of the listing (`ListPage.cursor`); null when no run is half-way. */
  cursor: string | null;
  /** The request the cursor belongs to, so a resumed run asks the same question. */
  inFlight: ListRequest | null;
  lastCompleteAt?: number;
  /** The `modifiedSince` the next incremental run uses (start time of the last complete run). */
  lastModifiedSince?: number;
  /** API calls: all runs of this scope, and the last run. */
  callsUsed: number;
  callsLastRun: number;
  error?: { message: string; kind?: string; at: number };
  /** Set while a run holds the scope; a stale heartbeat means its worker died. */
  running?: { runId: string; startedAt: number; heartbeatAt: number };
};

const epochMs = z.number().int().nonnegative();
const listRequestSchema = z.object({
  from: epochMs,
  to: epochMs,
  modifiedSince: epochMs.optional(),
  scope: z.enum(['team', 'mine']),
  cursor: z.string().optional(),
});
const syncStateSchema = z.object({
  scope: z.object({ system: systemSchema, instance: z.string().min(1), kind: z.enum(['team', 'mine']) }),
  period: z.object({ from: epochMs, to: epochMs }),
  cursor: z.string().nullable(),
  inFlight: listRequestSchema.nullable(),
  lastCompleteAt: epochMs.optional(),
  lastModifiedSince: epochMs.optional(),
  callsUsed: z.number().int().nonnegative(),
  callsLastRun: z.number().int().nonnegative(),
  error: z.object({ message: z.string(), kind: z.string().optional(), at: epochMs }).optional(),
  running: z.object({ runId: z.string().min(1), startedAt: epochMs, heartbeatAt: epochMs }).optional(),
});

/**
 * The scope's sync state, or null when it never synced. A row this build cannot read (written by another
 * version) also reads as null: the next run is then a full sync, and upserts by record key lose nothing.
 */
export async function readSyncState(db: BatonDb, scope: SnapshotScope): Promise<SyncState | null> {
  const row = await db.syncStates.get(snapshotScopeKey(scope));
  if (!row) return null;
  const parsed = syncStateSchema.safeParse(row.state);
  return parsed.success ? parsed.data : null;
}

export async function writeSyncState(db: BatonDb, state: SyncState): Promise<void> {
  const parsed = syncStateSchema.parse(state);
  await db.syncStates.put({ scope: snapshotScopeKey(parsed.scope), state: parsed });
}

/** Every scope's readable sync state (for options and the team page's "as of" line). */
export async function listSyncStates(db: BatonDb): Promise<SyncState[]> {
  const rows = await db.syncStates.toArray();
  return rows.flatMap((row) => {
    const parsed = syncStateSchema.safeParse(row.state);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The scopes the team figures read: every real system's team snapshot, or the demo's when no real system has
 * one. The demo is a stand-in for a team, never part of one: mixing its people into a real team's funnel would
 * put invented leads in the figures both departments read. The 'mine' snapshots are the signed-in user's own
 * open leads, already inside their team's snapshot, so they are never read here.
 */
export async function teamSnapshotScopes(db: BatonDb): Promise<SnapshotScope[]> {
  const team = (await listSyncStates(db)).map((s) => s.scope).filter((scope) => scope.kind === 'team');
  const real = team.filter((scope) => scope.system !== 'demo');
  return real.length > 0 ? real : team;
}

/** The contexts the team figures are computed from (see `teamSnapshotScopes`). */
export async function readTeamSnapshot(db: BatonDb): Promise<LeadContext[]> {
  const scopes = await teamSnapshotScopes(db);
  return scopes.length ? readSnapshotContexts(db, scopes) : [];
}
