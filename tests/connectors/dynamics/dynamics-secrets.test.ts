import { fakeBrowser } from 'wxt/testing';
import { setupServer } from 'msw/node';
import { browserLocalStore } from '../../../lib/connectors/local-store';
import { dynamicsAccessToken, readDynamicsAuth, signInToDynamics, type IdentityApi } from '../../../lib/connectors/dynamics/auth';
import { saveDynamicsSettings } from '../../../lib/connectors/dynamics/settings';
import { createDynamicsConnector } from '../../../lib/connectors/dynamics/dynamics-connector';
import { openSecretsDb } from '../../../lib/store/secrets-db';
import { CLIENT_ID, dataverseFake, ENV, LEAD_ID, TENANT } from './dataverse-msw';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/dynamics';
const identity: IdentityApi = {
  getRedirectURL: () => REDIRECT,
  launchWebAuthFlow: async ({ url }) => `${REDIRECT}?code=c1&state=${new URL(url).searchParams.get('state')}`,
};

describe('Dynamics 365 tokens are kept where content scripts cannot read them', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await openSecretsDb().delete();
  });

  it('after sign-in and a token refresh, storage.local holds the tenant and app id but no token', async () => {
    const fake = dataverseFake();
    server.use(...fake.handlers);
    const store = browserLocalStore();
    const settings = await saveDynamicsSettings(store, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: ENV });
    await signInToDynamics({ settings, storage: store, identity });
    await dynamicsAccessToken({ storage: store }, ENV, true);
    const context = await createDynamicsConnector({ storage: store }).fetchContext({ system: 'dynamics', instance: ENV, object: 'lead', id: LEAD_ID }, { now: Date.now() });
    expect(context.person.name).toBe('佐藤 花子');
    const auth = await readDynamicsAuth(store);
    expect(auth?.refreshToken).toBe('1.AUoA-refresh-token-3');
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).toContain(CLIENT_ID);
    expect(local).not.toContain('refresh-token');
    expect(local).not.toContain(auth!.tokens[ENV]!.accessToken);
  });
});
