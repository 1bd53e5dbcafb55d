import { z } from 'zod';
import type { LeadContext, RecordRef } from '../../domain/model';
import { isOpenAfterHandoff } from '../../domain/open-after-handoff';
import { ConnectorError, isConnectorError, type FetchOptions } from '../connector';
import type { ListPage, ListRequest } from '../listing';
import { createQueryJob, fetchResultSet, rowToRecord, waitForJob, type Sleep } from './bulk';
import type { SalesforceClient } from './client';
import { allRecords } from './composite';
import { LIST_LIMITS, listBulkQueries, listRestQuery, soqlDateTime, type BulkPart, type ListFilter } from './list-queries';
import { mapToLeadContext } from './map';
import { queryPath, type PersonObject } from './queries';
import {
  deletedRecordsSchema,
  queryResultSchema,
  sfCampaignMemberSchema,
  sfEventSchema,
  sfHistorySchema,
  sfPersonRecordSchema,
  sfTaskSchema,
  type SfPersonRecord,
} from './schemas';

/**
 * The team listing of Salesforce: every lead and contact of a period as the same `LeadContext` the panel maps
 * (lib/connectors/salesforce/map.ts), paged, resumable from an opaque cursor, counting every call.
 *
 * Passes, in order, for Lead then Contact: the people of the period (or modified since the last sync); when
 * incremental, the people whose Tasks, Events or CampaignMembers changed (those do not move the parent's
 * SystemModstamp) and the records deleted since (sObject Get Deleted). A person listed twice in one run is
 * written twice to the same snapshot row (upsert by record key), never doubled.
 *
 * REST path: one SOQL with the children as subqueries, `Sforce-Query-Options: batchSize=2000`, following
 * `nextRecordsUrl`. Children count toward the batch size, so a page carries about 2,000 / (1 + children per
 * person) people: ~4.5 calls per 1,000 leads at the fake org's 8 children each.
 * Bulk path: above `bulkThreshold` people in a full pass, Bulk API 2.0 query jobs for the parent and each child
 * object, joined locally (a fixed ~20 calls per object whatever the size). See scripts/bench for the figures.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_queryoptions.htm
 */
export interface ListingDeps {
  client: SalesforceClient;
  apiVersion: string;
  pardotFields: boolean;
  /** Contact stage field from settings (leads always use Status). */
  contactStageField: string | null;
  /** My Domain name of the org (the `instance` of the panel's refs). */
  instance: string;
  instanceUrl: string;
  /** The signed-in user (005…), needed for scope 'mine'. */
  userId: () => Promise<string>;
  /** Throws the BACKGROUND_PAUSED error when the org is above 80% of its daily limit. */
  assertAllowed: () => Promise<void>;
  sleep: Sleep;
  /** People in one full pass above which the bulk path runs. */
  bulkThreshold: number;
  /** Rows per Bulk API 2.0 result set of the parent (one page of the listing). */
  bulkPageSize?: number;
}

/** Measured with scripts/bench/team-sync.bench.ts: above this many people Bulk API 2.0 costs fewer calls. */
export const BULK_THRESHOLD = 10_000;
const QUERY_OPTIONS = { 'Sforce-Query-Options': 'batchSize=2000' };
/** Get Deleted answers for the last 15 days only. https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_getdeleted.htm */
const DELETED_WINDOW_MS = 15 * 24 * 60 * 60 * 1000;

type Pass =
  | { object: PersonObject; kind: 'people'; filter: ListFilter }
  | { object: PersonObject; kind: 'deleted'; since: number };

const bulkCursorSchema = z.object({
  jobs: z.partialRecord(z.enum(['parent', 'history', 'tasks', 'events', 'members']), z.string()),
  /** Locator of the next parent result set; null before the first. */
  locator: z.string().nullable(),
});
type BulkCursor = z.infer<typeof bulkCursorSchema>;

const cursorSchema = z.object({
  v: z.literal(1),
  /** Index of the pass in progress. */
  pass: z.number().int().nonnegative(),
  /** REST: `nextRecordsUrl` of the pass in progress, null to (re)start it. */
  next: z.string().nullable(),
  bulk: bulkCursorSchema.optional(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  /** The run's start: the end of the deleted window, the same on resume. */
  startedAt: z.number(),
});
type Cursor = z.infer<typeof cursorSchema>;

function invalid(what: string, error?: z.ZodError): ConnectorError {
  const where = error?.issues[0] ? ` at ${error.issues[0].path.join('.')}: ${error.issues[0].message}` : '';
  return new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: `Salesforce: ${what} has an unexpected shape${where}.` });
}

function readCursor(raw: string | undefined, now: number): Cursor {
  if (!raw) return { v: 1, pass: 0, next: null, done: 0, startedAt: now };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  const cursor = cursorSchema.safeParse(parsed);
  // A cursor from another version of Baton restarts the listing: upserts make that safe, only slower.
  return cursor.success ? cursor.data : { v: 1, pass: 0, next: null, done: 0, startedAt: now };
}

function passesFor(request: ListRequest, userId: string | null): Pass[] {
  const objects: PersonObject[] = ['Lead', 'Contact'];
  if (request.scope === 'mine') {
    return objects.map((object) => ({ object, kind: 'people', filter: { kind: 'mine', ownerId: userId!, to: request.to } }));
  }
  const since = request.modifiedSince;
  return objects.flatMap((object): Pass[] => {
    const from = since === undefined ? request.from : Math.max(request.from, since);
    const passes: Pass[] = [{ object, kind: 'people', filter: { kind: 'period', from, to: request.to } }];
    if (since !== undefined) {
      for (const child of ['Task', 'Event', 'CampaignMember'] as const) {
        passes.push({ object, kind: 'people', filter: { kind: 'child-changed', child, since, to: request.to } });
      }
      passes.push({ object, kind: 'deleted', since });
    }
    return passes;
  });
}

/** A client that counts every request it sends. */
export function countingClient(client: SalesforceClient): SalesforceClient & { take(): number } {
  let calls = 0;
  return {
    auth: () => client.auth(),
    async request(path, init) {
      calls++;
      return client.request(path, init);
    },
    take() {
      const n = calls;
      calls = 0;
      return n;
    },
  };
}

export async function* listSalesforceContexts(deps: ListingDeps, request: ListRequest, options: FetchOptions): AsyncGenerator<ListPage, void, void> {
  const client = countingClient(deps.client);
  const cursor = readCursor(request.cursor, options.now);
  const passes = passesFor(request, request.scope === 'mine' ? await deps.userId() : null);
  const stageFieldOf = (object: PersonObject) => (object === 'Lead' ? 'Status' : deps.contactStageField);

  const toContext = (object: PersonObject, record: SfPersonRecord): LeadContext => {
    const ref: RecordRef = { system: 'salesforce', instance: deps.instance, object, id: record.Id };
    return mapToLeadContext({
      ref,
      instanceUrl: deps.instanceUrl,
      bundle: { record, history: record.Histories?.records ?? [] },
      stageField: stageFieldOf(object),
      fetchedAt: options.now,
      stageOf: options.stageOf,
    });
  };
  const keep = (contexts: LeadContext[]) => (request.scope === 'mine' ? contexts.filter((c) => isOpenAfterHandoff(c.person)) : contexts);
  const page = (contexts: LeadContext[], deleted: RecordRef[], next: Cursor | null): ListPage => {
    cursor.done += contexts.length;
    return {
      contexts,
      deleted,
      cursor: next ? JSON.stringify(next) : null,
      progress: { done: cursor.done, ...(cursor.total !== undefined ? { total: Math.max(cursor.total, cursor.done) } : {}) },
      calls: client.take(),
    };
  };
  const advance = () => {
    cursor.pass++;
    cursor.next = null;
    delete cursor.bulk;
  };

  while (cursor.pass < passes.length) {
    options.signal?.throwIfAborted();
    await deps.assertAllowed();
    const pass = passes[cursor.pass]!;

    if (pass.kind === 'deleted') {
      const deleted = await listDeleted(client, deps, pass, cursor.startedAt, options.signal);
      advance();
      yield page([], deleted, cursor.pass < passes.length ? { ...cursor } : null);
      continue;
    }

    if (cursor.bulk) {
      yield* bulkPass(pass.object, pass.filter);
      continue;
    }

    let body: unknown;
    try {
      ({ body } = await client.request(cursor.next ?? queryPath(deps.apiVersion, listRestQuery(queryInput(pass.object, pass.filter))), {
        headers: QUERY_OPTIONS,
        signal: options.signal,
      }));
    } catch (e) {
      // A query cursor lives 15 minutes idle: a run resumed later starts its pass again (upserts keep it single).
      if (cursor.next && isConnectorError(e) && e.code === 'INVALID_QUERY_LOCATOR') {
        cursor.next = null;
        continue;
      }
      throw e;
    }
    const result = queryResultSchema(sfPersonRecordSchema).safeParse(body);
    if (!result.success) throw invalid(`the ${pass.object} listing`, result.error);
    const first = cursor.next === null;
    if (first) cursor.total = (cursor.total ?? cursor.done) + result.data.totalSize;

    if (first && request.scope === 'team' && pass.filter.kind === 'period' && result.data.totalSize > deps.bulkThreshold) {
      // Large org: this page is thrown away and the pass runs as Bulk API 2.0 jobs instead.
      cursor.bulk = { jobs: {}, locator: null };
      yield* bulkPass(pass.object, pass.filter);
      continue;
    }

    const records = result.data.records;
    for (const record of records) await completeChildren(client, record, options.signal);
    const contexts = keep(records.map((r) => toContext(pass.object, r)));
    if (result.data.done || !result.data.nextRecordsUrl) advance();
    else cursor.next = result.data.nextRecordsUrl;
    yield page(contexts, [], cursor.pass < passes.length ? { ...cursor } : null);
  }

  /** One full pass of an object through Bulk API 2.0, resumable at the job creation and at each result set. */
  async function* bulkPass(object: PersonObject, filter: ListFilter): AsyncGenerator<ListPage, void, void> {
    const bulk = cursor.bulk as BulkCursor;
    const queries = listBulkQueries(queryInput(object, filter));
    const parts = Object.keys(queries) as BulkPart[];
    if (parts.some((p) => !bulk.jobs[p])) {
      for (const part of parts) bulk.jobs[part] ??= (await createQueryJob(client, deps.apiVersion, queries[part]!, options.signal)).id;
      // Saved before waiting: a run killed while Salesforce works reuses these jobs instead of creating more.
      yield page([], [], { ...cursor, bulk: structuredClone(bulk) });
    }
    for (const part of parts) await waitForJob(client, deps.apiVersion, bulk.jobs[part]!, { signal: options.signal, sleep: deps.sleep });

    const children = await loadBulkChildren(object, bulk);
    do {
      await deps.assertAllowed();
      const set = await fetchResultSet(client, deps.apiVersion, bulk.jobs.parent!, bulk.locator, deps.bulkPageSize ?? 5_000, options.signal);
      const contexts: LeadContext[] = [];
      for (const row of set.rows) {
        const raw = rowToRecord(row, object);
        const id = String(raw.Id);
        Object.assign(raw, {
          Histories: childList(children.history.get(id)),
          Tasks: childList(children.tasks.get(id)),
          Events: childList(children.events.get(id)),
          CampaignMembers: childList(children.members.get(id)),
        });
        const parsed = sfPersonRecordSchema.safeParse(raw);
        if (!parsed.success) throw invalid(`a ${object} row of the bulk results`, parsed.error);
        contexts.push(toContext(object, parsed.data));
      }
      bulk.locator = set.next;
      if (!set.next) advance();
      yield page(keep(contexts), [], cursor.pass < passes.length ? { ...cursor, ...(cursor.bulk ? { bulk: structuredClone(bulk) } : {}) } : null);
    } while (bulk.locator);
  }

  /** The child jobs' rows grouped by person, oldest first and capped as the REST subqueries are. */
  async function loadBulkChildren(object: PersonObject, bulk: BulkCursor) {
    const parentKey = object === 'Lead' ? 'LeadId' : 'ContactId';
    const group = async (part: BulkPart, key: string, type: string, limit: number) => {
      const byParent = new Map<string, Record<string, unknown>[]>();
      const job = bulk.jobs[part];
      if (!job) return byParent;
      // Grouped set by set, so the raw CSV rows of one set are garbage before the next is read.
      let locator: string | null = null;
      do {
        const set = await fetchResultSet(client, deps.apiVersion, job, locator, 50_000, options.signal);
        for (const row of set.rows) {
          const parent = row[key];
          if (!parent) continue;
          const record = rowToRecord(row, type);
          delete record[key];
          const list = byParent.get(parent);
          if (list) list.push(record);
          else byParent.set(parent, [record]);
        }
        locator = set.next;
      } while (locator);
      for (const list of byParent.values()) {
        list.sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)));
        list.splice(limit);
      }
      return byParent;
    };
    return {
      history: await group('history', parentKey, `${object}History`, LIST_LIMITS.history),
      tasks: await group('tasks', 'WhoId', 'Task', LIST_LIMITS.tasks),
      events: await group('events', 'WhoId', 'Event', LIST_LIMITS.events),
      members: await group('members', parentKey, 'CampaignMember', LIST_LIMITS.members),
    };
  }

  function queryInput(object: PersonObject, filter: ListFilter) {
    return { object, filter, pardotFields: deps.pardotFields, stageField: stageFieldOf(object) };
  }
}

function childList(records: Record<string, unknown>[] | undefined) {
  return records ? { totalSize: records.length, done: true, records } : null;
}

/** A child list longer than one batch pages through its own nextRecordsUrl (rare with the list limits). */
async function completeChildren(client: SalesforceClient, record: SfPersonRecord, signal?: AbortSignal) {
  if (record.Tasks && !record.Tasks.done) record.Tasks = { ...record.Tasks, done: true, records: await allRecords(client, record.Tasks, sfTaskSchema, signal) };
  if (record.Events && !record.Events.done) record.Events = { ...record.Events, done: true, records: await allRecords(client, record.Events, sfEventSchema, signal) };
  if (record.CampaignMembers && !record.CampaignMembers.done) {
    record.CampaignMembers = { ...record.CampaignMembers, done: true, records: await allRecords(client, record.CampaignMembers, sfCampaignMemberSchema, signal) };
  }
  if (record.Histories && !record.Histories.done) record.Histories = { ...record.Histories, done: true, records: await allRecords(client, record.Histories, sfHistorySchema, signal) };
}

/**
 * Records deleted (or merged away) since the last sync. The resource answers for the last 15 days only: an
 * older `since` is clamped, and records deleted before that stay in the snapshot until the next full sync.
 */
async function listDeleted(
  client: SalesforceClient,
  deps: ListingDeps,
  pass: { object: PersonObject; since: number },
  end: number,
  signal?: AbortSignal,
): Promise<RecordRef[]> {
  const start = Math.max(pass.since, end - DELETED_WINDOW_MS + 60_000);
  if (end - start < 60_000) return [];
  const params = new URLSearchParams({ start: soqlDateTime(start), end: soqlDateTime(end) });
  const { body } = await client.request(`/services/data/v${deps.apiVersion}/sobjects/${pass.object}/deleted/?${params}`, { signal });
  const parsed = deletedRecordsSchema.safeParse(body);
  if (!parsed.success) throw invalid(`the deleted ${pass.object} list`, parsed.error);
  return parsed.data.deletedRecords.map((d) => ({ system: 'salesforce', instance: deps.instance, object: pass.object, id: d.id }));
}
