import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createDynamicsConnector } from '../../../lib/connectors/dynamics/dynamics-connector';
import { DYNAMICS_AUTH_KEY, DYNAMICS_SETTINGS_KEY, saveDynamicsSettings } from '../../../lib/connectors/dynamics/settings';
import { readDynamicsAuth } from '../../../lib/connectors/dynamics/auth';
import { memoryStore } from '../../../lib/connectors/local-store';
import { ConnectorError } from '../../../lib/connectors/connector';
import { isSecretKey } from '../../../lib/connectors/secret-keys';
import { API_HOST_PERMISSIONS } from '../../../lib/connectors/api-hosts';
import { assessLead } from '../../../lib/domain/assess-lead';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';
import { mapVendorStage } from '../../../lib/domain/definitions/stage-mapping';
import type { Feedback, RecordRef, SystemId } from '../../../lib/domain/model';
import { batchAnswer, CLIENT_ID, CONTACT_ID, dataverseFake, ENV, LEAD_ID, TENANT } from './dataverse-msw';
import lead from '../../fixtures/dynamics/lead.json';
import contact from '../../fixtures/dynamics/contact.json';
import opportunity from '../../fixtures/dynamics/opportunity-originated.json';
import token from '../../fixtures/dynamics/entra-token.json';
import serviceProtection from '../../fixtures/dynamics/error-service-protection.json';
import invalidGrant from '../../fixtures/dynamics/entra-error-invalid-grant.json';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const ref: RecordRef = { system: 'dynamics', instance: ENV, object: 'lead', id: LEAD_ID };
const stageOf = (system: SystemId, field: string, value: string) => mapVendorStage(DEFAULT_DEFINITIONS, system, field, value);

async function signedIn(over: { expiresAt?: number } = {}) {
  const storage = memoryStore();
  await saveDynamicsSettings(storage, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: ENV });
  await storage.set(DYNAMICS_AUTH_KEY, {
    version: 1, tenant: TENANT, clientId: CLIENT_ID, refreshToken: '1.AUoA-refresh-token-one',
    tokens: { [ENV]: { accessToken: token.access_token, expiresAt: over.expiresAt ?? NOW + 3_600_000 } },
  });
  return storage;
}

function setup(options?: Parameters<typeof dataverseFake>[0]) {
  const fake = dataverseFake(options);
  server.use(...fake.handlers);
  return fake;
}

function feedback(over: Partial<Feedback> = {}): Feedback {
  return {
    id: 'fb_0001-aaaa-bbbb', ref, personKey: 'hanako.sato@example.co.jp', verdict: 'bad', reasonCodes: ['no_budget'],
    comment: '予算なし', by: '鈴木 一郎', at: NOW, state: 'pending', attempts: 0, nextAttemptAt: NOW, ...over,
  };
}

async function errorOf(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

describe('Dynamics 365: the lead a salesperson opens', () => {
  it('reads the lead, its activities and the opportunities it originated in one call (a second asks for journeys interactions)', async () => {
    const fake = setup();
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const context = await connector.fetchContext(ref, { now: NOW, stageOf });

    expect(fake.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    const [call] = fake.requests;
    expect(call!.url.pathname).toBe(`/api/data/v9.2/leads(${LEAD_ID})`);
    expect(call!.url.searchParams.get('$expand')).toContain('Lead_ActivityPointers(');
    expect(call!.url.searchParams.get('$expand')).toContain('opportunity_originating_lead(');
    expect(call!.prefer).toContain('OData.Community.Display.V1.FormattedValue');

    expect(context.person).toMatchObject({ name: '佐藤 花子', email: 'hanako.sato@example.co.jp', company: '株式会社サンプル', owner: '鈴木 一郎', stage: 'mql', vendorStage: '1' });
    expect(context.person.attributes).toMatchObject({ leadSource: 'Web', industry: 'Business Services', employees: 850 });
    // The canceled e-mail touched nobody; the scheduled demo is dated when it is planned.
    expect(context.activities.map((a) => [a.type, a.subject])).toEqual([['call', '初回架電'], ['meeting', '製品デモ']]);
    expect(context.events.map((e) => [e.type, e.vendorType])).toEqual([['other', 'Campaign response'], ['form_submit', 'Web']]);
  });

  it('starts the SLA at the lead’s creation and counts the first call as the first touch', async () => {
    setup();
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const context = await connector.fetchContext(ref, { now: NOW, stageOf });
    const judged = assessLead(context, [DEFAULT_DEFINITIONS], NOW);
    expect(judged.handoff?.at).toBe(Date.parse(lead.createdon));
    expect(judged.firstTouch?.subject).toBe('初回架電');
    expect(judged.sla).not.toBeNull();
  });

  it('dates Qualified by the opportunity QualifyLead created, and shows that opportunity', async () => {
    const fake = setup();
    fake.state.leadOverride = { ...lead, statecode: 1, statuscode: 3, modifiedon: '2026-11-27T00:00:00Z', opportunity_originating_lead: [opportunity] };
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const context = await connector.fetchContext(ref, { now: NOW, stageOf });
    expect(context.stageChanges.map((c) => [c.vendorValue, c.stage, new Date(c.at).toISOString()])).toEqual([
      ['1', 'mql', '2026-11-24T01:00:00.000Z'],
      ['3', 'sql', '2026-11-26T04:00:00.000Z'],
    ]);
    expect(context.opportunities).toEqual([
      expect.objectContaining({ name: '株式会社サンプル 基幹刷新', amount: 12000000, currency: 'Japanese Yen', stageName: '1-Qualify', isClosed: false }),
    ]);
  });

  it('reads a contact, with its company and the lead it was qualified from', async () => {
    setup();
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const context = await connector.fetchContext({ ...ref, object: 'contact', id: CONTACT_ID }, { now: NOW, stageOf });
    expect(context.person).toMatchObject({ name: 'Taro Yamada', email: 'taro.yamada@example.com', company: 'Example K.K.' });
    expect(context.person.links.map((l) => l.ref.object)).toEqual(['contact', 'lead']);
  });

  it('refuses other tables and hosts that are not Dynamics environments, before any call', async () => {
    const fake = setup();
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    expect(await errorOf(connector.fetchContext({ ...ref, object: 'account' }, { now: NOW }))).toMatchObject({ code: 'UNSUPPORTED_TABLE' });
    expect(await errorOf(connector.fetchContext({ ...ref, instance: 'evil.example.com' }, { now: NOW }))).toMatchObject({ code: 'UNTRUSTED_HOST' });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('Dynamics 365: errors and limits', () => {
  it('a missing record is not-found, quoting Dataverse’s code and message', async () => {
    setup();
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const e = await errorOf(connector.fetchContext({ ...ref, id: '0f0f0f0f-0000-0000-0000-000000000000' }, { now: NOW }));
    expect(e).toMatchObject({ kind: 'not-found', code: '0x80040217' });
    expect(e.message).toContain('Does Not Exist');
  });

  it('a 429 names the service protection limit, waits its Retry-After, and calls nothing meanwhile', async () => {
    const fake = setup();
    fake.state.nextFailure = { status: 429, body: serviceProtection, headers: { 'Retry-After': '23' } };
    let now = NOW;
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => now });
    const e = await errorOf(connector.fetchContext(ref, { now }));
    expect(e).toMatchObject({ kind: 'rate-limit', code: '0x80072322', retryAfterMs: 23_000 });
    expect(e.message).toContain('number of requests');
    now += 10_000;
    expect(await errorOf(connector.fetchContext(ref, { now }))).toMatchObject({ kind: 'rate-limit', retryAfterMs: 13_000 });
    expect(fake.requests).toHaveLength(1);
    now += 13_000;
    await expect(connector.fetchContext(ref, { now })).resolves.toMatchObject({ person: { name: '佐藤 花子' } });
  });

  it('an expired access token is renewed from the refresh token (rotated) and the call made again', async () => {
    const fake = setup();
    const storage = await signedIn({ expiresAt: NOW - 1 });
    const connector = createDynamicsConnector({ storage, now: () => NOW });
    await connector.fetchContext(ref, { now: NOW });
    const form = fake.tokenForms[0]!;
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe('1.AUoA-refresh-token-one');
    expect(form.get('scope')).toContain(`https://${ENV}/user_impersonation`);
    expect((await readDynamicsAuth(storage))?.refreshToken).toBe('1.AUoA-refresh-token-2');
  });

  it('a refresh token Entra no longer accepts signs the user out and says to sign in again', async () => {
    const fake = setup();
    fake.state.tokenFailure = { status: 400, body: invalidGrant };
    const storage = await signedIn({ expiresAt: NOW - 1 });
    const connector = createDynamicsConnector({ storage, now: () => NOW });
    const e = await errorOf(connector.fetchContext(ref, { now: NOW }));
    expect(e).toMatchObject({ kind: 'auth', code: 'invalid_grant' });
    expect(e.message).toContain('AADSTS700084');
    expect(await readDynamicsAuth(storage)).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });

  it('without sign-in the page says Dynamics 365 is not connected', async () => {
    setup();
    const connector = createDynamicsConnector({ storage: memoryStore(), now: () => NOW });
    expect(await errorOf(connector.fetchContext(ref, { now: NOW }))).toMatchObject({ kind: 'not-connected' });
  });
});

describe('Dynamics 365: feedback becomes one completed task', () => {
  it('one click makes one completed task regarding the lead, read back as delivered feedback', async () => {
    const fake = setup();
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const receipt = await connector.deliverFeedback(feedback(), { now: NOW });
    expect(fake.tasks).toHaveLength(1);
    expect(fake.tasks[0]).toMatchObject({ regarding: LEAD_ID, statecode: 1, statuscode: 5 });
    expect(fake.tasks[0]!.subject).toContain('[baton:fb_0001-aaaa-bbbb]');
    expect(receipt).toEqual({ vendorId: fake.tasks[0]!.activityid, alreadyExisted: false });
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(JSON.parse(post.body)).toMatchObject({ 'regardingobjectid_lead_task@odata.bind': `/leads(${LEAD_ID})` });
    // The marker's `_` and `[` are LIKE wildcards: escaped so only this feedback's task matches.
    expect(fake.requests[0]!.url.searchParams.get('$filter')).toContain("contains(subject,'[[]baton:fb[_]0001-aaaa-bbbb]')");

    const context = await connector.fetchContext(ref, { now: NOW, stageOf });
    expect(context.feedback).toEqual([expect.objectContaining({ id: 'fb_0001-aaaa-bbbb', verdict: 'bad', state: 'sent', vendorId: receipt.vendorId })]);
    expect(context.activities.some((a) => a.subject?.includes('[baton:'))).toBe(false);
  });

  it('a POST sent twice below fetch still leaves exactly one task: the oldest is kept, the twin deleted', async () => {
    const fake = setup();
    fake.state.resendNextCreate = true;
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const receipt = await connector.deliverFeedback(feedback(), { now: NOW });
    expect(fake.tasks).toHaveLength(1);
    expect(receipt).toEqual({ vendorId: fake.tasks[0]!.activityid, alreadyExisted: true });
    expect(fake.tasks[0]!.statecode).toBe(1);
    expect(fake.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('a retry after a lost answer finds the task and creates nothing', async () => {
    const fake = setup();
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const first = await connector.deliverFeedback(feedback(), { now: NOW });
    const before = fake.requests.length;
    const again = await connector.deliverFeedback(feedback({ attempts: 1 }), { now: NOW });
    expect(again).toEqual({ vendorId: first.vendorId, alreadyExisted: true });
    expect(fake.tasks).toHaveLength(1);
    expect(fake.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
  });

  it('on a contact the task is regarding the contact', async () => {
    const fake = setup();
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    await connector.deliverFeedback(feedback({ ref: { ...ref, object: 'contact', id: CONTACT_ID } }), { now: NOW });
    expect(fake.tasks[0]).toMatchObject({ regarding: CONTACT_ID });
  });
});

describe('Dynamics 365: team sync and cross-system identity', () => {
  const many = Array.from({ length: 5 }, (_, i) => ({ ...lead, leadid: `f1b1a6c4-3b8e-ef11-8a6a-00000000000${i}`, emailaddress1: `p${i}@example.com` }));

  it('lists a period page by page through @odata.nextLink, resumable from the cursor', async () => {
    const fake = setup({ leads: many, pageSize: 2 });
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    expect(await connector.listingInstance!()).toBe(ENV);
    const pages = [];
    for await (const page of connector.listContexts!({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1), scope: 'team' }, { now: NOW, stageOf })) pages.push(page);
    // Three pages of leads, then contacts (the fixture contact was qualified from a lead: not listed twice), then
    // the deletion passes' first baseline (leads, contacts).
    expect(pages.map((p) => p.contexts.length)).toEqual([2, 2, 1, 0, 0, 0]);
    expect(pages.map((p) => p.progress.done)).toEqual([2, 4, 5, 5, 5, 5]);
    expect(pages.at(-1)!.cursor).toBeNull();
    expect(pages.reduce((n, p) => n + p.calls, 0)).toBe(6);
    const first = fake.requests[0]!;
    expect(first.url.searchParams.get('$filter')).toBe('((createdon ge 2026-11-01T00:00:00Z and createdon lt 2026-12-01T00:00:00Z) or (modifiedon ge 2026-11-01T00:00:00Z and modifiedon lt 2026-12-01T00:00:00Z))');
    expect(first.prefer).toContain('odata.maxpagesize=200');
    expect(pages[0]!.contexts[0]!.person.stage).toBe('mql');

    // Resume after the first page: the rest, nothing twice.
    const resumed = [];
    for await (const page of connector.listContexts!({ from: 0, to: 1, scope: 'team', cursor: pages[0]!.cursor! }, { now: NOW })) resumed.push(page);
    expect(resumed.flatMap((p) => p.contexts.map((c) => c.ref.id))).toEqual(many.slice(2).map((l) => l.leadid));
  });

  it('"mine" lists the signed-in user’s open leads (WhoAmI)', async () => {
    const fake = setup({ leads: many });
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const pages = [];
    for await (const page of connector.listContexts!({ from: 0, to: NOW, scope: 'mine' }, { now: NOW })) pages.push(page);
    expect(fake.requests[0]!.url.pathname).toMatch(/WhoAmI$/);
    expect(fake.requests[1]!.url.searchParams.get('$filter')).toContain('_ownerid_value eq 7d2e1b0a-5c4f-ef11-a316-000d3a5c1234 and statecode eq 0');
  });

  it('lists contacts who came in as contacts, not those qualified from a lead (counted on the lead)', async () => {
    const fake = setup();
    fake.state.contacts = [{ ...contact, _originatingleadid_value: null, contactid: 'c0000009-3b8e-ef11-8a6a-000d3a5c7b21', emailaddress1: 'direct@example.com' }, contact];
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const pages = [];
    for await (const page of connector.listContexts!({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1), scope: 'mine' }, { now: NOW })) pages.push(page);
    const listed = pages.flatMap((p) => p.contexts.map((c) => `${c.ref.object}:${c.ref.id}`));
    expect(listed).toEqual([`lead:${LEAD_ID}`, 'contact:c0000009-3b8e-ef11-8a6a-000d3a5c7b21']);
    const contactsCall = fake.requests.find((r) => r.url.pathname.endsWith('/contacts'))!;
    expect(contactsCall.url.searchParams.get('$filter')).toContain('_originatingleadid_value eq null');
    expect(contactsCall.url.searchParams.get('$expand')).toContain('Contact_ActivityPointers(');
  });

  it('a lead or contact deleted since the last sync leaves the snapshot (change tracking delta link)', async () => {
    const fake = setup();
    const storage = await signedIn();
    const connector = createDynamicsConnector({ storage, now: () => NOW });
    const run = async () => {
      const pages = [];
      for await (const page of connector.listContexts!({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1), modifiedSince: NOW - 3_600_000, scope: 'team' }, { now: NOW })) pages.push(page);
      return pages;
    };
    expect((await run()).flatMap((p) => p.deleted)).toEqual([]); // the first run takes the baseline
    const tracked = fake.requests.filter((r) => r.prefer?.includes('odata.track-changes'));
    expect(tracked.map((r) => r.url.searchParams.get('$select'))).toEqual(['leadid', 'contactid']);

    fake.state.deleted.leads.push(LEAD_ID);
    fake.state.deleted.contacts.push(CONTACT_ID);
    const second = await run();
    expect(second.flatMap((p) => p.deleted)).toEqual([
      { system: 'dynamics', instance: ENV, object: 'lead', id: LEAD_ID },
      { system: 'dynamics', instance: ENV, object: 'contact', id: CONTACT_ID },
    ]);
    expect(fake.requests.filter((r) => r.url.searchParams.has('$deltatoken'))).toHaveLength(2);
    expect(await storage.get('baton.dynamics.delta')).toMatchObject({ [ENV]: { lead: expect.stringContaining('$deltatoken='), contact: expect.stringContaining('$deltatoken=') } });
  });

  it('where change tracking is off the sync still completes, without deletions', async () => {
    const fake = setup();
    fake.state.untracked.add('leads');
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const pages = [];
    for await (const page of connector.listContexts!({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1), scope: 'team' }, { now: NOW })) pages.push(page);
    expect(pages.at(-1)!.cursor).toBeNull();
    expect(pages.flatMap((p) => p.deleted)).toEqual([]);
    expect(pages.flatMap((p) => p.contexts).map((c) => c.ref.id)).toEqual([LEAD_ID]);
  });

  it('is not listed when not signed in (no call)', async () => {
    const storage = memoryStore();
    await saveDynamicsSettings(storage, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: ENV });
    expect(await createDynamicsConnector({ storage }).listingInstance!()).toBeNull();
  });

  it('finds the same person by e-mail: a lead first, else a contact', async () => {
    const fake = setup();
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const leads = await connector.findPeople('Hanako.Sato@example.co.jp', { now: NOW, stageOf });
    expect(leads.map((p) => p.links[0]!.ref)).toEqual([ref]);
    expect(fake.requests).toHaveLength(1);
    const contacts = await connector.findPeople('taro.yamada@example.com', { now: NOW });
    expect(contacts.map((p) => p.links[0]!.ref.object)).toEqual(['contact']);
  });
});

describe('Dynamics 365: connection settings and secrets', () => {
  it('keeps the tokens under a secret key and asks host access for the environments and Entra ID', async () => {
    expect(isSecretKey(DYNAMICS_AUTH_KEY)).toBe(true);
    expect(isSecretKey(DYNAMICS_SETTINGS_KEY)).toBe(false);
    expect(API_HOST_PERMISSIONS).toEqual(expect.arrayContaining(['https://*.crm7.dynamics.com/*', 'https://login.microsoftonline.com/*']));
  });

  it('refuses a client id that is not a GUID and an environment that is not a Dynamics host', async () => {
    const storage = memoryStore();
    await expect(saveDynamicsSettings(storage, { tenant: TENANT, clientId: 'abc', environmentHost: ENV })).rejects.toThrow(/clientId/);
    await expect(saveDynamicsSettings(storage, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: 'contoso.example.com' })).rejects.toThrow(/environmentHost/);
    const saved = await saveDynamicsSettings(storage, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: `https://${ENV}/main.aspx` });
    expect(saved.environmentHost).toBe(ENV);
  });

  it('a nextLink off the environment is not followed with the token', async () => {
    const fake = setup();
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const e = await errorOf(
      (async () => {
        for await (const page of connector.listContexts!({ from: 0, to: 1, scope: 'team', cursor: JSON.stringify({ next: 'https://evil.example.com/api/data/v9.2/leads', done: 0 }) }, { now: NOW })) void page;
      })(),
    );
    expect(e).toMatchObject({ code: 'UNTRUSTED_LINK' });
    expect(fake.requests).toHaveLength(0);
  });
});


describe('Dynamics 365: a page of another environment of the same tenant', () => {
  it('is read with a token for that page’s host, from the same refresh token, without signing in again', async () => {
    const fake = setup();
    const other = 'contoso-dev.crm7.dynamics.com';
    const seen: (string | null)[] = [];
    server.use(
      http.get(`https://${other}/api/data/v9.2/*`, ({ request }) => {
        seen.push(request.headers.get('Authorization'));
        return HttpResponse.json(lead);
      }),
      http.post(`https://${other}/api/data/v9.2/$batch`, async ({ request }) => batchAnswer(await request.text(), undefined)),
    );
    const storage = await signedIn();
    const connector = createDynamicsConnector({ storage, now: () => NOW });
    const context = await connector.fetchContext({ ...ref, instance: other }, { now: NOW, stageOf });
    expect(context.ref.instance).toBe(other);
    expect(fake.tokenForms).toHaveLength(1);
    expect(fake.tokenForms[0]!.get('scope')).toBe(`https://${other}/user_impersonation offline_access openid profile`);
    expect(seen).toEqual([`Bearer ${token.access_token}.1`]);
    // Both environments' tokens are kept; the configured one is still used for its own pages.
    expect(Object.keys((await readDynamicsAuth(storage))!.tokens).sort()).toEqual([other, ENV].sort());
  });
});
