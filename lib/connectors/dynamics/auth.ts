import { z } from 'zod';
import { ConnectorError } from '../connector';
import type { KeyValueStore } from '../local-store';
import { ENTRA_LOGIN_BASE, isDynamicsEnvironmentHost } from './api-hosts';
import { entraErrorSchema, entraTokenSchema } from './schemas';
import { DYNAMICS_AUTH_KEY, type DynamicsSettings } from './settings';
import { createPkcePair, randomState } from '../pkce';
import { customerHostsFor } from '../customer-hosts';

/**
 * Microsoft Entra ID sign-in for Dataverse: the authorization code flow with PKCE for a public client, run in the
 * browser's web-auth window (`identity.launchWebAuthFlow`). No client secret exists anywhere.
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/authenticate-oauth
 *
 * The redirect URL (`https://<extension id>.chromiumapp.org/dynamics`) is registered under the app's
 * "Single-page application" platform: Entra redeems a code or a refresh token sent from a browser origin only
 * for that client type (AADSTS9002326 otherwise), and gives such clients 24-hour refresh tokens, rotated at
 * each use (kept here after every refresh).
 * https://learn.microsoft.com/en-us/entra/identity-platform/reference-third-party-cookies-spas
 *
 * A Dataverse token is for one environment (its audience is the environment URL). The refresh token is not:
 * Entra redeems it for any resource the user consented to, so a record page of another environment of the same
 * tenant gets its own access token from the page's host without a second sign-in.
 * https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens
 *
 * Tokens live in the extension's secrets database only (`baton.dynamics.auth`, lib/connectors/secret-keys.ts).
 */
export const DYNAMICS_REDIRECT_PATH = 'dynamics';

const accessSchema = z.object({ accessToken: z.string().min(1), expiresAt: z.number() });
export const dynamicsAuthSchema = z.object({
  version: z.literal(1),
  tenant: z.string(),
  clientId: z.string(),
  refreshToken: z.string().min(1),
  /** Access tokens by environment host. */
  tokens: z.record(z.string(), accessSchema),
  /** `preferred_username` of the ID token, for "signed in as …". */
  username: z.string().optional(),
});
export type DynamicsAuth = z.infer<typeof dynamicsAuthSchema>;

export interface IdentityApi {
  getRedirectURL(path?: string): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
}

export interface DynamicsAuthDeps {
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

/** A token is renewed this long before Entra says it expires (clock skew, a slow call). */
const EARLY_MS = 2 * 60_000;

/** Delegated access to one environment's Web API, and a refresh token (`offline_access`). */
export function scopeFor(host: string): string {
  return `https://${host}/user_impersonation offline_access openid profile`;
}

function endpoint(tenant: string, what: 'authorize' | 'token'): string {
  return `${ENTRA_LOGIN_BASE}/${encodeURIComponent(tenant)}/oauth2/v2.0/${what}`;
}

export function buildAuthorizeUrl(input: { settings: DynamicsSettings; redirectUri: string; challenge: string; state: string }): string {
  const u = new URL(endpoint(input.settings.tenant, 'authorize'));
  u.searchParams.set('client_id', input.settings.clientId);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('redirect_uri', input.redirectUri);
  u.searchParams.set('response_mode', 'query');
  u.searchParams.set('scope', scopeFor(input.settings.environmentHost));
  u.searchParams.set('state', input.state);
  u.searchParams.set('code_challenge', input.challenge);
  u.searchParams.set('code_challenge_method', 'S256');
  u.searchParams.set('prompt', 'select_account');
  return u.toString();
}

function authError(code: string, message: string, cause?: unknown): ConnectorError {
  return new ConnectorError({ vendor: 'dynamics', kind: 'auth', code, message, cause });
}

async function postToken(deps: DynamicsAuthDeps, tenant: string, form: Record<string, string>, what: string) {
  const fetchImpl = deps.fetchImpl ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  let res: Response;
  try {
    res = await fetchImpl(endpoint(tenant, 'token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
  } catch (cause) {
    throw new ConnectorError({ vendor: 'dynamics', kind: 'transient', code: 'NETWORK', cause, message: `Microsoft sign-in could not be reached (${what}). Check the connection and try again.` });
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.ok) {
    const token = entraTokenSchema.safeParse(body);
    if (token.success) return token.data;
    throw new ConnectorError({ vendor: 'dynamics', kind: 'invalid-response', message: `Microsoft sign-in answered the ${what} with a token Baton does not understand.` });
  }
  const err = entraErrorSchema.safeParse(body);
  const code = err.success ? err.data.error : String(res.status);
  const detail = err.success ? (err.data.error_description?.split('\r\n')[0] ?? err.data.error) : `HTTP ${res.status}`;
  if (res.status >= 500) {
    throw new ConnectorError({ vendor: 'dynamics', kind: 'transient', code, message: `Microsoft sign-in failed for a moment (${what}): ${detail}` });
  }
  // invalid_grant: the refresh token expired (24 h for this client type), was revoked, or needs a new consent.
  throw new ConnectorError({
    vendor: 'dynamics',
    kind: code === 'invalid_grant' || code === 'interaction_required' ? 'auth' : 'permanent',
    code,
    correlationId: err.success ? err.data.correlation_id : undefined,
    message: `Microsoft sign-in failed (${what}): ${detail}. Sign in to Dynamics 365 again in Baton’s options; if it keeps failing, check the tenant, the application id and that the redirect URL is registered as a single-page application.`,
  });
}

/** The ID token's `preferred_username`; cosmetic ("signed in as"), so read without verifying its signature. */
function usernameOf(idToken: string | undefined): string | undefined {
  const payload = idToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const parsed = z.object({ preferred_username: z.string().max(320) }).safeParse(json);
    return parsed.success ? parsed.data.preferred_username : undefined;
  } catch {
    return undefined;
  }
}

export async function readDynamicsAuth(storage: KeyValueStore): Promise<DynamicsAuth | null> {
  const parsed = dynamicsAuthSchema.safeParse(await storage.get(DYNAMICS_AUTH_KEY));
  return parsed.success ? parsed.data : null;
}

/** Interactive sign-in: PKCE, the web-auth window, the code exchanged for tokens, saved in the secrets database. */
export async function signInToDynamics(deps: DynamicsAuthDeps & { settings: DynamicsSettings; identity: IdentityApi }): Promise<DynamicsAuth> {
  const now = deps.now ?? Date.now;
  const redirectUri = deps.identity.getRedirectURL(DYNAMICS_REDIRECT_PATH);
  const { verifier, challenge } = await createPkcePair();
  const state = randomState();
  let redirected: string | undefined;
  try {
    redirected = await deps.identity.launchWebAuthFlow({ url: buildAuthorizeUrl({ settings: deps.settings, redirectUri, challenge, state }), interactive: true });
  } catch (cause) {
    throw authError('web_auth_flow', `The Microsoft sign-in window closed or failed (${cause instanceof Error ? cause.message : String(cause)}). Check that the redirect URL shown in options is registered in the app registration.`, cause);
  }
  const back = new URL(redirected ?? 'about:blank');
  if (back.searchParams.get('state') !== state) throw authError('state_mismatch', 'Microsoft sign-in answered with an unexpected state; please try again.');
  const denied = back.searchParams.get('error');
  const code = back.searchParams.get('code');
  if (denied || !code) {
    throw authError(denied ?? 'no_code', `Microsoft sign-in was not completed: ${back.searchParams.get('error_description') ?? denied ?? 'no authorization code'}.`);
  }
  const token = await postToken(
    deps,
    deps.settings.tenant,
    {
      client_id: deps.settings.clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      scope: scopeFor(deps.settings.environmentHost),
    },
    'sign-in',
  );
  if (!token.refresh_token) throw authError('no_refresh_token', 'Microsoft sign-in gave no refresh token: the app registration must allow offline_access.');
  const auth: DynamicsAuth = {
    version: 1,
    tenant: deps.settings.tenant,
    clientId: deps.settings.clientId,
    refreshToken: token.refresh_token,
    tokens: { [deps.settings.environmentHost]: { accessToken: token.access_token, expiresAt: now() + token.expires_in * 1000 } },
    username: usernameOf(token.id_token),
  };
  await deps.storage.set(DYNAMICS_AUTH_KEY, auth);
  return auth;
}

/**
 * An access token for one environment: the stored one while it is fresh, else a new one from the refresh token
 * (rotated: the new refresh token replaces the old). `force` after a 401. An expired or revoked refresh token
 * signs the user out (tokens removed) and asks for a new sign-in.
 */
export async function dynamicsAccessToken(deps: DynamicsAuthDeps, host: string, force = false): Promise<string> {
  if (!isDynamicsEnvironmentHost(host, await customerHostsFor(deps.storage, 'dynamics'))) {
    throw new ConnectorError({ vendor: 'dynamics', kind: 'permanent', code: 'UNTRUSTED_HOST', message: `${host} is not a Dynamics 365 environment host; Baton sends it no token.` });
  }
  const now = deps.now ?? Date.now;
  const auth = await readDynamicsAuth(deps.storage);
  if (!auth) {
    throw new ConnectorError({ vendor: 'dynamics', kind: 'not-connected', message: 'Dynamics 365 is not signed in: enter the tenant and application id in Options › Connections › Dynamics 365 and sign in.' });
  }
  const held = auth.tokens[host];
  if (!force && held && held.expiresAt - EARLY_MS > now()) return held.accessToken;
  let token;
  try {
    token = await postToken(deps, auth.tenant, { client_id: auth.clientId, grant_type: 'refresh_token', refresh_token: auth.refreshToken, scope: scopeFor(host) }, 'token refresh');
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === 'auth') await deps.storage.remove(DYNAMICS_AUTH_KEY);
    throw error;
  }
  // Re-read: another context may have refreshed meanwhile; keep its other environments' tokens.
  const latest = (await readDynamicsAuth(deps.storage)) ?? auth;
  await deps.storage.set(DYNAMICS_AUTH_KEY, {
    ...latest,
    refreshToken: token.refresh_token ?? latest.refreshToken,
    tokens: { ...latest.tokens, [host]: { accessToken: token.access_token, expiresAt: now() + token.expires_in * 1000 } },
  } satisfies DynamicsAuth);
  return token.access_token;
}

/** Sign out: forget the tokens. Entra offers a public client no revocation call; an admin revokes sessions in Entra. */
export async function signOutOfDynamics(storage: KeyValueStore): Promise<void> {
  await storage.remove(DYNAMICS_AUTH_KEY);
}
