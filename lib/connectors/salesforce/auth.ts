import { z } from 'zod';
import { ConnectorError } from '../connector';
import { networkError } from './errors';
import { identitySchema, oauthErrorSchema, tokenResponseSchema, type TokenResponse } from './schemas';
import { loginBaseUrl, type SalesforceSettings } from './settings';
import { type KeyValueStore } from '../local-store';
import { trustedSalesforceUrl } from './api-hosts';
import { STORAGE_KEYS } from './storage';
import { createPkcePair, randomState } from '../pkce';

/**
 * OAuth 2.0 web server flow with PKCE, run through the browser's identity web-auth window, for an External
 * Client App (or Connected App) configured as a public client (no secret in the extension).
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
 * https://developer.chrome.com/docs/extensions/reference/api/identity#method-launchWebAuthFlow
 *
 * Tokens are kept in the extension's secrets database only (`baton.salesforce.auth`, lib/store/secrets-db.ts):
 * never in storage.local or the cache, never in a runtime message, never visible to content scripts.
 */
export const storedAuthSchema = z.object({
  version: z.literal(1),
  kind: z.enum(['oauth', 'session']),
  accessToken: z.string().min(1),
  refreshToken: z.string().optional(),
  instanceUrl: z.url(),
  loginBase: z.url(),
  clientId: z.string(),
  issuedAt: z.number(),
  userId: z.string().optional(),
  orgId: z.string().optional(),
  username: z.string().optional(),
});
export type StoredAuth = z.infer<typeof storedAuthSchema>;

export interface IdentityApi {
  getRedirectURL(path?: string): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
}

export const SALESFORCE_REDIRECT_PATH = 'salesforce';

/** Scopes: `api` for REST, `refresh_token` to stay signed in, `pardot_api` for Account Engagement v5. */
export function scopesFor(settings: Pick<SalesforceSettings, 'businessUnitId'>): string {
  return ['api', 'refresh_token', ...(settings.businessUnitId ? ['pardot_api'] : [])].join(' ');
}

export function buildAuthorizeUrl(input: {
  settings: SalesforceSettings;
  redirectUri: string;
  challenge: string;
  state: string;
}): string {
  const u = new URL('/services/oauth2/authorize', loginBaseUrl(input.settings));
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('client_id', input.settings.consumerKey);
  u.searchParams.set('redirect_uri', input.redirectUri);
  u.searchParams.set('code_challenge', input.challenge);
  u.searchParams.set('code_challenge_method', 'S256');
  u.searchParams.set('scope', scopesFor(input.settings));
  u.searchParams.set('state', input.state);
  u.searchParams.set('prompt', 'login consent');
  return u.toString();
}

async function postForm(fetchImpl: typeof fetch, url: string, form: Record<string, string>): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
  } catch (e) {
    throw networkError('salesforce', e);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

function oauthFailure(status: number, body: unknown, what: string): ConnectorError {
  const err = oauthErrorSchema.safeParse(body);
  const code = err.success ? err.data.error : String(status);
  const detail = err.success ? (err.data.error_description ?? err.data.error) : `HTTP ${status}`;
  const kind = status >= 500 ? 'transient' : code === 'invalid_grant' || code === 'invalid_client_id' || status === 400 || status === 401 ? 'auth' : 'permanent';
  return new ConnectorError({
    vendor: 'salesforce',
    kind,
    code,
    message: `Salesforce ${what} failed: ${detail}. Sign in again from Baton\u2019s options; if it keeps failing, check the consumer key and the app\u2019s callback URL.`,
  });
}

/** `instance_url` (and `id`) of a token response, checked before any bearer token goes there. */
function trustedTokenHosts(token: TokenResponse, loginBase: string, what: string): { instanceUrl: string; identityUrl: URL } {
  const instance = trustedSalesforceUrl(token.instance_url, loginBase, 'instance');
  const identityUrl = trustedSalesforceUrl(token.id, loginBase, 'identity');
  if (!instance || !identityUrl) {
    const bad = instance ? token.id : token.instance_url;
    throw new ConnectorError({
      vendor: 'salesforce',
      kind: 'invalid-response',
      code: 'UNTRUSTED_HOST',
      message: `Salesforce ${what} named ${bad}, which is not a Salesforce host (https, *.my.salesforce.com or your login host): Baton sent it no token and kept nothing. Check the login host in Baton’s options.`,
    });
  }
  return { instanceUrl: instance.origin, identityUrl };
}

export async function readAuth(storage: KeyValueStore): Promise<StoredAuth | null> {
  const parsed = storedAuthSchema.safeParse(await storage.get(STORAGE_KEYS.auth));
  return parsed.success ? parsed.data : null;
}

/** Full interactive sign-in: PKCE, web-auth window, code exchange, identity lookup; saves and returns the auth. */
export async function signIn(deps: {
  settings: SalesforceSettings;
  storage: KeyValueStore;
  identity: IdentityApi;
  fetchImpl?: typeof fetch;
  now?: () => number;
}): Promise<StoredAuth> {
  const fetchImpl = deps.fetchImpl ?? fetch;
  const redirectUri = deps.identity.getRedirectURL(SALESFORCE_REDIRECT_PATH);
  const { verifier, challenge } = await createPkcePair();
  const state = randomState();
  const authorizeUrl = buildAuthorizeUrl({ settings: deps.settings, redirectUri, challenge, state });

  let redirected: string | undefined;
  try {
    redirected = await deps.identity.launchWebAuthFlow({ url: authorizeUrl, interactive: true });
  } catch (e) {
    throw new ConnectorError({
      vendor: 'salesforce',
      kind: 'auth',
      code: 'web_auth_flow',
      cause: e,
      message: `Salesforce sign-in window closed or failed (${e instanceof Error ? e.message : String(e)}). Check that the redirect URI shown in options is registered as the app\u2019s callback URL.`,
    });
  }
  const back = new URL(redirected ?? 'about:blank');
  if (back.searchParams.get('state') !== state) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'auth', code: 'state_mismatch', message: 'Salesforce sign-in answered with an unexpected state; please try again.' });
  }
  const denied = back.searchParams.get('error');
  const code = back.searchParams.get('code');
  if (denied || !code) {
    throw new ConnectorError({
      vendor: 'salesforce',
      kind: 'auth',
      code: denied ?? 'no_code',
      message: `Salesforce sign-in was not completed: ${back.searchParams.get('error_description') ?? denied ?? 'no authorization code'}.`,
    });
  }

  const loginBase = loginBaseUrl(deps.settings);
  const { status, body } = await postForm(fetchImpl, `${loginBase}/services/oauth2/token`, {
    grant_type: 'authorization_code',
    code,
    client_id: deps.settings.consumerKey,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
  if (status !== 200) throw oauthFailure(status, body, 'sign-in');
  const token = tokenResponseSchema.safeParse(body);
  if (!token.success) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: 'Salesforce sign-in returned a token response Baton does not understand.' });
  }
  const { instanceUrl, identityUrl } = trustedTokenHosts(token.data, loginBase, 'sign-in');
  const auth: StoredAuth = {
    version: 1,
    kind: 'oauth',
    accessToken: token.data.access_token,
    refreshToken: token.data.refresh_token,
    instanceUrl,
    loginBase,
    clientId: deps.settings.consumerKey,
    issuedAt: Number(token.data.issued_at),
  };
  // The identity URL names the user and org for "connected as …"; not fatal if it fails.
  try {
    const res = await fetchImpl(identityUrl.href, { headers: { Authorization: `Bearer ${auth.accessToken}`, Accept: 'application/json' } });
    const who = identitySchema.safeParse(await res.json());
    if (who.success) Object.assign(auth, { userId: who.data.user_id, orgId: who.data.organization_id, username: who.data.username });
  } catch {
    // keep the tokens; the name is cosmetic
  }
  await deps.storage.set(STORAGE_KEYS.auth, auth);
  return auth;
}

/**
 * Refresh token flow. On `invalid_grant` (revoked, expired by policy) the stored tokens are dropped and the
 * user is asked to sign in again.
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm
 */
export async function refreshAccessToken(storage: KeyValueStore, fetchImpl: typeof fetch = fetch): Promise<StoredAuth> {
  const auth = await readAuth(storage);
  if (!auth?.refreshToken) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'auth', code: 'INVALID_SESSION_ID', message: 'Salesforce session expired. Sign in to Salesforce again from Baton\u2019s options.' });
  }
  const { status, body } = await postForm(fetchImpl, `${auth.loginBase}/services/oauth2/token`, {
    grant_type: 'refresh_token',
    refresh_token: auth.refreshToken,
    client_id: auth.clientId,
  });
  if (status !== 200) {
    const failure = oauthFailure(status, body, 'token refresh');
    if (failure.kind === 'auth') await storage.remove(STORAGE_KEYS.auth);
    throw failure;
  }
  const token = tokenResponseSchema.safeParse(body);
  if (!token.success) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: 'Salesforce token refresh returned a response Baton does not understand.' });
  }
  const { instanceUrl } = trustedTokenHosts(token.data, auth.loginBase, 'token refresh');
  const next: StoredAuth = {
    ...auth,
    accessToken: token.data.access_token,
    // Salesforce may rotate refresh tokens when the app asks for it; keep the old one otherwise.
    refreshToken: token.data.refresh_token ?? auth.refreshToken,
    instanceUrl,
    issuedAt: Number(token.data.issued_at),
  };
  await storage.set(STORAGE_KEYS.auth, next);
  return next;
}

/**
 * Sign out: revoke the refresh token (which also ends its access tokens), then forget everything locally,
 * even when the revoke call fails (offline): the user asked to be signed out.
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_revoke_token.htm
 */
export async function signOut(storage: KeyValueStore, fetchImpl: typeof fetch = fetch): Promise<{ revoked: boolean }> {
  const auth = await readAuth(storage);
  let revoked = false;
  if (auth?.kind === 'oauth') {
    try {
      const { status } = await postForm(fetchImpl, `${auth.loginBase}/services/oauth2/revoke`, { token: auth.refreshToken ?? auth.accessToken });
      revoked = status === 200;
    } catch {
      revoked = false;
    }
  }
  await storage.remove(STORAGE_KEYS.auth);
  await storage.remove(STORAGE_KEYS.org);
  await storage.remove(STORAGE_KEYS.usage);
  return { revoked };
}
