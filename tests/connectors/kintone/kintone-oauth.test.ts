import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { fakeBrowser } from 'wxt/testing';
import { createKintoneConnector, readKintoneFormFields } from '../../../lib/connectors/kintone/kintone-connector';
import { buildKintoneAuthorizeUrl, kintoneAccessToken, signInToKintone, signOutOfKintone } from '../../../lib/connectors/kintone/auth';
import { guessActivityMapping, guessLeadMapping } from '../../../lib/connectors/kintone/guess-mapping';
import { isKintoneConnected, KINTONE_AUTH_KEY, readKintoneAuth, saveKintoneMapping, saveKintoneSettings, type KintoneSettings } from '../../../lib/connectors/kintone/settings';
import { formFieldsResponseSchema, kintoneOAuthErrorSchema, kintoneTokenSchema } from '../../../lib/connectors/kintone/schemas';
import { browserLocalStore, memoryStore, type KeyValueStore } from '../../../lib/connectors/local-store';
import { ConnectorError } from '../../../lib/connectors/connector';
import type { IdentityApi } from '../../../lib/connectors/dynamics/auth';
import { openSecretsDb } from '../../../lib/store/secrets-db';
import type { Feedback, RecordRef } from '../../../lib/domain/model';
import { CLIENT_ID, CLIENT_SECRET, DOMAIN, kintoneFake, kintoneTokenEndpoint } from './kintone-msw';
import formFields from '../../fixtures/kintone/form-fields.json';
import activityFormFields from '../../fixtures/kintone/activity-form-fields.json';
import oauthToken from '../../fixtures/kintone/oauth-token.json';
import oauthRefreshed from '../../fixtures/kintone/oauth-token-refreshed.json';
import oauthInvalidGrant from '../../fixtures/kintone/oauth-error-invalid-grant.json';
import oauthRejected from '../../fixtures/kintone/error-oauth-token.json';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/kintone';
const ref: RecordRef = { system: 'kintone', instance: DOMAIN, object: 'app:12', id: '42' };

/** The browser's web-auth window, answering as kintone's consent page would (or as told). */
function fakeIdentity(answer: (url: URL) => string = (url) => `${REDIRECT}?code=fake-code&state=${url.searchParams.get('state') ?? ''}`) {
  const opened: URL[] = [];
  const identity: IdentityApi = {
    getRedirectURL: (path) => `https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/${path ?? ''}`,
    launchWebAuthFlow: async ({ url }) => {
      opened.push(new URL(url));
      return answer(new URL(url));
    },
  };
  return { identity, opened };
}

function mapping(guestSpaceId?: string) {
  const lead = guessLeadMapping(formFieldsResponseSchema.parse(formFields).properties);
  const act = guessActivityMapping(formFieldsResponseSchema.parse(activityFormFields).properties, '12');
  return {
    ...lead,
    activity: { appId: '13', ...(guestSpaceId ? { guestSpaceId } : {}), keyField: lead.activity!.keyField, linkField: lead.activity!.linkField, dateField: act.dateField!, typeField: act.typeField, subjectField: act.subjectField, byField: act.byField, types: act.types },
  };
}

async function oauthSettings(storage: KeyValueStore, guestSpaceId?: string): Promise<KintoneSettings> {
  const settings = await saveKintoneSettings(storage, { auth: 'oauth', domain: DOMAIN, appId: '12', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...(guestSpaceId ? { guestSpaceId } : {}) });
  await saveKintoneMapping(storage, '12', guestSpaceId, mapping(guestSpaceId));
  return settings;
}

/** Signed in through the fake token endpoint, at `at`. */
async function signedIn(storage: KeyValueStore, at = NOW, guestSpaceId?: string) {
  const settings = await oauthSettings(storage, guestSpaceId);
  await signInToKintone({ settings, storage, identity: fakeIdentity().identity, now: () => at });
  return settings;
}

async function errorOf(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

function feedback(): Feedback {
  return { id: 'fb-kin-oauth-0001', ref, personKey: 'taro.yamada@example.co.jp', verdict: 'good', reasonCodes: [], comment: '来期予算あり', by: '田中 一郎', at: NOW, state: 'pending', attempts: 0, nextAttemptAt: NOW };
}

describe('kintone OAuth payloads', () => {
  it('parses the documented token answers and the OAuth error, and refuses a token that is not a Bearer token', () => {
    expect(kintoneTokenSchema.parse(oauthToken)).toMatchObject({ token_type: 'Bearer', expires_in: 3600, refresh_token: oauthToken.refresh_token });
    expect(kintoneTokenSchema.parse(oauthRefreshed).refresh_token).toBeUndefined();
    expect(kintoneOAuthErrorSchema.parse(oauthInvalidGrant).error).toBe('invalid_grant');
    expect(kintoneTokenSchema.safeParse({ ...oauthToken, token_type: 'mac' }).success).toBe(false);
    expect(kintoneTokenSchema.safeParse({ ...oauthToken, access_token: '' }).success).toBe(false);
  });

  it('asks kintone for records, comments and form fields, and nothing more', () => {
    const url = new URL(buildKintoneAuthorizeUrl({ domain: DOMAIN, clientId: CLIENT_ID, redirectUri: REDIRECT, state: 'xyz' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://acme.cybozu.com/oauth2/authorization');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      state: 'xyz',
      response_type: 'code',
      scope: 'k:app_record:read k:app_record:write k:app_settings:read',
    });
  });
});

describe('kintone OAuth sign-in', () => {
  it('opens the sign-in window, checks the state, exchanges the code with the client’s Basic credentials, and keeps the tokens', async () => {
    const endpoint = kintoneTokenEndpoint();
    server.use(endpoint.handler);
    const storage = memoryStore();
    const settings = await oauthSettings(storage);
    expect(await isKintoneConnected(storage)).toBe(false);
    const { identity, opened } = fakeIdentity();
    await signInToKintone({ settings, storage, identity, now: () => NOW });

    expect(opened).toHaveLength(1);
    expect(opened[0]!.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(endpoint.headers).toEqual([`Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`]);
    // The secret goes in the header alone, never twice.
    expect(endpoint.forms).toEqual([{ grant_type: 'authorization_code', code: 'fake-code', redirect_uri: REDIRECT }]);
    expect(await readKintoneAuth(storage)).toEqual({
      version: 1,
      domain: DOMAIN,
      clientId: CLIENT_ID,
      accessToken: oauthToken.access_token,
      refreshToken: oauthToken.refresh_token,
      expiresAt: NOW + 3600_000,
      scope: oauthToken.scope,
    });
    expect(await isKintoneConnected(storage)).toBe(true);
  });

  it('refuses an answer with another state, and a denied consent, without asking for a token', async () => {
    const endpoint = kintoneTokenEndpoint();
    server.use(endpoint.handler);
    const storage = memoryStore();
    const settings = await oauthSettings(storage);
    const forged = fakeIdentity(() => `${REDIRECT}?code=fake-code&state=someone-elses`);
    expect((await errorOf(signInToKintone({ settings, storage, identity: forged.identity }))).code).toBe('state_mismatch');
    const denied = fakeIdentity((url) => `${REDIRECT}?error=access_denied&state=${url.searchParams.get('state') ?? ''}`);
    const e = await errorOf(signInToKintone({ settings, storage, identity: denied.identity }));
    expect(e.code).toBe('access_denied');
    expect(endpoint.forms).toEqual([]);
    expect(await readKintoneAuth(storage)).toBeNull();
  });

  it('says which credential is wrong when kintone refuses the client', async () => {
    server.use(kintoneTokenEndpoint().handler);
    const storage = memoryStore();
    const settings = await saveKintoneSettings(storage, { auth: 'oauth', domain: DOMAIN, appId: '12', clientId: CLIENT_ID, clientSecret: 'not-the-secret' });
    const e = await errorOf(signInToKintone({ settings, storage, identity: fakeIdentity().identity }));
    expect(e).toMatchObject({ vendor: 'kintone', kind: 'auth', code: 'invalid_client' });
    expect(e.message).toMatch(/client ID and secret/);
  });

  it('keeps the client secret and the tokens out of storage.local; signing out forgets the tokens, not the client', async () => {
    fakeBrowser.reset();
    await openSecretsDb().delete();
    server.use(kintoneTokenEndpoint().handler);
    const storage = browserLocalStore();
    await signedIn(storage);
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const secret of [CLIENT_SECRET, oauthToken.access_token, oauthToken.refresh_token]) expect(local).not.toContain(secret);
    expect(await openSecretsDb().entries.get(KINTONE_AUTH_KEY)).toBeDefined();

    await signOutOfKintone(storage);
    expect(await readKintoneAuth(storage)).toBeNull();
    expect(await isKintoneConnected(storage)).toBe(false);
    expect(await openSecretsDb().entries.get(KINTONE_AUTH_KEY)).toBeUndefined();
  });

  it('a new client or address drops the tokens of the old one', async () => {
    server.use(kintoneTokenEndpoint().handler);
    const storage = memoryStore();
    await signedIn(storage);
    await saveKintoneSettings(storage, { auth: 'oauth', domain: DOMAIN, appId: '12', clientId: 'l.1.another-client', clientSecret: CLIENT_SECRET });
    expect(await readKintoneAuth(storage)).toBeNull();
  });
});

describe('kintone connector signed in through OAuth', () => {
  it('reads the record with the Bearer token (no API token header), in 3 calls', async () => {
    const endpoint = kintoneTokenEndpoint();
    const fake = kintoneFake({ bearer: endpoint.current });
    server.use(endpoint.handler, ...fake.handlers);
    const storage = memoryStore();
    await signedIn(storage);
    const ctx = await createKintoneConnector({ storage, now: () => NOW }).fetchContext(ref, { now: NOW });
    expect(ctx.person.name).toBe('山田 太郎');
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls.every((c) => c.authorization === `Bearer ${oauthToken.access_token}` && c.token === null)).toBe(true);
  });

  it('reads a guest-space app and its form fields through /k/guest/{space}/v1/ with the same token', async () => {
    const endpoint = kintoneTokenEndpoint();
    const fake = kintoneFake({ guestSpaceId: '5', bearer: endpoint.current });
    server.use(endpoint.handler, ...fake.handlers);
    const storage = memoryStore();
    await signedIn(storage, NOW, '5');
    const ctx = await createKintoneConnector({ storage, now: () => NOW }).fetchContext({ ...ref, object: 'guest:5:app:12' }, { now: NOW });
    expect(ctx.person.name).toBe('山田 太郎');
    const fields = await readKintoneFormFields({ storage, now: () => NOW }, { appId: '12', guestSpaceId: '5' });
    expect(Object.keys(fields.properties)).toContain('商談化日');
    expect(fake.calls.every((c) => c.path.startsWith('/k/guest/5/v1/') && c.authorization === `Bearer ${oauthToken.access_token}`)).toBe(true);
  });

  it('renews an expired token once before a view whose calls run in parallel, keeping the refresh token kintone did not replace', async () => {
    const endpoint = kintoneTokenEndpoint();
    const fake = kintoneFake({ bearer: endpoint.current });
    server.use(endpoint.handler, ...fake.handlers);
    const storage = memoryStore();
    await signedIn(storage, NOW - 2 * 3600_000);
    endpoint.expire(); // kintone no longer takes the old token either
    const ctx = await createKintoneConnector({ storage, now: () => NOW }).fetchContext(ref, { now: NOW });
    expect(ctx.person.name).toBe('山田 太郎');
    expect(endpoint.forms.filter((f) => f.grant_type === 'refresh_token')).toEqual([{ grant_type: 'refresh_token', refresh_token: oauthToken.refresh_token }]);
    expect(fake.calls.every((c) => c.authorization === `Bearer ${oauthRefreshed.access_token}-1`)).toBe(true);
    expect(await readKintoneAuth(storage)).toMatchObject({ accessToken: `${oauthRefreshed.access_token}-1`, refreshToken: oauthToken.refresh_token, expiresAt: NOW + 3600_000 });
  });

  it('a 401 in the middle of a feedback delivery renews the token and sends the comment again: one comment stands', async () => {
    const endpoint = kintoneTokenEndpoint();
    const fake = kintoneFake({ bearer: endpoint.current });
    server.use(endpoint.handler, ...fake.handlers);
    const storage = memoryStore();
    await signedIn(storage);
    // kintone ends the token's life early (revoked session, clock skew): the look-up passes, the POST is refused.
    server.use(
      http.post(`https://${DOMAIN}/k/v1/record/comment.json`, () => {
        endpoint.expire();
        return HttpResponse.json(oauthRejected, { status: 401 });
      }, { once: true }),
    );
    const receipt = await createKintoneConnector({ storage, now: () => NOW }).deliverFeedback(feedback(), { now: NOW });
    expect(receipt.alreadyExisted).toBe(false);
    expect(fake.baton()).toHaveLength(1);
    expect(endpoint.state.refreshes).toBe(1);
    expect(fake.calls.filter((c) => c.method === 'POST').map((c) => c.authorization)).toEqual([`Bearer ${oauthRefreshed.access_token}-1`]);
  });

  it('a refresh token kintone refuses signs the person out and asks for a new sign-in; a second 401 asks too', async () => {
    const endpoint = kintoneTokenEndpoint();
    const fake = kintoneFake({ bearer: endpoint.current });
    server.use(endpoint.handler, ...fake.handlers);
    const storage = memoryStore();
    await signedIn(storage);
    endpoint.expire();
    endpoint.state.refuseRefresh = true;
    const e = await errorOf(createKintoneConnector({ storage, now: () => NOW }).fetchContext(ref, { now: NOW }));
    expect(e).toMatchObject({ kind: 'auth', code: 'invalid_grant' });
    expect(e.message).toMatch(/Sign in to kintone again/);
    expect(await readKintoneAuth(storage)).toBeNull();
    expect(await isKintoneConnected(storage)).toBe(false);

    // Signed in again, but kintone keeps refusing every token: one renewal, then the person is asked.
    endpoint.state.refuseRefresh = false;
    await signedIn(storage);
    server.use(http.get(`https://${DOMAIN}/k/v1/records.json`, () => HttpResponse.json(oauthRejected, { status: 401 })));
    const again = await errorOf(createKintoneConnector({ storage, now: () => NOW }).findPeople('taro.yamada@example.co.jp', { now: NOW }));
    expect(again).toMatchObject({ kind: 'auth', code: 'CB_OA01', correlationId: oauthRejected.id });
    expect(again.message).toMatch(/Sign in to kintone again/);
    expect(endpoint.state.refreshes).toBe(1);
  });

  it('a refresh refused because another context already renewed the tokens uses theirs and keeps the person signed in', async () => {
    const endpoint = kintoneTokenEndpoint();
    const accepted = 'from-another-context';
    const fake = kintoneFake({ bearer: () => accepted });
    const storage = memoryStore();
    server.use(endpoint.handler);
    await signedIn(storage, NOW - 2 * 3600_000);
    // The worker renewed first (and kintone, were it to rotate refresh tokens, refuses the old one to this panel).
    server.use(
      ...fake.handlers,
      http.post(`https://${DOMAIN}/oauth2/token`, async () => {
        const held = (await readKintoneAuth(storage))!;
        await storage.set(KINTONE_AUTH_KEY, { ...held, accessToken: accepted, refreshToken: 'rotated-by-the-worker', expiresAt: NOW + 3600_000 });
        return HttpResponse.json(oauthInvalidGrant, { status: 400 });
      }),
    );
    const ctx = await createKintoneConnector({ storage, now: () => NOW }).fetchContext(ref, { now: NOW });
    expect(ctx.person.name).toBe('山田 太郎');
    expect(await readKintoneAuth(storage)).toMatchObject({ refreshToken: 'rotated-by-the-worker' });
  });

  it('a token without a scope the API needs (403 CB_OA01) is an auth problem, with kintone’s error id', async () => {
    const endpoint = kintoneTokenEndpoint();
    server.use(endpoint.handler, http.get(`https://${DOMAIN}/k/v1/app/form/fields.json`, () => HttpResponse.json(oauthRejected, { status: 403 })));
    const storage = memoryStore();
    await signedIn(storage);
    const e = await errorOf(readKintoneFormFields({ storage, now: () => NOW }, { appId: '12' }));
    expect(e).toMatchObject({ kind: 'auth', code: 'CB_OA01', correlationId: 'oUvTqZ8m2Ks3PwLcXe4N' });
    expect(endpoint.state.refreshes).toBe(0);
  });

  it('sends no token to a domain that is not kintone’s', async () => {
    const storage = memoryStore();
    await storage.set('baton.kintone.settings', { auth: 'oauth', domain: 'evil.example.com', appId: '12', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    const settings = { auth: 'oauth', domain: 'evil.example.com', appId: '12', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeZone: 'Asia/Tokyo' } as const;
    expect((await errorOf(kintoneAccessToken({ storage }, settings))).code).toBe('UNTRUSTED_HOST');
    expect((await errorOf(signInToKintone({ settings, storage, identity: fakeIdentity().identity }))).code).toBe('UNTRUSTED_HOST');
  });
});
