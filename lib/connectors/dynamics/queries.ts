import { ConnectorError } from '../connector';
import { CONTACT_COLUMNS, LEAD_COLUMNS } from './schemas';

/**
 * Web API query options for one record and its related rows, in one GET: `$expand` of the activity pointers
 * regarding it (phone calls, e-mails, appointments, tasks and campaign responses are all activity pointers,
 * so one expand replaces four, or a `$batch` of four) and, for a lead, the opportunities it originated.
 * `$orderby` and `$top` are allowed inside `$expand` of a collection (not with a nested `$expand`).
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/query/join-tables
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/lead#BKMK_Lead_ActivityPointers
 */
export const ACTIVITY_LIMIT = 100;
const ACTIVITY_COLUMNS = 'activityid,activitytypecode,subject,description,createdon,actualend,scheduledstart,statecode,_ownerid_value';
const OPPORTUNITY_COLUMNS = 'opportunityid,name,estimatedvalue,createdon,estimatedclosedate,actualclosedate,statecode,stepname,_transactioncurrencyid_value';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids go into URLs and filters only after this check: a crafted page URL cannot change a query. */
export function assertGuid(id: string): string {
  if (!GUID.test(id)) {
    throw new ConnectorError({ vendor: 'dynamics', kind: 'permanent', code: 'INVALID_ID', message: `"${id}" is not a Dynamics 365 record id (a GUID).` });
  }
  return id;
}

function activities(nav: string, top: number | null): string {
  return `${nav}($select=${ACTIVITY_COLUMNS};$orderby=createdon desc${top ? `;$top=${top}` : ''})`;
}

export function leadQuery(top: number | null = ACTIVITY_LIMIT): Record<string, string> {
  return {
    $select: LEAD_COLUMNS.join(','),
    $expand: `${activities('Lead_ActivityPointers', top)},opportunity_originating_lead($select=${OPPORTUNITY_COLUMNS})`,
  };
}

export function contactQuery(top: number | null = ACTIVITY_LIMIT): Record<string, string> {
  return { $select: CONTACT_COLUMNS.join(','), $expand: activities('Contact_ActivityPointers', top) };
}

/** OData string literal: quotes doubled. https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/query/filter-rows */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `2026-04-01T00:00:00Z`: Dataverse compares date-times in UTC. */
export function odataDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
