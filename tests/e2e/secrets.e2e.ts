import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
// @ts-expect-error -- a plain-JS fake shared with node scripts; its shape is checked by these assertions.
import { createHubSpotFake, HUBSPOT_CONTACT_ID, HUBSPOT_PORTAL_ID, HUBSPOT_TOKEN } from './hubspot-fake.mjs';
// @ts-expect-error -- a plain-JS fake shared with node scripts.
import { createMarketoFake } from './marketo-fake.mjs';
import { en } from '../../lib/i18n/messages-en';
import { launchWithExtension, openPanelAsTab, tabIdShowing, type LaunchedExtension } from './support/browser';
import { startFakeHosts, type Handler } from './support/fake-hosts';
import { vendorPageHandler } from './fixtures/vendor-pages';

/**
 * Issue 15, item 1: from Baton's content-script world on a vendor page, no secret is readable. An install made
 * before the change holds its secrets in storage.local (seeded below exactly as the connectors wrote them);
 * the worker moves them on start, and the HubSpot token is also saved once more through the options page.
 */
const SF_REFRESH = '5Aep861TSESvWeug_e2eRefreshTokenValue';
const SF_ACCESS = '00D5e000000AcmeX!AQ0AQe2eAccessToken';
const MARKETO_TOKEN = 'e2e-legacy-marketo-token:int';

let fake: Awaited<ReturnType<typeof startFakeHosts>>;
let ext: LaunchedExtension;
let hubSeed: Record<string, unknown>;
let mktoSeed: Record<string, { clientSecret?: string }>;

beforeAll(async () => {
  const hub = createHubSpotFake({ now: Date.now() }) as { handle: Handler; storageSeed(): Record<string, unknown> };
  const mkto = createMarketoFake({ now: Date.now() }) as { handle: Handler; storageSeed(): Record<string, { clientSecret?: string }> };
  hubSeed = hub.storageSeed();
  mktoSeed = mkto.storageSeed();
  fake = await startFakeHosts([hub.handle, mkto.handle, vendorPageHandler()]);
  ext = await launchWithExtension({ fakePort: fake.port });
  await ext.worker.evaluate(async (legacy) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } } }).chrome;
    await api.storage.local.set(legacy);
  }, {
    ...hubSeed,
    ...mktoSeed,
    'baton.marketo.token': { endpoint: 'https://123-abc-456.mktorest.com', accessToken: MARKETO_TOKEN, expiresAt: Date.now() + 3_600_000 },
    'baton.salesforce.settings': { version: 1, consumerKey: '3MVG9pRzvMkjMb6lZlt3YjDQwe_E2E_CONSUMER_KEY', loginHostKind: 'production', sessionFallback: false },
    'baton.salesforce.auth': {
      version: 1, kind: 'oauth', accessToken: SF_ACCESS, refreshToken: SF_REFRESH, instanceUrl: 'https://acme.my.salesforce.com',
      loginBase: 'https://login.salesforce.com', clientId: '3MVG9pRzvMkjMb6lZlt3YjDQwe_E2E_CONSUMER_KEY', issuedAt: Date.now(),
    },
  });
});

afterAll(async () => {
  await ext?.close();
  await fake?.close();
});

/** Baton's content-script world in `page` (an isolated world named after the extension), found over CDP. */
async function contentScriptWorld(page: Page): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await ext.context.newCDPSession(page);
  const contexts: { id: number; name: string; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable'); // reports the contexts that already exist
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mine = contexts.find((c) => c.auxData?.type === 'isolated' && (c.origin.includes(ext.extensionId) || c.name === 'Baton'));
    if (mine) return { cdp, contextId: mine.id };
    if (Date.now() > deadline) throw new Error(`No Baton content-script world among ${JSON.stringify(contexts)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function evaluateIn(world: { cdp: CDPSession; contextId: number }, expression: string): Promise<string> {
  const { result, exceptionDetails } = await world.cdp.send('Runtime.evaluate', { expression, contextId: world.contextId, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
  return String(result.value);
}

describe('secrets and the content-script world', () => {
  it('a content script on a vendor page can read no token or client secret, while Baton still uses them', async () => {
    // The HubSpot token saved once more the ordinary way, through the options page.
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    await options.getByLabel(en['connections.hubspot.token']).fill(HUBSPOT_TOKEN as string);
    await options.locator('.vendor-conn').filter({ hasText: en['connections.hubspot.title'] }).getByRole('button', { name: en['connections.hubspot.save'] }).click();
    await options.getByText(en['connections.hubspot.saved']).waitFor({ timeout: 10_000 });
    await options.close();

    const record = await ext.context.newPage();
    await record.goto(`https://app.hubspot.com/contacts/${HUBSPOT_PORTAL_ID as string}/record/0-1/${HUBSPOT_CONTACT_ID as string}`);
    const panel = await openPanelAsTab(ext, await tabIdShowing(ext, HUBSPOT_CONTACT_ID as string));
    // The worker read the token from its new place and HubSpot answered: nobody was signed out.
    await expect.poll(() => panel.locator('h1').first().textContent(), { timeout: 20_000 }).toContain('Halligan');

    const world = await contentScriptWorld(record);
    const local = await evaluateIn(world, 'chrome.storage.local.get(null).then((all) => JSON.stringify(all))');
    const session = await evaluateIn(world, 'chrome.storage.session.get(null).then((all) => JSON.stringify(all), (error) => `refused: ${error.message}`)');
    console.log(`content-script world: storage.local keys ${JSON.stringify(Object.keys(JSON.parse(local)))}; storage.session: ${session.slice(0, 120)}`);

    // The check can see storage.local (non-secret settings are there)…
    expect(local).toContain('baton.salesforce.settings');
    // …and finds no secret in it, nor in storage.session.
    const secrets = [HUBSPOT_TOKEN as string, mktoSeed['baton.marketo.settings']!.clientSecret!, MARKETO_TOKEN, SF_ACCESS, SF_REFRESH];
    for (const secret of secrets) {
      expect(local).not.toContain(secret);
      expect(session).not.toContain(secret);
    }
    expect(local).not.toMatch(/accessToken|refreshToken|clientSecret/);
    await world.cdp.detach();
    await panel.close();
    await record.close();
  });
});
