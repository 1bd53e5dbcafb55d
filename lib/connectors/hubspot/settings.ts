import { z } from 'zod';
import type { KeyValueStore } from '../local-store';
import { HUBSPOT_API_BASES } from './api-hosts';

/**
 * HubSpot connection settings under `baton.hubspot.*`: the settings (with the token) in the extension's secrets
 * database, the status in `browser.storage.local` (lib/connectors/secret-keys.ts).
 *
 * Why a private-app access token and not OAuth: HubSpot's OAuth code flow exchanges the code with the app's
 * client secret (https://developers.hubspot.com/docs/api/oauth-quickstart-guide), and an extension cannot keep
 * a secret: anyone can unpack it. A private app token is created by a super admin, carries only the scopes
 * ticked for it, and can be rotated or revoked in Settings › Integrations › Private apps.
 */
export const HUBSPOT_SETTINGS_KEY = 'baton.hubspot.settings';
export const HUBSPOT_STATUS_KEY = 'baton.hubspot.status';
/** The portal id the token belongs to (lib/connectors/cross-system/hubspot-portal.ts). */
export const HUBSPOT_ACCOUNT_KEY = 'baton.hubspot.account';

/** Private app tokens look like `pat-na1-…` / `pat-eu1-…`. https://developers.hubspot.com/docs/api/private-apps */
export const hubspotSettingsSchema = z.object({
  accessToken: z
    .string()
    .trim()
    .regex(/^pat-[a-z0-9]+-[A-Za-z0-9-]+$/, 'A HubSpot private app token starts with "pat-" (e.g. pat-na1-…).'),
  apiBase: z.enum(HUBSPOT_API_BASES).default('https://api.hubapi.com'),
  /** The account's time zone (Settings › Account defaults): the daily API limit resets at its midnight. */
  timeZone: z.string().min(1).default('UTC'),
});
export type HubSpotSettings = z.infer<typeof hubspotSettingsSchema>;

/** What the options card shows: the last rate-limit headers seen, and whether the daily limit stopped us. */
export const hubspotStatusSchema = z.object({
  rateLimit: z
    .object({
      max: z.number().optional(),
      remaining: z.number().optional(),
      intervalMs: z.number().optional(),
      daily: z.number().optional(),
      dailyRemaining: z.number().optional(),
      at: z.number(),
    })
    .optional(),
  /** Set when the daily limit is used up; no call is made before this time. */
  dailyStopUntil: z.number().optional(),
});
export type HubSpotStatus = z.infer<typeof hubspotStatusSchema>;

export async function readHubSpotSettings(store: KeyValueStore): Promise<HubSpotSettings | null> {
  const parsed = hubspotSettingsSchema.safeParse(await store.get(HUBSPOT_SETTINGS_KEY));
  return parsed.success ? parsed.data : null;
}

/** Validates what the options card sends; the message names the field and says what to do. */
export async function saveHubSpotSettings(store: KeyValueStore, input: unknown): Promise<HubSpotSettings> {
  const parsed = hubspotSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`HubSpot settings, field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}`);
  }
  const settings = parsed.data;
  const previous = await readHubSpotSettings(store);
  await store.set(HUBSPOT_SETTINGS_KEY, settings);
  // Another token may belong to another portal: the portal it is checked against is learned again.
  if (previous?.accessToken !== settings.accessToken) await store.remove(HUBSPOT_ACCOUNT_KEY);
  return settings;
}

export async function readHubSpotStatus(store: KeyValueStore): Promise<HubSpotStatus> {
  const parsed = hubspotStatusSchema.safeParse(await store.get(HUBSPOT_STATUS_KEY));
  return parsed.success ? parsed.data : {};
}

export async function writeHubSpotStatus(store: KeyValueStore, status: HubSpotStatus): Promise<void> {
  await store.set(HUBSPOT_STATUS_KEY, status);
}

/** Cheap "is HubSpot set up?" for the cross-system lookups: a stored, valid token; no call to HubSpot. */
export async function isHubSpotConnected(store: KeyValueStore): Promise<boolean> {
  return (await readHubSpotSettings(store)) !== null;
}

/** Disconnect: forgets the token (and the status and portal learned with it). HubSpot has no revoke call for a
 * private app token: an admin rotates or deletes it in Settings › Integrations › Private apps. */
export async function disconnectHubSpot(store: KeyValueStore): Promise<void> {
  await store.remove(HUBSPOT_SETTINGS_KEY);
  await store.remove(HUBSPOT_STATUS_KEY);
  await store.remove(HUBSPOT_ACCOUNT_KEY);
}
