import { z } from 'zod';

/**
 * Marketo REST payloads as Marketo documents them.
 */

/**
 * Identity: GET <Identity URL>/oauth/token?grant_type=client_credentials&client_id=…&client_secret=…
 * https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication
 */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number(),
  scope: z.string().optional(),
});

/** Identity failures are plain OAuth errors, e.g. `{ error: 'invalid_client', error_description: 'Bad client credentials' }`. */
export const identityErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/**
 * Every REST answer is HTTP 200 with this envelope; `success: false` carries `errors: [{ code, message }]`.
 * https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/error-codes
 */
export function envelopeSchema<T extends z.ZodType>(item: T) {
  return z.object({
    requestId: z.string(),
    success: z.boolean(),
    result: z.array(item).optional(),
    errors: z.array(z.object({ code: z.union([z.string(), z.number()]).transform(String), message: z.string() })).optional(),
    warnings: z.array(z.unknown()).optional(),
    nextPageToken: z.string().optional(),
    moreResult: z.boolean().optional(),
  });
}
export type Envelope<T> = {
  requestId: string;
  success: boolean;
  result?: T[];
  errors?: { code: string; message: string }[];
  nextPageToken?: string;
  moreResult?: boolean;
};

/**
 * A lead as returned by GET /rest/v1/lead/{id}.json and /rest/v1/leads.json (only the fields asked for, nulls kept).
 * https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/leads
 */
export const leadSchema = z
  .object({
    id: z.number(),
    email: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    company: z.string().nullish(),
    title: z.string().nullish(),
    phone: z.string().nullish(),
    industry: z.string().nullish(),
    numberOfEmployees: z.number().nullish(),
    country: z.string().nullish(),
    leadSource: z.string().nullish(),
    leadStatus: z.string().nullish(),
    leadScore: z.number().nullish(),
    sfdcLeadId: z.string().nullish(),
    sfdcContactId: z.string().nullish(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .passthrough();
export type MarketoLead = z.infer<typeof leadSchema>;

/**
 * An activity from GET /rest/v1/activities.json.
 * https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities
 */
export const activitySchema = z.object({
  /** Adobe is replacing the numeric `id` with `marketoGUID`: either may be the only one present. */
  id: z.number().optional(),
  marketoGUID: z.string().min(1).optional(),
  leadId: z.number(),
  activityDate: z.string(),
  activityTypeId: z.number(),
  campaignId: z.number().nullish(),
  primaryAttributeValueId: z.number().nullish(),
  primaryAttributeValue: z.string().nullish(),
  attributes: z.array(z.object({ name: z.string(), value: z.unknown() })).optional(),
}).refine((a) => a.id !== undefined || a.marketoGUID !== undefined, { message: 'an activity needs an id or a marketoGUID', path: ['marketoGUID'] });
export type MarketoActivity = z.infer<typeof activitySchema>;

/** The activity's identity: `marketoGUID` (Adobe's replacement for the numeric id), else the id. */
export function activityIdOf(activity: Pick<MarketoActivity, 'id' | 'marketoGUID'>): string {
  return activity.marketoGUID ?? String(activity.id);
}

/** GET /rest/v1/activities/types.json (same page as above). */
export const activityTypeSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  primaryAttribute: z.object({ name: z.string(), dataType: z.string() }).optional(),
  attributes: z.array(z.object({ name: z.string(), dataType: z.string() })).optional(),
});

/** POST /rest/v1/activities/external.json result: `{ id, status: 'added' | 'skipped', reasons? }`.
 * https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/activities#add-custom-activities */
export const addedActivitySchema = z.object({
  id: z.number().optional(),
  marketoGUID: z.string().optional(),
  status: z.string(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
});
