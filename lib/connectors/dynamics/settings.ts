import { z } from 'zod';
import type { KeyValueStore } from '../local-store';
import { isDynamicsEnvironmentHost } from './api-hosts';
import { customerHostsFor, isWellFormedHost } from '../customer-hosts';

/**
 * What options saves for Dynamics 365 (`baton.dynamics.settings`, storage.local: nothing secret). The app
 * registration is a public client (no secret: an extension cannot keep one), so the tenant and the application
 * (client) id are all Baton needs; the tokens live apart, in the secrets database (`baton.dynamics.auth`, auth.ts).
 * https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app
 */
export const DYNAMICS_SETTINGS_KEY = 'baton.dynamics.settings';
export const DYNAMICS_AUTH_KEY = 'baton.dynamics.auth';
/** Last throttling answer (service protection limits), for the options card. Not secret. */
export const DYNAMICS_STATUS_KEY = 'baton.dynamics.status';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A tenant is its GUID or one of its verified domains (contoso.onmicrosoft.com, contoso.co.jp). */
const TENANT_DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const dynamicsSettingsSchema = z.object({
  version: z.literal(1).default(1),
  tenant: z
    .string()
    .trim()
    .toLowerCase()
    .refine((t) => GUID.test(t) || TENANT_DOMAIN.test(t), 'Enter the Directory (tenant) ID or a verified domain such as contoso.onmicrosoft.com.'),
  clientId: z.string().trim().toLowerCase().regex(GUID, 'The Application (client) ID is a GUID, e.g. 00000000-0000-0000-0000-000000000000.'),
  /**
   * The environment the team sync lists and sign-in first asks consent for (`contoso.crm7.dynamics.com`). A record
   * page of another environment of the same tenant is read with a token for that page's host (auth.ts).
   */
  environmentHost: z
    .string()
    .trim()
    .toLowerCase()
    .transform((h) => h.replace(/^https:\/\//, '').replace(/\/.*$/, ''))
    // A custom domain is accepted when it is a Dynamics customer host (checked on save, and before any token
    // is sent: auth.ts); here only its form.
    .refine((h) => isDynamicsEnvironmentHost(h) || isWellFormedHost(h), 'Enter the environment host, like contoso.crm7.dynamics.com.'),
});
export type DynamicsSettings = z.infer<typeof dynamicsSettingsSchema>;

export async function readDynamicsSettings(store: KeyValueStore): Promise<DynamicsSettings | null> {
  const parsed = dynamicsSettingsSchema.safeParse(await store.get(DYNAMICS_SETTINGS_KEY));
  return parsed.success ? parsed.data : null;
}

/** Validates what the options card sends; the message names the field. Another app or tenant signs the user out. */
export async function saveDynamicsSettings(store: KeyValueStore, input: unknown): Promise<DynamicsSettings> {
  const parsed = dynamicsSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Dynamics 365 settings, field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}`);
  }
  if (!isDynamicsEnvironmentHost(parsed.data.environmentHost, await customerHostsFor(store, 'dynamics'))) {
    throw new Error(`Dynamics 365 settings, field "environmentHost": ${parsed.data.environmentHost} is not a Dynamics 365 host. A custom domain must be added first in Options › Customer hosts, as Dynamics 365.`);
  }
  const previous = await readDynamicsSettings(store);
  await store.set(DYNAMICS_SETTINGS_KEY, parsed.data);
  if (previous && (previous.tenant !== parsed.data.tenant || previous.clientId !== parsed.data.clientId)) await store.remove(DYNAMICS_AUTH_KEY);
  return parsed.data;
}

export const dynamicsStatusSchema = z.object({
  /** When the last 429 arrived and how long Dataverse asked to wait. */
  throttledAt: z.number().optional(),
  retryAfterMs: z.number().optional(),
});
export type DynamicsStatus = z.infer<typeof dynamicsStatusSchema>;

export async function readDynamicsStatus(store: KeyValueStore): Promise<DynamicsStatus> {
  const parsed = dynamicsStatusSchema.safeParse(await store.get(DYNAMICS_STATUS_KEY));
  return parsed.success ? parsed.data : {};
}
