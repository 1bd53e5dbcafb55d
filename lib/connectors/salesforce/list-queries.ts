import {
  assertFieldName,
  assertSalesforceId,
  EVENT_FIELDS,
  HISTORY_FIELDS,
  MEMBER_FIELDS,
  personFields,
  soqlString,
  TASK_FIELDS,
  type PersonObject,
} from './queries';

/**
 * SOQL of the team listing. Everything the panel's record view reads, for every person of a period: the REST
 * path carries history, Tasks, Events and CampaignMembers as parent-child subqueries of one query; the Bulk API
 * 2.0 path (no parent-child subqueries there) runs one query per object, joined locally on the parent id.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm
 */

/**
 * Children per person on the team listing, oldest first: the earliest touch after the handoff is what the SLA
 * needs, and every child row counts toward the query's batch size (Sforce-Query-Options), so these caps keep a
 * busy lead from eating a page. The panel's own view still reads the most recent 200.
 */
export const LIST_LIMITS = { history: 50, tasks: 25, events: 25, members: 25 } as const;

/** How a person gets into one pass of the listing. */
export type ListFilter =
  /** Touched the period: modified at or after `from` (or `since` when incremental), created before `to`. */
  | { kind: 'period'; from: number; to: number }
  /** A child (Task, Event, CampaignMember) changed since `since`: those do not move the parent's SystemModstamp. */
  | { kind: 'child-changed'; child: 'Task' | 'Event' | 'CampaignMember'; since: number; to: number }
  /** The signed-in user's own records, not converted. */
  | { kind: 'mine'; ownerId: string; to: number };

/** SOQL date-time literal (UTC, unquoted). https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm */
export function soqlDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Where the child's pointer to the person lives. */
function childParentField(child: 'Task' | 'Event' | 'CampaignMember', object: PersonObject): string {
  if (child === 'CampaignMember') return object === 'Lead' ? 'LeadId' : 'ContactId';
  return 'WhoId';
}

/**
 * The WHERE of the person query. Contacts converted from a lead are left out (anti-join on
 * Lead.ConvertedContactId): the lead already is that person, with its history from the start.
 * `nested` drops the anti-join, for use inside a semi-join (SOQL does not nest them); the bulk path uses it
 * only with the period filter, so the inner query never needs a semi-join of its own.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm (semi-joins and anti-joins)
 */
export function personWhere(object: PersonObject, filter: ListFilter, nested = false): string {
  const parts: string[] = [];
  if (filter.kind === 'period') {
    parts.push(`SystemModstamp >= ${soqlDateTime(filter.from)}`, `CreatedDate < ${soqlDateTime(filter.to)}`);
  } else if (filter.kind === 'child-changed') {
    const parent = childParentField(filter.child, object);
    // Records modified since `since` already came in the period pass; this pass adds the ones only a child moved.
    parts.push(
      `Id IN (SELECT ${parent} FROM ${filter.child} WHERE SystemModstamp >= ${soqlDateTime(filter.since)})`,
      `SystemModstamp < ${soqlDateTime(filter.since)}`,
      `CreatedDate < ${soqlDateTime(filter.to)}`,
    );
  } else {
    parts.push(`OwnerId = ${soqlString(assertSalesforceId(filter.ownerId))}`, `CreatedDate < ${soqlDateTime(filter.to)}`);
    if (object === 'Lead') parts.push('IsConverted = false');
  }
  if (object === 'Contact' && !nested) parts.push('Id NOT IN (SELECT ConvertedContactId FROM Lead WHERE IsConverted = true)');
  return parts.join(' AND ');
}

export interface ListQueryInput {
  object: PersonObject;
  filter: ListFilter;
  pardotFields: boolean;
  /** Field whose history is the stage (`Status` for leads); null reads no history. */
  stageField: string | null;
}

/** REST path: the person with its children as subqueries, one row of the parent per person. */
export function listRestQuery(input: ListQueryInput): string {
  const { object, stageField } = input;
  const subqueries = [
    ...(stageField
      ? [
          `(SELECT ${HISTORY_FIELDS} FROM Histories WHERE Field IN (${soqlString(assertFieldName(stageField))}, 'Owner', 'created') ORDER BY CreatedDate ASC LIMIT ${LIST_LIMITS.history})`,
        ]
      : []),
    `(SELECT ${TASK_FIELDS} FROM Tasks ORDER BY CreatedDate ASC LIMIT ${LIST_LIMITS.tasks})`,
    `(SELECT ${EVENT_FIELDS} FROM Events ORDER BY CreatedDate ASC LIMIT ${LIST_LIMITS.events})`,
    `(SELECT ${MEMBER_FIELDS} FROM CampaignMembers ORDER BY CreatedDate ASC LIMIT ${LIST_LIMITS.members})`,
  ];
  return `SELECT ${personFields(object, input).join(', ')}, ${subqueries.join(', ')} FROM ${object} WHERE ${personWhere(object, input.filter)}`;
}

/** The bulk queries of one pass: the parent and each child object, each naming its parent's id for the join. */
export type BulkPart = 'parent' | 'history' | 'tasks' | 'events' | 'members';

export function listBulkQueries(input: ListQueryInput): Partial<Record<BulkPart, string>> {
  const { object, stageField } = input;
  const inScope = `(SELECT Id FROM ${object} WHERE ${personWhere(object, input.filter, true)})`;
  const parentId = object === 'Lead' ? 'LeadId' : 'ContactId';
  const queries: Partial<Record<BulkPart, string>> = {
    parent: `SELECT ${personFields(object, input).join(', ')} FROM ${object} WHERE ${personWhere(object, input.filter)}`,
    tasks: `SELECT ${TASK_FIELDS}, WhoId FROM Task WHERE WhoId IN ${inScope}`,
    events: `SELECT ${EVENT_FIELDS}, WhoId FROM Event WHERE WhoId IN ${inScope}`,
    members: `SELECT ${MEMBER_FIELDS}, ${parentId} FROM CampaignMember WHERE ${parentId} IN ${inScope}`,
  };
  if (stageField) {
    queries.history =
      `SELECT ${HISTORY_FIELDS}, ${parentId} FROM ${object}History WHERE Field IN (${soqlString(assertFieldName(stageField))}, 'Owner', 'created') ` +
      `AND ${parentId} IN ${inScope}`;
  }
  return queries;
}
