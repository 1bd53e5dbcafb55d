import { createSalesforceConnector } from '../../../lib/connectors/salesforce/connector';
import type { FetchOptions } from '../../../lib/connectors/connector';
import type { Feedback, RecordRef } from '../../../lib/domain/model';
import { connectedStore, withFakeOrg, LEAD_ID } from './fake-org';

// Issue 5, item 6: background refresh pauses above 80% of the org's daily API limit (Sforce-Limit-Info).
const NOW = Date.UTC(2026, 10, 25, 3, 0);
const ref: RecordRef = { system: 'salesforce', instance: 'acme', object: 'Lead', id: LEAD_ID };
const view: FetchOptions = { now: NOW, purpose: 'view' };
const background: FetchOptions = { now: NOW, purpose: 'background' };

const { state } = withFakeOrg();

/** A connector whose last Salesforce answer reported `used` of 15,000 daily requests. */
async function connectorAfterUsage(used: number) {
  state.limitHeader = `api-usage=${used}/15000`;
  const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
  await connector.fetchContext(ref, view);
  state.requests.length = 0;
  return connector;
}

describe('Salesforce: background refresh and the daily API limit', () => {
  it('above 80%, a background refresh makes no request and says which org, how much, and that opening still works', async () => {
    const connector = await connectorAfterUsage(12_001);
    const e = await connector.fetchContext(ref, background).catch((x: unknown) => x);
    expect(state.requests).toHaveLength(0);
    expect(e).toMatchObject({ vendor: 'salesforce', kind: 'quota', code: 'BACKGROUND_PAUSED', retryable: false });
    const message = (e as Error).message;
    expect(message).toContain('"acme"');
    expect(message).toContain('12,001 of its 15,000');
    expect(message).toContain('80%');
    expect(message).toMatch(/Retry still loads it/);
  });

  it('above 80%, a partner look-up made during another system’s background refresh is background too', async () => {
    const connector = await connectorAfterUsage(12_001);
    const lookup = { by: 'email', value: 'taro.yamada@example.co.jp' } as const;
    await expect(connector.findPeople(lookup, background)).rejects.toMatchObject({ code: 'BACKGROUND_PAUSED' });
    expect(state.requests).toHaveLength(0);
    // A person opening the page still gets the look-up.
    await connector.findPeople(lookup, view);
    expect(state.requests.length).toBeGreaterThan(0);
  });

  it('at exactly 80% a background refresh still fetches', async () => {
    const connector = await connectorAfterUsage(12_000);
    const context = await connector.fetchContext(ref, background);
    expect(context.ref.id).toBe(LEAD_ID);
    expect(state.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('below 80% a background refresh fetches', async () => {
    const connector = await connectorAfterUsage(25);
    await connector.fetchContext(ref, background);
    expect(state.requests).toHaveLength(1);
  });

  it('above 80%, a record the user opens (or retries) still loads', async () => {
    const connector = await connectorAfterUsage(14_900);
    const context = await connector.fetchContext(ref, view);
    expect(context.person.name).toBeTruthy();
    expect(state.requests).toHaveLength(1);
    // A fetch that does not say why is a view, as before this option existed.
    await connector.fetchContext(ref, { now: NOW });
    expect(state.requests).toHaveLength(2);
  });

  it('resumes on its own once a later answer shows the usage back under 80% (the daily limit reset)', async () => {
    const connector = await connectorAfterUsage(13_000);
    await expect(connector.fetchContext(ref, background)).rejects.toMatchObject({ code: 'BACKGROUND_PAUSED' });
    state.limitHeader = 'api-usage=40/15000';
    await connector.fetchContext(ref, view);
    await connector.fetchContext(ref, background);
    expect(state.requests).toHaveLength(2);
  });

  it('above 80%, feedback delivery is not held back: the outbox may deliver it even from the background', async () => {
    const connector = await connectorAfterUsage(14_000);
    const feedback: Feedback = {
      id: 'fb_01JDX2Q7-paused',
      ref,
      personKey: 'taro.yamada@example.co.jp',
      verdict: 'good',
      reasonCodes: [],
      by: 'Sato Hanako',
      at: NOW,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: NOW,
    };
    const receipt = await connector.deliverFeedback(feedback, background);
    expect(receipt.alreadyExisted).toBe(false);
    expect(state.tasks).toHaveLength(1);
  });

  it('never knowing the usage (no Sforce-Limit-Info seen yet) does not pause', async () => {
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    await connector.fetchContext(ref, background);
    expect(state.requests).toHaveLength(1);
  });
});
