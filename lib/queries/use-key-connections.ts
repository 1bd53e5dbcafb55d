import { useMemo } from 'react';
import { testHubSpotConnection } from '../connectors/hubspot/hubspot-connector';
import { readHubSpotSettings, readHubSpotStatus, saveHubSpotSettings } from '../connectors/hubspot/settings';
import type { KeyValueStore } from '../connectors/local-store';
import { testMarketoConnection } from '../connectors/marketo/marketo-connector';
import { readMarketoSettings, readMarketoStatus, saveMarketoSettings } from '../connectors/marketo/settings';

/** Where a key-based connection (HubSpot, Marketo) keeps its settings, and fakes for tests. */
export interface KeyConnectionDeps {
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

/**
 * The HubSpot card's actions. A saved token is never handed back to the page: an empty field on save keeps it,
 * a new one replaces it.
 */
export function useHubSpotConnection({ storage, fetchImpl, now = Date.now }: KeyConnectionDeps) {
  return useMemo(
    () => ({
      read: async () => {
        const [settings, status] = await Promise.all([readHubSpotSettings(storage), readHubSpotStatus(storage)]);
        return { connected: settings !== null, timeZone: settings?.timeZone, status };
      },
      save: async ({ token, timeZone }: { token: string; timeZone: string }) => {
        const saved = await readHubSpotSettings(storage);
        await saveHubSpotSettings(storage, { ...saved, accessToken: token.trim() || saved?.accessToken || '', timeZone });
      },
      test: () => testHubSpotConnection({ storage, fetchImpl, now }),
    }),
    [storage, fetchImpl, now],
  );
}

/** The Marketo card's actions; the client secret is kept like HubSpot's token. */
export function useMarketoConnection({ storage, fetchImpl, now = Date.now }: KeyConnectionDeps) {
  return useMemo(
    () => ({
      read: async () => {
        const [settings, status] = await Promise.all([readMarketoSettings(storage), readMarketoStatus(storage)]);
        return {
          settings: settings ? { endpoint: settings.endpoint, clientId: settings.clientId, appHost: settings.appHost, feedbackActivityTypeId: settings.feedbackActivityTypeId } : undefined,
          status,
        };
      },
      save: async (input: { endpoint: string; clientId: string; secret: string; appHost: string; activityId: string }) => {
        const saved = await readMarketoSettings(storage);
        await saveMarketoSettings(storage, {
          endpoint: input.endpoint,
          clientId: input.clientId,
          clientSecret: input.secret.trim() || saved?.clientSecret || '',
          appHost: input.appHost,
          feedbackActivityTypeId: input.activityId.trim() ? Number(input.activityId) : undefined,
        });
      },
      test: () => testMarketoConnection({ storage, fetchImpl, now }),
    }),
    [storage, fetchImpl, now],
  );
}
