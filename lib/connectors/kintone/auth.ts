import { ConnectorError } from '../connector';
import type { KeyValueStore } from '../local-store';
import { customerHostsFor } from '../customer-hosts';
import type { IdentityApi } from '../dynamics/auth';
import { randomState } from '../pkce';
import { isKintoneHost } from './api-hosts';
import { kintoneOAuthErrorSchema, kintoneTokenSchema, type KintoneTokenResponse } from './schemas';
import { KINTONE_AUTH_KEY, readKintoneAuth, type KintoneAuth, type KintoneSettings } from './settings';

/**
 * Sign-in through a kintone OAuth client (cybozu.com Common Administration › OAuth), beside the per-app API tokens.
 * cybozu.com offers confidential clients only, with the authorization code grant (no PKCE): the client id and
 * secret are typed in options by someone the administrator gave them to, kept in the secrets database with the other
 * settings, and sent to the kintone domain's token endpoint alone.
 * https://cybozu.dev/ja/common/docs/oauth-client/add-client/
 *
 * - Authorization: `https://{domain}/oauth2/authorization?client_id&redirect_uri&state&response_type=code&scope`,
 *   opened in the browser's web-auth window (`identity.launchWebAuthFlow`); the redirect endpoint registered for the
 *   client is `https://<extension id>.chromiumapp.org/kintone` (shown in options).
 * - Token: `POST https://{domain}/oauth2/token`, form-encoded `grant_type=authorization_code&code&redirect_uri`, later
 *   `grant_type=refresh_token&refresh_token`. The client authenticates with HTTP Basic
 *   (`Authorization: Basic base64(client_id:client_secret)`): RFC 6749 §2.3.1 makes every authorization server accept
 *   it, and kintone clients written from cybozu.dev's STEP3 (4. アクセストークンのリクエスト) send it so. Sources
 *   disagree: goqoo-on-kintone/gyuma (src/server.ts, lib/refresh.js) and jue58/kintone (lib/kintone/oauth_api.rb,
 *   through the oauth2 gem 1.x, whose default is the request body) put `client_id` and `client_secret` in the form
 *   body, which §2.3.1 lets a server accept but does not require. Baton follows the header and never sends the
 *   secret twice (§2.3.1 forbids more than one method per request).
 * - API calls: `Authorization: Bearer <access token>` on the same `/k/v1/…` and `/k/guest/{space}/v1/…` paths.
 *
 * Tokens (`baton.kintone.auth`) live in the secrets database only, tied to the domain and client they came from.
 */
export const KINTONE_REDIRECT_PATH = 'kintone';

/**
 * What Baton asks for: records and their comments (read), comments added and removed (feedback, its twins:
 * comments are record data, so `k:app_record:write`), and the app's form fields for the mapping screen
 * (`/k/v1/app/form/fields.json` needs `k:app_settings:read`). Nothing else: no app settings written, no files.
 * https://cybozu.dev/ja/common/docs/oauth-client/add-client/ (スコープ一覧)
 */
export const KINTONE_SCOPES = ['k:app_record:read', 'k:app_record:write', 'k:app_settings:read'] as const;

/** A token is renewed this long before kintone says it expires (clock skew, a slow call). */
const EARLY_MS = 60_000;

export interface KintoneAuthDeps {
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

type OAuthSettings = KintoneSettings & { auth: 'oauth'; clientId: string; clientSecret: string };

function oauthSettings(settings: KintoneSettings): OAuthSettings {
  if (settings.auth !== 'oauth' || !settings.clientId || !settings.clientSecret) {
    throw new ConnectorError({ vendor: 'kintone', kind: 'not-connected', message: 'kintone is set to API tokens: choose OAuth in Options › Connections › kintone and enter the client ID and secret first.' });
  }
  return settings as OAuthSettings;
}

export function buildKintoneAuthorizeUrl(input: { domain: string; clientId: string; redirectUri: string; state: string }): string {
  const u = new URL(`https://${input.domain}/oauth2/authorization`);
  u.searchParams.set('client_id', input.clientId);
  u.searchParams.set('redirect_uri', input.redirectUri);
  u.searchParams.set('state', input.state);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('scope', KINTONE_SCOPES.join(' '));
  return u.toString();
}

function authError(code: string, message: string, cause?: unknown): ConnectorError {
  return new ConnectorError({ vendor: 'kintone', kind: 'auth', code, message, cause });
}

/** The token endpoint, with the client's HTTP Basic credentials (see the header comment for the source). */
async function postToken(deps: KintoneAuthDeps, settings: OAuthSettings, form: Record<string, string>, what: string): Promise<KintoneTokenResponse> {
  const fetchImpl = deps.fetchImpl ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  let res: Response;
  try {
    res = await fetchImpl(`https://${settings.domain}/oauth2/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        Authorization: `Basic ${btoa(`${settings.clientId}:${settings.clientSecret}`)}`,
      },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (cause) {
    throw new ConnectorError({ vendor: 'kintone', kind: 'transient', code: 'NETWORK', cause, message: `kintone could not be reached for the ${what}. Check the connection and try again.` });
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const token = kintoneTokenSchema.safeParse(body);
    if (token.success) return token.data;
    const issue = token.error.issues[0];
    throw new ConnectorError({
      vendor: 'kintone',
      kind: 'invalid-response',
      message: `kintone answered the ${what} with a token Baton does not understand (field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}).`,
    });
  }
  const err = kintoneOAuthErrorSchema.safeParse(body);
  const code = err.success ? err.data.error : String(res.status);
  const detail = err.success ? (err.data.error_description ?? err.data.error) : `HTTP ${res.status}`;
  if (res.status >= 500 || res.status === 429) {
    throw new ConnectorError({ vendor: 'kintone', kind: 'transient', code, message: `kintone sign-in failed for a moment (${what}): ${detail}. Baton tries again later.` });
  }
  // invalid_grant: the code or the refresh token is no longer valid (the person was removed from the client's users,
  // the client was deleted or its secret renewed). invalid_client: the id or secret is wrong.
  const advice =
    code === 'invalid_client'
      ? 'Check the client ID and secret in Options › Connections › kintone (an administrator may have renewed the secret).'
      : 'Sign in to kintone again in Options › Connections › kintone; if it keeps failing, ask your cybozu.com administrator whether you are among the OAuth client’s users and the redirect URL shown in options is its redirect endpoint.';
  throw new ConnectorError({
    vendor: 'kintone',
    kind: code === 'invalid_grant' || code === 'invalid_client' || res.status === 401 ? 'auth' : 'permanent',
    code,
    message: `kintone sign-in failed (${what}): ${detail}. ${advice}`,
  });
}

async function checkedDomain(storage: KeyValueStore, domain: string): Promise<void> {
  if (!isKintoneHost(domain, await customerHostsFor(storage, 'kintone'))) {
    throw new ConnectorError({
      vendor: 'kintone',
      kind: 'not-connected',
      code: 'UNTRUSTED_HOST',
      message: `${domain} is not a kintone address Baton knows: add it in Options › Customer hosts as kintone, or change the address in Options › Connections › kintone.`,
    });
  }
}

/** Interactive sign-in: the web-auth window, the state checked, the code exchanged, the tokens saved. */
export async function signInToKintone(deps: KintoneAuthDeps & { settings: KintoneSettings; identity: IdentityApi }): Promise<KintoneAuth> {
  const now = deps.now ?? Date.now;
  const settings = oauthSettings(deps.settings);
  await checkedDomain(deps.storage, settings.domain);
  const redirectUri = deps.identity.getRedirectURL(KINTONE_REDIRECT_PATH);
  const state = randomState();
  let redirected: string | undefined;
  try {
    redirected = await deps.identity.launchWebAuthFlow({ url: buildKintoneAuthorizeUrl({ domain: settings.domain, clientId: settings.clientId, redirectUri, state }), interactive: true });
  } catch (cause) {
    throw authError('web_auth_flow', `The kintone sign-in window closed or failed (${cause instanceof Error ? cause.message : String(cause)}). Check that the redirect URL shown in options is the OAuth client’s redirect endpoint.`, cause);
  }
  const back = new URL(redirected ?? 'about:blank');
  if (back.searchParams.get('state') !== state) throw authError('state_mismatch', 'kintone sign-in answered with an unexpected state; please try again.');
  const denied = back.searchParams.get('error');
  const code = back.searchParams.get('code');
  if (denied || !code) {
    throw authError(denied ?? 'no_code', `kintone sign-in was not completed: ${back.searchParams.get('error_description') ?? denied ?? 'no authorization code'}.`);
  }
  const token = await postToken(deps, settings, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, 'sign-in');
  if (!token.refresh_token) throw authError('no_refresh_token', 'kintone sign-in gave no refresh token; Baton would have to ask again every hour. Please try again.');
  const auth: KintoneAuth = {
    version: 1,
    domain: settings.domain,
    clientId: settings.clientId,
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    expiresAt: now() + token.expires_in * 1000,
    ...(token.scope ? { scope: token.scope } : {}),
  };
  await deps.storage.set(KINTONE_AUTH_KEY, auth);
  return auth;
}

/** One refresh per refresh token at a time in this context: a view's parallel calls share it. */
const refreshing = new Map<string, Promise<string>>();

/** Across contexts (the worker delivering feedback, a panel, options): `navigator.locks` where the browser has it. */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
  return locks ? locks.request('baton-kintone-token-refresh', work) : work();
}

/**
 * The access token for a call: the stored one while fresh, else one from the refresh token. `rejected` is the token
 * kintone has just answered 401 to: a newer stored token (another call or context refreshed meanwhile) is used as it
 * is, else a new one is asked for. A refresh token kintone refuses signs the person out (tokens removed) and asks
 * for a new sign-in, unless another context has meanwhile stored a newer one (kintone might rotate it).
 */
export async function kintoneAccessToken(deps: KintoneAuthDeps, settingsIn: KintoneSettings, rejected?: string): Promise<string> {
  const settings = oauthSettings(settingsIn);
  await checkedDomain(deps.storage, settings.domain);
  const now = deps.now ?? Date.now;
  const usable = (a: KintoneAuth | null): a is KintoneAuth => !!a && a.domain === settings.domain && a.clientId === settings.clientId;
  const fresh = (a: KintoneAuth) => a.accessToken !== rejected && a.expiresAt - EARLY_MS > now();
  const auth = await readKintoneAuth(deps.storage);
  if (!usable(auth)) {
    throw new ConnectorError({ vendor: 'kintone', kind: 'not-connected', message: 'kintone is not signed in: sign in with the OAuth client in Options › Connections › kintone.' });
  }
  if (fresh(auth)) return auth.accessToken;
  const running = refreshing.get(auth.refreshToken);
  if (running) return running;
  const refresh = exclusively(async () => {
    // Another context may have renewed the token while this one waited for the lock.
    const held = await readKintoneAuth(deps.storage);
    if (!usable(held)) throw new ConnectorError({ vendor: 'kintone', kind: 'not-connected', message: 'kintone is not signed in: sign in with the OAuth client in Options › Connections › kintone.' });
    if (held.accessToken !== auth.accessToken && fresh(held)) return held.accessToken;
    let token: KintoneTokenResponse;
    try {
      token = await postToken(deps, settings, { grant_type: 'refresh_token', refresh_token: held.refreshToken }, 'token refresh');
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'auth') {
        const latest = await readKintoneAuth(deps.storage);
        if (usable(latest) && latest.refreshToken !== held.refreshToken) return latest.accessToken;
        await deps.storage.remove(KINTONE_AUTH_KEY);
      }
      throw error;
    }
    // Re-read: a sign-out or a new sign-in meanwhile wins over this refresh.
    const latest = await readKintoneAuth(deps.storage);
    if (latest && latest.refreshToken === held.refreshToken) {
      await deps.storage.set(KINTONE_AUTH_KEY, {
        ...latest,
        accessToken: token.access_token,
        // A refresh answer names no new refresh token: the one held stays valid.
        refreshToken: token.refresh_token ?? latest.refreshToken,
        expiresAt: now() + token.expires_in * 1000,
        ...(token.scope ? { scope: token.scope } : {}),
      } satisfies KintoneAuth);
    }
    return token.access_token;
  });
  refreshing.set(auth.refreshToken, refresh);
  try {
    return await refresh;
  } finally {
    refreshing.delete(auth.refreshToken);
  }
}

/** Sign out: forget the tokens (the client id and secret stay for the next sign-in). cybozu.com documents no
 * revocation endpoint; an administrator removes a person from the client's users to cut access at once. */
export async function signOutOfKintone(storage: KeyValueStore): Promise<void> {
  await storage.remove(KINTONE_AUTH_KEY);
}
