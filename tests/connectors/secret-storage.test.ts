import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserLocalStore, migrateSecretsOutOfLocalStorage } from '../../lib/connectors/local-store';
import { readAuth, signIn, signOut } from '../../lib/connectors/salesforce/auth';
import { saveSalesforceSettings, salesforceSettingsSchema } from '../../lib/connectors/salesforce/settings';
import { isHubSpotConnected, readHubSpotSettings, saveHubSpotSettings } from '../../lib/connectors/hubspot/settings';
import { readMarketoSettings, readMarketoToken, saveMarketoSettings } from '../../lib/connectors/marketo/settings';
import { createMarketoConnector } from '../../lib/connectors/marketo/marketo-connector';
import { openSecretsDb, SECRETS_DB_NAME } from '../../lib/store/secrets-db';
import tokenResponse from '../fixtures/salesforce/token-response.json';
import { CONSUMER_KEY, withFakeOrg } from './salesforce/fake-org';
import { marketoFake } from './marketo/marketo-msw';

const HUBSPOT_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const MARKETO = { endpoint: 'https://123-ABC-456.mktorest.com/rest', clientId: 'a1b2c3d4-client', clientSecret: 'marketo-client-secret-value' };
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce';
const identity = {
  getRedirectURL: () => REDIRECT,
  launchWebAuthFlow: async ({ url }: { url: string }) => `${REDIRECT}?code=c1&state=${new URL(url).searchParams.get('state')}`,
};

const { server } = withFakeOrg();

/** Everything a content script could read with chrome.storage.local.get(null), as one string. */
async function localAreaText(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

/** What an install made before this change holds in storage.local (shapes as the connectors wrote them). */
const LEGACY = {
  'baton.salesforce.settings': { version: 1, consumerKey: CONSUMER_KEY, loginHostKind: 'production', sessionFallback: false },
  'baton.salesforce.auth': {
    version: 1, kind: 'oauth', accessToken: tokenResponse.access_token, refreshToken: tokenResponse.refresh_token,
    instanceUrl: 'https://acme.my.salesforce.com', loginBase: 'https://login.salesforce.com', clientId: CONSUMER_KEY, issuedAt: 1764036000000,
  },
  'baton.salesforce.usage': { used: 25, max: 15000, at: 1764036000000 },
  'baton.hubspot.settings': { accessToken: HUBSPOT_TOKEN, apiBase: 'https://api.hubapi.com', timeZone: 'Asia/Tokyo' },
  'baton.hubspot.status': { dailyStopUntil: 1 },
  'baton.marketo.settings': { endpoint: 'https://123-abc-456.mktorest.com', clientId: MARKETO.clientId, clientSecret: MARKETO.clientSecret },
  'baton.marketo.token': { endpoint: 'https://123-abc-456.mktorest.com', accessToken: 'legacy-token:int', expiresAt: 9_999_999_999_999 },
};
const SECRETS = [tokenResponse.access_token, tokenResponse.refresh_token, HUBSPOT_TOKEN, MARKETO.clientSecret, 'legacy-token:int'];

describe('secrets are kept where content scripts cannot read them', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await openSecretsDb().delete();
  });

  it('connecting Salesforce, HubSpot and Marketo leaves no secret in storage.local, and every connector still reads its own', async () => {
    const store = browserLocalStore();
    const sfSettings = salesforceSettingsSchema.parse({ consumerKey: CONSUMER_KEY });
    await saveSalesforceSettings(store, sfSettings);
    await signIn({ settings: sfSettings, storage: store, identity });
    await saveHubSpotSettings(store, { accessToken: HUBSPOT_TOKEN });
    await saveMarketoSettings(store, MARKETO);
    const mkto = marketoFake();
    server.use(...mkto.handlers);
    await createMarketoConnector({ storage: store }).fetchContext({ system: 'marketo', instance: 'app-ab12.marketo.com', object: 'lead', id: '318581' }, { now: Date.now() });

    const local = await localAreaText();
    for (const secret of [tokenResponse.access_token, tokenResponse.refresh_token, HUBSPOT_TOKEN, MARKETO.clientSecret, 'token-1:int']) {
      expect(local).not.toContain(secret);
    }
    // Non-secret settings stay readable where they were.
    expect(local).toContain(CONSUMER_KEY);

    expect((await readAuth(store))?.refreshToken).toBe(tokenResponse.refresh_token);
    expect((await readHubSpotSettings(store))?.accessToken).toBe(HUBSPOT_TOKEN);
    expect((await readMarketoSettings(store))?.clientSecret).toBe(MARKETO.clientSecret);
    expect((await readMarketoToken(store))?.accessToken).toBe('token-1:int');
  });

  it('moves the secrets of an existing install out of storage.local on start, without signing anyone out', async () => {
    await fakeBrowser.storage.local.set(LEGACY);
    const moved = await migrateSecretsOutOfLocalStorage();
    expect(moved.sort()).toEqual(['baton.hubspot.settings', 'baton.marketo.settings', 'baton.marketo.token', 'baton.salesforce.auth']);

    const local = await localAreaText();
    for (const secret of SECRETS) expect(local).not.toContain(secret);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['baton.hubspot.status', 'baton.salesforce.settings', 'baton.salesforce.usage']);

    const store = browserLocalStore();
    expect(await readAuth(store)).toMatchObject({ accessToken: tokenResponse.access_token, refreshToken: tokenResponse.refresh_token });
    expect(await isHubSpotConnected(store)).toBe(true);
    expect((await readMarketoSettings(store))?.clientSecret).toBe(MARKETO.clientSecret);
    expect((await readMarketoToken(store))?.accessToken).toBe('legacy-token:int');
    // A second start has nothing left to move.
    expect(await migrateSecretsOutOfLocalStorage()).toEqual([]);
  });

  it('a page or worker that reads a secret before the migration ran moves it then', async () => {
    await fakeBrowser.storage.local.set(LEGACY);
    const store = browserLocalStore();
    expect((await readHubSpotSettings(store))?.accessToken).toBe(HUBSPOT_TOKEN);
    expect(await localAreaText()).not.toContain(HUBSPOT_TOKEN);
  });

  it('never lets a stale copy left in storage.local replace a newer secret', async () => {
    const store = browserLocalStore();
    await saveHubSpotSettings(store, { accessToken: 'pat-na1-99999999-2222-3333-4444-555555555555' });
    await fakeBrowser.storage.local.set({ 'baton.hubspot.settings': LEGACY['baton.hubspot.settings'] });
    await migrateSecretsOutOfLocalStorage();
    expect((await readHubSpotSettings(store))?.accessToken).toBe('pat-na1-99999999-2222-3333-4444-555555555555');
    expect(await localAreaText()).not.toContain(HUBSPOT_TOKEN);
  });

  it('signing out forgets the tokens everywhere', async () => {
    await fakeBrowser.storage.local.set(LEGACY);
    const store = browserLocalStore();
    await signOut(store);
    expect(await readAuth(store)).toBeNull();
    expect(await localAreaText()).not.toContain(tokenResponse.refresh_token);
    const db = openSecretsDb();
    expect(await db.entries.get('baton.salesforce.auth')).toBeUndefined();
    expect(db.name).toBe(SECRETS_DB_NAME);
  });
});
