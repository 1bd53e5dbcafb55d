import { z } from 'zod';
import { type KeyValueStore } from '../local-store';
import { STORAGE_KEYS } from './storage';

/**
 * What the options page saves for Salesforce. No secrets: the consumer key of a PKCE client is public.
 * Stored with a version so a later shape can migrate it.
 */
export const LOGIN_HOST_KINDS = ['production', 'sandbox', 'mydomain'] as const;
export type LoginHostKind = (typeof LOGIN_HOST_KINDS)[number];

/** A My Domain login host: `acme.my.salesforce.com`, `acme--uat.sandbox.my.salesforce.com`, or a custom domain. */
const hostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'Enter a host name only, like acme.my.salesforce.com (no https://, no path).',
  });

export const salesforceSettingsSchema = z
  .object({
    version: z.literal(1).default(1),
    /** Consumer key of the External Client App / Connected App (public client with PKCE). */
    consumerKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._]{20,256}$/, { message: 'The consumer key is the long string from the app\u2019s OAuth settings.' }),
    loginHostKind: z.enum(LOGIN_HOST_KINDS).default('production'),
    myDomainHost: hostSchema.optional(),
    /** Account Engagement business unit id (0Uv…): turns the visitor-activity timeline on. */
    businessUnitId: z
      .string()
      .trim()
      .regex(/^0Uv[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/, { message: 'A business unit id starts with 0Uv and has 15 or 18 characters.' })
      .optional(),
    /** Optional Lead/Contact field (API name) that feedback also writes, e.g. `Baton_Lead_Quality__c`. */
    feedbackField: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,38}__c$/, { message: 'Use the field\u2019s API name, ending in __c.' })
      .optional(),
    /** Contact field whose history stands for the lead stage on contacts (Contacts have no Status). */
    contactStageField: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/)
      .optional(),
    /** Use the browser's own Salesforce session instead of OAuth. Off unless the admin turns it on. */
    sessionFallback: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.loginHostKind === 'mydomain' && !s.myDomainHost) {
      ctx.addIssue({ code: 'custom', path: ['myDomainHost'], message: 'Enter your My Domain host, like acme.my.salesforce.com.' });
    }
  });
export type SalesforceSettings = z.infer<typeof salesforceSettingsSchema>;

/** Where to sign in: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_endpoints.htm */
export function loginBaseUrl(s: Pick<SalesforceSettings, 'loginHostKind' | 'myDomainHost'>): string {
  if (s.loginHostKind === 'sandbox') return 'https://test.salesforce.com';
  if (s.loginHostKind === 'mydomain' && s.myDomainHost) return `https://${s.myDomainHost}`;
  return 'https://login.salesforce.com';
}

/**
 * Account Engagement API host: pi.demo.pardot.com serves sandbox, developer and training business units.
 * https://developer.salesforce.com/docs/marketing/pardot/guide/overview.html
 */
export function accountEngagementBaseUrl(s: Pick<SalesforceSettings, 'loginHostKind' | 'myDomainHost'>): string {
  const sandbox = s.loginHostKind === 'sandbox' || (s.myDomainHost?.includes('.sandbox.') ?? false);
  return sandbox ? 'https://pi.demo.pardot.com' : 'https://pi.pardot.com';
}

export async function readSalesforceSettings(storage: KeyValueStore): Promise<SalesforceSettings | null> {
  const raw = await storage.get(STORAGE_KEYS.settings);
  if (raw === undefined) return null;
  const parsed = salesforceSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function saveSalesforceSettings(storage: KeyValueStore, input: unknown) {
  const parsed = salesforceSettingsSchema.safeParse(input);
  if (parsed.success) await storage.set(STORAGE_KEYS.settings, parsed.data);
  return parsed;
}
