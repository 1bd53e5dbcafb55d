import { setupServer } from 'msw/node';
import { createDynamicsConnector } from '../../../lib/connectors/dynamics/dynamics-connector';
import { DYNAMICS_AUTH_KEY, saveDynamicsSettings } from '../../../lib/connectors/dynamics/settings';
import { dynamicsPartner } from '../../../lib/connectors/cross-system/partners';
import { enrichAcrossSystems } from '../../../lib/connectors/cross-system/enrich-context';
import { memoryStore } from '../../../lib/connectors/local-store';
import type { LeadContext } from '../../../lib/domain/model';
import { CLIENT_ID, dataverseFake, ENV, LEAD_ID, TENANT } from './dataverse-msw';
import token from '../../fixtures/dynamics/entra-token.json';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 10, 25, 3, 0);

/** A Marketo lead page's own context: marketing's view of the same person, known only by e-mail. */
const marketoLead: LeadContext = {
  ref: { system: 'marketo', instance: 'app-ab12.marketo.com', object: 'lead', id: '318581' },
  person: { key: 'hanako.sato@example.co.jp', name: 'Hanako Sato', email: 'Hanako.Sato@example.co.jp', stage: null, attributes: {}, links: [{ ref: { system: 'marketo', instance: 'app-ab12.marketo.com', object: 'lead', id: '318581' } }] },
  events: [{ id: 'marketo:1', source: 'marketo', sourceId: '1', type: 'email_open', occurredAt: NOW - 86_400_000 }],
  activities: [],
  stageChanges: [],
  opportunities: [],
  feedback: [],
  warnings: [],
  fetchedAt: NOW,
  sources: ['marketo'],
};

describe('Dynamics 365 in one person across systems', () => {
  it('a Marketo page finds the Dynamics lead by e-mail and shows sales’ side: first call, status history, owner', async () => {
    const fake = dataverseFake();
    server.use(...fake.handlers);
    const storage = memoryStore();
    await saveDynamicsSettings(storage, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: ENV });
    await storage.set(DYNAMICS_AUTH_KEY, { version: 1, tenant: TENANT, clientId: CLIENT_ID, refreshToken: 'r', tokens: { [ENV]: { accessToken: token.access_token, expiresAt: NOW + 3_600_000 } } });
    const partner = dynamicsPartner(createDynamicsConnector({ storage, now: () => NOW }));

    const merged = await enrichAcrossSystems(marketoLead, [partner], { now: NOW });

    expect(merged.sources).toEqual(expect.arrayContaining(['marketo', 'dynamics']));
    expect(merged.activities.map((a) => a.subject)).toContain('初回架電');
    expect(merged.stageChanges.some((c) => c.source === 'dynamics' && c.vendorValue === '1')).toBe(true);
    expect(merged.person.links.map((l) => l.ref)).toContainEqual({ system: 'dynamics', instance: ENV, object: 'lead', id: LEAD_ID });
    // One look-up by e-mail, one read of the matched lead, one batch for its journeys interactions.
    expect(fake.requests.map((r) => r.url.pathname.replace('/api/data/v9.2/', ''))).toEqual(['leads', `leads(${LEAD_ID})`, '$batch']);
  });
});
