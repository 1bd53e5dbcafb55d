import { z } from 'zod';
import { normalizeEmail, personKeyFor, type Person, type RecordRef } from '../../domain/model';
import { ConnectorError, type FetchOptions } from '../connector';
import type { KeyValueStore } from '../local-store';
import { readAuth } from './auth';
import type { SalesforceClient } from './client';
import { errorFromSalesforce } from './errors';
import { assertSalesforceId, queryPath, soqlString, type PersonObject } from './queries';
import { myDomainNameOf } from './session-fallback';
import { readSalesforceSettings } from './settings';
import { compositeResponseSchema, queryResultSchema, sfAttributesSchema } from './schemas';

/**
 * Finding the Salesforce side of a person seen in an MA: by the record id the MA's Salesforce sync wrote on its
 * record (Marketo sfdcLeadId / sfdcContactId, HubSpot salesforceleadid / salesforcecontactid), or by e-mail.
 * One composite request per lookup (one API call toward the org's limit), at most 10 rows per object.
 */
export type SalesforceLookup = { by: 'Id'; object: PersonObject; value: string } | { by: 'email'; value: string };

/** Rows returned per object: enough to see a duplicate, few enough to stay cheap. */
const MAX_ROWS = 10;

const LEAD_FIELDS = 'Id, Name, Email, Company, Title, Status, Owner.Name';
const CONTACT_FIELDS = 'Id, Name, Email, Title, Account.Name, Owner.Name';

/**
 * The fields selected above, as the REST query resource returns them.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 */
const sfPersonRowSchema = z.object({
  attributes: sfAttributesSchema,
  Id: z.string(),
  Name: z.string().nullable().optional(),
  Email: z.string().nullable().optional(),
  Company: z.string().nullable().optional(),
  Title: z.string().nullable().optional(),
  Status: z.string().nullable().optional(),
  Owner: z.object({ Name: z.string().nullable().optional() }).nullable().optional(),
  Account: z.object({ Name: z.string().nullable().optional() }).nullable().optional(),
});
type SfPersonRow = z.infer<typeof sfPersonRowSchema>;

/** SOQL for one lookup, per object. Converted leads are left out of e-mail lookups: their contact is the live record. */
export function findPeopleQueries(lookup: SalesforceLookup): { object: PersonObject; soql: string }[] {
  if (lookup.by === 'Id') {
    const id = assertSalesforceId(lookup.value.trim());
    const fields = lookup.object === 'Lead' ? LEAD_FIELDS : CONTACT_FIELDS;
    return [{ object: lookup.object, soql: `SELECT ${fields} FROM ${lookup.object} WHERE Id = ${soqlString(id)} LIMIT 1` }];
  }
  const email = normalizeEmail(lookup.value);
  if (!email) return [];
  // Email is case-insensitive in SOQL comparisons, so the normalized address finds "Jane@Example.com" too.
  return [
    { object: 'Lead', soql: `SELECT ${LEAD_FIELDS} FROM Lead WHERE Email = ${soqlString(email)} AND IsConverted = false LIMIT ${MAX_ROWS}` },
    { object: 'Contact', soql: `SELECT ${CONTACT_FIELDS} FROM Contact WHERE Email = ${soqlString(email)} LIMIT ${MAX_ROWS}` },
  ];
}

/** The org's instance name as the page detector gives it (the My Domain name), so refs from both paths agree. */
export function salesforceInstanceOf(instanceUrl: string): string {
  return myDomainNameOf(instanceUrl) ?? new URL(instanceUrl).hostname.toLowerCase();
}

function toPerson(row: SfPersonRow, object: PersonObject, instanceUrl: string, options: Pick<FetchOptions, 'stageOf'>): Person {
  const ref: RecordRef = { system: 'salesforce', instance: salesforceInstanceOf(instanceUrl), object, id: row.Id };
  const email = normalizeEmail(row.Email);
  const company = row.Company ?? row.Account?.Name ?? undefined;
  const status = object === 'Lead' ? (row.Status ?? undefined) : undefined;
  return {
    key: personKeyFor(ref, email),
    name: row.Name ?? '',
    email,
    company,
    title: row.Title ?? undefined,
    owner: row.Owner?.Name ?? undefined,
    stage: status !== undefined ? (options.stageOf?.('salesforce', 'Status', status) ?? null) : null,
    vendorStage: status,
    attributes: { email: email ?? null, company: company ?? null, title: row.Title ?? null },
    links: [{ ref, url: `${instanceUrl}/${row.Id}` }],
  };
}

/** Leads and contacts matching one lookup, as people for `matchPeople`. One API call (composite). */
export async function findSalesforcePeople(
  client: SalesforceClient,
  input: { apiVersion: string; lookup: SalesforceLookup; options: FetchOptions },
): Promise<Person[]> {
  const queries = findPeopleQueries(input.lookup);
  if (queries.length === 0) return [];
  const { instanceUrl } = await client.auth();
  const { body } = await client.request(`/services/data/v${input.apiVersion}/composite`, {
    method: 'POST',
    body: {
      allOrNone: false,
      compositeRequest: queries.map((q, i) => ({ method: 'GET', referenceId: `find${i}`, url: queryPath(input.apiVersion, q.soql) })),
    },
    signal: input.options.signal,
  });
  const parsed = compositeResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ConnectorError({ vendor: 'salesforce', kind: 'invalid-response', message: 'Salesforce: the composite response to a people lookup has an unexpected shape.' });
  }
  const people: Person[] = [];
  for (const [i, q] of queries.entries()) {
    const sub = parsed.data.compositeResponse.find((r) => r.referenceId === `find${i}`);
    if (!sub) continue;
    if (sub.httpStatusCode >= 300) throw errorFromSalesforce(sub.httpStatusCode, sub.body);
    const rows = queryResultSchema(sfPersonRowSchema).safeParse(sub.body);
    if (!rows.success) {
      const issue = rows.error.issues[0];
      throw new ConnectorError({
        vendor: 'salesforce',
        kind: 'invalid-response',
        message: `Salesforce: the ${q.object} lookup result has an unexpected shape${issue ? ` at ${issue.path.join('.')}: ${issue.message}` : ''}.`,
      });
    }
    people.push(...rows.data.records.map((r) => toPerson(r, q.object, instanceUrl, input.options)));
  }
  return people;
}

/**
 * Cheap "is Salesforce set up?" for the cross-system lookups, without a call: an OAuth sign-in is stored, or the
 * admin turned the browser-session fallback on (whether a session exists is only known when a call is made).
 */
export async function isSalesforceConnected(storage: KeyValueStore): Promise<boolean> {
  if (await readAuth(storage)) return true;
  return (await readSalesforceSettings(storage))?.sessionFallback === true;
}
