import { z } from 'zod';

/**
 * Dataverse Web API v9.2 payloads, as documented. Responses are asked with
 * `Prefer: odata.include-annotations="OData.Community.Display.V1.FormattedValue"`, so choice and lookup columns
 * come with their label in the user's language beside the stored value.
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/query/select-columns#formatted-values
 */
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const text = z.string().nullish();
const num = z.number().nullish();

/** Errors: `{ error: { code, message } }`, code as a hex string such as `0x80040217` (record not found).
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors#parse-errors-from-the-response */
export const dataverseErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type DataverseErrorBody = z.infer<typeof dataverseErrorSchema>;

/**
 * Activities regarding the record, through the activity pointer (all activity tables in one list): phone
 * calls, e-mails, appointments, tasks and campaign responses. `activitytypecode` is the table's logical name.
 * `statecode`: 0 open, 1 completed, 2 canceled, 3 scheduled.
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/activitypointer
 */
export const activityPointerSchema = z.object({
  activityid: z.string(),
  activitytypecode: z.string(),
  subject: text,
  description: text,
  createdon: z.string(),
  actualend: text,
  scheduledstart: text,
  statecode: num,
  _ownerid_value: text,
  [`_ownerid_value${FORMATTED}`]: text,
});
export type DataverseActivity = z.infer<typeof activityPointerSchema>;

/** Opportunities created when the lead was qualified (`originatingleadid`). statecode: 0 open, 1 won, 2 lost.
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/opportunity */
export const opportunitySchema = z.object({
  opportunityid: z.string(),
  name: text,
  estimatedvalue: num,
  createdon: z.string(),
  estimatedclosedate: text,
  actualclosedate: text,
  statecode: num,
  [`statecode${FORMATTED}`]: text,
  stepname: text,
  [`_transactioncurrencyid_value${FORMATTED}`]: text,
});
export type DataverseOpportunity = z.infer<typeof opportunitySchema>;

/**
 * Lead columns the panel reads. statecode 0 open / 1 qualified / 2 disqualified; statuscode 1 New, 2 Contacted,
 * 3 Qualified, 4 Lost, 5 Cannot Contact, 6 No Longer Interested, 7 Canceled (the default choices).
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/lead
 */
export const LEAD_COLUMNS = [
  'leadid', 'fullname', 'firstname', 'lastname', 'emailaddress1', 'companyname', 'jobtitle', 'telephone1',
  'industrycode', 'numberofemployees', 'address1_country', 'leadsourcecode', 'leadqualitycode', 'statecode', 'statuscode',
  'createdon', 'modifiedon', '_ownerid_value', '_campaignid_value',
] as const;

export const leadSchema = z.object({
  leadid: z.string(),
  fullname: text,
  firstname: text,
  lastname: text,
  emailaddress1: text,
  companyname: text,
  jobtitle: text,
  telephone1: text,
  industrycode: num,
  [`industrycode${FORMATTED}`]: text,
  numberofemployees: num,
  address1_country: text,
  leadsourcecode: num,
  [`leadsourcecode${FORMATTED}`]: text,
  leadqualitycode: num,
  statecode: z.number(),
  statuscode: z.number(),
  [`statuscode${FORMATTED}`]: text,
  createdon: z.string(),
  modifiedon: text,
  _ownerid_value: text,
  [`_ownerid_value${FORMATTED}`]: text,
  _campaignid_value: text,
  [`_campaignid_value${FORMATTED}`]: text,
  Lead_ActivityPointers: z.array(activityPointerSchema).default([]),
  /** OData says more rows than `$top` exist (the expanded list was cut). */
  'Lead_ActivityPointers@odata.nextLink': text,
  opportunity_originating_lead: z.array(opportunitySchema).default([]),
});
export type DataverseLead = z.infer<typeof leadSchema>;

/** Contact columns. `originatingleadid`: the lead this contact was qualified from.
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/contact */
export const CONTACT_COLUMNS = [
  'contactid', 'fullname', 'firstname', 'lastname', 'emailaddress1', 'jobtitle', 'telephone1', 'address1_country',
  'statecode', 'createdon', 'modifiedon', '_ownerid_value', '_parentcustomerid_value', '_originatingleadid_value',
] as const;

export const contactSchema = z.object({
  contactid: z.string(),
  fullname: text,
  firstname: text,
  lastname: text,
  emailaddress1: text,
  jobtitle: text,
  telephone1: text,
  address1_country: text,
  statecode: num,
  createdon: z.string(),
  modifiedon: text,
  _ownerid_value: text,
  [`_ownerid_value${FORMATTED}`]: text,
  _parentcustomerid_value: text,
  [`_parentcustomerid_value${FORMATTED}`]: text,
  _originatingleadid_value: text,
  Contact_ActivityPointers: z.array(activityPointerSchema).default([]),
  'Contact_ActivityPointers@odata.nextLink': text,
});
export type DataverseContact = z.infer<typeof contactSchema>;

/** A collection page; `@odata.nextLink` is the next page's full URL while there are more.
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/query/page-results */
export function pageSchema<T extends z.ZodType>(row: T) {
  return z.object({ value: z.array(row), '@odata.nextLink': z.string().optional() });
}

/** The feedback task as Baton reads it back (create answers with `Prefer: return=representation`). */
export const taskSchema = z.object({
  activityid: z.string(),
  subject: text,
  description: text,
  createdon: z.string(),
  statecode: num,
});
export type DataverseTask = z.infer<typeof taskSchema>;

/** WhoAmI: the signed-in user. https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/reference/whoami */
export const whoAmISchema = z.object({ UserId: z.string(), BusinessUnitId: z.string(), OrganizationId: z.string() });

/** Entra ID v2.0 token response. https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#successful-response-2 */
export const entraTokenSchema = z.object({
  token_type: z.string(),
  access_token: z.string().min(1),
  expires_in: z.coerce.number(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
  id_token: z.string().optional(),
});
export type EntraToken = z.infer<typeof entraTokenSchema>;

/** Entra ID errors: `AADSTS…` codes in `error_codes` and the description. https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes */
export const entraErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
  error_codes: z.array(z.number()).optional(),
  correlation_id: z.string().optional(),
  trace_id: z.string().optional(),
});
