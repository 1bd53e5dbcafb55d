import { z } from 'zod';
import { ConnectorError, isConnectorError, type FetchOptions } from '../connector';
import type { ListPage, ListRequest } from '../listing';
import type { KeyValueStore } from '../local-store';
import type { LeadContext, RecordRef } from '../../domain/model';
import type { DataverseClient } from './client';
import { mapContactContext, mapLeadContext } from './map-record';
import { contactQuery, leadQuery, odataDate } from './queries';
import { contactSchema, leadSchema, pageSchema, whoAmISchema } from './schemas';

/**
 * Every lead and contact of a period for the team sync, mapped by the same `mapLeadContext` /
 * `mapContactContext` as the panel.
 *
 * Passes, resumable from the cursor (pass index + the `@odata.nextLink` being followed):
 * 1. leads created or modified in [from, to) (a lead handed off, qualified or disqualified in the period was
 *    modified in it), plus `modifiedon ge since` for an incremental run; activities and originated
 *    opportunities expanded as in the panel (without the panel's `$top`).
 * 2. contacts of the same period that were NOT qualified from a lead (`_originatingleadid_value eq null`): people
 *    who entered as contacts (events, journeys, imports). A contact qualified from a lead is that lead's person,
 *    already counted on the lead (its history stays there), so listing it too would count one human twice.
 * 3. (team scope) deletions since the last sync, per table, through Dataverse change tracking: a delta link
 *    kept per environment (`baton.dynamics.delta`, storage.local: a version token, not a secret). Its
 *    `$deletedEntity` rows leave the snapshot. The first run only takes the baseline (the ids, `$select` of the
 *    key, 5,000 a page) and reports nothing. Change tracking needs the table's "Track changes" on and
 *    organization-level read on it, and a delta token lives 7 days by default: without either, the pass is
 *    skipped (a record deleted then stays until the next full sync), and an expired token is dropped and the
 *    baseline taken again. https://learn.microsoft.com/en-us/power-apps/developer/data-platform/use-change-tracking-synchronize-data-external-systems
 * Pages of `PAGE_SIZE` through `Prefer: odata.maxpagesize`, followed by `@odata.nextLink`.
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/query/page-results
 * 'mine': the signed-in user's open leads and active contacts (WhoAmI, one call); the runner drops whoever left.
 */
export const PAGE_SIZE = 200;
const DELTA_PAGE_SIZE = 5000;
export const DYNAMICS_DELTA_KEY = 'baton.dynamics.delta';

type Table = 'lead' | 'contact';
const SET: Record<Table, string> = { lead: 'leads', contact: 'contacts' };
const KEY: Record<Table, string> = { lead: 'leadid', contact: 'contactid' };

type Pass = { kind: 'list'; table: Table } | { kind: 'deleted'; table: Table };

const cursorSchema = z.object({
  pass: z.number().int().nonnegative().default(0),
  next: z.string().nullable(),
  done: z.number().int().nonnegative(),
  owner: z.string().optional(),
});
type Cursor = z.infer<typeof cursorSchema>;

const deltaStoreSchema = z.record(z.string(), z.object({ lead: z.string().optional(), contact: z.string().optional() }));

/** A change-tracking page: changed rows as usual, removed ones as `{ id, reason: 'deleted' }` ($deletedEntity). */
const deltaPageSchema = z.object({
  value: z.array(z.record(z.string(), z.unknown())),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

export function leadListFilter(request: Pick<ListRequest, 'from' | 'to' | 'modifiedSince'>, owner?: string): string {
  const from = odataDate(request.from);
  const to = odataDate(request.to);
  const parts = [`((createdon ge ${from} and createdon lt ${to}) or (modifiedon ge ${from} and modifiedon lt ${to}))`];
  if (request.modifiedSince !== undefined) parts.push(`modifiedon ge ${odataDate(request.modifiedSince)}`);
  if (owner) parts.push(`_ownerid_value eq ${owner} and statecode eq 0`);
  return parts.join(' and ');
}

export function contactListFilter(request: Pick<ListRequest, 'from' | 'to' | 'modifiedSince'>, owner?: string): string {
  return `${leadListFilter(request, owner)} and _originatingleadid_value eq null`;
}

async function readDelta(storage: KeyValueStore, host: string, table: Table): Promise<string | undefined> {
  const parsed = deltaStoreSchema.safeParse(await storage.get(DYNAMICS_DELTA_KEY));
  return parsed.success ? parsed.data[host]?.[table] : undefined;
}

async function writeDelta(storage: KeyValueStore, host: string, table: Table, link: string | undefined): Promise<void> {
  const parsed = deltaStoreSchema.safeParse(await storage.get(DYNAMICS_DELTA_KEY));
  const all = parsed.success ? parsed.data : {};
  await storage.set(DYNAMICS_DELTA_KEY, { ...all, [host]: { ...all[host], [table]: link } });
}

export async function* listDynamicsPeople(
  client: DataverseClient,
  storage: KeyValueStore,
  host: string,
  request: ListRequest,
  options: FetchOptions,
): AsyncGenerator<ListPage, void, void> {
  let state: Cursor = { pass: 0, next: null, done: 0 };
  if (request.cursor) {
    const parsed = cursorSchema.safeParse((() => { try { return JSON.parse(request.cursor); } catch { return null; } })());
    if (!parsed.success) throw new ConnectorError({ vendor: 'dynamics', kind: 'permanent', code: 'BAD_CURSOR', message: 'The Dynamics 365 sync cursor is unreadable; start the sync again.' });
    state = parsed.data;
  }
  const passes: Pass[] = [{ kind: 'list', table: 'lead' }, { kind: 'list', table: 'contact' }];
  if (request.scope === 'team') passes.push({ kind: 'deleted', table: 'lead' }, { kind: 'deleted', table: 'contact' });

  let calls = 0;
  if (request.scope === 'mine' && state.owner === undefined) {
    state.owner = (await client.request({ host, path: 'WhoAmI', schema: whoAmISchema, signal: options.signal, doing: 'asking who is signed in' })).UserId;
    calls += 1;
  }
  const page = (contexts: LeadContext[], deleted: RecordRef[], next: Cursor | null): ListPage => {
    const out: ListPage = { contexts, deleted, cursor: next ? JSON.stringify(next) : null, progress: { done: state.done }, calls };
    calls = 0;
    return out;
  };

  while (state.pass < passes.length) {
    const pass = passes[state.pass]!;
    const isLast = state.pass === passes.length - 1;
    if (pass.kind === 'list') {
      const { table } = pass;
      const common = { host, prefer: [`odata.maxpagesize=${PAGE_SIZE}`], signal: options.signal, doing: `listing ${SET[table]} for the team sync` };
      let contexts: LeadContext[];
      let nextLink: string | undefined;
      if (table === 'lead') {
        const got = await client.request({
          ...common,
          path: state.next ?? 'leads',
          query: state.next ? undefined : { ...leadQuery(null), $filter: leadListFilter(request, state.owner), $orderby: 'createdon asc,leadid asc' },
          schema: pageSchema(leadSchema),
        });
        contexts = got.value.map((row) => mapLeadContext({ system: 'dynamics', instance: host, object: 'lead', id: row.leadid }, row, options));
        nextLink = got['@odata.nextLink'];
      } else {
        const got = await client.request({
          ...common,
          path: state.next ?? 'contacts',
          query: state.next ? undefined : { ...contactQuery(null), $filter: contactListFilter(request, state.owner), $orderby: 'createdon asc,contactid asc' },
          schema: pageSchema(contactSchema),
        });
        contexts = got.value.map((row) => mapContactContext({ system: 'dynamics', instance: host, object: 'contact', id: row.contactid }, row, options));
        nextLink = got['@odata.nextLink'];
      }
      calls += 1;
      state = { ...state, done: state.done + contexts.length, next: nextLink ?? null };
      if (!state.next) state = { ...state, pass: state.pass + 1 };
      yield page(contexts, [], state.next || !isLast ? { ...state } : null);
      continue;
    }

    // Deletions through change tracking.
    const { table } = pass;
    const stored = state.next ? null : await readDelta(storage, host, table);
    const baseline = !state.next && !stored;
    let answer: z.infer<typeof deltaPageSchema>;
    try {
      answer = await client.request({
        host,
        path: state.next ?? stored ?? SET[table],
        query: state.next || stored ? undefined : { $select: KEY[table] },
        prefer: ['odata.track-changes', `odata.maxpagesize=${DELTA_PAGE_SIZE}`],
        schema: deltaPageSchema,
        signal: options.signal,
        doing: `reading the ${SET[table]} deleted since the last sync`,
      });
      calls += 1;
    } catch (error) {
      calls += 1;
      // Transient trouble, limits and sign-in stop the run (it resumes here); anything else means change tracking
      // is not available for this table or the token expired: skip, and take a new baseline next time.
      if (!isConnectorError(error) || ['transient', 'rate-limit', 'auth', 'not-connected'].includes(error.kind)) throw error;
      await writeDelta(storage, host, table, undefined);
      state = { ...state, pass: state.pass + 1, next: null };
      yield page([], [], isLast ? null : { ...state });
      continue;
    }
    const deleted: RecordRef[] = baseline
      ? []
      : answer.value.flatMap((row): RecordRef[] => (row.reason === 'deleted' && typeof row.id === 'string' ? [{ system: 'dynamics', instance: host, object: table, id: row.id }] : []));
    if (answer['@odata.deltaLink']) await writeDelta(storage, host, table, answer['@odata.deltaLink']);
    state = { ...state, next: answer['@odata.nextLink'] ?? null };
    if (!state.next) state = { ...state, pass: state.pass + 1 };
    yield page([], deleted, state.next || !isLast ? { ...state } : null);
  }
}
