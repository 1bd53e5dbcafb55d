import { z } from 'zod';
import { ConnectorError, type FetchOptions } from '../connector';
import type { ListPage, ListRequest } from '../listing';
import type { DataverseClient } from './client';
import { mapLeadContext } from './map-record';
import { leadQuery, odataDate } from './queries';
import { leadSchema, pageSchema, whoAmISchema } from './schemas';

/**
 * Every lead of a period for the team sync, mapped by the same `mapLeadContext` as the panel.
 * One query over `leads`: created or modified in [from, to) (a lead handed off, qualified or disqualified in the
 * period was modified in it), plus `modifiedon ge since` for an incremental run; activities and the originated
 * opportunities expanded as in the panel (without the panel's `$top`: the sync wants every activity). Pages of
 * `PAGE_SIZE` through `Prefer: odata.maxpagesize`, followed by `@odata.nextLink` (the cursor).
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/query/page-results
 * 'mine': the signed-in user's open leads (WhoAmI, one call). Contacts are not listed: a qualified lead's
 * history stays on the lead. Deletions are not reported (that needs change tracking on the table).
 */
export const PAGE_SIZE = 200;

const cursorSchema = z.object({ next: z.string().nullable(), done: z.number().int().nonnegative() });

export function leadListFilter(request: Pick<ListRequest, 'from' | 'to' | 'modifiedSince'>, owner?: string): string {
  const from = odataDate(request.from);
  const to = odataDate(request.to);
  const parts = [`((createdon ge ${from} and createdon lt ${to}) or (modifiedon ge ${from} and modifiedon lt ${to}))`];
  if (request.modifiedSince !== undefined) parts.push(`modifiedon ge ${odataDate(request.modifiedSince)}`);
  if (owner) parts.push(`_ownerid_value eq ${owner} and statecode eq 0`);
  return parts.join(' and ');
}

export async function* listDynamicsLeads(
  client: DataverseClient,
  host: string,
  request: ListRequest,
  options: FetchOptions,
): AsyncGenerator<ListPage, void, void> {
  let state: z.infer<typeof cursorSchema> = { next: null, done: 0 };
  if (request.cursor) {
    const parsed = cursorSchema.safeParse((() => { try { return JSON.parse(request.cursor); } catch { return null; } })());
    if (!parsed.success) throw new ConnectorError({ vendor: 'dynamics', kind: 'permanent', code: 'BAD_CURSOR', message: 'The Dynamics 365 sync cursor is unreadable; start the sync again.' });
    state = parsed.data;
  }
  let owner: string | undefined;
  let calls = 0;
  if (request.scope === 'mine' && !state.next) {
    owner = (await client.request({ host, path: 'WhoAmI', schema: whoAmISchema, signal: options.signal, doing: 'asking who is signed in' })).UserId;
    calls += 1;
  }
  let first = !state.next;
  while (first || state.next) {
    const page = await client.request({
      host,
      path: state.next ?? 'leads',
      query: state.next ? undefined : { ...leadQuery(null), $filter: leadListFilter(request, owner), $orderby: 'createdon asc,leadid asc' },
      prefer: [`odata.maxpagesize=${PAGE_SIZE}`],
      schema: pageSchema(leadSchema),
      signal: options.signal,
      doing: 'listing leads for the team sync',
    });
    calls += 1;
    first = false;
    const contexts = page.value.map((lead) => mapLeadContext({ system: 'dynamics', instance: host, object: 'lead', id: lead.leadid }, lead, options));
    state = { next: page['@odata.nextLink'] ?? null, done: state.done + contexts.length };
    yield { contexts, deleted: [], cursor: state.next ? JSON.stringify(state) : null, progress: { done: state.done }, calls };
    calls = 0;
  }
}
