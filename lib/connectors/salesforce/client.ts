import { ConnectorError } from '../connector';
import { readAuth, refreshAccessToken, type StoredAuth } from './auth';
import { errorFromSalesforce, networkError } from './errors';
import { parseLimitInfo } from './limits';
import { type KeyValueStore } from '../local-store';
import { STORAGE_KEYS } from './storage';

/**
 * The one way the connector talks to the Salesforce REST API: bearer token, JSON, the Sforce-Limit-Info
 * usage kept for options and for pausing background refresh, errors mapped to ConnectorError, and one
 * refresh-and-retry on INVALID_SESSION_ID.
 */
export interface SalesforceClientDeps {
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Where a token comes from when no OAuth sign-in is stored (the optional session fallback). */
  fallbackAuth?: () => Promise<StoredAuth | null>;
}

export interface RequestInit {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (`Sforce-Query-Options`); never Authorization, which the client sets. */
  headers?: Record<string, string>;
  /** 'text' for Bulk API 2.0 results, which are CSV; errors are still JSON. Default 'json'. */
  responseType?: 'json' | 'text';
}

export interface SalesforceClient {
  /** `path` is `/services/data/...` (joined to the instance URL) or an absolute URL on the instance. */
  request<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }>;
  auth(): Promise<StoredAuth>;
}

export function createSalesforceClient(deps: SalesforceClientDeps): SalesforceClient {
  const fetchImpl = deps.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = deps.now ?? Date.now;

  async function currentAuth(): Promise<StoredAuth> {
    const auth = (await readAuth(deps.storage)) ?? (await deps.fallbackAuth?.()) ?? null;
    if (!auth) {
      throw new ConnectorError({
        vendor: 'salesforce',
        kind: 'not-connected',
        message: 'Salesforce is not connected. Open Baton\u2019s options \u203a Connections \u203a Salesforce and sign in.',
      });
    }
    return auth;
  }

  async function send(auth: StoredAuth, path: string, init: RequestInit) {
    const url = /^https:\/\//.test(path) ? path : `${auth.instanceUrl}${path}`;
    if (new URL(url).origin !== new URL(auth.instanceUrl).origin) {
      // nextRecordsUrl and composite URLs are always relative to the instance; refuse to send the token elsewhere.
      throw new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: `Salesforce pointed Baton at another host (${new URL(url).host}); refused.` });
    }
    let res: Response;
    try {
      res = await fetchImpl(url, {
        method: init.method ?? 'GET',
        headers: {
          ...init.headers,
          Authorization: `Bearer ${auth.accessToken}`,
          Accept: init.responseType === 'text' ? 'text/csv' : 'application/json',
          ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
        signal: init.signal,
      });
    } catch (e) {
      throw networkError('salesforce', e);
    }
    const usage = parseLimitInfo(res.headers.get('Sforce-Limit-Info'), now());
    if (usage) await deps.storage.set(STORAGE_KEYS.usage, usage);
    const text = await res.text();
    let body: unknown = null;
    if (init.responseType === 'text' && res.status < 300) return { status: res.status, body: text as unknown, headers: res.headers, requestId: undefined };
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ConnectorError({ vendor: 'salesforce', kind: res.status >= 500 ? 'transient' : 'invalid-response', code: String(res.status), message: `Salesforce answered HTTP ${res.status} with a body that is not JSON.` });
      }
    }
    return { status: res.status, body, headers: res.headers, requestId: res.headers.get('X-Request-Id') ?? undefined };
  }

  // Parallel requests that all meet an expired token share one refresh.
  let refreshing: Promise<StoredAuth> | null = null;
  function refreshOnce(): Promise<StoredAuth> {
    refreshing ??= refreshAccessToken(deps.storage, fetchImpl).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return {
    auth: currentAuth,
    async request<T>(path: string, init: RequestInit = {}) {
      let auth = await currentAuth();
      let out = await send(auth, path, init);
      if (out.status === 401) {
        const err = errorFromSalesforce(out.status, out.body, out.requestId);
        if (err.code !== 'INVALID_SESSION_ID' && err.kind !== 'auth') throw err;
        if (auth.kind === 'session') {
          const again = await deps.fallbackAuth?.();
          if (!again || again.accessToken === auth.accessToken) throw err;
          auth = again;
        } else {
          auth = await refreshOnce();
        }
        out = await send(auth, path, init);
      }
      if (out.status >= 300) throw errorFromSalesforce(out.status, out.body, out.requestId);
      return { status: out.status, body: out.body as T, headers: out.headers };
    },
  };
}
