import { ConnectorError } from '../connector';
import type { SalesforceClient } from './client';
import { errorFromSalesforce } from './errors';
import { historyQuery, queryPath, recordQuery, type PersonObject } from './queries';
import {
  compositeResponseSchema,
  queryResultSchema,
  sfCampaignMemberSchema,
  sfEventSchema,
  sfHistorySchema,
  sfPersonRecordSchema,
  sfTaskSchema,
  type QueryResult,
  type SfHistory,
  type SfPersonRecord,
} from './schemas';
import type { z } from 'zod';

/**
 * The one request per record view: POST /composite carrying the record query (with child Tasks, Events,
 * CampaignMembers and the converted opportunity) and the field-history query. The whole series counts as a
 * single API call toward the org's limit.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite_post.htm
 */
export interface PersonBundle {
  record: SfPersonRecord;
  history: SfHistory[];
}

export function buildCompositeRequest(input: {
  apiVersion: string;
  object: PersonObject;
  id: string;
  pardotFields: boolean;
  stageField: string | null;
}) {
  const compositeRequest = [
    { method: 'GET', referenceId: 'record', url: queryPath(input.apiVersion, recordQuery(input.object, input.id, { pardotFields: input.pardotFields })) },
  ];
  if (input.stageField) {
    compositeRequest.push({ method: 'GET', referenceId: 'history', url: queryPath(input.apiVersion, historyQuery(input.object, input.id, input.stageField)) });
  }
  // allOrNone false: a history query refused (history tracking off, no access) must not hide the record.
  return { allOrNone: false, compositeRequest };
}

function invalid(what: string, error?: z.ZodError): ConnectorError {
  const where = error?.issues[0] ? ` at ${error.issues[0].path.join('.')}: ${error.issues[0].message}` : '';
  return new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: `Salesforce: the ${what} has an unexpected shape${where}.` });
}

export async function fetchPersonBundle(
  client: SalesforceClient,
  input: Parameters<typeof buildCompositeRequest>[0],
  signal?: AbortSignal,
): Promise<PersonBundle> {
  const { body } = await client.request(`/services/data/v${input.apiVersion}/composite`, {
    method: 'POST',
    body: buildCompositeRequest(input),
    signal,
  });
  const parsed = compositeResponseSchema.safeParse(body);
  if (!parsed.success) throw invalid('composite response', parsed.error);
  const byRef = new Map(parsed.data.compositeResponse.map((r) => [r.referenceId, r]));

  const rec = byRef.get('record');
  if (!rec) throw invalid('composite response (no record result)');
  if (rec.httpStatusCode >= 300) throw errorFromSalesforce(rec.httpStatusCode, rec.body);
  const recResult = queryResultSchema(sfPersonRecordSchema).safeParse(rec.body);
  if (!recResult.success) throw invalid(`${input.object} record`, recResult.error);
  const record = recResult.data.records[0];
  if (!record) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'not-found', code: 'NOT_FOUND', message: `Salesforce: this ${input.object} was deleted or is not shared with you.` });
  }

  let history: SfHistory[] = [];
  const hist = byRef.get('history');
  if (hist && hist.httpStatusCode < 300) {
    const h = queryResultSchema(sfHistorySchema).safeParse(hist.body);
    if (!h.success) throw invalid(`${input.object}History result`, h.error);
    history = await allRecords(client, h.data, sfHistorySchema, signal);
  } else if (hist) {
    const err = errorFromSalesforce(hist.httpStatusCode, hist.body);
    if (err.kind === 'auth' || err.kind === 'quota' || err.kind === 'rate-limit' || err.kind === 'transient') throw err;
    // Otherwise (history not tracked, no access) the record still shows; the mapper warns about missing history.
  }

  // Child lists beyond one batch page through nextRecordsUrl (rare: the subqueries are capped).
  if (record.Tasks) record.Tasks = { ...record.Tasks, done: true, records: await allRecords(client, record.Tasks, sfTaskSchema, signal) };
  if (record.Events) record.Events = { ...record.Events, done: true, records: await allRecords(client, record.Events, sfEventSchema, signal) };
  if (record.CampaignMembers) {
    record.CampaignMembers = { ...record.CampaignMembers, done: true, records: await allRecords(client, record.CampaignMembers, sfCampaignMemberSchema, signal) };
  }
  return { record, history };
}

/**
 * Follow `nextRecordsUrl` until `done`. https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm
 * Bounded, so a misbehaving server cannot keep us looping.
 */
export async function allRecords<S extends z.ZodType>(
  client: SalesforceClient,
  first: QueryResult<z.infer<S>>,
  schema: S,
  signal?: AbortSignal,
  maxPages = 10,
): Promise<z.infer<S>[]> {
  const out = [...first.records];
  let next = first.done ? undefined : first.nextRecordsUrl;
  for (let page = 0; next && page < maxPages; page++) {
    const { body } = await client.request(next, { signal });
    const parsed = queryResultSchema(schema).safeParse(body);
    if (!parsed.success) throw invalid('next page of a query', parsed.error);
    out.push(...(parsed.data.records as z.infer<S>[]));
    next = parsed.data.done ? undefined : parsed.data.nextRecordsUrl;
  }
  return out;
}
