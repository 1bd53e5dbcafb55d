import { setupServer } from 'msw/node';
import { buildAuthorizeUrl, DYNAMICS_REDIRECT_PATH, readDynamicsAuth, signInToDynamics, type IdentityApi } from '../../../lib/connectors/dynamics/auth';
import { saveDynamicsSettings } from '../../../lib/connectors/dynamics/settings';
import { memoryStore } from '../../../lib/connectors/local-store';
import { ConnectorError } from '../../../lib/connectors/connector';
import { CLIENT_ID, dataverseFake, ENV, TENANT } from './dataverse-msw';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const REDIRECT = `https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/${DYNAMICS_REDIRECT_PATH}`;

/** The web-auth window: records the URL it was opened at and answers as Entra would after the user signs in. */
function webAuthWindow(answer: (authorize: URL) => string) {
  const opened: URL[] = [];
  const identity: IdentityApi = {
    getRedirectURL: (path) => `https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/${path ?? ''}`,
    launchWebAuthFlow: async ({ url }) => {
      const u = new URL(url);
      opened.push(u);
      return answer(u);
    },
  };
  return { identity, opened };
}

async function settingsStore() {
  const storage = memoryStore();
  const settings = await saveDynamicsSettings(storage, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: ENV });
  return { storage, settings };
}

describe('Dynamics 365 sign-in (Entra ID, authorization code + PKCE, public client)', () => {
  it('opens Entra’s authorize page for the tenant with PKCE, exchanges the code and keeps the tokens', async () => {
    const fake = dataverseFake();
    server.use(...fake.handlers);
    const { storage, settings } = await settingsStore();
    const { identity, opened } = webAuthWindow((u) => `${REDIRECT}?code=OAQABAAIAAAD-code&state=${u.searchParams.get('state')}&session_state=abc`);

    const auth = await signInToDynamics({ settings, storage, identity, now: () => NOW });

    const authorize = opened[0]!;
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('scope')).toBe(`https://${ENV}/user_impersonation offline_access openid profile`);

    const form = fake.tokenForms[0]!;
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('OAQABAAIAAAD-code');
    expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(form.get('client_secret')).toBeNull();

    expect(auth.username).toBe('ichiro.suzuki@contoso.co.jp');
    expect(await readDynamicsAuth(storage)).toMatchObject({ refreshToken: '1.AUoA-refresh-token-2', tokens: { [ENV]: { expiresAt: NOW + 4557_000 } } });
  });

  it('refuses an answer with another state, and stores nothing', async () => {
    const fake = dataverseFake();
    server.use(...fake.handlers);
    const { storage, settings } = await settingsStore();
    const { identity } = webAuthWindow(() => `${REDIRECT}?code=stolen&state=someone-else`);
    const e = await signInToDynamics({ settings, storage, identity }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e).toMatchObject({ kind: 'auth', code: 'state_mismatch' });
    expect(fake.tokenForms).toHaveLength(0);
    expect(await readDynamicsAuth(storage)).toBeNull();
  });

  it('says what Entra said when the user or the admin declined', async () => {
    server.use(...dataverseFake().handlers);
    const { storage, settings } = await settingsStore();
    const { identity } = webAuthWindow((u) => `${REDIRECT}?error=consent_required&error_description=AADSTS65001&state=${u.searchParams.get('state')}`);
    await expect(signInToDynamics({ settings, storage, identity })).rejects.toMatchObject({ kind: 'auth', code: 'consent_required' });
  });

  it('the authorize URL carries no secret', () => {
    const url = buildAuthorizeUrl({ settings: { version: 1, tenant: TENANT, clientId: CLIENT_ID, environmentHost: ENV }, redirectUri: REDIRECT, challenge: 'c', state: 's' });
    expect(url).not.toMatch(/secret/i);
  });
});
