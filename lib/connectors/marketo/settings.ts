import { z } from 'zod';
import type { KeyValueStore } from '../local-store';
import { marketoAppHostOf, normalizeMarketoEndpoint } from './api-hosts';

/**
 * Marketo connection settings under `baton.marketo.*`: settings (with the client secret) and the access token in
 * the extension's secrets database, status and activity types in `browser.storage.local` (lib/connectors/secret-keys.ts).
 *
 * The client id and secret belong to a LaunchPoint custom service owned by an API-only user: whoever holds
 * them can do whatever that user's role allows, for every lead in the instance, until an admin deletes the
 * service. Give the role Read-Only Lead and Read-Only Activity only (plus Read-Write Activity if feedback is
 * written as a custom activity). https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication
 */
export const MARKETO_SETTINGS_KEY = 'baton.marketo.settings';
export const MARKETO_TOKEN_KEY = 'baton.marketo.token';
export const MARKETO_STATUS_KEY = 'baton.marketo.status';
export const MARKETO_ACTIVITY_TYPES_KEY = 'baton.marketo.activityTypes';

export const marketoSettingsSchema = z.object({
  endpoint: z
    .string()
    .transform((v, ctx) => {
      const normalized = normalizeMarketoEndpoint(v);
      if (!normalized) {
        ctx.addIssue({ code: 'custom', message: 'Paste the REST endpoint from Admin › Integration › Web Services, e.g. https://123-ABC-456.mktorest.com/rest.' });
        return z.NEVER;
      }
      return normalized;
    }),
  /**
   * The Marketo app host this connection is paired with (app-ab12.marketo.com). A Marketo page URL names only its
   * pod's host, never the instance (Munchkin id), and lead ids are per instance: a page at another host is another
   * instance, and Baton must not show or write the connected instance's lead with the same id there. Several
   * instances can share a pod, which no URL tells apart; pairing still stops every other pod.
   */
  appHost: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = (v ?? '').trim();
      if (!raw) return undefined;
      const host = marketoAppHostOf(raw);
      if (!host) {
        ctx.addIssue({ code: 'custom', message: 'Enter the address your Marketo opens at, e.g. app-ab12.marketo.com (copy it from the browser’s address bar).' });
        return z.NEVER;
      }
      return host;
    }),
  clientId: z.string().trim().min(8, 'Paste the Client Id from Admin › LaunchPoint › View Details.'),
  clientSecret: z.string().trim().min(8, 'Paste the Client Secret from Admin › LaunchPoint › View Details.'),
  /**
   * Feedback from a Marketo page goes to a custom activity type the admin created (Admin › Marketo Custom
   * Activities), if any. Without it Baton does not write to Marketo.
   */
  feedbackActivityTypeId: z.number().int().positive().optional(),
});
export type MarketoSettings = z.infer<typeof marketoSettingsSchema>;

export const marketoTokenSchema = z.object({ endpoint: z.string(), accessToken: z.string(), expiresAt: z.number() });
export type MarketoToken = z.infer<typeof marketoTokenSchema>;

export const marketoStatusSchema = z.object({
  /** Set on error 607: no call before the daily quota resets (midnight US Central). */
  quotaStopUntil: z.number().optional(),
  lastRequestId: z.string().optional(),
  callsToday: z.object({ day: z.string(), count: z.number() }).optional(),
});
export type MarketoStatus = z.infer<typeof marketoStatusSchema>;

export const activityTypesCacheSchema = z.object({
  endpoint: z.string(),
  fetchedAt: z.number(),
  types: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type ActivityTypesCache = z.infer<typeof activityTypesCacheSchema>;

async function readParsed<T>(store: KeyValueStore, key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const parsed = schema.safeParse(await store.get(key));
  return parsed.success ? parsed.data : undefined;
}

export const readMarketoSettings = (store: KeyValueStore) => readParsed(store, MARKETO_SETTINGS_KEY, marketoSettingsSchema);
export const readMarketoToken = (store: KeyValueStore) => readParsed(store, MARKETO_TOKEN_KEY, marketoTokenSchema);
export const readMarketoStatus = async (store: KeyValueStore) => (await readParsed(store, MARKETO_STATUS_KEY, marketoStatusSchema)) ?? {};
export const readActivityTypes = (store: KeyValueStore) => readParsed(store, MARKETO_ACTIVITY_TYPES_KEY, activityTypesCacheSchema);

/** Validates what the options card sends; the message names the field and says where to find the value. */
export async function saveMarketoSettings(store: KeyValueStore, input: unknown): Promise<MarketoSettings> {
  const parsed = marketoSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Marketo settings, field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}`);
  }
  await store.set(MARKETO_SETTINGS_KEY, parsed.data);
  // New credentials: the old token and the other subscription's activity types must not be reused.
  await store.remove(MARKETO_TOKEN_KEY);
  await store.remove(MARKETO_ACTIVITY_TYPES_KEY);
  return parsed.data;
}

/** Cheap "is Marketo set up?" for the cross-system lookups: stored, valid credentials; no call to Marketo. */
export async function isMarketoConnected(store: KeyValueStore): Promise<boolean> {
  return (await readMarketoSettings(store)) !== undefined;
}

/** Disconnect: forgets the client id and secret, the access token, the status and the activity types. */
export async function disconnectMarketo(store: KeyValueStore): Promise<void> {
  for (const key of [MARKETO_SETTINGS_KEY, MARKETO_TOKEN_KEY, MARKETO_STATUS_KEY, MARKETO_ACTIVITY_TYPES_KEY]) await store.remove(key);
}
