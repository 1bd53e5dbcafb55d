import type { LeadContext, RecordRef } from '../domain/model';
import type { CachedContext } from './context-repo';
import type { ActivityRow, EventRow, OpportunityRow, PersonRow, RecordRow, RemoteFeedbackRow, StageChangeRow, SyncRow } from './db';

/**
 * A row without the key it is indexed by. Object rest (`({ personKey, ...row }) => row`) takes a slow runtime path
 * in V8: over a heavy person's 500 event rows it cost 3–5× this copy, most of what a context read spent above
 * IndexedDB's own time (scripts/bench/store-chromium.ts prints both).
 */
export function without<K extends string, T extends Record<K, unknown>>(row: T, key: K): Omit<T, K> {
  const copy: Record<string, unknown> = {};
  for (const name in row) if (name !== (key as string)) copy[name] = row[name];
  return copy as Omit<T, K>;
}

/** The rows of one person's cached context, as both readers get them (Dexie's `readContext`, the first paint's plain IndexedDB). */
export interface ContextRows {
  personRow: PersonRow;
  record: RecordRow | undefined;
  sync: SyncRow | undefined;
  eventRows: EventRow[];
  activityRows: ActivityRow[];
  stageRows: StageChangeRow[];
  opportunityRows: OpportunityRow[];
  remoteRows: RemoteFeedbackRow[];
}

/**
 * One rule for turning the stored rows back into the cached context the panel reads (the context, its fetch time,
 * sources and last refresh failure), for both readers (no Dexie here).
 */
export function cachedContextFromRows(ref: RecordRef, rows: ContextRows): CachedContext {
  const { personRow, record, sync } = rows;
  const { linkKeys: _links, updatedAt, sources: personSources, lastViewedAt: _viewed, ...person } = personRow;
  const context: LeadContext = {
    ref,
    person,
    events: rows.eventRows.map((row) => without(row, 'personKey')),
    activities: rows.activityRows.map((row) => without(row, 'personKey')),
    stageChanges: rows.stageRows.map((row) => without(row, 'personKey')),
    opportunities: rows.opportunityRows.map((row) => without(row, 'personKey')),
    feedback: rows.remoteRows.map((row) => without(row, 'recordKey')),
    warnings: record?.warnings ?? [],
    fetchedAt: record?.fetchedAt ?? updatedAt,
    sources: sync?.sources ?? personSources,
  };
  return {
    context,
    fetchedAt: context.fetchedAt,
    sources: context.sources,
    lastError: sync?.lastError ?? null,
    lastErrorKind: sync?.lastErrorKind ?? null,
    lastErrorAt: sync?.lastErrorAt ?? null,
  };
}
