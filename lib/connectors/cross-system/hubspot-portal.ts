import { z } from 'zod';
import { createHubSpotClient, type HubSpotDeps } from '../hubspot/client';

/**
 * The HubSpot portal (Hub) id, needed to name a HubSpot contact found from another system's page (the record
 * ref's instance and its app.hubspot.com link). One call, once per connector lifetime; the token itself
 * does not tell it. https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
 */
const accountDetailsSchema = z.object({
  portalId: z.number().int().positive(),
  uiDomain: z.string().optional(),
});

export function hubspotPortalId(deps: HubSpotDeps): () => Promise<string> {
  const client = createHubSpotClient(deps);
  let known: Promise<string> | null = null;
  return () => {
    known ??= client
      .request({ path: '/account-info/v3/details', schema: accountDetailsSchema, doing: 'reading the portal id' })
      .then((d) => String(d.portalId));
    known.catch(() => {
      known = null;
    });
    return known;
  };
}
