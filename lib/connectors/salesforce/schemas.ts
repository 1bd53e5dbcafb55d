import { z } from 'zod';

/**
 * Salesforce and Account Engagement payloads, parsed as the vendors document them. Unknown keys pass
 * through (zod's default strips them): orgs add fields and Salesforce adds keys between API versions.
 */

/**
 * Error body: an array of `{ message, errorCode, fields? }`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export const sfErrorSchema = z.object({
  message: z.string(),
  errorCode: z.string(),
  fields: z.array(z.string()).optional(),
});
export const sfErrorArraySchema = z.array(sfErrorSchema).min(1);
export type SfError = z.infer<typeof sfErrorSchema>;

/**
 * Every record carries `attributes: { type, url }`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm
 */
export const sfAttributesSchema = z.object({ type: z.string(), url: z.string().optional() });

/**
 * Query result: `{ totalSize, done, records, nextRecordsUrl? }`. Child relationship subqueries come back
 * nested in the parent record in this same shape (or null when there are no children).
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm
 */
export function queryResultSchema<T extends z.ZodType>(record: T) {
  return z.object({
    totalSize: z.number().int().nonnegative(),
    done: z.boolean(),
    nextRecordsUrl: z.string().optional(),
    records: z.array(record),
  });
}
export type QueryResult<T> = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: T[] };

/** Dates are `YYYY-MM-DD`; date-times `2024-05-01T09:30:00.000+0000` (offset without a colon). */
const sfDateTime = z.string().min(10);
const sfDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nameRef = z.object({ Name: z.string().nullable().optional() }).nullable().optional();

/**
 * Task, Event and CampaignMember fields we select (Object Reference).
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm
 */
export const sfTaskSchema = z.object({
  attributes: sfAttributesSchema.optional(),
  Id: z.string(),
  Subject: z.string().nullable().optional(),
  TaskSubtype: z.string().nullable().optional(),
  Type: z.string().nullable().optional(),
  Status: z.string().nullable().optional(),
  ActivityDate: sfDate.nullable().optional(),
  CompletedDateTime: sfDateTime.nullable().optional(),
  CreatedDate: sfDateTime,
  CallDisposition: z.string().nullable().optional(),
  Description: z.string().nullable().optional(),
  Owner: nameRef,
});
export type SfTask = z.infer<typeof sfTaskSchema>;

/** https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_event.htm */
export const sfEventSchema = z.object({
  attributes: sfAttributesSchema.optional(),
  Id: z.string(),
  Subject: z.string().nullable().optional(),
  Type: z.string().nullable().optional(),
  StartDateTime: sfDateTime.nullable().optional(),
  CreatedDate: sfDateTime,
  Owner: nameRef,
});
export type SfEvent = z.infer<typeof sfEventSchema>;

/** https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_campaignmember.htm */
export const sfCampaignMemberSchema = z.object({
  attributes: sfAttributesSchema.optional(),
  Id: z.string(),
  Status: z.string().nullable().optional(),
  HasResponded: z.boolean().nullable().optional(),
  FirstRespondedDate: sfDate.nullable().optional(),
  CreatedDate: sfDateTime,
  Campaign: z.object({ Name: z.string().nullable().optional(), Type: z.string().nullable().optional() }).nullable().optional(),
});
export type SfCampaignMember = z.infer<typeof sfCampaignMemberSchema>;

/** Opportunity fields read through Lead.ConvertedOpportunity (or directly). */
export const sfOpportunitySchema = z.object({
  attributes: sfAttributesSchema.optional(),
  Id: z.string(),
  Name: z.string(),
  StageName: z.string(),
  Amount: z.number().nullable().optional(),
  CreatedDate: sfDateTime.nullable().optional(),
  CloseDate: sfDate.nullable().optional(),
  IsClosed: z.boolean(),
  IsWon: z.boolean(),
});
export type SfOpportunity = z.infer<typeof sfOpportunitySchema>;

/**
 * LeadHistory / ContactHistory rows. OldValue and NewValue are `anyType`: strings for picklists, but numbers,
 * booleans or null for other fields.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_leadhistory.htm
 */
const anyType = z.union([z.string(), z.number(), z.boolean()]).nullable().optional();
export const sfHistorySchema = z.object({
  attributes: sfAttributesSchema.optional(),
  Id: z.string(),
  Field: z.string(),
  OldValue: anyType,
  NewValue: anyType,
  CreatedDate: sfDateTime,
  CreatedById: z.string().nullable().optional(),
  CreatedBy: nameRef,
});
export type SfHistory = z.infer<typeof sfHistorySchema>;

const children = <T extends z.ZodType>(record: T) => queryResultSchema(record).nullable().optional();

/**
 * Lead and Contact as our record query selects them. Contact reads company and firmographics through Account.
 * Account Engagement package fields (pi__score__c, pi__grade__c, pi__last_activity__c, pi__url__c) appear only
 * when the managed package is installed.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 * https://help.salesforce.com/s/articleView?id=sf.pardot_sf_connector_fields.htm
 */
export const sfPersonRecordSchema = z.object({
  attributes: sfAttributesSchema,
  Id: z.string(),
  Name: z.string().nullable().optional(),
  Email: z.string().nullable().optional(),
  Phone: z.string().nullable().optional(),
  Title: z.string().nullable().optional(),
  Company: z.string().nullable().optional(),
  Industry: z.string().nullable().optional(),
  NumberOfEmployees: z.number().nullable().optional(),
  Country: z.string().nullable().optional(),
  MailingCountry: z.string().nullable().optional(),
  LeadSource: z.string().nullable().optional(),
  Status: z.string().nullable().optional(),
  CreatedDate: sfDateTime.nullable().optional(),
  IsConverted: z.boolean().nullable().optional(),
  ConvertedDate: sfDate.nullable().optional(),
  ConvertedContactId: z.string().nullable().optional(),
  ConvertedOpportunityId: z.string().nullable().optional(),
  ConvertedOpportunity: sfOpportunitySchema.nullable().optional(),
  Owner: nameRef,
  Account: z
    .object({
      Name: z.string().nullable().optional(),
      Industry: z.string().nullable().optional(),
      NumberOfEmployees: z.number().nullable().optional(),
    })
    .nullable()
    .optional(),
  pi__score__c: z.number().nullable().optional(),
  pi__grade__c: z.string().nullable().optional(),
  pi__last_activity__c: sfDateTime.nullable().optional(),
  pi__url__c: z.string().nullable().optional(),
  Tasks: children(sfTaskSchema),
  Events: children(sfEventSchema),
  CampaignMembers: children(sfCampaignMemberSchema),
  /** The team listing reads field history as a child subquery (the panel queries LeadHistory apart). */
  Histories: children(sfHistorySchema),
});
export type SfPersonRecord = z.infer<typeof sfPersonRecordSchema>;


/**
 * Composite: `{ compositeResponse: [{ body, httpHeaders, httpStatusCode, referenceId }] }`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite_post.htm
 */
export const compositeSubresponseSchema = z.object({
  body: z.unknown(),
  httpHeaders: z.record(z.string(), z.string()).optional(),
  httpStatusCode: z.number().int(),
  referenceId: z.string(),
});
export const compositeResponseSchema = z.object({ compositeResponse: z.array(compositeSubresponseSchema) });
export type CompositeSubresponse = z.infer<typeof compositeSubresponseSchema>;

/**
 * `GET /services/data/`: `[{ label, url, version }]`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_versions.htm
 */
export const versionsSchema = z.array(z.object({ label: z.string(), url: z.string(), version: z.string().regex(/^\d+\.\d+$/) })).min(1);

/**
 * sObject create result: `{ id, success, errors }`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
 */
export const createResultSchema = z.object({ id: z.string(), success: z.boolean(), errors: z.array(z.unknown()) });

/**
 * OAuth token response (web server flow and refresh token flow). `refresh_token` only on the code exchange.
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
 */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  instance_url: z.url(),
  id: z.url(),
  issued_at: z.string().regex(/^\d+$/),
  signature: z.string(),
  token_type: z.string().optional(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** OAuth error: `{ error, error_description }` (RFC 6749 §5.2), e.g. `invalid_grant`. */
export const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/**
 * Identity URL response (subset).
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_openid.htm
 */
export const identitySchema = z.object({
  user_id: z.string(),
  organization_id: z.string(),
  username: z.string(),
  display_name: z.string().optional(),
});

/**
 * Account Engagement API v5 query result: `{ values, nextPageToken, nextPageUrl }`, visitor activity fields
 * as requested with `fields=`.
 * https://developer.salesforce.com/docs/marketing/pardot/guide/version5overview.html
 * https://developer.salesforce.com/docs/marketing/pardot/guide/visitor-activity-v5.html
 */
export const aeVisitorActivitySchema = z.object({
  id: z.number().int(),
  type: z.number().int(),
  typeName: z.string().nullable().optional(),
  details: z.string().nullable().optional(),
  createdAt: z.string(),
  campaignId: z.number().int().nullable().optional(),
  emailId: z.number().int().nullable().optional(),
  formId: z.number().int().nullable().optional(),
  fileId: z.number().int().nullable().optional(),
  landingPageId: z.number().int().nullable().optional(),
});
export type AeVisitorActivity = z.infer<typeof aeVisitorActivitySchema>;
export const aeQueryResultSchema = z.object({
  values: z.array(aeVisitorActivitySchema),
  nextPageToken: z.string().nullable().optional(),
  nextPageUrl: z.string().nullable().optional(),
});

/**
 * Account Engagement v5 error body: `{ code, message }`.
 * https://developer.salesforce.com/docs/marketing/pardot/guide/error-codes.html
 */
export const aeErrorSchema = z.object({ code: z.number().int(), message: z.string() });

/**
 * sObject Get Deleted: `{ deletedRecords: [{ id, deletedDate }], earliestDateAvailable, latestDateCovered }`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_getdeleted.htm
 */
export const deletedRecordsSchema = z.object({
  deletedRecords: z.array(z.object({ id: z.string(), deletedDate: sfDateTime })),
  earliestDateAvailable: sfDateTime.nullable().optional(),
  latestDateCovered: sfDateTime.nullable().optional(),
});

/**
 * Bulk API 2.0 query job info (create and get): state UploadComplete → InProgress → JobComplete, or Failed /
 * Aborted with `errorMessage`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_create_job.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_one_job.htm
 */
export const BULK_JOB_STATES = ['UploadComplete', 'InProgress', 'Aborted', 'JobComplete', 'Failed'] as const;
export const bulkJobInfoSchema = z.object({
  id: z.string(),
  operation: z.string(),
  object: z.string(),
  state: z.enum(BULK_JOB_STATES),
  apiVersion: z.number(),
  numberRecordsProcessed: z.number().int().optional(),
  errorMessage: z.string().nullable().optional(),
  columnDelimiter: z.string().optional(),
  lineEnding: z.string().optional(),
});
export type BulkJobInfo = z.infer<typeof bulkJobInfoSchema>;
