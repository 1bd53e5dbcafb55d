import type { FetchOptions } from '../connector';
import { parseVendorDateTime } from '../vendor-date';
import {
  normalizeEmail,
  personKeyFor,
  type DataQualityWarning,
  type EngagementEvent,
  type Feedback,
  type LeadContext,
  type Opportunity,
  type Person,
  type RecordRef,
  type SalesActivity,
  type SalesActivityType,
  type StageChange,
} from '../../domain/model';
import { feedbackFromDataverseTask } from './feedback-task';
import type { DataverseActivity, DataverseContact, DataverseLead, DataverseOpportunity } from './schemas';

/** The column whose values the definitions map (`stageMappings`, system `dynamics`): the lead's Status Reason. */
export const STAGE_FIELD = 'statuscode';
const STATUS_NEW = '1';
const STATUS_QUALIFIED = '3';
const F = '@OData.Community.Display.V1.FormattedValue';

/** Where the record opens in the model-driven app. https://learn.microsoft.com/en-us/power-apps/developer/model-driven-apps/open-forms-views-dialogs-reports-url */
export function dynamicsRecordUrl(ref: RecordRef): string {
  return `https://${ref.instance}/main.aspx?pagetype=entityrecord&etn=${encodeURIComponent(ref.object)}&id=${encodeURIComponent(ref.id)}`;
}

function at(value: string | null | undefined): number | undefined {
  const t = parseVendorDateTime(value);
  return t !== null && t >= 0 ? t : undefined;
}

function formatted(row: object, column: string): string | undefined {
  const v = (row as Record<string, unknown>)[`${column}${F}`];
  return typeof v === 'string' && v ? v : undefined;
}

function nameOf(first: string | null | undefined, last: string | null | undefined, full: string | null | undefined, fallback: string): string {
  // Japanese orgs often show 姓 名; `fullname` follows the org's name format, so it wins when present.
  return full?.trim() || [first, last].filter(Boolean).join(' ').trim() || fallback;
}

export function mapLeadToPerson(ref: RecordRef, lead: DataverseLead, options: Pick<FetchOptions, 'stageOf'>): Person {
  const email = normalizeEmail(lead.emailaddress1);
  const vendorStage = String(lead.statuscode);
  return {
    key: personKeyFor(ref, email),
    name: nameOf(lead.firstname, lead.lastname, lead.fullname, lead.emailaddress1 ?? `Dynamics 365 lead ${lead.leadid}`),
    email,
    company: lead.companyname ?? undefined,
    title: lead.jobtitle ?? undefined,
    phone: lead.telephone1 ?? undefined,
    owner: formatted(lead, '_ownerid_value') ?? lead._ownerid_value ?? undefined,
    stage: options.stageOf?.('dynamics', STAGE_FIELD, vendorStage) ?? null,
    vendorStage,
    attributes: {
      email: email ?? null,
      company: lead.companyname ?? null,
      title: lead.jobtitle ?? null,
      industry: formatted(lead, 'industrycode') ?? null,
      employees: lead.numberofemployees ?? null,
      country: lead.address1_country ?? null,
      leadSource: formatted(lead, 'leadsourcecode') ?? (lead.leadsourcecode != null ? String(lead.leadsourcecode) : null),
      campaign: formatted(lead, '_campaignid_value') ?? null,
      statusReason: formatted(lead, 'statuscode') ?? vendorStage,
    },
    links: [{ ref, url: dynamicsRecordUrl(ref) }],
  };
}

export function mapContactToPerson(ref: RecordRef, contact: DataverseContact): Person {
  const email = normalizeEmail(contact.emailaddress1);
  const links: Person['links'] = [{ ref, url: dynamicsRecordUrl(ref) }];
  // The lead this contact was qualified from: the same human's earlier record in the same environment.
  if (contact._originatingleadid_value) {
    const lead: RecordRef = { system: 'dynamics', instance: ref.instance, object: 'lead', id: contact._originatingleadid_value };
    links.push({ ref: lead, url: dynamicsRecordUrl(lead) });
  }
  const company = formatted(contact, '_parentcustomerid_value');
  return {
    key: personKeyFor(ref, email),
    name: nameOf(contact.firstname, contact.lastname, contact.fullname, contact.emailaddress1 ?? `Dynamics 365 contact ${contact.contactid}`),
    email,
    company,
    title: contact.jobtitle ?? undefined,
    phone: contact.telephone1 ?? undefined,
    owner: formatted(contact, '_ownerid_value') ?? contact._ownerid_value ?? undefined,
    stage: null,
    attributes: { email: email ?? null, company: company ?? null, title: contact.jobtitle ?? null, country: contact.address1_country ?? null },
    links,
  };
}

/**
 * The lead's status history, from the records that carry their own time (see dynamics-connector.ts for why not
 * the audit log): the lead is created New (Dataverse's default status reason); qualifying it creates the
 * opportunity that names it as originating lead, in the same operation (QualifyLead), so that opportunity's
 * `createdon` is the time it became Qualified; any other status (Contacted, or a Disqualified reason) is dated
 * by the lead's `modifiedon`, the latest it can have happened.
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/reference/qualifylead
 */
export function leadStatusChanges(lead: DataverseLead, options: Pick<FetchOptions, 'stageOf'>): StageChange[] {
  const created = at(lead.createdon);
  if (created === undefined) return [];
  const change = (vendorValue: string, when: number, from: string | undefined, how: string): StageChange => ({
    id: `dynamics:${lead.leadid}:${STAGE_FIELD}:${vendorValue}:${when}`,
    source: 'dynamics',
    stage: options.stageOf?.('dynamics', STAGE_FIELD, vendorValue) ?? null,
    vendorValue,
    fromVendorValue: from,
    at: when,
    by: how,
  });
  const changes = [change(STATUS_NEW, created, undefined, 'createdon')];
  const current = String(lead.statuscode);
  if (current === STATUS_NEW) return changes;
  const firstOpportunity = lead.opportunity_originating_lead.map((o) => at(o.createdon)).filter((t): t is number => t !== undefined).sort((a, b) => a - b)[0];
  if (current === STATUS_QUALIFIED && firstOpportunity !== undefined) {
    changes.push(change(STATUS_QUALIFIED, Math.max(created, firstOpportunity), STATUS_NEW, 'opportunity.createdon'));
    return changes;
  }
  const modified = at(lead.modifiedon);
  if (modified !== undefined) changes.push(change(current, Math.max(created, modified), STATUS_NEW, 'modifiedon'));
  return changes;
}

/** Activity tables → Baton's activity types. https://learn.microsoft.com/en-us/power-apps/developer/data-platform/activity-entities */
const ACTIVITY_TYPES: Record<string, SalesActivityType> = { phonecall: 'call', email: 'email', appointment: 'meeting', task: 'task' };
const STATE_LABEL: Record<number, string> = { 0: 'open', 1: 'completed', 2: 'canceled', 3: 'scheduled' };

/**
 * Sales activities. When it happened: the actual end once completed, else the scheduled start (a future meeting
 * stays in the future, and the first-touch logic ignores it until then), else its creation. Canceled ones are
 * left out: nobody was touched. Baton's own feedback tasks are feedback, not activities.
 */
export function mapActivities(activities: readonly DataverseActivity[]): SalesActivity[] {
  return activities.flatMap((a): SalesActivity[] => {
    const type = ACTIVITY_TYPES[a.activitytypecode];
    if (!type || a.statecode === 2 || /\[baton:[A-Za-z0-9_-]{8,64}\]/.test(a.subject ?? '')) return [];
    const when = (a.statecode === 1 ? at(a.actualend) : undefined) ?? at(a.scheduledstart) ?? at(a.createdon);
    if (when === undefined) return [];
    return [{
      id: `dynamics:${a.activityid}`,
      source: 'dynamics',
      type,
      occurredAt: when,
      by: formatted(a, '_ownerid_value') ?? a._ownerid_value ?? undefined,
      subject: a.subject ?? undefined,
      outcome: a.statecode != null ? STATE_LABEL[a.statecode] : undefined,
    }];
  });
}

/**
 * Marketing touches Dataverse holds on the record itself: campaign responses (the Sales app's record of a
 * person answering a campaign, an activity type) and the lead's capture from the web (lead source Web = 8).
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/campaignresponse
 */
export function mapEngagement(recordId: string, activities: readonly DataverseActivity[], lead?: DataverseLead): EngagementEvent[] {
  const responses = activities.flatMap((a): EngagementEvent[] => {
    if (a.activitytypecode !== 'campaignresponse') return [];
    const when = at(a.actualend) ?? at(a.createdon);
    if (when === undefined) return [];
    return [{ id: `dynamics:${a.activityid}`, source: 'dynamics', sourceId: a.activityid, type: 'other', occurredAt: when, vendorType: 'Campaign response', asset: a.subject ?? undefined }];
  });
  const created = lead ? at(lead.createdon) : undefined;
  const web: EngagementEvent[] =
    lead && lead.leadsourcecode === 8 && created !== undefined
      ? [{
          id: `dynamics:web-lead:${recordId}`,
          source: 'dynamics',
          sourceId: `web-lead:${recordId}`,
          type: 'form_submit',
          occurredAt: created,
          vendorType: formatted(lead, 'leadsourcecode') ?? 'Web',
          campaign: formatted(lead, '_campaignid_value'),
        }]
      : [];
  return [...web, ...responses];
}

export function mapOpportunities(rows: readonly DataverseOpportunity[]): Opportunity[] {
  return rows.map((o) => ({
    id: `dynamics:${o.opportunityid}`,
    source: 'dynamics',
    name: o.name ?? '',
    stageName: o.stepname ?? formatted(o, 'statecode') ?? String(o.statecode ?? ''),
    amount: o.estimatedvalue ?? null,
    currency: formatted(o, '_transactioncurrencyid_value'),
    createdAt: at(o.createdon),
    closeDate: at(o.actualclosedate) ?? at(o.estimatedclosedate),
    isClosed: o.statecode === 1 || o.statecode === 2,
    isWon: o.statecode === 1,
  }));
}

/** Feedback read back from Baton's tasks on the record, one per feedback id (the oldest task stands for it). */
export function feedbackFromActivities(activities: readonly DataverseActivity[], ref: RecordRef, personKey: string): Feedback[] {
  const byId = new Map<string, { fb: Feedback; created: number }>();
  for (const a of activities) {
    if (a.activitytypecode !== 'task') continue;
    const fb = feedbackFromDataverseTask(a, ref, personKey);
    if (!fb) continue;
    const created = at(a.createdon) ?? Number.MAX_SAFE_INTEGER;
    const seen = byId.get(fb.id);
    if (!seen || created < seen.created) byId.set(fb.id, { fb, created });
  }
  return [...byId.values()].map((v) => v.fb);
}

function warningsFor(person: Person, options: Pick<FetchOptions, 'stageOf'>, cut: boolean): DataQualityWarning[] {
  const warnings: DataQualityWarning[] = [];
  if (!person.email) warnings.push({ code: 'missing_field', detail: 'emailaddress1' });
  if (options.stageOf && person.vendorStage && person.stage === null) warnings.push({ code: 'unmapped_stage', detail: `${STAGE_FIELD}=${person.vendorStage}` });
  if (cut) warnings.push({ code: 'missing_field', detail: 'activities (only the latest 100 are read)' });
  return warnings;
}

const byTime = <T extends { occurredAt: number }>(a: T, b: T) => a.occurredAt - b.occurredAt;

export function mapLeadContext(ref: RecordRef, lead: DataverseLead, options: Pick<FetchOptions, 'stageOf' | 'now'>): LeadContext {
  const person = mapLeadToPerson(ref, lead, options);
  const activities = lead.Lead_ActivityPointers;
  return {
    ref,
    person,
    events: mapEngagement(lead.leadid, activities, lead).sort(byTime),
    activities: mapActivities(activities).sort(byTime),
    stageChanges: leadStatusChanges(lead, options).sort((a, b) => a.at - b.at),
    opportunities: mapOpportunities(lead.opportunity_originating_lead),
    feedback: feedbackFromActivities(activities, ref, person.key),
    warnings: warningsFor(person, options, Boolean(lead['Lead_ActivityPointers@odata.nextLink'])),
    fetchedAt: options.now,
    sources: ['dynamics'],
  };
}

export function mapContactContext(ref: RecordRef, contact: DataverseContact, options: Pick<FetchOptions, 'stageOf' | 'now'>): LeadContext {
  const person = mapContactToPerson(ref, contact);
  const activities = contact.Contact_ActivityPointers;
  return {
    ref,
    person,
    events: mapEngagement(contact.contactid, activities).sort(byTime),
    activities: mapActivities(activities).sort(byTime),
    stageChanges: [],
    opportunities: [],
    feedback: feedbackFromActivities(activities, ref, person.key),
    warnings: warningsFor(person, options, Boolean(contact['Contact_ActivityPointers@odata.nextLink'])),
    fetchedAt: options.now,
    sources: ['dynamics'],
  };
}
