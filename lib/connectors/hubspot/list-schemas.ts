import { z } from 'zod';
import { contactSchema } from './schemas';

/**
 * Payloads of the endpoints the team listing uses, as HubSpot documents them (and as the models of HubSpot's own
 * client, hubspot-api-nodejs `codegen/crm/...`, declare them). Unknown keys pass through; what we read is checked.
 */

const propertyMap = z.record(z.string(), z.string().nullable());
const nextPage = z.object({ after: z.string(), link: z.string().optional() });
const forwardPaging = z.object({ next: nextPage.optional() }).optional();

/**
 * POST /crm/v3/objects/contacts/search with only the date properties asked for: ids to read in batch.
 * `CollectionResponseWithTotalSimplePublicObjectForwardPaging`. https://developers.hubspot.com/docs/api/crm/search
 */
export const contactIdsPageSchema = z.object({
  total: z.number(),
  results: z.array(z.object({ id: z.string(), properties: propertyMap })),
  paging: forwardPaging,
});
export type ContactIdsPage = z.infer<typeof contactIdsPageSchema>;

/**
 * A batch answer: 200 `BatchResponseSimplePublicObject`, or 207 `...WithErrors` when some inputs failed (a contact
 * deleted between the search and the read). https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/batch/post-crm-v3-objects-contacts-batch-read
 */
function batchResponse<T extends z.ZodType>(result: T) {
  return z.object({
    status: z.string(),
    results: z.array(result),
    numErrors: z.number().optional(),
    errors: z.array(z.object({ category: z.string(), message: z.string() }).passthrough()).optional(),
    startedAt: z.string(),
    completedAt: z.string(),
  });
}

/** POST /crm/v3/objects/contacts/batch/read with properties and propertiesWithHistory (at most 50 inputs then). */
export const contactsBatchSchema = batchResponse(contactSchema);

/**
 * POST /crm/v3/objects/{calls|emails|meetings|notes|tasks}/batch/read (at most 100 inputs).
 * `SimplePublicObject`: https://developers.hubspot.com/docs/api-reference/crm-calls-v3/batch/post-crm-v3-objects-calls-batch-read
 */
export const activityObjectSchema = z.object({
  id: z.string(),
  properties: propertyMap,
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().optional(),
});
export type ActivityObject = z.infer<typeof activityObjectSchema>;
export const activitiesBatchSchema = batchResponse(activityObjectSchema);

/**
 * POST /crm/v4/associations/contacts/{toObjectType}/batch/read, at most 1,000 inputs.
 * `BatchResponsePublicAssociationMultiWithLabel`: each result's `from` (`_from` in the generated client) and `to`, with
 * `paging.next.after` when a contact has more associations than one answer holds.
 * https://developers.hubspot.com/docs/api-reference/crm-associations-v4/batch/post-crm-v4-associations-fromObjectType-toObjectType-batch-read
 * https://developers.hubspot.com/changelog/bug-fix-batch-read-limit-for-hubspot-associations-api (the 1,000 limit)
 */
export const associationsBatchSchema = batchResponse(
  z.object({
    from: z.object({ id: z.string() }),
    to: z.array(
      z.object({
        toObjectId: z.union([z.string(), z.number()]).transform(String),
        associationTypes: z.array(z.object({ typeId: z.number(), category: z.string(), label: z.string().nullish() })),
      }),
    ),
    paging: forwardPaging,
  }),
);

/**
 * GET /crm/v3/objects/contacts?archived=true: contacts in the recycle bin, with `archivedAt`. Limit at most 100.
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/basic/get-crm-v3-objects-contacts
 */
export const archivedContactsPageSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      properties: propertyMap,
      createdAt: z.string(),
      updatedAt: z.string(),
      archived: z.boolean().optional(),
      archivedAt: z.string().optional(),
    }),
  ),
  paging: forwardPaging,
});

/**
 * POST /oauth/v2/private-apps/get/access-token-info `{ tokenKey }`: the account (hubId) and the user (userId) behind
 * a private app token, and its scopes. https://developers.hubspot.com/docs/api/private-apps#view-access-token-information
 */
export const accessTokenInfoSchema = z.object({
  userId: z.number(),
  hubId: z.number(),
  appId: z.number().optional(),
  scopes: z.array(z.string()).optional(),
});

/**
 * GET /crm/v3/owners/{userId}?idProperty=userId: the owner record of a user (`id` is what `hubspot_owner_id` holds).
 * https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide
 */
export const ownerSchema = z.object({
  id: z.string(),
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  userId: z.number().nullish(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
