import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createMarketoConnector, testMarketoConnection } from '../../../lib/connectors/marketo/marketo-connector';
import { MARKETO_TOKEN_KEY, readMarketoStatus, saveMarketoSettings } from '../../../lib/connectors/marketo/settings';
import { memoryStore, type KeyValueStore } from '../../../lib/connectors/local-store';
import { ConnectorError } from '../../../lib/connectors/connector';
import type { Feedback, RecordRef, Stage } from '../../../lib/domain/model';
import { ENDPOINT, marketoFake } from './marketo-msw';
import e601 from '../../fixtures/marketo/error-601.json';
import e602 from '../../fixtures/marketo/error-602.json';
import e606 from '../../fixtures/marketo/error-606.json';
import e607 from '../../fixtures/marketo/error-607.json';
import e615 from '../../fixtures/marketo/error-615.json';
import e1004 from '../../fixtures/marketo/error-1004.json';
import invalidClient from '../../fixtures/marketo/token-invalid-client.json';
import guidOnly from '../../fixtures/marketo/activities-guid-only.json';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const ref: RecordRef = { system: 'marketo', instance: 'app-ab12.marketo.com', object: 'lead', id: '318581' };
const STAGES: Record<string, Stage> = { Open: 'inquiry', MQL: 'mql' };
const stageOf = (_s: string, _f: string, v: string) => STAGES[v] ?? null;
const SETTINGS = { endpoint: 'https://123-ABC-456.mktorest.com/rest', clientId: 'a1b2c3d4-client', clientSecret: 'secret-secret-secret' };

async function store(opts: { token?: boolean; types?: boolean; feedbackActivityTypeId?: number; appHost?: string | null } = {}): Promise<KeyValueStore> {
  const storage = memoryStore();
  // Paired with the pod host of `ref` unless a test says otherwise (null: not paired).
  const appHost = opts.appHost === undefined ? 'app-ab12.marketo.com' : (opts.appHost ?? undefined);
  await saveMarketoSettings(storage, { ...SETTINGS, appHost, feedbackActivityTypeId: opts.feedbackActivityTypeId });
  if (opts.token) await storage.set(MARKETO_TOKEN_KEY, { endpoint: ENDPOINT, accessToken: 'cached:int', expiresAt: NOW + 3_000_000 });
  if (opts.types) await storage.set('baton.marketo.activityTypes', { endpoint: ENDPOINT, fetchedAt: NOW - 1000, types: [{ id: 1, name: 'Visit Webpage' }, { id: 46, name: 'Interesting Moment' }] });
  return storage;
}

async function errorOf(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

const noSleep = async () => undefined;

describe('Marketo connector: reading a lead', () => {
  it('shows the lead with its engagement, status history and interesting moments', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    const connector = createMarketoConnector({ storage: await store({ token: true, types: true }), now: () => NOW, sleep: noSleep });
    const ctx = await connector.fetchContext(ref, { now: NOW, stageOf });

    expect(ctx.person).toMatchObject({ name: 'Taro Yamada', email: 'taro.yamada@example.co.jp', stage: 'mql', vendorStage: 'MQL', title: '情報システム部長' });
    expect(ctx.person.attributes).toMatchObject({ industry: 'Manufacturing', employees: 1200, country: 'Japan', leadSource: 'Webinar' });
    expect(ctx.person.links[0]?.url).toBe('https://app-ab12.marketo.com/leadDatabase/loadLeadDetail?leadId=318581');
    expect(ctx.person.links[1]?.ref).toMatchObject({ system: 'salesforce', object: 'Lead', id: '00Q5g00000XYZ12EAA' });

    // Both pages read (moreResult true, then false), in time order.
    expect(ctx.events.map((e) => e.type)).toEqual(['page_view', 'form_submit', 'email_open', 'email_click', 'webinar_attended', 'other']);
    expect(ctx.events[0]).toMatchObject({ id: 'marketo:102988', vendorType: 'Visit Webpage', url: '/pricing.html', asset: 'pricing.html' });
    expect(ctx.events[3]?.url).toBe('https://www.example.com/webinar');
    const moment = ctx.events.find((e) => e.interesting);
    expect(moment).toMatchObject({ vendorType: 'Interesting Moment', asset: 'Attended webinar: 2026-11 Webinar SFA' });

    expect(ctx.stageChanges).toEqual([
      expect.objectContaining({ vendorValue: 'MQL', fromVendorValue: 'Open', stage: 'mql', reason: 'Score threshold', at: Date.parse('2026-11-10T01:06:00Z') }),
    ]);
    expect(ctx.sources).toEqual(['marketo']);

    const acts = fake.requests.filter((r) => r.path === '/rest/v1/activities.json');
    expect(acts[0]?.query.get('leadIds')).toBe('318581');
    expect(acts[0]?.query.get('activityTypeIds')?.split(',').length).toBeLessThanOrEqual(10);
    expect(fake.requests.every((r) => r.auth === 'Bearer cached:int')).toBe(true);
    expect(fake.requests.every((r) => !r.query.has('access_token'))).toBe(true);
  });

  it('takes marketoGUID as the identity when id is absent, reads +0000 offsets, and never dates an event 1970', async () => {
    const fake = marketoFake({ onePage: true });
    // Adobe is replacing the numeric id with marketoGUID; and an activityDate nobody can read.
    const unreadable = { ...guidOnly.result[0]!, marketoGUID: '103122', activityDate: 'not a date' };
    server.use(
      http.get(`${ENDPOINT}/rest/v1/activities.json`, () => HttpResponse.json({ ...guidOnly, result: [...guidOnly.result, unreadable] })),
      ...fake.handlers,
    );
    const connector = createMarketoConnector({ storage: await store({ token: true, types: true }), now: () => NOW, sleep: noSleep });
    const ctx = await connector.fetchContext(ref, { now: NOW, stageOf });
    expect(ctx.events.map((e) => [e.id, e.type, e.occurredAt])).toEqual([
      ['marketo:103120', 'page_view', Date.UTC(2026, 10, 20, 1, 0)],
      ['marketo:103121', 'form_submit', Date.UTC(2026, 10, 20, 1, 5)],
    ]);
    expect(ctx.warnings).toContainEqual({ code: 'unreadable_date', detail: 'Marketo activityDate (1)' });
  });

  it('makes at most 3 calls for an uncached view when the token and types are cached (one activity page)', async () => {
    const fake = marketoFake({ onePage: true });
    server.use(...fake.handlers);
    const connector = createMarketoConnector({ storage: await store({ token: true, types: true }), now: () => NOW });
    await connector.fetchContext(ref, { now: NOW });
    expect(fake.requests.map((r) => r.path).sort()).toEqual(['/rest/v1/activities.json', '/rest/v1/activities/pagingtoken.json', '/rest/v1/lead/318581.json']);
  });

  it('gets a token once and reuses it until it expires', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    const storage = await store({ types: true });
    let now = NOW;
    const connector = createMarketoConnector({ storage, now: () => now });
    await connector.fetchContext(ref, { now });
    await connector.fetchContext(ref, { now });
    expect(fake.tokensIssued).toBe(1);
    now += 3_600_000;
    await connector.fetchContext(ref, { now });
    expect(fake.tokensIssued).toBe(2);
  });

  it('renews the token on 601 and on 602, then succeeds', async () => {
    for (const err of [e601, e602]) {
      const fake = marketoFake();
      server.use(...fake.handlers);
      fake.failNext('/rest/v1/lead/318581.json', err);
      const connector = createMarketoConnector({ storage: await store({ token: true, types: true }), now: () => NOW });
      const ctx = await connector.fetchContext(ref, { now: NOW });
      expect(ctx.person.name).toBe('Taro Yamada');
      expect(fake.tokensIssued).toBe(1);
      const leadCalls = fake.requests.filter((r) => r.path === '/rest/v1/lead/318581.json');
      expect(leadCalls.map((r) => r.auth)).toEqual(['Bearer cached:int', 'Bearer token-1:int']);
    }
  });

  it('gives up with an auth error when a fresh token is refused too', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    fake.failNext('/rest/v1/lead/318581.json', e601, e601);
    const e = await errorOf(createMarketoConnector({ storage: await store({ token: true, types: true }), now: () => NOW }).fetchContext(ref, { now: NOW }));
    expect(e.kind).toBe('auth');
    expect(e.code).toBe('601');
  });

  it('backs off and retries on 606 and 615', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    fake.failNext('/rest/v1/lead/318581.json', e606, e615);
    const waits: number[] = [];
    const connector = createMarketoConnector({ storage: await store({ token: true, types: true }), now: () => NOW, sleep: async (ms) => { waits.push(ms); } });
    const ctx = await connector.fetchContext(ref, { now: NOW });
    expect(ctx.person.email).toBe('taro.yamada@example.co.jp');
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
  });

  it('reports a rate limit with its code when 606 persists', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    fake.failNext('/rest/v1/lead/318581.json', e606, e606, e606);
    const e = await errorOf(createMarketoConnector({ storage: await store({ token: true, types: true }), now: () => NOW, sleep: noSleep }).fetchContext(ref, { now: NOW }));
    expect(e.kind).toBe('rate-limit');
    expect(e.retryAfterMs).toBe(20_000);
    expect(e.message).toMatch(/Marketo error 606/);
    expect(e.message).toContain('8f12#16b5d9e4a11');
  });

  it('stops every call after 607 until midnight US Central', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    fake.failNext('/rest/v1/lead/318581.json', e607);
    const storage = await store({ token: true, types: true });
    const connector = createMarketoConnector({ storage, now: () => NOW, sleep: noSleep });
    const e = await errorOf(connector.fetchContext(ref, { now: NOW }));
    expect(e.kind).toBe('quota');
    expect(e.code).toBe('607');
    // 03:00 UTC on Nov 25 is 21:00 CST on Nov 24: three hours to go.
    expect(e.retryAfterMs).toBe(3 * 60 * 60 * 1000);
    const before = fake.requests.length;
    expect((await errorOf(connector.fetchContext(ref, { now: NOW }))).kind).toBe('quota');
    expect(fake.requests.length).toBe(before);
    expect((await readMarketoStatus(storage)).quotaStopUntil).toBe(NOW + 3 * 60 * 60 * 1000);
  });

  it('reports a missing lead as not-found with its code', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    fake.failNext('/rest/v1/lead/318581.json', e1004);
    const e = await errorOf(createMarketoConnector({ storage: await store({ token: true, types: true }), now: () => NOW }).fetchContext(ref, { now: NOW }));
    expect(e.kind).toBe('not-found');
    expect(e.message).toContain('Marketo error 1004');
    const empty = await errorOf(createMarketoConnector({ storage: await store({ token: true, types: true }), now: () => NOW }).fetchContext({ ...ref, id: '42' }, { now: NOW }));
    expect(empty.kind).toBe('not-found');
  });

  it('says the client id or secret is wrong when the identity service refuses them', async () => {
    server.use(http.post(`${ENDPOINT}/identity/oauth/token`, () => HttpResponse.json(invalidClient, { status: 401 })));
    const e = await errorOf(createMarketoConnector({ storage: await store({ types: true }), now: () => NOW }).fetchContext(ref, { now: NOW }));
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/Client Id \/ Client Secret/);
    expect(e.message).toContain('Bad client credentials');
  });

  it('posts the client secret in a form body, never in the URL', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    await createMarketoConnector({ storage: await store({ types: true }), now: () => NOW }).fetchContext(ref, { now: NOW });
    const identity = fake.requests.filter((r) => r.path === '/identity/oauth/token');
    expect(identity).toHaveLength(1);
    expect(identity[0]).toMatchObject({ method: 'POST', contentType: 'application/x-www-form-urlencoded' });
    expect([...identity[0]!.query.keys()]).toEqual([]);
    expect(identity[0]!.form?.get('client_secret')).toBe(SETTINGS.clientSecret);
    expect(identity[0]!.form?.get('client_id')).toBe(SETTINGS.clientId);
    expect(fake.requests.every((r) => !r.query.toString().includes(SETTINGS.clientSecret))).toBe(true);
  });

  it('explains a bad endpoint in the settings', async () => {
    await expect(saveMarketoSettings(memoryStore(), { ...SETTINGS, endpoint: 'https://evil.example.com/rest' })).rejects.toThrow(/field "endpoint".*Web Services/);
  });

  it('Test connection loads and caches the activity types', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    const storage = await store();
    const r = await testMarketoConnection({ storage, now: () => NOW });
    expect(r).toEqual({ ok: true, activityTypes: 6 });
    const connector = createMarketoConnector({ storage, now: () => NOW });
    const before = fake.requests.length;
    await connector.fetchContext(ref, { now: NOW });
    expect(fake.requests.slice(before).some((r) => r.path.endsWith('types.json'))).toBe(false);
  });

  it('finds leads by e-mail for cross-system matching', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    const people = await createMarketoConnector({ storage: await store({ token: true }), now: () => NOW }).findPeople(
      { by: 'email', value: 'Taro.Yamada@example.co.jp' },
      { now: NOW, instance: 'app-ab12.marketo.com' },
    );
    expect(people.map((p) => p.links[0]?.ref.id)).toEqual(['318581', '402211']);
    expect(fake.requests.at(-1)?.query.get('filterType')).toBe('email');
  });
});

describe('Marketo connector: which instance a page belongs to', () => {
  const fbOn = (r: RecordRef): Feedback => ({ id: 'fb-0002-aaaa-bbbb', ref: r, personKey: 'taro.yamada@example.co.jp', verdict: 'bad', reasonCodes: [], by: 'Aiko', at: NOW, state: 'pending', attempts: 0, nextAttemptAt: NOW });

  it('a page at another Marketo host than the paired one is refused before any call: nothing shown, nothing written', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    const connector = createMarketoConnector({ storage: await store({ token: true, types: true, feedbackActivityTypeId: 100001 }), now: () => NOW, sleep: noSleep });
    const other = { ...ref, instance: 'app-cd34.marketo.com' };
    const read = await errorOf(connector.fetchContext(other, { now: NOW, stageOf }));
    expect(read).toMatchObject({ kind: 'permanent', code: 'INSTANCE_MISMATCH' });
    expect(read.message).toMatch(/app-cd34\.marketo\.com.*paired with app-ab12\.marketo\.com/);
    const write = await errorOf(connector.deliverFeedback(fbOn(other), { now: NOW }));
    expect(write.code).toBe('INSTANCE_MISMATCH');
    expect(fake.requests).toHaveLength(0);
  });

  it('not paired: the lead is shown with a warning naming the host, and feedback is not written there', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    const connector = createMarketoConnector({ storage: await store({ token: true, types: true, feedbackActivityTypeId: 100001, appHost: null }), now: () => NOW, sleep: noSleep });
    const ctx = await connector.fetchContext(ref, { now: NOW, stageOf });
    expect(ctx.person.name).toBe('Taro Yamada');
    expect(ctx.warnings).toContainEqual({ code: 'unpaired_instance', detail: 'app-ab12.marketo.com' });
    const before = fake.requests.length;
    const write = await errorOf(connector.deliverFeedback(fbOn(ref), { now: NOW }));
    expect(write).toMatchObject({ kind: 'permanent', code: 'NOT_PAIRED' });
    expect(write.message).toMatch(/Options › Connections › Marketo/);
    expect(fake.requests).toHaveLength(before);
  });

  it('a lead found from another system’s page (named by the Munchkin id) needs no pairing', async () => {
    const fake = marketoFake();
    server.use(...fake.handlers);
    const connector = createMarketoConnector({ storage: await store({ token: true, types: true, appHost: null }), now: () => NOW, sleep: noSleep });
    const ctx = await connector.fetchContext({ ...ref, instance: '123-abc-456' }, { now: NOW, stageOf });
    expect(ctx.warnings.map((w) => w.code)).not.toContain('unpaired_instance');
  });

  it.each([
    ['app-ab12.marketo.com', 'app-ab12.marketo.com'],
    ['https://App-AB12.marketo.com/#ML0A1ZN2', 'app-ab12.marketo.com'],
    ['  app-lon04.marketo.com/leadDatabase/loadLeadDetail?leadId=1 ', 'app-lon04.marketo.com'],
  ])('the app address %s is kept as %s', async (input, host) => {
    const storage = memoryStore();
    expect((await saveMarketoSettings(storage, { ...SETTINGS, appHost: input })).appHost).toBe(host);
  });

  it.each(['evil.example.com', 'http://app-ab12.marketo.com', 'https://123-ABC-456.mktorest.com/rest'])('refuses %s as the app address, saying what to enter', async (input) => {
    await expect(saveMarketoSettings(memoryStore(), { ...SETTINGS, appHost: input })).rejects.toThrow(/appHost.*app-ab12\.marketo\.com/);
  });
});

describe('Marketo connector: feedback', () => {
  const fb: Feedback = { id: 'fb-0001-aaaa-bbbb', ref, personKey: 'taro.yamada@example.co.jp', verdict: 'good', reasonCodes: [], by: 'Aiko', at: NOW, state: 'pending', attempts: 0, nextAttemptAt: NOW };

  it('refuses with what to configure when no custom activity is set up', async () => {
    const e = await errorOf(createMarketoConnector({ storage: await store({ token: true }), now: () => NOW }).deliverFeedback(fb, { now: NOW }));
    expect(e.kind).toBe('permanent');
    expect(e.message).toMatch(/custom activity/);
    expect(e.message).toMatch(/Salesforce record/);
  });

  it('writes a custom activity once, and finds it instead of writing again', async () => {
    const fake = marketoFake();
    const written: unknown[] = [];
    server.use(
      http.post(`${ENDPOINT}/rest/v1/activities/external.json`, async ({ request }) => {
        written.push(await request.json());
        return HttpResponse.json({ requestId: 'w#1', success: true, result: [{ id: 9001, status: 'added' }] });
      }),
      http.get(`${ENDPOINT}/rest/v1/activities.json`, ({ request }) => {
        const typeIds = new URL(request.url).searchParams.get('activityTypeIds');
        const result = written.length && typeIds === '100001'
          ? [{ id: 9001, leadId: 318581, activityDate: '2026-11-25T03:00:00Z', activityTypeId: 100001, primaryAttributeValue: fb.id, attributes: [] }]
          : [];
        return HttpResponse.json({ requestId: 'a#1', success: true, result, nextPageToken: 'T', moreResult: false });
      }),
      ...fake.handlers,
    );
    const connector = createMarketoConnector({ storage: await store({ token: true, feedbackActivityTypeId: 100001 }), now: () => NOW });
    expect(await connector.deliverFeedback(fb, { now: NOW })).toEqual({ vendorId: '9001', alreadyExisted: false });
    expect(await connector.deliverFeedback(fb, { now: NOW })).toEqual({ vendorId: '9001', alreadyExisted: true });
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ input: [{ leadId: 318581, activityTypeId: 100001, primaryAttributeValue: fb.id }] });
  });

  it('names the oldest activity when the POST was resent below fetch and Marketo added it twice (copies cannot be deleted)', async () => {
    const fake = marketoFake();
    const stored: { id: number; leadId: number; activityDate: string; activityTypeId: number; primaryAttributeValue: string; attributes: [] }[] = [];
    server.use(
      http.post(`${ENDPOINT}/rest/v1/activities/external.json`, async ({ request }) => {
        const body = (await request.json()) as { input: { leadId: number; activityDate: string; activityTypeId: number; primaryAttributeValue: string }[] };
        const input = body.input[0]!;
        // The first transmission was stored and its answer lost; the resent one is answered.
        for (const id of [9001, 9002]) stored.push({ id, ...input, attributes: [] });
        return HttpResponse.json({ requestId: 'w#1', success: true, result: [{ id: 9002, status: 'added' }] });
      }),
      http.get(`${ENDPOINT}/rest/v1/activities.json`, ({ request }) => {
        const typeIds = new URL(request.url).searchParams.get('activityTypeIds');
        return HttpResponse.json({ requestId: 'a#1', success: true, result: typeIds === '100001' ? stored : [], nextPageToken: 'T', moreResult: false });
      }),
      ...fake.handlers,
    );
    const connector = createMarketoConnector({ storage: await store({ token: true, feedbackActivityTypeId: 100001 }), now: () => NOW });
    expect(await connector.deliverFeedback(fb, { now: NOW })).toEqual({ vendorId: '9001', alreadyExisted: true });
    // Every later attempt names the same one and writes nothing.
    expect(await connector.deliverFeedback(fb, { now: NOW })).toEqual({ vendorId: '9001', alreadyExisted: true });
    expect(stored).toHaveLength(2);
  });
});
