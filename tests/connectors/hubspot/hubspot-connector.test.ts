import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createHubSpotConnector, testHubSpotConnection } from '../../../lib/connectors/hubspot/hubspot-connector';
import { HUBSPOT_SETTINGS_KEY, readHubSpotStatus, saveHubSpotSettings } from '../../../lib/connectors/hubspot/settings';
import { memoryStore } from '../../../lib/connectors/local-store';
import { ConnectorError } from '../../../lib/connectors/connector';
import type { Feedback, RecordRef, Stage } from '../../../lib/domain/model';
import { API, hubspotFake } from './hubspot-msw';
import tenSecondly from '../../fixtures/hubspot/error-rate-limit-ten-secondly.json';
import daily from '../../fixtures/hubspot/error-rate-limit-daily.json';
import unauthorized from '../../fixtures/hubspot/error-unauthorized.json';
import missingScopes from '../../fixtures/hubspot/error-missing-scopes.json';
import contactsSearch from '../../fixtures/hubspot/contacts-search.json';
import contact from '../../fixtures/hubspot/contact.json';
import { matchPeople } from '../../../lib/connectors/cross-system/match-people';
import { toSalesforceId18 } from '../../../lib/sites/salesforce-id';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const ref: RecordRef = { system: 'hubspot', instance: '62515', object: '0-1', id: '512' };
const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

const STAGES: Record<string, Stage> = { lead: 'inquiry', marketingqualifiedlead: 'mql', salesqualifiedlead: 'sql' };
const stageOf = (_s: string, field: string, value: string) => (field === 'lifecyclestage' ? (STAGES[value] ?? null) : null);

/** Connected, with the token's portal already known (learned once, on the first read after connecting). */
async function connectedStore(opts: { portalKnown?: boolean } = {}) {
  const storage = memoryStore();
  await saveHubSpotSettings(storage, { accessToken: TOKEN });
  if (opts.portalKnown !== false) await storage.set('baton.hubspot.account', { portalId: '62515' });
  return storage;
}

function feedback(over: Partial<Feedback> = {}): Feedback {
  return {
    id: 'fb-0001-aaaa-bbbb', ref, personKey: 'bh@hubspot.com', verdict: 'bad', reasonCodes: ['no_budget'],
    comment: 'Student, <img src=x onerror=alert(1)>', by: 'Aiko Sato', at: NOW, state: 'pending', attempts: 0, nextAttemptAt: NOW,
    ...over,
  };
}

async function errorOf(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

describe('HubSpot connector: pages of another portal', () => {
  const otherPortal: RecordRef = { ...ref, instance: '99999' };

  it('refuses to read or write a contact of another portal with the same id, and says which account is connected', async () => {
    const fake = hubspotFake();
    server.use(...fake.handlers);
    const connector = createHubSpotConnector({ storage: await connectedStore() });
    const read = await errorOf(connector.fetchContext(otherPortal, { now: NOW, stageOf }));
    expect(read).toMatchObject({ vendor: 'hubspot', kind: 'permanent', code: 'PORTAL_MISMATCH' });
    expect(read.message).toMatch(/99999.*62515/);
    const write = await errorOf(connector.deliverFeedback(feedback({ ref: otherPortal }), { now: NOW }));
    expect(write.code).toBe('PORTAL_MISMATCH');
    expect(fake.requests.filter((r) => r.path.startsWith('/crm') || r.path.startsWith('/engagements'))).toEqual([]);
  });

  it("learns the token's portal once, then checks every page against it", async () => {
    const fake = hubspotFake();
    server.use(...fake.handlers);
    const storage = await connectedStore({ portalKnown: false });
    const connector = createHubSpotConnector({ storage });
    await expect(connector.fetchContext(ref, { now: NOW, stageOf })).resolves.toMatchObject({ ref });
    await errorOf(connector.fetchContext(otherPortal, { now: NOW, stageOf }));
    expect(fake.requests.filter((r) => r.path === '/account-info/v3/details')).toHaveLength(1);
    expect(await storage.get('baton.hubspot.account')).toEqual({ portalId: '62515' });
    // A new token may belong to another portal: it is learned again.
    await saveHubSpotSettings(storage, { accessToken: 'pat-na1-99999999-2222-3333-4444-555555555555' });
    expect(await storage.get('baton.hubspot.account')).toBeUndefined();
  });
});

describe('HubSpot connector: reading a contact', () => {
  it('shows the person with stage history, forms, e-mail engagement and sales activity in 3 calls', async () => {
    const fake = hubspotFake();
    server.use(...fake.handlers);
    const connector = createHubSpotConnector({ storage: await connectedStore() });
    const ctx = await connector.fetchContext(ref, { now: NOW, stageOf });

    expect(fake.requests).toHaveLength(3);
    expect(fake.requests.every((r) => r.auth === `Bearer ${TOKEN}`)).toBe(true);

    expect(ctx.person).toMatchObject({ name: 'Brian Halligan', email: 'bh@hubspot.com', key: 'bh@hubspot.com', stage: 'sql', vendorStage: 'salesqualifiedlead', owner: '41629779' });
    expect(ctx.person.attributes).toMatchObject({ industry: 'COMPUTER_SOFTWARE', employees: 5000, title: 'CEO', country: 'Japan', leadSource: 'ORGANIC_SEARCH' });
    expect(ctx.person.links.map((l) => `${l.ref.system}:${l.ref.id}`)).toEqual(['hubspot:512', 'salesforce:00Q5g00000ABCDEFGH']);
    expect(ctx.person.links[0]?.url).toBe('https://app.hubspot.com/contacts/62515/record/0-1/512');

    const lifecycle = ctx.stageChanges.filter((c) => c.id.includes('lifecyclestage'));
    expect(lifecycle.map((c) => [c.vendorValue, c.stage, c.fromVendorValue])).toEqual([
      ['lead', 'inquiry', undefined],
      ['marketingqualifiedlead', 'mql', 'lead'],
      ['salesqualifiedlead', 'sql', 'marketingqualifiedlead'],
    ]);
    expect(lifecycle[1]?.at).toBe(Date.parse('2026-11-18T02:00:05.000Z'));
    expect(lifecycle[2]?.by).toBe('41629779');

    const types = ctx.events.map((e) => e.type);
    expect(types.filter((t) => t === 'form_submit')).toHaveLength(2);
    expect(ctx.events.find((e) => e.type === 'form_submit' && e.asset === 'Pricing demo request')?.occurredAt).toBe(Date.parse('2026-11-18T02:00:00.000Z'));
    // SENT, one real OPEN (the bot-filtered one and DELIVERED are left out), CLICK with its URL.
    expect(types.filter((t) => t.startsWith('email_'))).toEqual(['email_send', 'email_open', 'email_click']);
    expect(ctx.events.find((e) => e.type === 'email_click')?.url).toBe('https://www.example.com/pricing');
    expect(ctx.events.find((e) => e.type === 'page_view')?.url).toBe('https://www.example.com/pricing');

    expect(ctx.activities.map((a) => a.type)).toEqual(['call', 'email', 'meeting', 'note', 'task']);
    expect(ctx.activities[1]).toMatchObject({ subject: 'Follow-up: pricing', by: '41629779', occurredAt: 1763515800000 });
    expect(ctx.sources).toEqual(['hubspot']);
    expect(ctx.warnings).toEqual([]);
  });

  it('reads a contact without `archived` (optional in HubSpot’s own model)', async () => {
    // HubSpot's SimplePublicObject marks `archived` optional; the v3 read of a live contact may leave it out.
    const { archived: _archived, ...withoutArchived } = contact;
    server.use(http.get(`${API}/crm/v3/objects/contacts/:id`, () => HttpResponse.json(withoutArchived)), ...hubspotFake().handlers);
    const ctx = await createHubSpotConnector({ storage: await connectedStore() }).fetchContext(ref, { now: NOW, stageOf });
    expect(ctx.person.email).toBe(contact.properties.email.toLowerCase());
  });

  it('warns when the lifecycle stage is not in the shared definitions', async () => {
    server.use(...hubspotFake().handlers);
    const connector = createHubSpotConnector({ storage: await connectedStore() });
    const ctx = await connector.fetchContext(ref, { now: NOW, stageOf: () => null });
    expect(ctx.warnings).toContainEqual({ code: 'unmapped_stage', detail: 'lifecyclestage=salesqualifiedlead' });
  });

  it('says how to connect when no token is saved, without calling HubSpot', async () => {
    const fake = hubspotFake();
    server.use(...fake.handlers);
    const e = await errorOf(createHubSpotConnector({ storage: memoryStore() }).fetchContext(ref, { now: NOW }));
    expect(e.kind).toBe('not-connected');
    expect(e.message).toMatch(/private app access token/);
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects a token that is not a private app token with a clear message', async () => {
    await expect(saveHubSpotSettings(memoryStore(), { accessToken: 'abc' })).rejects.toThrow(/starts with "pat-"/);
  });

  it('refuses a record that is not a contact', async () => {
    const e = await errorOf(createHubSpotConnector({ storage: await connectedStore() }).fetchContext({ ...ref, object: '0-3' }, { now: NOW }));
    expect(e.kind).toBe('permanent');
    expect(e.message).toMatch(/contacts \(object 0-1\)/);
  });
});

describe('HubSpot connector: finding the person of another system', () => {
  it('looks contacts up by e-mail in one call and lets the matcher pick the one the Salesforce sync linked', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${API}/crm/v3/objects/contacts/search`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(contactsSearch);
      }),
    );
    const people = await createHubSpotConnector({ storage: await connectedStore() }).findPeople({ by: 'email', value: ' BH@HubSpot.com ' }, { now: NOW, portalId: '62515' });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'bh@hubspot.com' }] }] });
    expect(people.map((p) => p.links[0]?.ref.id)).toEqual(['512', '913']);
    const sfLead = { key: 'bh@hubspot.com', name: 'Brian', email: 'bh@hubspot.com', stage: null, attributes: {}, links: [{ ref: { system: 'salesforce' as const, instance: 'acme', object: 'Lead', id: '00Q5g00000ABCDEFGH' } }] };
    const { match, warnings } = matchPeople(sfLead, people);
    expect(match?.links[0]?.ref.id).toBe('512');
    expect(warnings).toEqual([expect.objectContaining({ code: 'possible_duplicate', refs: [expect.objectContaining({ id: '913' })] })]);
  });
});

describe('HubSpot connector: Salesforce ids in both forms', () => {
  it('searches the synced Salesforce id property with the 15- and the 18-character form', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${API}/crm/v3/objects/contacts/search`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(contactsSearch);
      }),
    );
    const id18 = toSalesforceId18('00Q5g00000XyZ12')!;
    const connector = createHubSpotConnector({ storage: await connectedStore() });
    for (const asKnown of ['00Q5g00000XyZ12', id18]) {
      await connector.findPeople({ by: 'salesforceleadid', value: asKnown }, { now: NOW, portalId: '62515' });
    }
    const either = {
      filterGroups: [
        { filters: [{ propertyName: 'salesforceleadid', operator: 'EQ', value: '00Q5g00000XyZ12' }] },
        { filters: [{ propertyName: 'salesforceleadid', operator: 'EQ', value: id18 }] },
      ],
    };
    expect(bodies).toEqual([expect.objectContaining(either), expect.objectContaining(either)]);
  });
});

describe('HubSpot connector: errors and limits', () => {
  it('backs off on a 10-second 429 with the interval from the headers and quotes the correlation id', async () => {
    server.use(
      http.get(`${API}/*`, () =>
        HttpResponse.json(tenSecondly, {
          status: 429,
          headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Max': '190', 'X-HubSpot-RateLimit-Remaining': '0' },
        }),
      ),
    );
    const e = await errorOf(createHubSpotConnector({ storage: await connectedStore(), now: () => NOW }).fetchContext(ref, { now: NOW }));
    expect(e.kind).toBe('rate-limit');
    expect(e.retryAfterMs).toBe(10_000);
    expect(e.correlationId).toBe('c033cdaa-2c40-4a64-ae48-b4cec88dad24');
    expect(e.message).toContain('c033cdaa-2c40-4a64-ae48-b4cec88dad24');
    expect(e.retryable).toBe(true);
  });

  it('makes no call while the 429 interval runs, and calls again after it', async () => {
    let calls = 0;
    let limited = true;
    const fake = hubspotFake();
    server.use(
      http.get(`${API}/*`, () => {
        calls++;
        return limited ? HttpResponse.json(tenSecondly, { status: 429, headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' } }) : undefined;
      }),
      ...fake.handlers,
    );
    let now = NOW;
    const connector = createHubSpotConnector({ storage: await connectedStore(), now: () => now });
    await errorOf(connector.fetchContext(ref, { now }));
    // Let the parallel call that lost the race settle too.
    await new Promise((r) => setTimeout(r, 50));
    const afterFirst = calls;
    now += 5_000;
    const waiting = await errorOf(connector.fetchContext(ref, { now }));
    expect(waiting.kind).toBe('rate-limit');
    expect(waiting.retryAfterMs).toBe(5_000);
    expect(calls).toBe(afterFirst);
    now += 5_001;
    limited = false;
    await expect(connector.fetchContext(ref, { now })).resolves.toMatchObject({ sources: ['hubspot'] });
  });

  it('stops every call until midnight once the daily limit is hit', async () => {
    let calls = 0;
    server.use(http.get(`${API}/*`, () => { calls++; return HttpResponse.json(daily, { status: 429 }); }));
    const storage = await connectedStore();
    const connector = createHubSpotConnector({ storage, now: () => NOW });
    const first = await errorOf(connector.fetchContext(ref, { now: NOW }));
    expect(first.kind).toBe('quota');
    expect(first.code).toBe('DAILY');
    const callsAfterFirst = calls;
    const second = await errorOf(connector.fetchContext(ref, { now: NOW }));
    expect(second.kind).toBe('quota');
    expect(calls).toBe(callsAfterFirst);
    // NOW is 03:00 UTC and the account is on UTC: 21 hours to go.
    expect(second.retryAfterMs).toBe(21 * 60 * 60 * 1000);
  });

  it('remembers the rate-limit headers and stops when the daily remaining count reaches 0', async () => {
    const fake = hubspotFake();
    server.use(
      http.get(`${API}/engagements/v1/engagements/associated/CONTACT/:id/paged`, () =>
        HttpResponse.json({ results: [], hasMore: false, offset: 0 }, { headers: { 'X-HubSpot-RateLimit-Daily': '250000', 'X-HubSpot-RateLimit-Daily-Remaining': '0' } }),
      ),
      ...fake.handlers,
    );
    const storage = await connectedStore();
    const connector = createHubSpotConnector({ storage, now: () => NOW });
    await connector.fetchContext(ref, { now: NOW }).catch(() => undefined);
    const status = await readHubSpotStatus(storage);
    expect(status.dailyStopUntil).toBe(Date.UTC(2026, 10, 26));
    expect(status.rateLimit?.daily).toBeGreaterThan(0);
    const before = fake.requests.length;
    expect((await errorOf(connector.fetchContext(ref, { now: NOW + 1000 }))).kind).toBe('quota');
    expect(fake.requests.length).toBe(before);
  });

  it('tells the user to paste a new token on 401, with the correlation id', async () => {
    server.use(http.get(`${API}/*`, () => HttpResponse.json(unauthorized, { status: 401 })));
    const e = await errorOf(createHubSpotConnector({ storage: await connectedStore() }).fetchContext(ref, { now: NOW }));
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/revoked or rotated/);
    expect(e.message).toContain('a1b2c3d4-e5f6-7890-abcd-ef1234567890');
    expect(e.code).toBe('INVALID_AUTHENTICATION');
  });

  it('names the missing scope problem on 403', async () => {
    server.use(http.get(`${API}/*`, () => HttpResponse.json(missingScopes, { status: 403 })));
    const e = await errorOf(createHubSpotConnector({ storage: await connectedStore() }).fetchContext(ref, { now: NOW }));
    expect(e.kind).toBe('permanent');
    expect(e.message).toMatch(/scope/);
    expect(e.correlationId).toBe('91d2b3a3-6b7f-4c1e-8a71-3d7b0e0b7e42');
  });

  it('reports a contact that does not exist as not-found', async () => {
    server.use(...hubspotFake().handlers);
    const e = await errorOf(createHubSpotConnector({ storage: await connectedStore() }).fetchContext({ ...ref, id: '999' }, { now: NOW }));
    expect(e.kind).toBe('not-found');
    expect(e.message).toContain('not-found-cid');
  });

  it('names the field when HubSpot answers with an unexpected shape', async () => {
    const fake = hubspotFake();
    server.use(http.get(`${API}/crm/v3/objects/contacts/:id`, () => HttpResponse.json({ id: 512, properties: {} })), ...fake.handlers);
    const e = await errorOf(createHubSpotConnector({ storage: await connectedStore() }).fetchContext(ref, { now: NOW }));
    expect(e.kind).toBe('invalid-response');
    expect(e.message).toMatch(/field "id"/);
  });

  it('Test connection reports success and failure', async () => {
    server.use(http.get(`${API}/crm/v3/objects/contacts`, () => HttpResponse.json({ results: [] })));
    expect(await testHubSpotConnection({ storage: await connectedStore() })).toEqual({ ok: true });
    server.use(http.get(`${API}/crm/v3/objects/contacts`, () => HttpResponse.json(unauthorized, { status: 401 })));
    const r = await testHubSpotConnection({ storage: await connectedStore() });
    expect(r.ok).toBe(false);
  });
});

describe('HubSpot connector: feedback notes', () => {
  it('amends the one delivered note in place: a resend updates it again and creates none', async () => {
    const fake = hubspotFake();
    server.use(...fake.handlers);
    const connector = createHubSpotConnector({ storage: await connectedStore() });
    const receipt = await connector.deliverFeedback(feedback(), { now: NOW });
    const amended = feedback({ vendorId: receipt.vendorId, reasonCodes: ['no-budget'], comment: 'Budget next year' });
    expect(await connector.amendFeedback!(amended, { now: NOW + 60_000 })).toEqual({ vendorId: receipt.vendorId, alreadyExisted: true });
    await connector.amendFeedback!(amended, { now: NOW + 120_000 });
    expect(fake.notes).toHaveLength(1);
    expect(fake.notes[0]!.body).toContain('Budget next year');
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/crm/v3/objects/notes')).toHaveLength(1);
  });

  it('creates one note on the contact, with the comment escaped', async () => {
    const fake = hubspotFake();
    server.use(...fake.handlers);
    const receipt = await createHubSpotConnector({ storage: await connectedStore() }).deliverFeedback(feedback(), { now: NOW });
    expect(receipt).toEqual({ vendorId: '8811223344', alreadyExisted: false });
    expect(fake.notes).toHaveLength(1);
    expect(fake.notes[0]?.contactId).toBe('512');
    expect(fake.notes[0]?.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(fake.notes[0]?.body).not.toContain('<img');
  });

  it('does not create a second note when the first response was lost', async () => {
    const fake = hubspotFake();
    let dropped = false;
    server.use(
      http.post(`${API}/crm/v3/objects/notes`, async ({ request }) => {
        if (dropped) return undefined;
        dropped = true;
        // HubSpot stores the note, then the response never arrives.
        const original = fake.handlers.find((h) => h.info.header === `POST ${API}/crm/v3/objects/notes`);
        await original?.run({ request: request.clone(), requestId: 'x' });
        return HttpResponse.error();
      }),
      ...fake.handlers,
    );
    const connector = createHubSpotConnector({ storage: await connectedStore() });
    const lost = await errorOf(connector.deliverFeedback(feedback(), { now: NOW }));
    expect(lost.kind).toBe('transient');
    expect(fake.notes).toHaveLength(1);

    const retry = await connector.deliverFeedback(feedback({ attempts: 1 }), { now: NOW + 60_000 });
    expect(retry).toEqual({ vendorId: fake.notes[0]?.id, alreadyExisted: true });
    expect(fake.notes).toHaveLength(1);
  });

  it('pages through search results (paging.next.after) to find the earlier note', async () => {
    const fake = hubspotFake();
    server.use(...fake.handlers);
    // 25 notes whose token only starts like ours (another feedback id that extends this one), then ours.
    for (let i = 0; i < 25; i++) fake.notes.push({ id: `n${i}`, contactId: '512', body: `<p>batonfeedbackfb0001aaaabbbb${i}</p>` });
    fake.notes.push({ id: 'ours', contactId: '512', body: '<p>batonfeedbackfb0001aaaabbbb</p>' });
    const receipt = await createHubSpotConnector({ storage: await connectedStore() }).deliverFeedback(feedback(), { now: NOW });
    expect(receipt).toEqual({ vendorId: 'ours', alreadyExisted: true });
    expect(fake.requests.filter((r) => r.path.endsWith('/search'))).toHaveLength(2);
    expect(fake.notes).toHaveLength(26);
  });

  /** The POST handler as Chromium's resend makes it look: HubSpot stored a first copy whose answer was lost. */
  function resentCreate(fake: ReturnType<typeof hubspotFake>, copyId = '8811223300') {
    return http.post(`${API}/crm/v3/objects/notes`, async ({ request }) => {
      const body = (await request.clone().json()) as { properties: { hs_note_body: string } };
      if (!fake.notes.some((n) => n.id === copyId)) {
        fake.notes.push({ id: copyId, body: body.properties.hs_note_body, contactId: '512', createdAt: '2026-11-25T02:59:59.000Z' });
      }
      return undefined; // the second transmission reaches the fake's own handler and is answered
    });
  }

  it('keeps exactly one note when the POST was resent below fetch: the oldest stays, the copy is archived', async () => {
    const fake = hubspotFake();
    server.use(resentCreate(fake), ...fake.handlers);
    const receipt = await createHubSpotConnector({ storage: await connectedStore() }).deliverFeedback(feedback(), { now: NOW });
    expect(fake.notes).toHaveLength(2);
    expect(fake.notes.filter((n) => !n.archived).map((n) => n.id)).toEqual(['8811223300']);
    expect(fake.archivedIds).toEqual(['8811223345']);
    expect(receipt).toEqual({ vendorId: '8811223300', alreadyExisted: true });
    // A later attempt of the same click (outbox retry) finds the one note and creates nothing.
    const again = await createHubSpotConnector({ storage: await connectedStore() }).deliverFeedback(feedback({ attempts: 1 }), { now: NOW });
    expect(again).toEqual({ vendorId: '8811223300', alreadyExisted: true });
    expect(fake.notes).toHaveLength(2);
    expect(fake.requests.filter((r) => r.path.endsWith('/batch/archive'))).toHaveLength(1);
  });

  it('waits for the search index to show the new note before reconciling', async () => {
    const fake = hubspotFake();
    server.use(resentCreate(fake), ...fake.handlers);
    // Neither copy is searchable yet; the index catches up after the second wait.
    fake.hiddenFromSearch.add('8811223300').add('8811223345');
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      if (waits.length === 2) fake.hiddenFromSearch.clear();
    };
    const receipt = await createHubSpotConnector({ storage: await connectedStore(), sleep }).deliverFeedback(feedback(), { now: NOW });
    expect(waits).toEqual([1_000, 2_000]);
    expect(receipt).toEqual({ vendorId: '8811223300', alreadyExisted: true });
    expect(fake.notes.filter((n) => !n.archived)).toHaveLength(1);
  });

  it('gives up waiting on a lagging index after 11 s and reports the note it created', async () => {
    const fake = hubspotFake();
    server.use(...fake.handlers);
    fake.hiddenFromSearch.add('8811223344');
    const waits: number[] = [];
    const receipt = await createHubSpotConnector({ storage: await connectedStore(), sleep: async (ms) => void waits.push(ms) }).deliverFeedback(feedback(), { now: NOW });
    expect(waits).toEqual([1_000, 2_000, 4_000, 4_000]);
    expect(receipt).toEqual({ vendorId: '8811223344', alreadyExisted: false });
    expect(fake.archivedIds).toEqual([]);
  });

  it('counts the click as delivered when the token may not archive the copy (403), keeping the oldest as the receipt', async () => {
    const fake = hubspotFake();
    server.use(
      resentCreate(fake),
      http.post(`${API}/crm/v3/objects/notes/batch/archive`, () => HttpResponse.json(missingScopes, { status: 403 })),
      ...fake.handlers,
    );
    const receipt = await createHubSpotConnector({ storage: await connectedStore() }).deliverFeedback(feedback(), { now: NOW });
    expect(receipt).toEqual({ vendorId: '8811223300', alreadyExisted: true });
  });

  it('fails as retryable when archiving the copy hits a server error, and the retry cleans up', async () => {
    const fake = hubspotFake();
    let fail = true;
    server.use(
      resentCreate(fake),
      http.post(`${API}/crm/v3/objects/notes/batch/archive`, () => (fail ? HttpResponse.json({ status: 'error', message: 'internal', correlationId: 'c-500' }, { status: 500 }) : undefined)),
      ...fake.handlers,
    );
    const connector = createHubSpotConnector({ storage: await connectedStore() });
    const e = await errorOf(connector.deliverFeedback(feedback(), { now: NOW }));
    expect(e.retryable).toBe(true);
    fail = false;
    expect(await connector.deliverFeedback(feedback({ attempts: 1 }), { now: NOW + 60_000 })).toEqual({ vendorId: '8811223300', alreadyExisted: true });
    expect(fake.notes.filter((n) => !n.archived).map((n) => n.id)).toEqual(['8811223300']);
  });

  it('never puts the token anywhere but the Authorization header', async () => {
    const fake = hubspotFake();
    server.use(...fake.handlers);
    const storage = await connectedStore();
    await createHubSpotConnector({ storage }).fetchContext(ref, { now: NOW });
    expect(fake.requests.every((r) => !r.path.includes(TOKEN))).toBe(true);
    expect(await storage.get(HUBSPOT_SETTINGS_KEY)).toMatchObject({ accessToken: TOKEN });
  });
});
