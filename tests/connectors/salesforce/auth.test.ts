import { http, HttpResponse } from 'msw';
import { buildAuthorizeUrl, refreshAccessToken, signIn, signOut, type IdentityApi } from '../../../lib/connectors/salesforce/auth';
import { createPkcePair } from '../../../lib/connectors/pkce';
import { memoryStore } from '../../../lib/connectors/local-store';
import { salesforceSettingsSchema, loginBaseUrl } from '../../../lib/connectors/salesforce/settings';
import { myDomainFor, sessionAuth } from '../../../lib/connectors/salesforce/session-fallback';
import { extraOriginsFor } from '../../../lib/connectors/salesforce/api-hosts';
import tokenResponse from '../../fixtures/salesforce/token-response.json';
import refreshResponse from '../../fixtures/salesforce/refresh-response.json';
import { CONSUMER_KEY, connectedStore, withFakeOrg, INSTANCE } from './fake-org';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce';
const settings = salesforceSettingsSchema.parse({ consumerKey: CONSUMER_KEY });

const { server, state } = withFakeOrg();

async function sha256Url(s: string) {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
  return btoa(String.fromCharCode(...d)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function identityAnswering(answer: (authorizeUrl: URL) => string): IdentityApi & { urls: URL[] } {
  const urls: URL[] = [];
  return {
    urls,
    getRedirectURL: (path) => `https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/${path ?? ''}`,
    launchWebAuthFlow: async ({ url }) => {
      const u = new URL(url);
      urls.push(u);
      return answer(u);
    },
  };
}

describe('Salesforce sign-in (PKCE through the web-auth flow)', () => {
  it('makes an S256 challenge of a high-entropy verifier', async () => {
    const { verifier, challenge } = await createPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(challenge).toBe(await sha256Url(verifier));
    expect((await createPkcePair()).verifier).not.toBe(verifier);
  });

  it('signs in, exchanges the code with the verifier, and keeps tokens only in extension storage', async () => {
    let tokenForm: URLSearchParams | undefined;
    server.events.on('request:start', async ({ request }) => {
      if (request.url.endsWith('/services/oauth2/token')) tokenForm = new URLSearchParams(await request.clone().text());
    });
    const identity = identityAnswering((u) => `${REDIRECT}?code=aPrxAUTHCODE&state=${u.searchParams.get('state')}`);
    const storage = memoryStore();
    const auth = await signIn({ settings, storage, identity });

    const authorize = identity.urls[0]!;
    expect(authorize.origin + authorize.pathname).toBe('https://login.salesforce.com/services/oauth2/authorize');
    expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('api refresh_token');
    expect(tokenForm?.get('grant_type')).toBe('authorization_code');
    expect(await sha256Url(tokenForm!.get('code_verifier')!)).toBe(authorize.searchParams.get('code_challenge'));

    expect(auth).toMatchObject({ instanceUrl: INSTANCE, refreshToken: tokenResponse.refresh_token, username: 'sato@acme.example' });
    expect(await storage.get('baton.salesforce.auth')).toMatchObject({ accessToken: tokenResponse.access_token });
  });

  it('rejects a redirect whose state does not match (no token request made)', async () => {
    const identity = identityAnswering(() => `${REDIRECT}?code=stolen&state=forged`);
    const storage = memoryStore();
    await expect(signIn({ settings, storage, identity })).rejects.toMatchObject({ kind: 'auth', code: 'state_mismatch' });
    expect(state.requests).toHaveLength(0);
    expect(await storage.get('baton.salesforce.auth')).toBeUndefined();
  });

  it('reports a denied consent clearly', async () => {
    const identity = identityAnswering((u) => `${REDIRECT}?error=access_denied&error_description=end-user+denied+authorization&state=${u.searchParams.get('state')}`);
    await expect(signIn({ settings, storage: memoryStore(), identity })).rejects.toThrow(/end-user denied authorization/);
  });

  it('asks for pardot_api only when a business unit is configured, and signs in on the chosen host', () => {
    const s = salesforceSettingsSchema.parse({ consumerKey: CONSUMER_KEY, businessUnitId: '0Uv5e000000AcmeCAC', loginHostKind: 'mydomain', myDomainHost: 'Acme.my.salesforce.com' });
    const u = new URL(buildAuthorizeUrl({ settings: s, redirectUri: REDIRECT, challenge: 'c', state: 's' }));
    expect(u.host).toBe('acme.my.salesforce.com');
    expect(u.searchParams.get('scope')).toBe('api refresh_token pardot_api');
    expect(loginBaseUrl({ loginHostKind: 'sandbox' })).toBe('https://test.salesforce.com');
  });

  it('sign-out revokes the refresh token and forgets everything, even offline', async () => {
    const revoked: string[] = [];
    server.use(
      http.post('https://login.salesforce.com/services/oauth2/revoke', async ({ request }) => {
        revoked.push(new URLSearchParams(await request.text()).get('token') ?? '');
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const identity = identityAnswering((u) => `${REDIRECT}?code=c1&state=${u.searchParams.get('state')}`);
    const storage = memoryStore();
    await signIn({ settings, storage, identity });
    expect(await signOut(storage)).toEqual({ revoked: true });
    expect(revoked).toEqual([tokenResponse.refresh_token]);
    expect(await storage.get('baton.salesforce.auth')).toBeUndefined();

    await signIn({ settings, storage, identity });
    server.use(http.post('https://login.salesforce.com/services/oauth2/revoke', () => HttpResponse.error()));
    expect(await signOut(storage)).toEqual({ revoked: false });
    expect(await storage.get('baton.salesforce.auth')).toBeUndefined();
  });
});

describe('hosts named by the token response', () => {
  const tokenAnswer = (patch: Record<string, string>) =>
    http.post('https://login.salesforce.com/services/oauth2/token', () => HttpResponse.json({ ...tokenResponse, ...patch }));
  const sentTokenTo = () => state.requests.filter((r) => r.auth !== null).map((r) => new URL(r.url).host);
  const identity = identityAnswering((u) => `${REDIRECT}?code=c1&state=${u.searchParams.get('state')}`);

  it.each([
    ['an instance outside Salesforce', { instance_url: 'https://evil.example' }],
    ['a lookalike instance', { instance_url: 'https://acme.my.salesforce.com.evil.example' }],
    ['a plain-http instance', { instance_url: 'http://acme.my.salesforce.com' }],
    ['an identity URL outside Salesforce', { id: 'https://evil.example/id/00D5e000000AcmeEAC/0055e000001UserAAC' }],
    ['an identity URL with credentials in it', { id: 'https://x:y@login.salesforce.com/id/00D5e000000AcmeEAC/0055e000001UserAAC' }],
  ])('refuses a sign-in whose token response names %s, before any bearer token is sent', async (_name, patch) => {
    server.use(tokenAnswer(patch));
    const storage = memoryStore();
    await expect(signIn({ settings, storage, identity })).rejects.toMatchObject({ vendor: 'salesforce', kind: 'invalid-response', code: 'UNTRUSTED_HOST' });
    expect(sentTokenTo()).toEqual([]);
    expect(await storage.get('baton.salesforce.auth')).toBeUndefined();
  });

  it('accepts the granted My Domain on a custom login host', async () => {
    server.use(
      http.post('https://login.acme.co.jp/services/oauth2/token', () =>
        HttpResponse.json({ ...tokenResponse, instance_url: 'https://login.acme.co.jp', id: 'https://login.acme.co.jp/id/00D5e000000AcmeEAC/0055e000001UserAAC' }),
      ),
      http.get('https://login.acme.co.jp/id/:org/:user', () => HttpResponse.json({ user_id: '0055e000001UserAAC', organization_id: '00D5e000000AcmeEAC', username: 'sato@acme.example' })),
    );
    const custom = salesforceSettingsSchema.parse({ consumerKey: CONSUMER_KEY, loginHostKind: 'mydomain', myDomainHost: 'login.acme.co.jp' });
    const auth = await signIn({ settings: custom, storage: memoryStore(), identity });
    expect(auth).toMatchObject({ instanceUrl: 'https://login.acme.co.jp', username: 'sato@acme.example' });
  });

  it('refuses a refreshed token whose instance moved outside Salesforce, and keeps the stored one', async () => {
    server.use(tokenAnswer({ ...refreshResponse, instance_url: 'https://evil.example' }));
    const storage = connectedStore();
    const before = await storage.get('baton.salesforce.auth');
    await expect(refreshAccessToken(storage)).rejects.toMatchObject({ kind: 'invalid-response', code: 'UNTRUSTED_HOST' });
    expect(await storage.get('baton.salesforce.auth')).toEqual(before);
  });
});

describe('settings and hosts', () => {
  it('explains bad input per field', () => {
    const r = salesforceSettingsSchema.safeParse({ consumerKey: 'short', loginHostKind: 'mydomain', businessUnitId: '001xx', feedbackField: 'Quality' });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['consumerKey', 'businessUnitId', 'feedbackField']));
    expect(salesforceSettingsSchema.safeParse({ consumerKey: CONSUMER_KEY, loginHostKind: 'mydomain' }).error?.issues[0]?.path).toEqual(['myDomainHost']);
    expect(salesforceSettingsSchema.safeParse({ consumerKey: CONSUMER_KEY, loginHostKind: 'mydomain', myDomainHost: 'https://acme.my.salesforce.com/' }).success).toBe(false);
  });
  it('asks for an extra host permission only outside the standard families', () => {
    expect(extraOriginsFor('acme.my.salesforce.com')).toEqual([]);
    expect(extraOriginsFor('login.acme.co.jp')).toEqual(['https://login.acme.co.jp/*']);
    expect(extraOriginsFor(undefined)).toEqual([]);
  });
});

describe('session fallback', () => {
  const cookies = { get: vi.fn(async ({ url, name }: { url: string; name: string }) => (url === 'https://acme.my.salesforce.com' && name === 'sid' ? { value: '00D!session' } : null)) };
  it('is off by default', async () => {
    expect(await sessionAuth(settings, cookies, 'acme')).toBeNull();
    expect(cookies.get).not.toHaveBeenCalled();
  });
  it('when on, uses the My Domain sid for the org being viewed', async () => {
    const on = { ...settings, sessionFallback: true };
    // `instance` is the My Domain name the page detector gives.
    expect(myDomainFor(on, 'acme')).toBe('acme.my.salesforce.com');
    expect(myDomainFor(on, 'acme--uat')).toBe('acme--uat.sandbox.my.salesforce.com');
    expect(myDomainFor(on, 'acme-dev-ed')).toBe('acme-dev-ed.develop.my.salesforce.com');
    expect(myDomainFor(on, 'evil.com/x')).toBeNull();
    expect(await sessionAuth(on, cookies, 'acme')).toMatchObject({ kind: 'session', accessToken: '00D!session', instanceUrl: 'https://acme.my.salesforce.com' });
    expect(await sessionAuth(on, cookies, 'other')).toBeNull();
  });
});
