import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createDynamicsConnector } from '../../../lib/connectors/dynamics/dynamics-connector';
import { DYNAMICS_AUTH_KEY, saveDynamicsSettings } from '../../../lib/connectors/dynamics/settings';
import { parseBatchResponse } from '../../../lib/connectors/dynamics/batch';
import { ABSENT_FOR_MS } from '../../../lib/connectors/dynamics/journeys';
import { memoryStore } from '../../../lib/connectors/local-store';
import type { RecordRef } from '../../../lib/domain/model';
import { BASE, CLIENT_ID, CONTACT_ID, dataverseFake, ENV, LEAD_ID, TENANT } from './dataverse-msw';
import token from '../../fixtures/dynamics/entra-token.json';
import interactions from '../../fixtures/dynamics/journeys-interactions.json';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const leadRef: RecordRef = { system: 'dynamics', instance: ENV, object: 'lead', id: LEAD_ID };
const contactRef: RecordRef = { system: 'dynamics', instance: ENV, object: 'contact', id: CONTACT_ID };
const { _comment: _, ...tables } = interactions;

async function signedIn() {
  const storage = memoryStore();
  await saveDynamicsSettings(storage, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: ENV });
  await storage.set(DYNAMICS_AUTH_KEY, { version: 1, tenant: TENANT, clientId: CLIENT_ID, refreshToken: 'r', tokens: { [ENV]: { accessToken: token.access_token, expiresAt: NOW + 3_600_000 } } });
  return storage;
}

describe('Dynamics 365: Customer Insights – Journeys interactions', () => {
  it('reads the documented batch answer part by part, a 404 part beside a 200 one', () => {
    const text = readFileSync('tests/fixtures/dynamics/batch-response-journeys-absent.http', 'utf8');
    const parts = parseBatchResponse(text, 'batchresponse_3f2a9c1e-5d7b-4e8a-9c0d-1a2b3c4d5e6f');
    expect(parts.map((p) => p.status)).toEqual([404, 404, 200]);
    expect(parts[0]!.body).toMatchObject({ error: { code: '0x80060888' } });
    expect(parts[2]!.body).toMatchObject({ value: [{ subject: 'Task 1 in batch' }] });
  });

  it('shows the e-mails sent, opened and clicked from real-time journeys on the lead, within two calls', async () => {
    const fake = dataverseFake({ journeys: tables });
    server.use(...fake.handlers);
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const context = await connector.fetchContext(leadRef, { now: NOW });

    expect(fake.requests).toHaveLength(2);
    const batch = fake.requests[1]!;
    expect(batch.url.pathname).toBe('/api/data/v9.2/$batch');
    expect(batch.prefer).toContain('odata.continue-on-error');
    expect(decodeURIComponent(batch.body)).toContain(`GET /api/data/v9.2/msdynmkt_emailopeneds?$filter=msdynmkt_profileid eq '${LEAD_ID}'`);
    // A registration names a contact: not asked on a lead.
    expect(batch.body).not.toContain('msevtmgt_eventregistrations');

    const journey = context.events.filter((e) => e.vendorType?.startsWith('Email'));
    expect(journey.map((e) => [e.type, new Date(e.occurredAt).toISOString()])).toEqual([
      ['email_send', '2026-11-24T02:00:00.000Z'],
      ['email_open', '2026-11-24T05:10:00.000Z'],
      ['email_click', '2026-11-24T05:12:00.000Z'],
    ]);
    expect(journey[2]).toMatchObject({ url: 'https://www.example.com/pricing', asset: '料金を見る' });
    expect(context.warnings.map((w) => w.code)).not.toContain('marketing_interactions_unavailable');
  });

  it('shows a contact’s event registrations with the event’s name', async () => {
    const fake = dataverseFake({ journeys: tables });
    server.use(...fake.handlers);
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const context = await connector.fetchContext(contactRef, { now: NOW });
    expect(decodeURIComponent(fake.requests[1]!.body)).toContain(`msevtmgt_eventregistrations?$select=createdon,_msevtmgt_eventid_value&$filter=_msevtmgt_contactid_value eq ${CONTACT_ID}`);
    expect(context.events.find((e) => e.type === 'event_registered')).toMatchObject({ asset: 'DX セミナー 2026 東京', occurredAt: Date.parse('2026-11-20T09:00:00Z') });
  });

  it('where the tables do not exist the panel still shows, says so once, and stops asking (and warning) for a week', async () => {
    const fake = dataverseFake();
    server.use(...fake.handlers);
    const storage = await signedIn();
    let now = NOW;
    const connector = createDynamicsConnector({ storage, now: () => now });

    const first = await connector.fetchContext(leadRef, { now });
    expect(first.person.name).toBe('佐藤 花子');
    expect(first.warnings).toContainEqual({ code: 'marketing_interactions_unavailable', detail: expect.stringContaining('msdynmkt_emailopened') });
    expect(fake.requests).toHaveLength(2);

    const second = await connector.fetchContext(leadRef, { now });
    expect(fake.requests).toHaveLength(3); // the lead only
    // Journeys usually keeps interactions in its own lake: repeating the warning on every record would be noise.
    expect(second.warnings.map((w) => w.code)).not.toContain('marketing_interactions_unavailable');

    now += ABSENT_FOR_MS + 1;
    await connector.fetchContext(leadRef, { now });
    expect(fake.requests.slice(3).map((r) => r.method)).toEqual(['GET', 'POST']); // asked again after the week
  });

  it('a batch Dataverse refuses as a whole is a warning, never a blank panel', async () => {
    const fake = dataverseFake();
    server.use(http.post(`${BASE}$batch`, () => HttpResponse.json({ error: { code: '0x80040216', message: 'An unexpected error occurred.' } }, { status: 500 })), ...fake.handlers);
    const connector = createDynamicsConnector({ storage: await signedIn(), now: () => NOW });
    const context = await connector.fetchContext(leadRef, { now: NOW });
    expect(context.person.name).toBe('佐藤 花子');
    expect(context.warnings).toContainEqual({ code: 'marketing_interactions_unavailable', detail: expect.stringContaining('An unexpected error occurred') });
  });
});
