import { ConnectorError } from '../connector';
import type { SalesforceClient } from './client';
import { parseCsv } from './csv';
import { bulkJobInfoSchema, type BulkJobInfo } from './schemas';

/**
 * Bulk API 2.0 query jobs: create, wait for JobComplete, read the CSV results set by set through the
 * `Sforce-Locator` header. Every request is a call toward the org's daily API limit like any REST call.
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_create_job.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_one_job.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function invalid(what: string): ConnectorError {
  return new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: `Salesforce Bulk API 2.0: ${what} has an unexpected shape.` });
}

function jobInfo(body: unknown, what: string): BulkJobInfo {
  const parsed = bulkJobInfoSchema.safeParse(body);
  if (!parsed.success) throw invalid(what);
  return parsed.data;
}

export async function createQueryJob(client: SalesforceClient, apiVersion: string, soql: string, signal?: AbortSignal): Promise<BulkJobInfo> {
  const { body } = await client.request(`/services/data/v${apiVersion}/jobs/query`, {
    method: 'POST',
    body: { operation: 'query', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' },
    signal,
  });
  return jobInfo(body, 'the created query job');
}

const JOB_ID = /^[a-zA-Z0-9]{15,18}$/;

/**
 * Poll the job until JobComplete, waiting longer between polls (1 s doubling to 30 s) so a slow job costs few
 * calls. Failed and Aborted are errors naming the job and Salesforce's message.
 */
export async function waitForJob(
  client: SalesforceClient,
  apiVersion: string,
  jobId: string,
  opts: { signal?: AbortSignal; sleep: Sleep; firstDelayMs?: number; maxDelayMs?: number },
): Promise<BulkJobInfo> {
  if (!JOB_ID.test(jobId)) throw invalid('a job id');
  let delay = opts.firstDelayMs ?? 1_000;
  for (;;) {
    const { body } = await client.request(`/services/data/v${apiVersion}/jobs/query/${jobId}`, { signal: opts.signal });
    const info = jobInfo(body, 'the query job info');
    if (info.state === 'JobComplete') return info;
    if (info.state === 'Failed' || info.state === 'Aborted') {
      throw new ConnectorError({
        vendor: 'salesforce',
        kind: 'permanent',
        code: `BULK_JOB_${info.state.toUpperCase()}`,
        message: `Salesforce Bulk API 2.0: the query job ${jobId} on ${info.object} ended ${info.state}${info.errorMessage ? `: ${info.errorMessage}` : ''}. Baton starts the sync again next time; if it keeps failing, ask your Salesforce admin.`,
      });
    }
    await opts.sleep(delay, opts.signal);
    delay = Math.min(delay * 2, opts.maxDelayMs ?? 30_000);
  }
}

export interface ResultSet {
  rows: Record<string, string>[];
  /** Locator of the next set, or null at the end (Salesforce sends the string "null"). */
  next: string | null;
}

/** One set of results. `locator` null reads the first set. */
export async function fetchResultSet(
  client: SalesforceClient,
  apiVersion: string,
  jobId: string,
  locator: string | null,
  maxRecords: number,
  signal?: AbortSignal,
): Promise<ResultSet> {
  if (!JOB_ID.test(jobId)) throw invalid('a job id');
  const params = new URLSearchParams({ maxRecords: String(maxRecords) });
  if (locator) params.set('locator', locator);
  const { body, headers } = await client.request<string>(`/services/data/v${apiVersion}/jobs/query/${jobId}/results?${params}`, {
    signal,
    responseType: 'text',
  });
  if (typeof body !== 'string') throw invalid('a results set');
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(body);
  } catch {
    throw invalid('a results set (CSV)');
  }
  const header = headers.get('Sforce-Locator');
  return { rows, next: header && header !== 'null' ? header : null };
}

/** Columns that are not text, so CSV values become what the REST JSON would have carried. */
const BOOLEAN_COLUMNS = new Set(['IsConverted', 'HasResponded', 'IsClosed', 'IsWon']);
const NUMBER_COLUMNS = new Set(['NumberOfEmployees', 'Amount', 'pi__score__c']);

/**
 * A CSV row as the JSON record the REST query would give: empty fields null, booleans and numbers typed,
 * `Owner.Name` nested as `{ Owner: { Name } }` (null when every nested field is empty, as for a lead that was
 * never converted).
 */
export function rowToRecord(row: Record<string, string>, type: string): Record<string, unknown> {
  const record: Record<string, unknown> = { attributes: { type } };
  for (const [column, raw] of Object.entries(row)) {
    const leaf = column.slice(column.lastIndexOf('.') + 1);
    let value: unknown = raw === '' ? null : raw;
    if (value !== null && BOOLEAN_COLUMNS.has(leaf)) value = raw === 'true';
    else if (value !== null && NUMBER_COLUMNS.has(leaf)) value = Number(raw);
    const path = column.split('.');
    let target = record;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i]!;
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[path[path.length - 1]!] = value;
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'attributes' && value && typeof value === 'object' && Object.values(value).every((v) => v === null)) record[key] = null;
  }
  return record;
}
