import { fakeBrowser } from 'wxt/testing';
import { browserLocalStore } from '../../../lib/connectors/local-store';
import { readHubSpotSettings, saveHubSpotSettings } from '../../../lib/connectors/hubspot/settings';
import { nextMidnightIn } from '../../../lib/connectors/cross-system/quota-reset';

describe('browserLocalStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps vendor secrets out of browser.storage.local, readable through the store', async () => {
    const store = browserLocalStore();
    await saveHubSpotSettings(store, { accessToken: 'pat-eu1-11111111-2222-3333-4444-555555555555', apiBase: 'https://api-eu1.hubapi.com' });
    const raw = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(raw)).not.toContain('pat-eu1-11111111');
    expect((await readHubSpotSettings(store))?.apiBase).toBe('https://api-eu1.hubapi.com');
    await store.remove('baton.hubspot.settings');
    expect(await readHubSpotSettings(store)).toBeNull();
  });
});

describe('nextMidnightIn', () => {
  it('finds the next midnight in the vendor time zone', () => {
    const now = Date.UTC(2026, 10, 25, 3, 0); // 12:00 in Tokyo, 21:00 the day before in Chicago (CST)
    expect(nextMidnightIn('Asia/Tokyo', now)).toBe(Date.UTC(2026, 10, 25, 15, 0));
    expect(nextMidnightIn('America/Chicago', now)).toBe(Date.UTC(2026, 10, 25, 6, 0));
    expect(nextMidnightIn('UTC', now)).toBe(Date.UTC(2026, 10, 26, 0, 0));
  });
});
