import type { FetchOptions } from '../connector';
import {
  normalizeEmail,
  personKeyFor,
  type DataQualityWarning,
  type LeadContext,
  type Person,
  type RecordRef,
  type StageChange,
} from '../../domain/model';
import { ACTIVITY, activityDate, attributeOf, mapActivityToEvent } from './activity-map';
import { activityIdOf, type MarketoActivity, type MarketoLead } from './schemas';

/** Lead fields the panel reads (REST API names). https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/leads */
export const LEAD_FIELDS = [
  'id', 'email', 'firstName', 'lastName', 'company', 'title', 'phone', 'industry', 'numberOfEmployees', 'country',
  'leadSource', 'leadStatus', 'leadScore', 'sfdcLeadId', 'sfdcContactId', 'createdAt', 'updatedAt',
] as const;

/** Marketo app hosts look like app-ab12.marketo.com; the lead detail page lives there. */
export function marketoLeadUrl(instance: string, leadId: number | string): string | undefined {
  return /^app-[a-z0-9]+\.marketo\.com$/i.test(instance)
    ? `https://${instance.toLowerCase()}/leadDatabase/loadLeadDetail?leadId=${encodeURIComponent(String(leadId))}`
    : undefined;
}

export function mapLeadToPerson(ref: RecordRef, lead: MarketoLead, options: Pick<FetchOptions, 'stageOf'>): Person {
  const email = normalizeEmail(lead.email);
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ').trim() || lead.email || `Marketo lead ${lead.id}`;
  const vendorStage = lead.leadStatus ?? undefined;
  const links: Person['links'] = [{ ref, url: marketoLeadUrl(ref.instance, lead.id) }];
  // The Salesforce ids the Marketo–Salesforce sync keeps on the lead: the same human's SFA record.
  if (lead.sfdcLeadId) links.push({ ref: { system: 'salesforce', instance: '*', object: 'Lead', id: lead.sfdcLeadId } });
  if (lead.sfdcContactId) links.push({ ref: { system: 'salesforce', instance: '*', object: 'Contact', id: lead.sfdcContactId } });
  return {
    key: personKeyFor(ref, email),
    name,
    email,
    company: lead.company ?? undefined,
    title: lead.title ?? undefined,
    phone: lead.phone ?? undefined,
    stage: vendorStage ? (options.stageOf?.('marketo', 'leadStatus', vendorStage) ?? null) : null,
    vendorStage,
    attributes: {
      email: email ?? null,
      company: lead.company ?? null,
      title: lead.title ?? null,
      industry: lead.industry ?? null,
      employees: lead.numberOfEmployees ?? null,
      country: lead.country ?? null,
      leadSource: lead.leadSource ?? null,
      marketoScore: lead.leadScore ?? null,
      sfdcLeadId: lead.sfdcLeadId ?? null,
      sfdcContactId: lead.sfdcContactId ?? null,
    },
    links,
  };
}

/** Lead Status changes ("Change Data Value" on Lead Status) are the stage history Marketo keeps. */
export function mapStatusChanges(activities: MarketoActivity[], options: Pick<FetchOptions, 'stageOf'>): StageChange[] {
  return activities
    .filter((a) => a.activityTypeId === ACTIVITY.changeDataValue && /^lead ?status$/i.test(a.primaryAttributeValue ?? ''))
    .flatMap((a): StageChange[] => {
      const value = attributeOf(a, 'New Value');
      const at = activityDate(a);
      if (!value || at === null) return [];
      return [{
        id: `marketo:${activityIdOf(a)}`,
        source: 'marketo',
        stage: options.stageOf?.('marketo', 'leadStatus', value) ?? null,
        vendorValue: value,
        fromVendorValue: attributeOf(a, 'Old Value'),
        at,
        by: attributeOf(a, 'Source'),
        reason: attributeOf(a, 'Reason'),
      }];
    });
}

export function mapMarketoContext(input: {
  ref: RecordRef;
  lead: MarketoLead;
  activities: MarketoActivity[];
  typeNames: ReadonlyMap<number, string>;
  truncated: boolean;
  options: Pick<FetchOptions, 'stageOf' | 'now'>;
}): LeadContext {
  const person = mapLeadToPerson(input.ref, input.lead, input.options);
  const warnings: DataQualityWarning[] = [];
  if (!person.email) warnings.push({ code: 'missing_field', detail: 'email' });
  if (input.options.stageOf && person.vendorStage && person.stage === null) {
    warnings.push({ code: 'unmapped_stage', detail: `leadStatus=${person.vendorStage}` });
  }
  if (input.truncated) warnings.push({ code: 'missing_field', detail: 'activities: older pages not read' });
  const undated = input.activities.filter((a) => activityDate(a) === null).length;
  if (undated > 0) warnings.push({ code: 'unreadable_date', detail: `Marketo activityDate (${undated})` });
  const events = input.activities
    .map((a) => mapActivityToEvent(a, input.typeNames))
    .filter((e): e is NonNullable<typeof e> => e !== null)
    .sort((a, b) => a.occurredAt - b.occurredAt);
  return {
    ref: input.ref,
    person,
    events,
    activities: [],
    stageChanges: mapStatusChanges(input.activities, input.options).sort((a, b) => a.at - b.at),
    opportunities: [],
    feedback: [],
    warnings,
    fetchedAt: input.options.now,
    sources: ['marketo'],
  };
}
