import type { UserIdentity } from '../domain/identity';
import Dexie, { type Table } from 'dexie';
import { DB_NAME } from './db-name';
import type {
  DataQualityWarning,
  EngagementEvent,
  Feedback,
  LeadContext,
  Opportunity,
  Person,
  RecordRef,
  SalesActivity,
  StageChange,
  SystemId,
} from '../domain/model';

/**
 * Baton's local store of record (IndexedDB through Dexie 4). Opened by extension pages (side panel, options)
 * and the background worker only: IndexedDB opened in a content script would belong to the CRM's origin.
 * All contexts share the one database of the extension origin; Dexie's live queries see each other's writes
 * (https://dexie.org/docs/liveQuery()).
 */


/** Which record was fetched, which person it belongs to, and when it was last looked at. */
export interface RecordRow {
  /** `recordKey(ref)`: system|instance|object|id. */
  key: string;
  ref: RecordRef;
  personKey: string;
  warnings: DataQualityWarning[];
  fetchedAt: number;
  /** Added in v2 (see below). */
  lastViewedAt: number;
}

/** One human across systems. `linkKeys` holds the record keys of every system that knows them. */
export interface PersonRow extends Person {
  linkKeys: string[];
  /** When a connector last told us about this person, and which systems answered. */
  updatedAt: number;
  sources: SystemId[];
  /** Added in v2: drives least-recently-viewed eviction. */
  lastViewedAt: number;
}

export type EventRow = EngagementEvent & { personKey: string };
export type ActivityRow = SalesActivity & { personKey: string };
export type StageChangeRow = StageChange & { personKey: string };
export type OpportunityRow = Opportunity & { personKey: string };

/** A feedback click made here: the outbox and its history. Never evicted. */
export interface FeedbackRow extends Feedback {
  recordKey: string;
  /** Set while a worker holds the item in 'sending'; a worker only settles items it still holds. */
  claimId?: string;
  /** Consecutive auth failures: the connector refreshes tokens itself, so repeated ones need a person. */
  authFailures: number;
  lastErrorKind?: string;
  /**
   * What the outbox does with the item: 'deliver' (absent: older rows) creates the Task / note / activity once;
   * 'amend' updates the one already delivered (`vendorId`) with reasons and a comment added after the undo window.
   */
  op?: 'deliver' | 'amend';
}

/** Feedback found in the system of record (given elsewhere, or by us earlier). Never evicted. */
export type RemoteFeedbackRow = Feedback & { recordKey: string };

/** Sync metadata, per record key (or `definitions`). */
export interface SyncRow {
  key: string;
  fetchedAt: number | null;
  sources: SystemId[];
  etag?: string;
  version?: string;
  lastError?: string;
  lastErrorKind?: string;
  lastErrorAt?: number;
  /**
   * Rows keyed `outbox-hold|<system>` (see `vendor-hold.ts`): the vendor asked us (Retry-After, spent quota)
   * to send nothing before this time. Kept here, not in memory, so it outlives a batch and a worker restart.
   */
  holdUntil?: number;
  /** Rows keyed `identity|<system>` (see `identity-repo.ts`): who the person is in that system. */
  identity?: UserIdentity;
  /** The row `queue-alerts` (see `queue-alert-store.ts`): alerts already shown, so each fires once across restarts. */
  firedAlerts?: { key: string; url?: string; at: number }[];
}

/**
 * One person of a team snapshot (v3): the whole `LeadContext` as one row, so reading 100,000 people is one
 * sequential scan of one table instead of a join over a million event rows.
 */
export interface SnapshotRow {
  /** `snapshotScopeKey(scope)`: system|instance|kind. The first half of the primary key. */
  scope: string;
  /** `recordKey(context.ref)`: a resumed or repeated page overwrites the person instead of doubling them. */
  key: string;
  personKey: string;
  context: LeadContext;
  /** When this row was written (the page's arrival), for "as of" lines and debugging a sync. */
  writtenAt: number;
}

/** The sync state of one snapshot scope; `state` is validated by the snapshot repo, not by the table. */
/**
 * The team snapshot since v4: packs of up to `SNAPSHOT_PACK_SIZE` entries, appended per written page. Reading one
 * row per person cost Chromium's IndexedDB about a millisecond a row (100,000 people: over a minute on a busy
 * 2-core machine); a few hundred packs read in seconds. An entry's `context` null is a deletion. Within a scope,
 * later packs (higher `seq`) and later entries override earlier ones; see lib/store/snapshot-repo.ts.
 */
export interface SnapshotPackRow {
  /** `snapshotScopeKey(scope)`: system|instance|kind. The first half of the primary key. */
  scope: string;
  /** Write order within the scope. */
  seq: number;
  entries: { key: string; context: LeadContext | null }[];
  /** When the pack was written (the page's arrival). */
  writtenAt: number;
}

export interface SyncStateRow {
  scope: string;
  state: unknown;
}

export interface SettingsRow {
  /** 'definitions-draft': the workshop's unpublished draft (definitions-draft-repo.ts). */
  key: 'settings' | 'definitions-draft';
  value: unknown;
}

/**
 * Definitions versions as stored. `definitions` is validated by the definitions repo on the way in and out;
 * the table does not need its shape.
 */
export interface DefinitionsRow {
  seq?: number;
  /** `${id}@${version}` of the definitions, so the same version fetched twice is kept once in the history. */
  versionKey: string;
  definitions: unknown;
  source: 'default' | 'url' | 'managed' | 'file';
  sourceUrl?: string;
  etag?: string;
  fetchedAt: number;
  lastError?: string;
}

/**
 * Version 1: the first schema. Activities and stage changes are keyed by their own ids
 * (`${source}:${sourceId}`), so a re-delivered page of history overwrites instead of doubling, and indexed
 * by `[personKey+time]` so one person's timeline is one index range.
 * Events, the big table (a million rows), are keyed by `[personKey+occurredAt+id]` instead: reading one
 * person's timeline is then a primary-key range, about 40% faster in Chromium than going through an index
 * (measured: median 4.0 vs 6.9 ms for 500 events among 100,000). The `id` index keeps them unique:
 * saveContext drops an older row of the same id before writing it under a new person or time.
 * https://dexie.org/docs/Compound-Index
 */
export const SCHEMA_V1 = {
  records: 'key, personKey',
  people: 'key, email, *linkKeys',
  events: '[personKey+occurredAt+id], id',
  activities: 'id, [personKey+occurredAt]',
  stageChanges: 'id, [personKey+at]',
  opportunities: 'id, personKey',
  feedback: 'id, [state+nextAttemptAt], recordKey, personKey',
  remoteFeedback: 'id, recordKey, personKey',
  definitions: '++seq, versionKey, fetchedAt',
  sync: 'key',
  settings: 'key',
} as const;

/**
 * Version 2: least-recently-viewed eviction needs people and records ordered by `lastViewedAt`. Version 1 rows
 * never recorded it, so the upgrade backfills it with the time they were last fetched: the best evidence of
 * use we have. Nothing else changes; no row is dropped.
 * https://dexie.org/docs/Version/Version.upgrade()
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  records: 'key, personKey, lastViewedAt',
  people: 'key, email, *linkKeys, lastViewedAt',
} as const;

/**
 * Version 3: the team layer's snapshot of every lead of a period (issue 10), apart from the panel's cache so
 * eviction and a panel refresh never touch it. `snapshots` is keyed by `[scope+key]`: each system, instance and
 * kind (team / mine) is its own key range, so one scope is written, read and cleared without touching another
 * (the "table per system and instance" of the design, without a schema change per connected org).
 * `syncStates` holds each scope's cursor, last complete sync, calls used and errors. New tables only: the
 * upgrade moves no row.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  snapshots: '[scope+key], personKey',
  syncStates: 'scope',
} as const;

/**
 * Version 4: the team snapshot in packs (`snapshotPacks`, see `SnapshotPackRow`): one row per person was too slow
 * to read back in Chromium. The upgrade moves every v3 row into packs, scope by scope, and empties `snapshots`
 * (left declared, empty, until a later version drops it: Dexie cannot read a table the same version deletes).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  snapshotPacks: '[scope+seq]',
} as const;

/**
 * Version 5: the team's answers to the alignment diagnostic's self-assessed checks (issue 11), one row per answer
 * given, so the history stays: `[checkId+at]` reads one check's answers in time order. A new table only: the
 * upgrade moves no row.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  selfAssessments: '++seq, [checkId+at], at',
} as const;

/**
 * Version 6 (issue 11's speed and review pack):
 * - `snapshotPacks` gains the index `[scope+seq+writtenAt]`: the snapshot's generation (which packs, written when)
 *   is read from index keys alone, without the packs' values, so the page knows at once whether figures kept from
 *   an earlier visit were worked out from the snapshot it would read now (`teamSnapshotGeneration`).
 * - `teamAnswers`: the team-KPIs worker's last answers (this period, the previous one, the detail), keyed by what
 *   was asked, each with the snapshot generation it read and the minute it judged as of (`team-answer-cache.ts`).
 *   A cache: rows may be dropped at any time.
 * - `reviews`: one row per review pack made (date, period, headline figures, definitions in force), so the next
 *   pack says what changed since (`review-repo.ts`).
 * New tables and an index only: the upgrade moves no row.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  snapshotPacks: '[scope+seq], [scope+seq+writtenAt]',
  teamAnswers: 'key, computedAt',
  reviews: '++seq, at',
} as const;

/** A kept worker answer; validated by the answer cache, not by the table. */
export interface TeamAnswerRow {
  key: string;
  generation: string;
  /** The minute the figures were judged as of (the request's `now`). */
  now: number;
  computedAt: number;
  answer: unknown;
}

/** A review pack made; validated by the review repo, not by the table. */
export interface ReviewRow {
  seq?: number;
  at: number;
  review: unknown;
}

/** One answer to a self-assessed diagnostic check; validated by the self-assessment repo, not by the table. */
export interface SelfAssessmentRow {
  seq?: number;
  checkId: string;
  answer: string;
  note?: string;
  at: number;
}

/** Entries per pack: about 3 MB of contexts, read as one IndexedDB value. */
export const SNAPSHOT_PACK_SIZE = 1_000;

export class BatonDb extends Dexie {
  records!: Table<RecordRow, string>;
  people!: Table<PersonRow, string>;
  events!: Table<EventRow, [string, number, string]>;
  activities!: Table<ActivityRow, string>;
  stageChanges!: Table<StageChangeRow, string>;
  opportunities!: Table<OpportunityRow, string>;
  feedback!: Table<FeedbackRow, string>;
  remoteFeedback!: Table<RemoteFeedbackRow, string>;
  definitions!: Table<DefinitionsRow, number>;
  sync!: Table<SyncRow, string>;
  settings!: Table<SettingsRow, string>;
  /** v3's one row per person; empty since v4 (see SCHEMA_V4). */
  snapshots!: Table<SnapshotRow, [string, string]>;
  snapshotPacks!: Table<SnapshotPackRow, [string, number]>;
  syncStates!: Table<SyncStateRow, string>;
  selfAssessments!: Table<SelfAssessmentRow, number>;
  teamAnswers!: Table<TeamAnswerRow, string>;
  reviews!: Table<ReviewRow, number>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table<Partial<PersonRow> & { key: string }>('people')
          .toCollection()
          .modify((person) => {
            if (typeof person.lastViewedAt !== 'number') person.lastViewedAt = person.updatedAt ?? 0;
          });
        await tx
          .table<Partial<RecordRow> & { key: string }>('records')
          .toCollection()
          .modify((record) => {
            if (typeof record.lastViewedAt !== 'number') record.lastViewedAt = record.fetchedAt ?? 0;
          });
      });
    this.version(3).stores(SCHEMA_V3);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        const rows = await tx.table<SnapshotRow, [string, string]>('snapshots').toArray();
        const byScope = new Map<string, SnapshotRow[]>();
        for (const row of rows) byScope.set(row.scope, [...(byScope.get(row.scope) ?? []), row]);
        const packs: SnapshotPackRow[] = [];
        for (const [scope, scopeRows] of byScope) {
          for (let i = 0; i < scopeRows.length; i += SNAPSHOT_PACK_SIZE) {
            const part = scopeRows.slice(i, i + SNAPSHOT_PACK_SIZE);
            packs.push({ scope, seq: packs.length + 1, entries: part.map((r) => ({ key: r.key, context: r.context })), writtenAt: Math.max(...part.map((r) => r.writtenAt)) });
          }
        }
        if (packs.length) await tx.table<SnapshotPackRow, [string, number]>('snapshotPacks').bulkAdd(packs);
        await tx.table('snapshots').clear();
      });
    this.version(5).stores(SCHEMA_V5);
    this.version(6).stores(SCHEMA_V6);
  }
}

export function openBatonDb(name: string = DB_NAME): BatonDb {
  return new BatonDb(name);
}

/** The app's database. Dexie opens lazily on first use, so importing this module does no I/O. */
export const db = openBatonDb();

/** Dexie wraps the DOMException; both carry this name. https://dexie.org/docs/DexieErrors/Dexie.QuotaExceededError */
export function isQuotaExceeded(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current === 'object' && 'name' in current && (current as { name: unknown }).name === 'QuotaExceededError') {
      return true;
    }
    current = (current as { inner?: unknown; cause?: unknown }).inner ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
