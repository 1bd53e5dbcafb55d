import Dexie from 'dexie';
import { z } from 'zod';
import { recordKey, systemSchema, type LeadContext, type RecordRef, type SystemId } from '../domain/model';
import type { ListRequest } from '../connectors/listing';
import { SNAPSHOT_PACK_SIZE, type BatonDb, type SnapshotPackRow } from './db';

/**
 * The team snapshot: every lead of a period, per system, instance and kind, written page by page by the background
 * sync and read whole by the team-KPIs worker. Each person is one entry holding the whole `LeadContext` (the shape
 * connectors list and `assessLead` judges).
 *
 * Stored in packs (Dexie v4, `SnapshotPackRow`): a written page is appended as one or more packs of up to
 * `SNAPSHOT_PACK_SIZE` entries, never read back to be merged, so a sync writes at the speed of its pages; a read
 * takes every pack of a scope in write order and keeps each record's last entry (null: deleted). One row per
 * person (v3) cost Chromium about a millisecond a row to read. `compactSnapshot` rewrites a scope into full packs
 * once superseded entries or small packs pile up (after each complete sync).
 * Contexts are validated by the connectors that list them; reads do not parse them again (100,000 zod parses
 * would cost seconds).
 */

export type SnapshotKind = 'team' | 'mine';
export type SnapshotScope = { system: SystemId; instance: string; kind: SnapshotKind };
export type SnapshotScopeFilter = Pick<SnapshotScope, 'system' | 'instance'> & { kind?: SnapshotKind };

const KINDS: readonly SnapshotKind[] = ['team', 'mine'];

/** The first half of a snapshot pack's key, and the sync state's key. */
export function snapshotScopeKey(scope: SnapshotScope): string {
  return `${scope.system}|${scope.instance}|${scope.kind}`;
}

function scopePacks(db: BatonDb, scopeKey: string) {
  return db.snapshotPacks.where('[scope+seq]').between([scopeKey, Dexie.minKey], [scopeKey, Dexie.maxKey], true, true);
}

/** Every pack of every scope starting with `prefix` (a system's scopes: `salesforce|`). */
export function snapshotPacksWithPrefix(db: BatonDb, prefix: string) {
  return db.snapshotPacks.where('[scope+seq]').between([prefix, Dexie.minKey], [`${prefix}\uffff`, Dexie.maxKey], true, true);
}

async function nextSeq(db: BatonDb, scopeKey: string): Promise<number> {
  const keys = await scopePacks(db, scopeKey).reverse().limit(1).primaryKeys();
  return keys.length ? keys[0]![1] + 1 : 1;
}

function packsOf(scopeKey: string, entries: SnapshotPackRow['entries'], firstSeq: number, writtenAt: number): SnapshotPackRow[] {
  const packs: SnapshotPackRow[] = [];
  for (let i = 0; i < entries.length; i += SNAPSHOT_PACK_SIZE) {
    packs.push({ scope: scopeKey, seq: firstSeq + packs.length, entries: entries.slice(i, i + SNAPSHOT_PACK_SIZE), writtenAt });
  }
  return packs;
}

/** Each record's last entry, in the order records were first written; deleted records left out. */
function liveEntries(packs: readonly SnapshotPackRow[]): Map<string, LeadContext> {
  const last = new Map<string, LeadContext | null>();
  for (const pack of packs) for (const entry of pack.entries) last.set(entry.key, entry.context);
  const live = new Map<string, LeadContext>();
  for (const [key, context] of last) if (context) live.set(key, context);
  return live;
}

/**
 * Stores one listed page in one transaction, appended under `recordKey(ctx.ref)`: a page delivered twice (a resumed
 * run, a retried call) never doubles a person, and `deleted` records leave the scope. A context of another system
 * than the scope's is refused with a message naming both: it would otherwise be counted under the wrong org.
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
  // Deletes first: a record both listed and deleted in one page (deleted, then undeleted) stays.
  const entries: SnapshotPackRow['entries'] = [
    ...page.deleted.map((ref) => ({ key: recordKey(ref), context: null })),
    ...page.contexts.map((context) => ({ key: recordKey(context.ref), context })),
  ];
  if (!entries.length) return;
  await db.transaction('rw', db.snapshotPacks, async () => {
    await db.snapshotPacks.bulkAdd(packsOf(scopeKey, entries, await nextSeq(db, scopeKey), now));
  });
}

/**
 * A snapshot's generation: which packs there are and when each was written. Every write appends a pack (a new
 * seq), a clear or compaction rewrites packs (a new writtenAt), a purge removes them: any change to what a read
 * returns changes it. Two 32-bit FNV-1a hashes of the sorted (scope, seq, writtenAt) list, with the pack count.
 */
function generationOf(packs: readonly (readonly [string, number, number])[]): string {
  const text = packs.map(([scope, seq, at]) => `${scope}#${seq}@${at}`).sort().join('\n');
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${packs.length}:${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}`;
}

/** The generation of the snapshot each list of contexts was read from (set by `readSnapshotContexts`). */
const generations = new WeakMap<LeadContext[], string>();

/** The generation of the snapshot `contexts` were read from, when they came from `readSnapshotContexts`. */
export function snapshotGenerationOf(contexts: LeadContext[]): string | undefined {
  return generations.get(contexts);
}

/**
 * The generation of the snapshot `readTeamSnapshot` would read now, from index keys only (no pack is read): what
 * a kept answer of the team figures must have been worked out from to be shown as this snapshot's figures.
 */
export async function teamSnapshotGeneration(db: BatonDb): Promise<string> {
  const scopes = await teamSnapshotScopes(db);
  const keys = await db.transaction('r', db.snapshotPacks, () =>
    Promise.all(
      scopes.map((scope) => {
        const key = snapshotScopeKey(scope);
        return db.snapshotPacks
          .where('[scope+seq+writtenAt]')
          // seq and writtenAt are numbers: ±Infinity bound them.
          .between([key, -Infinity, -Infinity], [key, Infinity, Infinity], true, true)
          .keys() as Promise<unknown[]>;
      }),
    ),
  );
  return generationOf(keys.flat() as [string, number, number][]);
}

/**
 * Every context of the given scopes (all scopes when absent). A record present in both the team and the "mine"
 * snapshot of one org is returned once, the most recently fetched copy, so nobody counts twice.
 */
export async function readSnapshotContexts(db: BatonDb, scopes?: SnapshotScopeFilter[]): Promise<LeadContext[]> {
  const read: { packs: SnapshotPackRow[] } = { packs: [] };
  const contexts = await readContextsOfScopes(db, scopes, read);
  generations.set(contexts, generationOf(read.packs.map((p) => [p.scope, p.seq, p.writtenAt] as const)));
  return contexts;
}

async function readContextsOfScopes(db: BatonDb, scopes: SnapshotScopeFilter[] | undefined, read: { packs: SnapshotPackRow[] }): Promise<LeadContext[]> {
  let packs: SnapshotPackRow[];
  if (!scopes) {
    packs = await db.snapshotPacks.toArray();
  } else {
    const keys = new Set<string>();
    for (const s of scopes) for (const kind of s.kind ? [s.kind] : KINDS) keys.add(snapshotScopeKey({ system: s.system, instance: s.instance, kind }));
    packs = [];
    await db.transaction('r', db.snapshotPacks, async () => {
      const parts = await Promise.all([...keys].map((key) => scopePacks(db, key).toArray()));
      for (const part of parts) for (const pack of part) packs.push(pack);
    });
  }
  read.packs = packs;
  // Packs come ordered by [scope+seq]: each scope's run of packs is in write order.
  const byScope = new Map<string, SnapshotPackRow[]>();
  for (const pack of packs) {
    const list = byScope.get(pack.scope);
    if (list) list.push(pack);
    else byScope.set(pack.scope, [pack]);
  }
  if (byScope.size === 1) return [...liveEntries(packs).values()];
  const byRecord = new Map<string, LeadContext>();
  for (const scopeRun of byScope.values()) {
    for (const [key, context] of liveEntries(scopeRun)) {
      const seen = byRecord.get(key);
      if (!seen || context.fetchedAt > seen.fetchedAt) byRecord.set(key, context);
    }
  }
  return [...byRecord.values()];
}

/** Drops every row of one scope (a new period, a disconnected org). Its sync state is the caller's to reset. */
export async function clearSnapshot(db: BatonDb, scope: SnapshotScope): Promise<void> {
  await scopePacks(db, snapshotScopeKey(scope)).delete();
}

export async function countSnapshot(db: BatonDb, scope: SnapshotScope): Promise<number> {
  return liveEntries(await scopePacks(db, snapshotScopeKey(scope)).toArray()).size;
}

/**
 * Rewrites one scope into full packs when appending has left waste: superseded or deleted entries over a quarter
 * of the live ones, or more than twice the packs the live entries need (a listing that pages by 100). One
 * transaction: a reader sees the scope before or after, never half. Returns whether it rewrote.
 */
export async function compactSnapshot(db: BatonDb, scope: SnapshotScope, now: number = Date.now()): Promise<boolean> {
  const scopeKey = snapshotScopeKey(scope);
  return db.transaction('rw', db.snapshotPacks, async () => {
    const packs = await scopePacks(db, scopeKey).toArray();
    const live = liveEntries(packs);
    const stored = packs.reduce((sum, p) => sum + p.entries.length, 0);
    const needed = Math.ceil(live.size / SNAPSHOT_PACK_SIZE);
    if (stored - live.size <= live.size / 4 && packs.length <= 2 * needed + 1) return false;
    await scopePacks(db, scopeKey).delete();
    const entries = [...live].map(([key, context]) => ({ key, context }));
    if (entries.length) await db.snapshotPacks.bulkAdd(packsOf(scopeKey, entries, 1, now));
    return true;
  });
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
