import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotConnector } from '../../../lib/connectors/hubspot/hubspot-connector';
import { saveHubSpotSettings } from '../../../lib/connectors/hubspot/settings';
import { memoryStore } from '../../../lib/connectors/local-store';
import { createSalesforceConnector } from '../../../lib/connectors/salesforce/connector';
import { identityFor } from '../../../lib/domain/identity';
import userinfo from '../../fixtures/salesforce/userinfo.json';
import owner from '../../fixtures/hubspot/owner.json';
import { fakeClock, hubspotPortalFake } from '../hubspot/hubspot-portal-fake';
import { connectedStore } from '../salesforce/fake-org';
import { createListingOrg } from '../salesforce/fake-list-org';

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('who I am in each system', () => {
  it('Salesforce: the UserInfo user of the token, by name', async () => {
    const org = createListingOrg({ people: [], now: NOW });
    const connector = createSalesforceConnector({ storage: connectedStore(), fetchImpl: org.fetch, now: () => NOW });
    const me = await connector.whoAmI!({ now: NOW });
    expect(me).toEqual({ system: 'salesforce', userId: userinfo.user_id, name: 'Sato Hanako', email: 'sato@acme.example', checkedAt: NOW });
  });

  it('Salesforce: nobody when not signed in, without a call', async () => {
    const org = createListingOrg({ people: [], now: NOW });
    const connector = createSalesforceConnector({ storage: memoryStore(), fetchImpl: org.fetch, now: () => NOW });
    expect(await connector.whoAmI!({ now: NOW })).toBeNull();
  });

  it('HubSpot: the owner record matching the token’s user (owner id, not user id)', async () => {
    server.use(...hubspotPortalFake({ contacts: [] }).handlers);
    const storage = memoryStore();
    await saveHubSpotSettings(storage, { accessToken: 'pat-na1-11111111-2222-3333-4444-555555555555' });
    const clock = fakeClock(NOW);
    const connector = createHubSpotConnector({ storage, now: clock.now, sleep: clock.sleep });
    const me = await connector.whoAmI!({ now: NOW });
    expect(me).toEqual({ system: 'hubspot', userId: owner.id, name: 'Aiko Sato', email: owner.email, checkedAt: NOW });
  });

  it('Marketo and Account Engagement pages count the SFA user', () => {
    const sf = { system: 'salesforce' as const, userId: '005x', name: 'Sato Hanako', checkedAt: NOW };
    const hs = { system: 'hubspot' as const, userId: '41629779', name: 'Aiko Sato', checkedAt: NOW };
    expect(identityFor('marketo', { salesforce: sf, hubspot: hs })?.name).toBe('Sato Hanako');
    expect(identityFor('pardot', { hubspot: hs })?.name).toBe('Aiko Sato');
    expect(identityFor('hubspot', { salesforce: sf, hubspot: hs })?.name).toBe('Aiko Sato');
    expect(identityFor('salesforce', { hubspot: hs })).toBeNull();
  });
});
