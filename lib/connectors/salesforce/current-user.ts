import { z } from 'zod';
import type { UserIdentity } from '../../domain/identity';
import { ConnectorError } from '../connector';
import { readAuth } from './auth';
import type { SalesforceClient } from './client';
import type { KeyValueStore } from '../local-store';
import { STORAGE_KEYS } from './storage';

/**
 * The signed-in user's id (005…), for "my open leads". The sign-in keeps it from the identity URL; a sign-in
 * made before that (or the session fallback) asks the OpenID Connect UserInfo endpoint once and keeps the
 * answer beside the tokens. https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_userinfo_endpoint.htm
 */
const userInfoSchema = z.object({ user_id: z.string().min(15), organization_id: z.string().optional() });

export async function currentUserId(deps: { storage: KeyValueStore; client: SalesforceClient; fetchImpl?: typeof fetch }): Promise<string> {
  const stored = await readAuth(deps.storage);
  if (stored?.userId) return stored.userId;
  const auth = await deps.client.auth();
  const { body } = await deps.client.request(`${auth.instanceUrl}/services/oauth2/userinfo`);
  const who = userInfoSchema.safeParse(body);
  if (!who.success) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: 'Salesforce: the UserInfo answer names no user_id; "my open leads" cannot be listed. Sign in again from Baton\u2019s options.' });
  }
  if (stored) await deps.storage.set(STORAGE_KEYS.auth, { ...stored, userId: who.data.user_id, orgId: stored.orgId ?? who.data.organization_id });
  return who.data.user_id;
}

/**
 * UserInfo's answer for "who I am": the OpenID Connect claims Salesforce returns for the token's user
 * (`user_id`, `name`, `preferred_username`, `email`).
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_userinfo_endpoint.htm
 */
const userInfoNameSchema = userInfoSchema.extend({
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  email: z.string().optional(),
});

/** The signed-in Salesforce user, named: one UserInfo call (the id is also kept beside the tokens). */
export async function readSalesforceIdentity(deps: { storage: KeyValueStore; client: SalesforceClient }, now: number): Promise<UserIdentity> {
  const auth = await deps.client.auth();
  const { body } = await deps.client.request(`${auth.instanceUrl}/services/oauth2/userinfo`);
  const who = userInfoNameSchema.safeParse(body);
  if (!who.success) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: 'Salesforce: the UserInfo answer names no user_id. Sign in again from Baton\u2019s options.' });
  }
  const stored = await readAuth(deps.storage);
  if (stored && !stored.userId) await deps.storage.set(STORAGE_KEYS.auth, { ...stored, userId: who.data.user_id });
  const name = who.data.name || who.data.preferred_username || who.data.user_id;
  return { system: 'salesforce', userId: who.data.user_id, name: name.slice(0, 200), ...(who.data.email ? { email: who.data.email.slice(0, 254) } : {}), checkedAt: now };
}
