import type { FetchOptions } from '../connector';
import { parseVendorDateTime } from '../vendor-date';
import {
  normalizeEmail,
  personKeyFor,
  type DataQualityWarning,
  type EngagementEvent,
  type Feedback,
  type LeadContext,
  type Person,
  type RecordRef,
  type SalesActivity,
  type SalesActivityType,
  type StageChange,
} from '../../domain/model';
import { parseFeedbackNote } from './feedback-note';
import type { HubSpotContact, HubSpotEmailEvent, HubSpotEngagement, PropertyHistoryEntry } from './schemas';

/** Contact properties the panel reads. https://knowledge.hubspot.com/properties/hubspots-default-contact-properties */
export const CONTACT_PROPERTIES = [
  'email', 'firstname', 'lastname', 'company', 'jobtitle', 'phone', 'industry', 'numberofemployees', 'country',
  'lifecyclestage', 'hs_lead_status', 'hubspot_owner_id', 'hubspotscore', 'hs_analytics_source',
  'hs_analytics_num_page_views', 'hs_analytics_num_visits', 'hs_analytics_last_visit_timestamp',
  'hs_analytics_last_url', 'recent_conversion_event_name', 'recent_conversion_date',
  'salesforceleadid', 'salesforcecontactid',
] as const;

/**
 * History wanted: lifecycle stage and lead status for the handoff time; the most recent conversion's name,
 * whose history lists every form submission (each one overwrites it) without a call per submission.
 */
export const HISTORY_PROPERTIES = ['lifecyclestage', 'hs_lead_status', 'recent_conversion_event_name'] as const;

const STAGE_FIELDS = ['lifecyclestage', 'hs_lead_status'] as const;

/** HubSpot times: epoch-ms strings (history timestamps) or ISO 8601, read by the shared vendor date reader. */
function ms(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const t = /^\d+$/.test(iso) ? Number(iso) : parseVendorDateTime(iso);
  return t !== null && Number.isFinite(t) && t >= 0 ? t : undefined;
}

function chronological(entries: PropertyHistoryEntry[] | undefined): PropertyHistoryEntry[] {
  return [...(entries ?? [])]
    .filter((e) => ms(e.timestamp) !== undefined)
    .sort((a, b) => (ms(a.timestamp) ?? 0) - (ms(b.timestamp) ?? 0));
}

export function hubspotContactUrl(portalId: string, contactId: string): string {
  return `https://app.hubspot.com/contacts/${encodeURIComponent(portalId)}/record/0-1/${encodeURIComponent(contactId)}`;
}

export function mapContactToPerson(ref: RecordRef, contact: HubSpotContact, options: Pick<FetchOptions, 'stageOf'>): Person {
  const p = contact.properties;
  const email = normalizeEmail(p.email);
  const name = [p.firstname, p.lastname].filter(Boolean).join(' ').trim() || p.email || `HubSpot contact ${contact.id}`;
  const vendorStage = p.lifecyclestage ?? undefined;
  const employees = p.numberofemployees ? Number(p.numberofemployees) : null;
  const links: Person['links'] = [{ ref, url: hubspotContactUrl(ref.instance, contact.id) }];
  // Salesforce ids the HubSpot–Salesforce integration syncs: the same human's SFA record.
  // https://knowledge.hubspot.com/salesforce/salesforce-integration-field-mappings
  if (p.salesforceleadid) links.push({ ref: { system: 'salesforce', instance: '*', object: 'Lead', id: p.salesforceleadid } });
  if (p.salesforcecontactid) links.push({ ref: { system: 'salesforce', instance: '*', object: 'Contact', id: p.salesforcecontactid } });
  return {
    key: personKeyFor(ref, email),
    name,
    email,
    company: p.company ?? undefined,
    title: p.jobtitle ?? undefined,
    phone: p.phone ?? undefined,
    owner: p.hubspot_owner_id ?? undefined,
    stage: vendorStage ? (options.stageOf?.('hubspot', 'lifecyclestage', vendorStage) ?? null) : null,
    vendorStage,
    attributes: {
      email: email ?? null,
      company: p.company ?? null,
      title: p.jobtitle ?? null,
      industry: p.industry ?? null,
      employees: employees !== null && Number.isFinite(employees) ? employees : null,
      country: p.country ?? null,
      leadSource: p.hs_analytics_source ?? null,
      hubspotScore: p.hubspotscore ? Number(p.hubspotscore) : null,
      salesforceLeadId: p.salesforceleadid ?? null,
      salesforceContactId: p.salesforcecontactid ?? null,
    },
    links,
  };
}

export function mapStageChanges(contact: HubSpotContact, options: Pick<FetchOptions, 'stageOf'>): StageChange[] {
  return STAGE_FIELDS.flatMap((field) => {
    const entries = chronological(contact.propertiesWithHistory?.[field]).filter((e) => e.value !== '');
    return entries.map((e, i): StageChange => ({
      id: `hubspot:${contact.id}:${field}:${ms(e.timestamp)}`,
      source: 'hubspot',
      stage: options.stageOf?.('hubspot', field, e.value) ?? null,
      vendorValue: e.value,
      fromVendorValue: entries[i - 1]?.value,
      at: ms(e.timestamp) ?? 0,
      by: e.updatedByUserId != null ? String(e.updatedByUserId) : (e.sourceLabel ?? e.sourceType),
    }));
  });
}

/** Form submissions from the conversion history, and the last visit from the analytics properties. */
export function mapContactEvents(contact: HubSpotContact): EngagementEvent[] {
  const forms = chronological(contact.propertiesWithHistory?.recent_conversion_event_name).map((e): EngagementEvent => {
    const sourceId = `form:${contact.id}:${ms(e.timestamp)}`;
    return { id: `hubspot:${sourceId}`, source: 'hubspot', sourceId, type: 'form_submit', occurredAt: ms(e.timestamp) ?? 0, vendorType: 'Form submission', asset: e.value };
  });
  const lastVisit = ms(contact.properties.hs_analytics_last_visit_timestamp);
  const visits: EngagementEvent[] = lastVisit
    ? [{
        id: `hubspot:visit:${contact.id}:${lastVisit}`,
        source: 'hubspot',
        sourceId: `visit:${contact.id}:${lastVisit}`,
        type: 'page_view',
        occurredAt: lastVisit,
        vendorType: 'Last visit',
        url: contact.properties.hs_analytics_last_url ?? undefined,
      }]
    : [];
  return [...forms, ...visits];
}

/** SENT, OPEN and CLICK count; DELIVERED/PROCESSED would double the send, bot-filtered events would inflate. */
const EMAIL_EVENT_TYPES: Record<string, EngagementEvent['type']> = { SENT: 'email_send', OPEN: 'email_open', CLICK: 'email_click' };

export function mapEmailEvents(events: HubSpotEmailEvent[]): EngagementEvent[] {
  return events.flatMap((e): EngagementEvent[] => {
    const type = EMAIL_EVENT_TYPES[e.type];
    if (!type || e.filteredEvent) return [];
    return [{
      id: `hubspot:email-event:${e.id}`,
      source: 'hubspot',
      sourceId: `email-event:${e.id}`,
      type,
      occurredAt: e.created,
      vendorType: e.type,
      campaign: e.emailCampaignId !== undefined ? String(e.emailCampaignId) : undefined,
      url: e.url,
    }];
  });
}

/** Engagement types: https://developers.hubspot.com/docs/methods/engagements/engagements-overview */
const ENGAGEMENT_TYPES: Record<string, SalesActivityType> = {
  CALL: 'call', EMAIL: 'email', INCOMING_EMAIL: 'email', FORWARDED_EMAIL: 'email', MEETING: 'meeting', TASK: 'task', NOTE: 'note',
};

export function mapEngagements(engagements: HubSpotEngagement[]): SalesActivity[] {
  return engagements.flatMap((e): SalesActivity[] => {
    const type = ENGAGEMENT_TYPES[e.engagement.type];
    if (!type || e.engagement.active === false) return [];
    const m = e.metadata;
    return [{
      id: `hubspot:engagement:${e.engagement.id}`,
      source: 'hubspot',
      type,
      occurredAt: e.engagement.timestamp,
      by: e.engagement.ownerId != null ? String(e.engagement.ownerId) : undefined,
      subject: m?.subject ?? m?.title ?? undefined,
      // An e-mail the contact sent us is not a touch by sales: say so, so first-touch logic can tell.
      outcome: e.engagement.type === 'INCOMING_EMAIL' ? 'incoming' : (m?.status ?? m?.disposition ?? undefined),
    }];
  });
}

export function contactWarnings(person: Person, options: Pick<FetchOptions, 'stageOf'>): DataQualityWarning[] {
  const warnings: DataQualityWarning[] = [];
  if (!person.email) warnings.push({ code: 'missing_field', detail: 'email' });
  if (options.stageOf && person.vendorStage && person.stage === null) {
    warnings.push({ code: 'unmapped_stage', detail: `lifecyclestage=${person.vendorStage}` });
  }
  return warnings;
}

export function mapHubSpotContext(input: {
  ref: RecordRef;
  contact: HubSpotContact;
  engagements: HubSpotEngagement[];
  emailEvents: HubSpotEmailEvent[];
  options: Pick<FetchOptions, 'stageOf' | 'now'>;
}): LeadContext {
  const person = mapContactToPerson(input.ref, input.contact, input.options);
  return {
    ref: input.ref,
    person,
    events: [...mapContactEvents(input.contact), ...mapEmailEvents(input.emailEvents)].sort((a, b) => a.occurredAt - b.occurredAt),
    activities: mapEngagements(input.engagements).sort((a, b) => a.occurredAt - b.occurredAt),
    stageChanges: mapStageChanges(input.contact, input.options).sort((a, b) => a.at - b.at),
    opportunities: [],
    feedback: feedbackFromNotes(input.engagements, input.ref, person.key),
    warnings: contactWarnings(person, input.options),
    fetchedAt: input.options.now,
    sources: ['hubspot'],
  };
}

/**
 * Feedback read back from the contact's notes, one per feedback id: when a duplicate note survived (the search
 * index had not caught up when delivery reconciled), the oldest stands for it, as in feedback-delivery.
 */
function feedbackFromNotes(engagements: HubSpotEngagement[], ref: RecordRef, personKey: string): Feedback[] {
  const byId = new Map<string, { fb: Feedback; createdAt: number; noteId: number }>();
  for (const e of engagements) {
    if (e.engagement.type !== 'NOTE') continue;
    const fb = parseFeedbackNote(e.metadata?.body, { ref, personKey, noteId: String(e.engagement.id), timestamp: e.engagement.timestamp });
    if (!fb) continue;
    const createdAt = e.engagement.createdAt ?? e.engagement.timestamp;
    const seen = byId.get(fb.id);
    if (!seen || createdAt < seen.createdAt || (createdAt === seen.createdAt && e.engagement.id < seen.noteId)) {
      byId.set(fb.id, { fb, createdAt, noteId: e.engagement.id });
    }
  }
  return [...byId.values()].map((v) => v.fb);
}
