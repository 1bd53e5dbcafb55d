import { z } from 'zod';

/**
 * HubSpot payloads as HubSpot documents them. Unknown keys are allowed through (HubSpot adds fields);
 * what we read is checked.
 */

/** Property values are strings or null. https://developers.hubspot.com/docs/api/crm/contacts */
const propertyMap = z.record(z.string(), z.string().nullable());

/**
 * One entry of `propertiesWithHistory`, newest first.
 * https://developers.hubspot.com/docs/api/crm/understanding-the-crm#property-history
 */
export const propertyHistoryEntrySchema = z.object({
  value: z.string(),
  timestamp: z.string(),
  sourceType: z.string(),
  sourceId: z.string().nullish(),
  sourceLabel: z.string().nullish(),
  updatedByUserId: z.number().nullish(),
});
export type PropertyHistoryEntry = z.infer<typeof propertyHistoryEntrySchema>;

/**
 * GET /crm/v3/objects/contacts/{contactId}?properties=…&propertiesWithHistory=…
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/basic/get-crm-v3-objects-contacts-contactId
 */
export const contactSchema = z.object({
  id: z.string(),
  properties: propertyMap,
  propertiesWithHistory: z.record(z.string(), z.array(propertyHistoryEntrySchema)).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Optional in HubSpot's own model (SimplePublicObject). */
  archived: z.boolean().optional(),
});
export type HubSpotContact = z.infer<typeof contactSchema>;

/**
 * GET /engagements/v1/engagements/associated/CONTACT/{id}/paged: calls, e-mails, meetings, notes and tasks of a
 * contact in one call (the v3/v4 way needs one association call and one batch read per object type).
 * https://developers.hubspot.com/docs/api-reference/legacy/crm/activities/engagements/get-engagements-v1-engagements-associated-objectType-objectId-paged
 */
export const engagementSchema = z.object({
  engagement: z.object({
    id: z.number(),
    type: z.string(),
    timestamp: z.number(),
    ownerId: z.number().nullish(),
    createdAt: z.number().optional(),
    active: z.boolean().optional(),
  }),
  associations: z.object({ contactIds: z.array(z.number()).optional() }).passthrough().optional(),
  metadata: z
    .object({
      subject: z.string().nullish(),
      title: z.string().nullish(),
      body: z.string().nullish(),
      status: z.string().nullish(),
      disposition: z.string().nullish(),
    })
    .passthrough()
    .optional(),
});
export const engagementsPageSchema = z.object({
  results: z.array(engagementSchema),
  hasMore: z.boolean(),
  offset: z.number(),
});
export type HubSpotEngagement = z.infer<typeof engagementSchema>;

/**
 * GET /email/public/v1/events?recipient=…: marketing e-mail events of one recipient.
 * https://developers.hubspot.com/docs/api-reference/legacy/marketing-email-events-v1/get-email-public-v1-events
 */
export const emailEventSchema = z.object({
  id: z.string(),
  created: z.number(),
  type: z.string(),
  recipient: z.string().optional(),
  emailCampaignId: z.number().optional(),
  url: z.string().optional(),
  /** Opens and clicks HubSpot judged to be made by a bot or a privacy proxy. */
  filteredEvent: z.boolean().optional(),
});
export const emailEventsPageSchema = z.object({
  hasMore: z.boolean(),
  offset: z.string().optional(),
  events: z.array(emailEventSchema),
});
export type HubSpotEmailEvent = z.infer<typeof emailEventSchema>;

/**
 * A created or read CRM object (the note we create).
 * https://developers.hubspot.com/docs/api-reference/crm-notes-v3/basic/post-crm-v3-objects-notes
 */
export const simpleObjectSchema = z.object({
  id: z.string(),
  properties: propertyMap,
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().optional(),
});

/**
 * POST /crm/v3/objects/notes/search. https://developers.hubspot.com/docs/api/crm/search
 */
export const searchResponseSchema = z.object({
  total: z.number(),
  results: z.array(simpleObjectSchema),
  paging: z.object({ next: z.object({ after: z.string(), link: z.string().optional() }).optional() }).optional(),
});

/** POST /crm/v3/objects/contacts/search: contacts with the properties asked for. https://developers.hubspot.com/docs/api/crm/search */
export const contactSearchResponseSchema = z.object({
  total: z.number(),
  results: z.array(contactSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/**
 * Error body, e.g. `{ status: 'error', message, correlationId, category: 'VALIDATION_ERROR', errors: [...] }`;
 * 429s also carry `errorType: 'RATE_LIMIT'` and `policyName: 'DAILY' | 'TEN_SECONDLY_ROLLING' | …`.
 * https://developers.hubspot.com/docs/api-reference/error-handling
 * https://developers.hubspot.com/docs/guides/apps/api-usage/usage-details#error-responses
 */
export const hubspotErrorSchema = z.object({
  status: z.literal('error'),
  message: z.string(),
  correlationId: z.string().optional(),
  category: z.string().optional(),
  errorType: z.string().optional(),
  policyName: z.string().optional(),
  errors: z.array(z.object({ message: z.string() }).passthrough()).optional(),
});
export type HubSpotErrorBody = z.infer<typeof hubspotErrorSchema>;
