import { z } from 'zod';
import { ConnectorError } from '../connector';
import { dynamicsAccessToken, type DynamicsAuthDeps } from './auth';
import { webApiBase } from './api-hosts';
import { dataverseErrorSchema } from './schemas';
import { batchRequestBody, boundaryOf, parseBatchResponse, type BatchPart } from './batch';
import { DYNAMICS_STATUS_KEY } from './settings';

export interface DataverseRequest<T> {
  /** The environment host (`contoso.crm7.dynamics.com`). */
  host: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the Web API base (`leads(…)`), or a full `@odata.nextLink` of the same host. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Extra `Prefer` preferences (`return=representation`, `odata.maxpagesize=500`). */
  prefer?: string[];
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /** What Baton was doing, for the message. */
  doing: string;
}

/** Service protection error codes (numbers as the Web API prints them). https://learn.microsoft.com/en-us/power-apps/developer/data-platform/api-limits#service-protection-api-limit-errors-returned */
const SERVICE_PROTECTION = new Map([
  ['0x80072322', 'number of requests'],
  ['0x80072321', 'execution time'],
  ['0x80072326', 'concurrent requests'],
]);

/** `Retry-After` is seconds (Dataverse sends whole seconds); an HTTP date is read too. RFC 9110 §10.2.3. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/**
 * One Dataverse Web API call: bearer token for the host, OData headers, one retry after a 401 with a renewed
 * token, every failure a ConnectorError with Dataverse's own code. A 429 (service protection limits) stops every
 * call until its `Retry-After` has passed: calls sent inside the window extend it.
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/api-limits#how-to-re-try
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors
 */
export function createDataverseClient(deps: DynamicsAuthDeps) {
  const fetchImpl = deps.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = deps.now ?? Date.now;
  let pausedUntil = 0;
  let calls = 0;

  function urlOf<T>(req: DataverseRequest<T>): string {
    const base = webApiBase(req.host);
    const url = new URL(req.path, base);
    // A nextLink is followed only on the same environment, under the Web API: never send the token elsewhere.
    if (url.origin !== new URL(base).origin || !url.pathname.startsWith('/api/data/')) {
      throw new ConnectorError({ vendor: 'dynamics', kind: 'invalid-response', code: 'UNTRUSTED_LINK', message: `Dataverse named ${url.origin}${url.pathname} while ${req.doing}; Baton does not follow links off the environment.` });
    }
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    return url.toString();
  }

  async function send<T>(req: DataverseRequest<T>, token: string): Promise<Response> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'OData-MaxVersion': '4.0',
      'OData-Version': '4.0',
      // Expanded collections may be served from a cache otherwise (join-tables doc); Baton wants the current rows.
      'If-None-Match': 'null',
      Prefer: ['odata.include-annotations="OData.Community.Display.V1.FormattedValue"', ...(req.prefer ?? [])].join(','),
    };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
    calls += 1;
    try {
      return await fetchImpl(urlOf(req), {
        method: req.method ?? 'GET',
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: req.signal,
      });
    } catch (cause) {
      if (cause instanceof ConnectorError) throw cause;
      throw new ConnectorError({ vendor: 'dynamics', kind: 'transient', code: 'NETWORK', cause, message: `Dynamics 365 could not be reached while ${req.doing}. Baton tries again.` });
    }
  }

  async function failure(res: Response, req: DataverseRequest<unknown>): Promise<ConnectorError> {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    const parsed = dataverseErrorSchema.safeParse(body);
    const code = parsed.success ? parsed.data.error.code : `HTTP ${res.status}`;
    const said = parsed.success ? parsed.data.error.message : res.statusText || `HTTP ${res.status}`;
    const correlationId = res.headers.get('x-ms-service-request-id') ?? undefined;
    if (res.status === 429) {
      const wait = retryAfterMs(res.headers.get('Retry-After'), now()) ?? 60_000;
      pausedUntil = now() + wait;
      await deps.storage.set(DYNAMICS_STATUS_KEY, { throttledAt: now(), retryAfterMs: wait });
      const limit = SERVICE_PROTECTION.get(code.toLowerCase());
      return new ConnectorError({
        vendor: 'dynamics',
        kind: 'rate-limit',
        code,
        retryAfterMs: wait,
        correlationId,
        message: `Dynamics 365 asked Baton to slow down${limit ? ` (service protection limit: ${limit})` : ''}; it waits ${Math.ceil(wait / 1000)} s before ${req.doing}.`,
      });
    }
    const kind = res.status === 401 ? 'auth' : res.status === 404 ? 'not-found' : res.status >= 500 ? 'transient' : 'permanent';
    const hint =
      res.status === 403
        ? ' Your Dynamics 365 security role needs read access to leads, contacts and activities, and create access to tasks.'
        : res.status === 404
          ? ' The record may have been deleted, or is not visible to you.'
          : '';
    return new ConnectorError({ vendor: 'dynamics', kind, code, correlationId, message: `Dynamics 365 refused ${req.doing}: ${said}.${hint}` });
  }

  async function request<T>(req: DataverseRequest<T>): Promise<T> {
    if (pausedUntil > now()) {
      const wait = pausedUntil - now();
      throw new ConnectorError({ vendor: 'dynamics', kind: 'rate-limit', code: 'RETRY_AFTER', retryAfterMs: wait, message: `Dynamics 365 asked Baton to slow down; it waits ${Math.ceil(wait / 1000)} s before ${req.doing}.` });
    }
    let res = await send(req, await dynamicsAccessToken(deps, req.host));
    if (res.status === 401) res = await send(req, await dynamicsAccessToken(deps, req.host, true));
    if (!res.ok) throw await failure(res, req);
    if (res.status === 204) return req.schema.parse(null);
    let json: unknown;
    try {
      json = await res.json();
    } catch (cause) {
      throw new ConnectorError({ vendor: 'dynamics', kind: 'invalid-response', cause, message: `Dynamics 365 answered ${req.doing} with something that is not JSON.` });
    }
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) {
      throw new ConnectorError({ vendor: 'dynamics', kind: 'invalid-response', cause: parsed.error, message: `Dynamics 365 answered ${req.doing} in a shape Baton does not understand (${parsed.error.issues[0]?.path.join('.') ?? '?'}).` });
    }
    return parsed.data;
  }

  /**
   * GETs in one `$batch` call (one request against the budget and the service protection limits). Parts are
   * returned as Dataverse answered them, failures included (`odata.continue-on-error`): the caller decides
   * what a failing part means. A failure of the whole call is a ConnectorError like any other.
   */
  async function batch(input: { host: string; paths: readonly string[]; signal?: AbortSignal; doing: string }): Promise<BatchPart[]> {
    if (pausedUntil > now()) {
      const wait = pausedUntil - now();
      throw new ConnectorError({ vendor: 'dynamics', kind: 'rate-limit', code: 'RETRY_AFTER', retryAfterMs: wait, message: `Dynamics 365 asked Baton to slow down; it waits ${Math.ceil(wait / 1000)} s before ${input.doing}.` });
    }
    const boundary = `batch_baton_${Math.random().toString(36).slice(2, 12)}`;
    const req: DataverseRequest<unknown> = { host: input.host, method: 'POST', path: '$batch', schema: z.unknown(), signal: input.signal, doing: input.doing };
    const post = async (token: string) => {
      calls += 1;
      try {
        return await fetchImpl(urlOf(req), {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            'OData-MaxVersion': '4.0',
            'OData-Version': '4.0',
            'If-None-Match': 'null',
            'Content-Type': `multipart/mixed; boundary="${boundary}"`,
            Prefer: 'odata.continue-on-error,odata.include-annotations="OData.Community.Display.V1.FormattedValue"',
          },
          body: batchRequestBody(boundary, input.paths.map((p) => `${new URL(webApiBase(input.host)).pathname}${p}`)),
          signal: input.signal,
        });
      } catch (cause) {
        throw new ConnectorError({ vendor: 'dynamics', kind: 'transient', code: 'NETWORK', cause, message: `Dynamics 365 could not be reached while ${input.doing}.` });
      }
    };
    let res = await post(await dynamicsAccessToken(deps, input.host));
    if (res.status === 401) res = await post(await dynamicsAccessToken(deps, input.host, true));
    if (!res.ok) throw await failure(res, req);
    const answerBoundary = boundaryOf(res.headers.get('Content-Type'));
    if (!answerBoundary) throw new ConnectorError({ vendor: 'dynamics', kind: 'invalid-response', message: `Dynamics 365 answered ${input.doing} without a multipart body.` });
    return parseBatchResponse(await res.text(), answerBoundary);
  }

  return { request, batch, callCount: () => calls };
}
export type DataverseClient = ReturnType<typeof createDataverseClient>;
