import {
  personKeyFor,
  type DataQualityWarning,
  type EngagementEvent,
  type EngagementType,
  type Feedback,
  type LeadContext,
  type Opportunity,
  type RecordRef,
  type SalesActivity,
  type SalesActivityType,
  type StageChange,
} from '../../domain/model';
import type { FetchOptions } from '../connector';
import type { PersonBundle } from './composite';
import { parseSfDateTime } from './dates';
import { feedbackFromTask, isFeedbackTask } from './feedback-task';
import type { SfCampaignMember, SfEvent, SfOpportunity, SfTask } from './schemas';

/**
 * Salesforce records → the domain's LeadContext. Vendor values are kept beside the domain words (vendorStage,
 * vendorValue, vendorType), so a later version of the definitions can re-read the cached history.
 */
export interface MapInput {
  ref: RecordRef;
  instanceUrl: string;
  bundle: PersonBundle;
  /** Stage field whose history was read: `Status` for leads. */
  stageField: string | null;
  /** Account Engagement visitor activities, when a business unit is configured; replaces CampaignMember history. */
  accountEngagementEvents?: EngagementEvent[];
  fetchedAt: number;
  stageOf?: FetchOptions['stageOf'];
}

/** https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm (TaskSubtype, Type) */
function activityTypeOfTask(t: SfTask): SalesActivityType {
  const sub = (t.TaskSubtype ?? '').toLowerCase();
  const type = (t.Type ?? '').toLowerCase();
  if (sub === 'call' || type === 'call') return 'call';
  if (sub === 'email' || sub === 'listemail' || type === 'email') return 'email';
  if (type === 'meeting') return 'meeting';
  return 'task';
}

function taskActivity(t: SfTask): SalesActivity | null {
  const at = parseSfDateTime(t.CompletedDateTime) ?? parseSfDateTime(t.CreatedDate);
  if (at === null) return null;
  return {
    id: `salesforce:${t.Id}`,
    source: 'salesforce',
    type: activityTypeOfTask(t),
    occurredAt: at,
    by: t.Owner?.Name ?? undefined,
    subject: t.Subject ?? undefined,
    outcome: t.CallDisposition ?? t.Status ?? undefined,
  };
}

function eventActivity(e: SfEvent): SalesActivity | null {
  const at = parseSfDateTime(e.StartDateTime) ?? parseSfDateTime(e.CreatedDate);
  if (at === null) return null;
  return { id: `salesforce:${e.Id}`, source: 'salesforce', type: 'meeting', occurredAt: at, by: e.Owner?.Name ?? undefined, subject: e.Subject ?? undefined };
}

/**
 * CampaignMember as an engagement event. Campaign.Type is an org picklist; the standard values are mapped
 * and the rest count as a response of type `other` (or a form when the member responded).
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_campaign.htm
 */
function campaignMemberEvent(m: SfCampaignMember): EngagementEvent | null {
  const created = parseSfDateTime(m.CreatedDate);
  if (created === null) return null;
  const responded = m.HasResponded === true;
  const campaignType = (m.Campaign?.Type ?? '').toLowerCase();
  const status = (m.Status ?? '').toLowerCase();
  let type: EngagementType;
  if (campaignType.includes('webinar')) type = responded && /attend/.test(status) ? 'webinar_attended' : 'webinar_registered';
  else if (/conference|trade show|seminar|event/.test(campaignType)) type = responded ? 'event_attended' : 'event_registered';
  else if (campaignType.includes('email')) type = responded ? 'email_click' : 'email_send';
  else if (/content|ebook|whitepaper/.test(campaignType)) type = responded ? 'content_download' : 'other';
  else if (/advertisement|banner|ads?$/.test(campaignType)) type = responded ? 'ad_click' : 'other';
  else type = responded ? 'form_submit' : 'other';
  // FirstRespondedDate is a date only; keep the creation time when it is the same day (it usually is).
  const respondedDay = parseSfDateTime(m.FirstRespondedDate);
  const at = responded && respondedDay !== null && respondedDay > created ? respondedDay : created;
  return {
    id: `salesforce:${m.Id}`,
    source: 'salesforce',
    sourceId: m.Id,
    type,
    occurredAt: at,
    vendorType: m.Status ?? undefined,
    campaign: m.Campaign?.Name ?? undefined,
  };
}

function opportunity(o: SfOpportunity): Opportunity {
  return {
    id: `salesforce:${o.Id}`,
    source: 'salesforce',
    name: o.Name,
    stageName: o.StageName,
    amount: o.Amount ?? null,
    createdAt: parseSfDateTime(o.CreatedDate) ?? undefined,
    closeDate: parseSfDateTime(o.CloseDate) ?? undefined,
    isClosed: o.IsClosed,
    isWon: o.IsWon,
  };
}

/** A converted lead without a mapped status still tells where it went: its opportunity's state. */
function convertedStage(o: SfOpportunity | null | undefined): LeadContext['person']['stage'] {
  if (!o) return null;
  return o.IsWon ? 'won' : o.IsClosed ? 'lost' : 'opportunity';
}

const str = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? undefined : String(v));

export function mapToLeadContext(input: MapInput): LeadContext {
  const { record: r, history } = input.bundle;
  const ref = { ...input.ref, id: r.Id.length === 18 ? r.Id : input.ref.id };
  const email = r.Email ?? undefined;
  const personKey = personKeyFor(ref, email);
  const stageValue = input.stageField === 'Status' ? (r.Status ?? undefined) : undefined;
  const stageOf = input.stageOf ?? (() => null);

  const tasks = r.Tasks?.records ?? [];
  const feedback: Feedback[] = [];
  const activities: SalesActivity[] = [];
  // Rows left out because no date of theirs could be read, by the fields tried: never dated 1970, never silent.
  const undated = new Map<string, number>();
  const leftOut = (fields: string) => undated.set(fields, (undated.get(fields) ?? 0) + 1);
  for (const t of tasks) {
    // Baton's own feedback Tasks are not sales touches: they would stop the SLA clock.
    if (isFeedbackTask(t)) {
      const f = feedbackFromTask(t, ref, personKey);
      if (f) feedback.push(f);
      continue;
    }
    const a = taskActivity(t);
    if (a) activities.push(a);
    else leftOut('Task CompletedDateTime/CreatedDate');
  }
  for (const e of r.Events?.records ?? []) {
    const a = eventActivity(e);
    if (a) activities.push(a);
    else leftOut('Event StartDateTime/CreatedDate');
  }

  const events =
    input.accountEngagementEvents ??
    (r.CampaignMembers?.records ?? []).flatMap((m) => {
      const event = campaignMemberEvent(m);
      if (!event) leftOut('CampaignMember CreatedDate');
      return event ?? [];
    });

  const stageChanges: StageChange[] = [];
  const warnings: DataQualityWarning[] = [];
  // History rows record changes only. With tracking on, the `created` row says when the record began, and the
  // value it began with is the first change's OldValue (or today's value when it never changed): without this a
  // lead created straight into an MQL status would have no handoff.
  const created = history.find((h) => h.Field === 'created');
  const createdAt = parseSfDateTime(created?.CreatedDate);
  if (input.stageField && created && createdAt !== null) {
    const firstChange = history.find((h) => h.Field === input.stageField);
    const initial = firstChange ? str(firstChange.OldValue) : str(input.stageField === 'Status' ? r.Status : undefined);
    if (initial !== undefined) {
      stageChanges.push({
        id: `salesforce:${created.Id}`,
        source: 'salesforce',
        stage: stageOf('salesforce', input.stageField, initial),
        vendorValue: initial,
        at: createdAt,
        by: created.CreatedBy?.Name ?? undefined,
      });
    }
  }
  for (const h of history) {
    if (!input.stageField || h.Field !== input.stageField) continue;
    const at = parseSfDateTime(h.CreatedDate);
    const value = str(h.NewValue);
    if (value === undefined) continue;
    if (at === null) {
      leftOut(`${r.attributes.type}History CreatedDate`);
      continue;
    }
    stageChanges.push({
      id: `salesforce:${h.Id}`,
      source: 'salesforce',
      stage: stageOf('salesforce', input.stageField, value),
      vendorValue: value,
      fromVendorValue: str(h.OldValue),
      at,
      by: h.CreatedBy?.Name ?? undefined,
    });
  }
  if (input.stageField && stageChanges.length === 0 && (stageValue || input.stageField !== 'Status')) {
    warnings.push({ code: 'missing_field', detail: `${r.attributes.type}History.${input.stageField} (field history tracking)` });
  }
  const personStage = stageValue !== undefined ? stageOf('salesforce', 'Status', stageValue) : null;
  if (stageValue !== undefined && input.stageOf && personStage === null) {
    warnings.push({ code: 'unmapped_stage', detail: `Status = ${stageValue}` });
  }
  if (!email) warnings.push({ code: 'missing_field', detail: 'Email' });
  for (const [fields, count] of undated) warnings.push({ code: 'unreadable_date', detail: `Salesforce ${fields} (${count})` });

  const opportunities = r.ConvertedOpportunity ? [opportunity(r.ConvertedOpportunity)] : [];
  const company = r.Company ?? r.Account?.Name ?? undefined;
  const attributes: LeadContext['person']['attributes'] = {
    email: email ?? null,
    company: company ?? null,
    title: r.Title ?? null,
    industry: r.Industry ?? r.Account?.Industry ?? null,
    employees: r.NumberOfEmployees ?? r.Account?.NumberOfEmployees ?? null,
    country: r.Country ?? r.MailingCountry ?? null,
    leadSource: r.LeadSource ?? null,
  };
  if (r.pi__score__c !== undefined) attributes.pardotScore = r.pi__score__c;
  if (r.pi__grade__c !== undefined) attributes.pardotGrade = r.pi__grade__c;
  if (r.pi__last_activity__c !== undefined) attributes.pardotLastActivityAt = parseSfDateTime(r.pi__last_activity__c);

  const sources: LeadContext['sources'] = input.accountEngagementEvents ? ['salesforce', 'pardot'] : ['salesforce'];
  return {
    ref,
    person: {
      key: personKey,
      name: r.Name ?? '',
      email,
      company,
      title: r.Title ?? undefined,
      phone: r.Phone ?? undefined,
      owner: r.Owner?.Name ?? undefined,
      stage: personStage ?? convertedStage(r.ConvertedOpportunity),
      vendorStage: stageValue,
      attributes,
      links: [{ ref, url: `${input.instanceUrl}/${r.Id}` }],
    },
    events: events.sort((a, b) => a.occurredAt - b.occurredAt),
    activities: activities.sort((a, b) => a.occurredAt - b.occurredAt),
    stageChanges: stageChanges.sort((a, b) => a.at - b.at),
    opportunities,
    feedback,
    warnings,
    fetchedAt: input.fetchedAt,
    sources,
  };
}
