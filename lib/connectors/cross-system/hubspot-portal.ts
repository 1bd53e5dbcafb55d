import { z } from 'zod';
import { createHubSpotClient, type HubSpotDeps } from '../hubspot/client';
// The portal of the saved token, kept beside the settings (not a secret); saving another token forgets it.
import { HUBSPOT_ACCOUNT_KEY } from '../hubspot/settings';

/**
 * The HubSpot portal (Hub) id, needed to name a HubSpot contact found from another system's page (the record
 * ref's instance and its app.hubspot.com link). One call, once per connector lifetime; the token itself
 * does not tell it. https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
 */
const accountDetailsSchema = z.object({
  portalId: z.number().int().positive(),
  uiDomain: z.string().optional(),
});

const storedAccountSchema = z.object({ portalId: z.string().regex(/^\d+$/) });

export function hubspotPortalId(deps: HubSpotDeps): () => Promise<string> {
  const client = createHubSpotClient(deps);
  let known: Promise<string> | null = null;
  const lookUp = async () => {
    const stored = storedAccountSchema.safeParse(await deps.storage.get(HUBSPOT_ACCOUNT_KEY));
    if (stored.success) return stored.data.portalId;
    const details = await client.request({ path: '/account-info/v3/details', schema: accountDetailsSchema, doing: 'reading the portal id' });
    const portalId = String(details.portalId);
    await deps.storage.set(HUBSPOT_ACCOUNT_KEY, { portalId });
    return portalId;
  };
  return () => {
    known ??= lookUp();
    known.catch(() => {
      known = null;
    });
    return known;
  };
}
