import type { z } from 'zod';
import { ConnectorError, type ConnectorErrorKind } from '../connector';
import type { KeyValueStore } from '../local-store';
import { nextMidnightIn } from '../cross-system/quota-reset';
import { envelopeSchema, identityErrorSchema, tokenResponseSchema, type Envelope } from './schemas';
import {
  MARKETO_STATUS_KEY,
  MARKETO_TOKEN_KEY,
  readMarketoSettings,
  readMarketoStatus,
  readMarketoToken,
  type MarketoSettings,
  type MarketoStatus,
  type MarketoToken,
} from './settings';

export interface MarketoDeps {
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Waits between retries of 606/615; tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
}

export interface MarketoRequest<T> {
  method?: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  item: z.ZodType<T>;
  signal?: AbortSignal;
  doing: string;
}

/** The daily quota resets at midnight US Central. https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/rest-api#limits */
const QUOTA_TIME_ZONE = 'America/Chicago';
/** 606: at most 100 calls per 20 s; 615: at most 10 concurrent calls. Same page. */
const RATE_WINDOW_MS = 20_000;
const RETRY_DELAYS_MS = [1_000, 4_000];
/** A token is renewed this long before Marketo says it expires, so a call never starts with a dying token. */
const TOKEN_MARGIN_MS = 30_000;

/** Response-level codes. https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/error-codes */
const KIND_OF_CODE: Record<string, { kind: ConnectorErrorKind; hint: string }> = {
  '601': { kind: 'auth', hint: 'The access token is invalid; Baton asks for a new one.' },
  '602': { kind: 'auth', hint: 'The access token expired; Baton asks for a new one.' },
  '603': { kind: 'permanent', hint: "The API-only user's role lacks a permission: give it Read-Only Lead and Read-Only Activity." },
  '604': { kind: 'transient', hint: 'Marketo timed out; Baton retries later.' },
  '606': { kind: 'rate-limit', hint: 'More than 100 calls in 20 seconds for this instance; Baton waits.' },
  '607': { kind: 'quota', hint: 'The daily API quota is used up; Baton stops until it resets at midnight US Central time.' },
  '608': { kind: 'transient', hint: 'Marketo API is temporarily unavailable; Baton retries later.' },
  '611': { kind: 'transient', hint: 'Marketo had a system error; Baton retries later.' },
  '614': { kind: 'permanent', hint: 'The subscription is invalid: check the REST endpoint in Options.' },
  '615': { kind: 'rate-limit', hint: 'More than 10 calls at once for this instance; Baton waits.' },
  '1004': { kind: 'not-found', hint: 'No such lead in Marketo.' },
};

export function createMarketoClient(deps: MarketoDeps) {
  const fetchImpl = deps.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let memoryToken: MarketoToken | undefined;
  let tokenInFlight: Promise<MarketoToken> | undefined;

  async function settings(): Promise<MarketoSettings> {
    const s = await readMarketoSettings(deps.storage);
    if (!s) {
      throw new ConnectorError({
        vendor: 'marketo',
        kind: 'not-connected',
        message: 'Marketo is not connected: enter the REST endpoint, Client Id and Client Secret in Options › Connections › Marketo.',
      });
    }
    return s;
  }

  let statusQueue: Promise<void> = Promise.resolve();
  function updateStatus(change: (s: MarketoStatus) => MarketoStatus): Promise<void> {
    statusQueue = statusQueue.then(async () => deps.storage.set(MARKETO_STATUS_KEY, change(await readMarketoStatus(deps.storage))));
    return statusQueue;
  }

  async function send(url: URL, init: RequestInit, doing: string): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetchImpl(url.toString(), init);
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      throw new ConnectorError({ vendor: 'marketo', kind: 'transient', message: `Marketo could not be reached while ${doing}: check the network and try again.`, cause });
    }
    const day = new Date(now()).toISOString().slice(0, 10);
    await updateStatus((s) => ({ ...s, callsToday: { day, count: s.callsToday?.day === day ? s.callsToday.count + 1 : 1 } }));
    const text = await response.text();
    try {
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    } catch {
      return { status: response.status, json: undefined };
    }
  }

  async function fetchToken(s: MarketoSettings): Promise<MarketoToken> {
    // The identity service takes GET or POST; the secret goes in a form body, never in a URL that proxies and
    // logs keep. https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication
    const url = new URL('/identity/oauth/token', s.endpoint);
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: s.clientId, client_secret: s.clientSecret });
    const { status, json } = await send(
      url,
      { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() },
      'signing in',
    );
    const ok = tokenResponseSchema.safeParse(json);
    if (status !== 200 || !ok.success) {
      const err = identityErrorSchema.safeParse(json);
      const said = err.success ? ` Marketo said: "${err.data.error_description ?? err.data.error}"` : '';
      if (status === 401 || (err.success && err.data.error === 'invalid_client')) {
        throw new ConnectorError({ vendor: 'marketo', kind: 'auth', code: err.success ? err.data.error : String(status), message: `Marketo refused the Client Id / Client Secret: check them in Admin › LaunchPoint › View Details.${said}` });
      }
      throw new ConnectorError({ vendor: 'marketo', kind: status >= 500 ? 'transient' : 'invalid-response', code: String(status), message: `Marketo's identity service answered HTTP ${status} without a token.${said}` });
    }
    const token = { endpoint: s.endpoint, accessToken: ok.data.access_token, expiresAt: now() + ok.data.expires_in * 1000 };
    memoryToken = token;
    await deps.storage.set(MARKETO_TOKEN_KEY, token);
    return token;
  }

  async function token(s: MarketoSettings, renew: boolean): Promise<MarketoToken> {
    if (!renew) {
      const cached = memoryToken ?? (await readMarketoToken(deps.storage));
      if (cached && cached.endpoint === s.endpoint && cached.expiresAt - TOKEN_MARGIN_MS > now()) return cached;
    }
    // Parallel calls share one identity request.
    tokenInFlight ??= fetchToken(s).finally(() => {
      tokenInFlight = undefined;
    });
    return tokenInFlight;
  }

  async function request<T>(req: MarketoRequest<T>): Promise<Envelope<T>> {
    const s = await settings();
    const status = await readMarketoStatus(deps.storage);
    if (status.quotaStopUntil && status.quotaStopUntil > now()) {
      throw new ConnectorError({
        vendor: 'marketo', kind: 'quota', code: '607', retryAfterMs: status.quotaStopUntil - now(),
        message: "Marketo's daily API quota is used up (error 607); Baton waits until midnight US Central time.",
      });
    }
    const url = new URL(req.path, s.endpoint);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    let renewed = false;
    let retries = 0;
    let renew = false;
    for (;;) {
      const t = await token(s, renew);
      renew = false;
      const { status: http, json } = await send(
        url,
        {
          method: req.method ?? 'GET',
          headers: {
            // The access_token query parameter is being removed; the header is the supported way.
            Authorization: `Bearer ${t.accessToken}`,
            Accept: 'application/json',
            ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: req.signal,
        },
        req.doing,
      );
      if (http !== 200) {
        throw new ConnectorError({
          vendor: 'marketo', kind: http >= 500 ? 'transient' : 'permanent', code: String(http),
          message: `Marketo answered HTTP ${http} while ${req.doing}.${http === 414 ? ' The request was too long.' : ''}`,
        });
      }
      const parsed = envelopeSchema(req.item).safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ConnectorError({
          vendor: 'marketo', kind: 'invalid-response',
          message: `Marketo answered ${req.doing} with an unexpected shape (field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}).`,
        });
      }
      const env = parsed.data as Envelope<T>;
      await updateStatus((st) => ({ ...st, lastRequestId: env.requestId }));
      if (env.success) return env;
      const first = env.errors?.[0] ?? { code: 'unknown', message: 'no error detail' };
      if ((first.code === '601' || first.code === '602') && !renewed) {
        renewed = true;
        renew = true;
        memoryToken = undefined;
        continue;
      }
      if ((first.code === '606' || first.code === '615') && retries < RETRY_DELAYS_MS.length) {
        await sleep(RETRY_DELAYS_MS[retries] ?? RATE_WINDOW_MS);
        retries++;
        continue;
      }
      throw await toError(first, env.requestId, req.doing);
    }
  }

  async function toError(e: { code: string; message: string }, requestId: string, doing: string): Promise<ConnectorError> {
    const known = KIND_OF_CODE[e.code];
    let retryAfterMs: number | undefined;
    if (e.code === '607') {
      const until = nextMidnightIn(QUOTA_TIME_ZONE, now());
      await updateStatus((s) => ({ ...s, quotaStopUntil: until }));
      retryAfterMs = until - now();
    }
    if (e.code === '606') retryAfterMs = RATE_WINDOW_MS;
    if (e.code === '615') retryAfterMs = 5_000;
    return new ConnectorError({
      vendor: 'marketo',
      kind: known?.kind ?? 'permanent',
      code: e.code,
      correlationId: requestId,
      retryAfterMs,
      message: `Marketo error ${e.code} while ${doing}: "${e.message}". ${known?.hint ?? 'A Marketo admin must check the request or the API-only user.'} (request id ${requestId})`,
    });
  }

  return { request, settings };
}

export type MarketoClient = ReturnType<typeof createMarketoClient>;
