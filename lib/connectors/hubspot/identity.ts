import type { UserIdentity } from '../../domain/identity';
import { ConnectorError } from '../connector';
import type { HubSpotClient } from './client';
import { accessTokenInfoSchema, ownerSchema } from './list-schemas';

/**
 * Who the listing runs as: the portal (every listed contact's record ref names it) and, for the 'mine' scope, the
 * owner whose contacts are "mine".
 *
 * A private app token belongs to the account, not to a person, but HubSpot's token-info endpoint names the user
 * the token was created by (`userId`); Baton's connection asks each person to paste a token of their own, so that
 * user is the person signed in to Baton. The owner is that user's owner record: `hubspot_owner_id` holds owner
 * ids, not user ids. https://developers.hubspot.com/docs/api/private-apps#view-access-token-information
 * https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide (`idProperty=userId`)
 */
export interface HubSpotIdentity {
  portalId: string;
  userId: string;
}

export async function readIdentity(client: HubSpotClient, signal?: AbortSignal): Promise<HubSpotIdentity> {
  const { accessToken } = await client.settings();
  const info = await client.request({
    method: 'POST',
    path: '/oauth/v2/private-apps/get/access-token-info',
    body: { tokenKey: accessToken },
    schema: accessTokenInfoSchema,
    signal,
    doing: 'reading which account and user the access token belongs to',
  });
  return { portalId: String(info.hubId), userId: String(info.userId) };
}

export async function readOwnerId(client: HubSpotClient, userId: string, signal?: AbortSignal): Promise<string> {
  return (await readOwner(client, userId, signal)).id;
}

/** "Who I am" in HubSpot: the owner record of the token's user (two calls), named as HubSpot's owners list names it. */
export async function readHubSpotUser(client: HubSpotClient, now: number, signal?: AbortSignal): Promise<UserIdentity> {
  const { userId } = await readIdentity(client, signal);
  const owner = await readOwner(client, userId, signal);
  const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || `HubSpot user ${userId}`;
  return { system: 'hubspot', userId: owner.id, name: name.slice(0, 200), ...(owner.email ? { email: owner.email.slice(0, 254) } : {}), checkedAt: now };
}

async function readOwner(client: HubSpotClient, userId: string, signal?: AbortSignal) {
  try {
    const owner = await client.request({
      path: `/crm/v3/owners/${encodeURIComponent(userId)}`,
      query: { idProperty: 'userId' },
      schema: ownerSchema,
      signal,
      doing: "reading the signed-in user's owner record",
    });
    return owner;
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'MISSING_SCOPES') {
      throw new ConnectorError({
        vendor: 'hubspot',
        kind: 'permanent',
        code: error.code,
        correlationId: error.correlationId,
        message: `Listing your own leads needs the crm.objects.owners.read scope: add it to the HubSpot private app and paste the new token.${error.correlationId ? ` (correlation id ${error.correlationId})` : ''}`,
      });
    }
    if (error instanceof ConnectorError && error.kind === 'not-found') {
      throw new ConnectorError({
        vendor: 'hubspot',
        kind: 'permanent',
        code: error.code,
        correlationId: error.correlationId,
        message: `The HubSpot user who created this access token (user ${userId}) is not an owner, so Baton cannot tell which leads are yours. Paste a private app token created by your own HubSpot user, with the crm.objects.owners.read scope.`,
      });
    }
    throw error;
  }
}
