import { toSalesforceId18 } from '../../sites/salesforce-id';
import { ConnectorError } from '../connector';

/**
 * SOQL builders. Ids are validated against the 15/18-character pattern before they are put into a query,
 * and every string literal goes through `soqlString`, so a crafted URL can never change a query.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
 */
function invalidId(id: string): ConnectorError {
  return new ConnectorError({
    vendor: 'salesforce',
    kind: 'permanent',
    code: 'INVALID_ID',
    message: `Salesforce: "${id.slice(0, 40)}" is not a record id (15 or 18 letters and digits). Open the record page again.`,
  });
}

/** The 18-character, case-safe form of a record id (lib/sites/salesforce-id.ts, the one checksum), or a clear error. */
export function assertSalesforceId(id: string): string {
  const id18 = toSalesforceId18(id);
  if (id18 === null) throw invalidId(id);
  return id18;
}

export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

export type PersonObject = 'Lead' | 'Contact';

export function personObjectOf(object: string): PersonObject | null {
  const o = object.toLowerCase();
  return o === 'lead' ? 'Lead' : o === 'contact' ? 'Contact' : null;
}

/** Child lists are capped: the panel shows recent history; older rows page through nextRecordsUrl. */
export const CHILD_LIMIT = 200;

export const TASK_FIELDS = 'Id, Subject, TaskSubtype, Type, Status, ActivityDate, CompletedDateTime, CreatedDate, CallDisposition, Description, Owner.Name';
export const EVENT_FIELDS = 'Id, Subject, Type, StartDateTime, CreatedDate, Owner.Name';
export const MEMBER_FIELDS = 'Id, Status, HasResponded, FirstRespondedDate, CreatedDate, Campaign.Name, Campaign.Type';
const OPP = ['Id', 'Name', 'StageName', 'Amount', 'CreatedDate', 'CloseDate', 'IsClosed', 'IsWon'];
/** Account Engagement managed-package fields on Lead and Contact. */
export const PARDOT_FIELDS = ['pi__score__c', 'pi__grade__c', 'pi__last_activity__c', 'pi__url__c'];

const LEAD_FIELDS = [
  'Id', 'Name', 'Email', 'Phone', 'Title', 'Company', 'Industry', 'NumberOfEmployees', 'Country', 'LeadSource', 'Status',
  'CreatedDate', 'IsConverted', 'ConvertedDate', 'ConvertedContactId', 'ConvertedOpportunityId', 'Owner.Name',
  ...OPP.map((f) => `ConvertedOpportunity.${f}`),
];
const CONTACT_FIELDS = [
  'Id', 'Name', 'Email', 'Phone', 'Title', 'MailingCountry', 'LeadSource', 'CreatedDate', 'Owner.Name',
  'Account.Name', 'Account.Industry', 'Account.NumberOfEmployees',
];

/** The fields of a Lead or Contact the mapper reads (the panel's record query and the team listing share them). */
export function personFields(object: PersonObject, opts: { pardotFields: boolean; extraFields?: string[] }): string[] {
  const fields = [...(object === 'Lead' ? LEAD_FIELDS : CONTACT_FIELDS), ...(opts.pardotFields ? PARDOT_FIELDS : []), ...(opts.extraFields ?? [])];
  return [...new Set(fields)];
}

/** A stage field name goes into SOQL unquoted: only an API name passes. */
export function assertFieldName(field: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(field)) throw invalidId(field);
  return field;
}

/** History rows the mapper reads: the stage field, the owner, and `created`. */
export const HISTORY_FIELDS = 'Id, Field, OldValue, NewValue, CreatedDate, CreatedById, CreatedBy.Name';

/**
 * The record with its Tasks, Events and CampaignMembers as child subqueries, and (for a converted lead)
 * the opportunity through the ConvertedOpportunity relationship: one query, one result.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm
 */
export function recordQuery(object: PersonObject, id: string, opts: { pardotFields: boolean; extraFields?: string[] }): string {
  const id18 = assertSalesforceId(id);
  return [
    `SELECT ${personFields(object, opts).join(', ')},`,
    `(SELECT ${TASK_FIELDS} FROM Tasks ORDER BY CreatedDate DESC LIMIT ${CHILD_LIMIT}),`,
    `(SELECT ${EVENT_FIELDS} FROM Events ORDER BY StartDateTime DESC LIMIT ${CHILD_LIMIT}),`,
    `(SELECT ${MEMBER_FIELDS} FROM CampaignMembers ORDER BY CreatedDate DESC LIMIT ${CHILD_LIMIT})`,
    `FROM ${object} WHERE Id = ${soqlString(id18)}`,
  ].join(' ');
}

/**
 * Field history of the stage field (Lead.Status, or the configured Contact field), the owner, and the
 * `created` row that marks when tracking began (it tells the value the record was created with).
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_leadhistory.htm
 */
export function historyQuery(object: PersonObject, id: string, stageField: string): string {
  const id18 = assertSalesforceId(id);
  assertFieldName(stageField);
  const parent = object === 'Lead' ? 'LeadId' : 'ContactId';
  return (
    `SELECT ${HISTORY_FIELDS} FROM ${object}History ` +
    `WHERE ${parent} = ${soqlString(id18)} AND Field IN (${soqlString(stageField)}, 'Owner', 'created') ORDER BY CreatedDate ASC LIMIT 500`
  );
}

/** The marker that makes a feedback Task findable again: `[baton:<feedback id>]`. */
export function feedbackMarker(feedbackId: string): string {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(feedbackId)) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'permanent', code: 'INVALID_FEEDBACK_ID', message: 'Feedback id has unexpected characters; it cannot be delivered.' });
  }
  return `[baton:${feedbackId}]`;
}

/** How many marked Tasks one lookup reads: more than one only ever means duplicates to clean up. */
export const FEEDBACK_LOOKUP_LIMIT = 20;

/**
 * Every Task carrying this feedback's marker, oldest first (the one to keep). `_` is a LIKE wildcard, so it is
 * escaped.
 */
export function feedbackLookupQuery(whoId: string, feedbackId: string): string {
  // The marker is validated to letters, digits, `-`, `_` and the brackets, so the literal is built directly:
  // passing `\\_` through soqlString would escape the backslash and turn it back into a wildcard.
  const marker = feedbackMarker(feedbackId).replace(/_/g, '\\_');
  return `SELECT Id FROM Task WHERE WhoId = ${soqlString(assertSalesforceId(whoId))} AND Subject LIKE '%${marker}%' ORDER BY CreatedDate ASC, Id ASC LIMIT ${FEEDBACK_LOOKUP_LIMIT}`;
}

export function queryPath(apiVersion: string, soql: string): string {
  return `/services/data/v${apiVersion}/query/?q=${encodeURIComponent(soql)}`;
}
