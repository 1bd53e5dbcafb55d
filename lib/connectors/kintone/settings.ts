import { z } from 'zod';
import { stageSchema, salesActivityTypeSchema } from '../../domain/model';
import type { KeyValueStore } from '../local-store';
import { kintoneObject } from '../../sites/kintone';
import { isKintoneHost, kintoneDomainOf } from './api-hosts';
import { customerHostsFor } from '../customer-hosts';

/**
 * kintone connection settings under `baton.kintone.*`: the settings with the API tokens (or the OAuth client's id
 * and secret) in the extension's secrets database (lib/connectors/secret-keys.ts), the OAuth access and refresh
 * tokens apart in the same database (`baton.kintone.auth`, auth.ts), the field mapping of each app in
 * `browser.storage.local` (field codes, not secrets).
 *
 * Why API tokens: a token is made per app by its administrator (App settings › API token), carries only the
 * rights ticked for it (view records, add comments) and can be removed there at any time; password auth would
 * give Baton everything the user can do. Several tokens are sent comma-separated in one `X-Cybozu-API-Token`
 * header when a request touches two apps (the lead app and its activity app).
 * https://jp.cybozu.help/k/en/user/app_settings/api_token.html
 */
export const KINTONE_SETTINGS_KEY = 'baton.kintone.settings';
export const KINTONE_MAPPINGS_KEY = 'baton.kintone.mappings';
/** The OAuth tokens of a signed-in person (auth.ts). A secret. */
export const KINTONE_AUTH_KEY = 'baton.kintone.auth';

const DIGITS = /^[1-9][0-9]{0,9}$/;
/** API tokens are 40 letters and digits in the documented examples; a little room either side. */
const tokenSchema = z.string().trim().regex(/^[A-Za-z0-9]{20,100}$/, 'Paste the API token from the app’s settings (App settings › API token): letters and digits.');
const appIdSchema = z.string().trim().regex(DIGITS, 'The app id is the number in the app’s address: https://example.cybozu.com/k/123/ → 123.');
const fieldCodeSchema = z.string().trim().min(1).max(128);

/**
 * An OAuth client's id as cybozu.com shows it (`l.1.xxxxxxxx…`) and its secret: printable characters without
 * spaces; no documented length, so a generous bound.
 * https://cybozu.dev/ja/common/docs/oauth-client/add-client/
 */
const clientIdSchema = z.string().trim().regex(/^[\x21-\x7e]{1,200}$/, 'Paste the client ID from cybozu.com Common Administration › OAuth (the client’s edit page).');
const clientSecretSchema = z.string().trim().regex(/^[\x21-\x7e]{1,500}$/, 'Paste the client secret from cybozu.com Common Administration › OAuth (the client’s edit page).');

export const kintoneSettingsSchema = z
  .object({
    /**
     * How Baton authenticates: `token`, the app's API tokens (below); `oauth`, a person signs in through the company's
     * kintone OAuth client (client id and secret; tokens in `baton.kintone.auth`). Settings saved before OAuth existed
     * have no `auth`: they are tokens.
     */
    auth: z.enum(['token', 'oauth']).default('token'),
    domain: z.string().transform((v, ctx) => {
      const domain = kintoneDomainOf(v);
      if (!domain) {
        ctx.addIssue({ code: 'custom', message: 'Enter your kintone address, e.g. example.cybozu.com.' });
        return z.NEVER;
      }
      return domain;
    }),
    /** The lead / deal app (SFA) whose records the panel shows. */
    appId: appIdSchema,
    guestSpaceId: z.string().trim().regex(DIGITS).optional(),
    /** The lead app's API token (`auth: token`). */
    token: tokenSchema.optional(),
    /** The related activity app's token (活動履歴), when one is mapped. */
    activityToken: tokenSchema.optional(),
    /** The kintone OAuth client (`auth: oauth`), added by a cybozu.com administrator. */
    clientId: clientIdSchema.optional(),
    clientSecret: clientSecretSchema.optional(),
    /**
     * Who the person is in kintone: their login name (for a user-selection owner field) or the name the owner field
     * holds (a text field). An API token names no user, so without it "My queue" cannot list anyone for kintone.
     */
    loginName: z.string().trim().min(1).max(128).optional(),
    /** DATE fields carry no time zone: a handoff date is read as that day's start in this zone. */
    timeZone: z.string().min(1).default('Asia/Tokyo'),
  })
  .superRefine((s, ctx) => {
    if (s.auth === 'token' && !s.token) ctx.addIssue({ code: 'custom', path: ['token'], message: 'Paste the API token from the app’s settings (App settings › API token).' });
    if (s.auth === 'oauth' && !s.clientId) ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'Paste the client ID from cybozu.com Common Administration › OAuth.' });
    if (s.auth === 'oauth' && !s.clientSecret) ctx.addIssue({ code: 'custom', path: ['clientSecret'], message: 'Paste the client secret from cybozu.com Common Administration › OAuth.' });
  });
export type KintoneSettings = z.infer<typeof kintoneSettingsSchema>;

/**
 * What a sign-in through the kintone OAuth client leaves (`baton.kintone.auth`, secrets database only): the access
 * token (an hour, `expires_in`) and the refresh token, tied to the domain and client they came from so that a
 * changed address or client never receives them.
 */
export const kintoneAuthSchema = z.object({
  version: z.literal(1),
  domain: z.string().min(1),
  clientId: z.string().min(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Epoch ms when the access token expires (`expires_in` counted from the answer). */
  expiresAt: z.number(),
  /** The scopes kintone granted (space-separated), as the token answer names them. */
  scope: z.string().optional(),
});
export type KintoneAuth = z.infer<typeof kintoneAuthSchema>;

export async function readKintoneAuth(store: KeyValueStore): Promise<KintoneAuth | null> {
  const parsed = kintoneAuthSchema.safeParse(await store.get(KINTONE_AUTH_KEY));
  return parsed.success ? parsed.data : null;
}

/**
 * How one company's SFA app maps to Baton: every kintone app is built by its customer, so field codes are
 * chosen by an admin on the options page (with guesses from the common Japanese names, guess-mapping.ts).
 */
export const kintoneActivityMappingSchema = z.strictObject({
  appId: appIdSchema,
  guestSpaceId: z.string().trim().regex(DIGITS).optional(),
  /** The lead app's field whose value the activity app's link field holds (`$id` = the record id). */
  keyField: fieldCodeSchema,
  /** The activity app's lookup field (or the related-records condition's field) that holds that value. */
  linkField: fieldCodeSchema,
  dateField: fieldCodeSchema,
  typeField: fieldCodeSchema.optional(),
  subjectField: fieldCodeSchema.optional(),
  byField: fieldCodeSchema.optional(),
  /** The type field's values (電話, メール, 訪問 …) as Baton's activity types; unmapped values count as notes. */
  types: z.record(z.string(), salesActivityTypeSchema).default({}),
});

export const kintoneMappingSchema = z.strictObject({
  name: fieldCodeSchema,
  company: fieldCodeSchema.optional(),
  email: fieldCodeSchema.optional(),
  phone: fieldCodeSchema.optional(),
  title: fieldCodeSchema.optional(),
  owner: fieldCodeSchema.optional(),
  stage: z.strictObject({ field: fieldCodeSchema, values: z.record(z.string(), stageSchema).default({}) }).optional(),
  /** The date the lead was handed to sales (商談化日, 引渡日 …): kintone keeps no field history in its REST API. */
  handoffDate: fieldCodeSchema.optional(),
  /** The stage that date marks; `mql` matches the default definitions' handoff stage. */
  handoffStage: stageSchema.default('mql'),
  leadSource: fieldCodeSchema.optional(),
  campaign: fieldCodeSchema.optional(),
  activity: kintoneActivityMappingSchema.optional(),
  /** The app's CREATED_TIME and UPDATED_TIME field codes (作成日時 / 更新日時 unless an admin renamed them): the team
   * sync's period query reads them. */
  createdTime: fieldCodeSchema.default('作成日時'),
  updatedTime: fieldCodeSchema.default('更新日時'),
});
export type KintoneMapping = z.infer<typeof kintoneMappingSchema>;
export type KintoneActivityMapping = z.infer<typeof kintoneActivityMappingSchema>;

const mappingsSchema = z.record(z.string(), z.unknown());

function firstIssue(error: z.ZodError, what: string): Error {
  const issue = error.issues[0];
  return new Error(`${what}, field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}`);
}

export async function readKintoneSettings(store: KeyValueStore): Promise<KintoneSettings | null> {
  const parsed = kintoneSettingsSchema.safeParse(await store.get(KINTONE_SETTINGS_KEY));
  return parsed.success ? parsed.data : null;
}

export async function saveKintoneSettings(store: KeyValueStore, input: unknown): Promise<KintoneSettings> {
  const parsed = kintoneSettingsSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error, 'kintone settings');
  if (!isKintoneHost(parsed.data.domain, await customerHostsFor(store, 'kintone'))) {
    throw new Error(`kintone settings, field "domain": ${parsed.data.domain} is not a kintone address. A custom domain must be added first in Options › Customer hosts, as kintone.`);
  }
  const previous = await readKintoneSettings(store);
  await store.set(KINTONE_SETTINGS_KEY, parsed.data);
  // Another address, client or way of signing in: the tokens of the old one are not sent anywhere again.
  if (parsed.data.auth !== 'oauth' || previous?.domain !== parsed.data.domain || previous?.clientId !== parsed.data.clientId) {
    await store.remove(KINTONE_AUTH_KEY);
  }
  return parsed.data;
}

/** The mapping of one app (`app:12` or `guest:3:app:12`), or null when none is saved or it no longer parses. */
export async function readKintoneMapping(store: KeyValueStore, appId: string, guestSpaceId?: string): Promise<KintoneMapping | null> {
  const all = mappingsSchema.safeParse(await store.get(KINTONE_MAPPINGS_KEY));
  if (!all.success) return null;
  const parsed = kintoneMappingSchema.safeParse(all.data[kintoneObject(appId, guestSpaceId)]);
  return parsed.success ? parsed.data : null;
}

export async function saveKintoneMapping(store: KeyValueStore, appId: string, guestSpaceId: string | undefined, input: unknown): Promise<KintoneMapping> {
  const parsed = kintoneMappingSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error, 'kintone field mapping');
  const all = mappingsSchema.safeParse(await store.get(KINTONE_MAPPINGS_KEY));
  await store.set(KINTONE_MAPPINGS_KEY, { ...(all.success ? all.data : {}), [kintoneObject(appId, guestSpaceId)]: parsed.data });
  return parsed.data;
}

/** Connected: API tokens saved, or an OAuth client saved and someone signed in through it. */
export async function isKintoneConnected(store: KeyValueStore): Promise<boolean> {
  const settings = await readKintoneSettings(store);
  if (!settings) return false;
  return settings.auth === 'token' || (await readKintoneAuth(store)) !== null;
}

/**
 * Disconnect: forgets the API tokens, or the OAuth client and its tokens. API tokens stay valid in kintone until
 * the app's admin removes them there; cybozu.com documents no revocation call for OAuth tokens (a refresh token
 * stops working when the client is deleted or the person is removed from its users).
 */
export async function disconnectKintone(store: KeyValueStore): Promise<void> {
  await store.remove(KINTONE_AUTH_KEY);
  await store.remove(KINTONE_SETTINGS_KEY);
}
