import { z } from 'zod';
import { ConnectorError } from '../connector';
import type { SalesforceClient } from './client';
import { PARDOT_FIELDS, queryPath } from './queries';
import { versionsSchema } from './schemas';
import { type KeyValueStore } from '../local-store';
import { STORAGE_KEYS } from './storage';

/**
 * Facts about the connected org, learnt once at connect time and cached per instance so a record view
 * costs one call: the newest API version it supports, and whether the Account Engagement package fields exist.
 */
export const orgFactsSchema = z.object({
  instanceUrl: z.string(),
  apiVersion: z.string().regex(/^\d+\.\d+$/),
  pardotFields: z.boolean(),
  checkedAt: z.number(),
});
export type OrgFacts = z.infer<typeof orgFactsSchema>;

/** Re-check the version list weekly: Salesforce ships three releases a year. */
export const ORG_FACTS_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Highest version, compared numerically ("100.0" > "64.0"). */
export function newestVersion(versions: { version: string }[]): string {
  return versions.map((v) => v.version).sort((a, b) => Number(b) - Number(a))[0]!;
}

export async function readOrgFacts(storage: KeyValueStore, instanceUrl: string): Promise<OrgFacts | null> {
  const parsed = orgFactsSchema.safeParse(await storage.get(STORAGE_KEYS.org));
  return parsed.success && parsed.data.instanceUrl === instanceUrl ? parsed.data : null;
}

export async function discoverOrgFacts(client: SalesforceClient, storage: KeyValueStore, now: number): Promise<OrgFacts> {
  const auth = await client.auth();
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_versions.htm
  const { body } = await client.request('/services/data/');
  const versions = versionsSchema.safeParse(body);
  if (!versions.success) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: 'Salesforce: the API version list (/services/data/) has an unexpected shape.' });
  }
  const apiVersion = newestVersion(versions.data);
  let pardotFields = false;
  try {
    await client.request(queryPath(apiVersion, `SELECT ${PARDOT_FIELDS.join(', ')} FROM Lead LIMIT 1`));
    pardotFields = true;
  } catch (e) {
    // INVALID_FIELD: the Account Engagement package is not installed (or its fields are hidden from this user).
    if (!(e instanceof ConnectorError) || e.code !== 'INVALID_FIELD') throw e;
  }
  const facts: OrgFacts = { instanceUrl: auth.instanceUrl, apiVersion, pardotFields, checkedAt: now };
  await storage.set(STORAGE_KEYS.org, facts);
  return facts;
}

export async function orgFacts(client: SalesforceClient, storage: KeyValueStore, now: number): Promise<OrgFacts> {
  const auth = await client.auth();
  const cached = await readOrgFacts(storage, auth.instanceUrl);
  if (cached && now - cached.checkedAt < ORG_FACTS_TTL_MS) return cached;
  return discoverOrgFacts(client, storage, now);
}
