import type { z } from 'zod';
import { ConnectorError, type ConnectorErrorKind } from '../connector';
import type { KeyValueStore } from '../local-store';
import { isKintoneHost, kintoneApiPath } from './api-hosts';
import { customerHostsFor } from '../customer-hosts';
import { kintoneErrorSchema } from './schemas';
import { readKintoneSettings, type KintoneSettings } from './settings';
import { kintoneAccessToken } from './auth';

export interface KintoneDeps {
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export interface KintoneRequest<T> {
  method?: 'GET' | 'POST' | 'DELETE';
  /** `record`, `records`, `record/comments`, `app/form/fields` … */
  api: string;
  guestSpaceId?: string;
  /** GET and DELETE parameters, in the URL (arrays as `fields[0]=…`, as the API reads them). */
  params?: Record<string, string | number | string[]>;
  /** POST body, sent as JSON. */
  body?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /** What we were doing, for the message: "reading the record", "posting the feedback comment". */
  doing: string;
}

/** Calls abandoned after this long: well inside the outbox's lease (lib/store/outbox-runner.ts). */
const TIMEOUT_MS = 30_000;

function queryString(params: KintoneRequest<unknown>['params']): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (Array.isArray(value)) value.forEach((v, i) => q.append(`${key}[${i}]`, v));
    else q.append(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * One authenticated kintone call: the app tokens in `X-Cybozu-API-Token` (comma-separated when the request reads
 * the lead app and its activity app; https://kintone.dev/en/tutorials/development-productivity/requests-with-multiple-api-tokens/),
 * or, signed in through an OAuth client, `Authorization: Bearer <access token>` (auth.ts); the customer's own domain,
 * every failure turned into a ConnectorError that quotes kintone's error code and id.
 *
 * OAuth: an expired token is renewed before the call; a 401 (the token expired early or was revoked) renews it once
 * and sends the same request again. A 401 means kintone did not carry the request out, so a resent POST (a feedback
 * comment) cannot make a second comment; the delivery's look-up after posting removes twins from any other cause
 * (feedback-delivery.ts). A second 401, or a refresh token kintone refuses, asks the person to sign in again.
 */
export function createKintoneClient(deps: KintoneDeps) {
  const fetchImpl = deps.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function settings(): Promise<KintoneSettings> {
    const s = await readKintoneSettings(deps.storage);
    if (!s) {
      throw new ConnectorError({
        vendor: 'kintone',
        kind: 'not-connected',
        message: 'kintone is not connected: enter your kintone address, the app id and its API token (or sign in with an OAuth client) in Options › Connections › kintone.',
      });
    }
    // A custom domain removed from Options › Customer hosts (its permission gone) gets no token any more.
    if (!isKintoneHost(s.domain, await customerHostsFor(deps.storage, 'kintone'))) {
      throw new ConnectorError({
        vendor: 'kintone',
        kind: 'not-connected',
        code: 'UNTRUSTED_HOST',
        message: `${s.domain} is not a kintone address Baton knows: add it in Options › Customer hosts as kintone, or change the address in Options › Connections › kintone.`,
      });
    }
    return s;
  }

  async function request<T>(req: KintoneRequest<T>): Promise<T> {
    const s = await settings();
    const method = req.method ?? 'GET';
    const url = `https://${s.domain}${kintoneApiPath(req.api, req.guestSpaceId)}${method === 'POST' ? '' : queryString(req.params)}`;
    const send = async (auth: Record<string, string>): Promise<Response> => {
      const timeout = AbortSignal.timeout(TIMEOUT_MS);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      try {
        return await fetchImpl(url, {
          method,
          headers: { ...auth, ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}) },
          ...(method === 'POST' ? { body: JSON.stringify(req.body ?? {}) } : {}),
          signal,
        });
      } catch (error) {
        if (req.signal?.aborted) throw error;
        throw new ConnectorError({ vendor: 'kintone', kind: 'transient', message: `kintone could not be reached while ${req.doing}; Baton retries later.`, cause: error });
      }
    };
    let response: Response;
    if (s.auth === 'oauth') {
      const token = await kintoneAccessToken(deps, s);
      response = await send({ Authorization: `Bearer ${token}` });
      if (response.status === 401) {
        await response.arrayBuffer().catch(() => undefined); // read to the end: the connection is reused
        response = await send({ Authorization: `Bearer ${await kintoneAccessToken(deps, s, token)}` });
      }
    } else {
      response = await send({ 'X-Cybozu-API-Token': [s.token, s.activityToken].filter(Boolean).join(',') });
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw toError(response, json, req.doing, s.auth);
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConnectorError({
        vendor: 'kintone',
        kind: 'invalid-response',
        message: `kintone answered ${req.doing} with an unexpected shape (field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}).`,
      });
    }
    return parsed.data;
  }

  return { request, settings };
}

export type KintoneClient = ReturnType<typeof createKintoneClient>;

/**
 * kintone's error codes that say more than the HTTP status: GAIA_IA* (the API token is wrong or not for this
 * app), CB_NO02 (no permission), GAIA_RE01 / GAIA_AP01 (no such record / app), CB_OA01 ("Cannot access protected
 * resource": an OAuth token without the scope the API needs, answered with 403; or no longer valid, with 401).
 * https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/
 */
function kindOf(status: number, code: string | undefined): ConnectorErrorKind {
  if (code?.startsWith('GAIA_IA') || code?.startsWith('CB_OA') || status === 401) return 'auth';
  if (code === 'GAIA_RE01' || code === 'GAIA_AP01' || status === 404) return 'not-found';
  if (status === 429) return 'rate-limit';
  if (status === 403 || code === 'CB_NO02') return 'permanent';
  if (status >= 500 && status !== 520) return 'transient';
  return 'permanent';
}

const ADVICE: Record<ConnectorErrorKind, string> = {
  auth: 'Check the API token in Options › Connections › kintone (it must be generated in this app and the app updated).',
  'not-found': 'The record or app does not exist, or the token cannot see it.',
  'rate-limit': 'kintone asks Baton to slow down.',
  quota: 'kintone’s daily request limit is used up.',
  permanent: 'Give the API token the rights it needs (View records, Add comments) and update the app.',
  transient: 'Baton retries later.',
  'invalid-response': '',
  'not-connected': '',
};

/** What to do when an OAuth token is refused: sign in again (the scopes are asked at sign-in). */
const OAUTH_AUTH_ADVICE = 'Sign in to kintone again in Options › Connections › kintone; if it keeps failing, ask your cybozu.com administrator whether you are among the OAuth client’s users.';
const OAUTH_PERMANENT_ADVICE = 'Your kintone user needs the rights Baton uses in this app (view records, add comments).';

export function toError(response: Response, json: unknown, doing: string, auth: KintoneSettings['auth'] = 'token'): ConnectorError {
  const parsed = kintoneErrorSchema.safeParse(json);
  const body = parsed.success ? parsed.data : undefined;
  const kind = kindOf(response.status, body?.code);
  const advice = auth === 'oauth' && kind === 'auth' ? OAUTH_AUTH_ADVICE : auth === 'oauth' && kind === 'permanent' ? OAUTH_PERMANENT_ADVICE : ADVICE[kind];
  const retryAfterS = Number(response.headers.get('Retry-After'));
  const retryAfterMs = kind === 'rate-limit' ? (retryAfterS > 0 ? retryAfterS * 1000 : 10_000) : undefined;
  const said = body ? ` kintone said: "${body.message}" (${body.code}, error id ${body.id}).` : ` (HTTP ${response.status})`;
  return new ConnectorError({
    vendor: 'kintone',
    kind,
    code: body?.code ?? String(response.status),
    correlationId: body?.id,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    message: `kintone refused ${doing}.${said} ${advice}`.trim(),
  });
}
