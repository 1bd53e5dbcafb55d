import type { FetchOptions } from '../connector';
import type { LeadContext, RecordRef } from '../../domain/model';
import type { HubSpotClient } from './client';
import { ACTIVITY_PROPERTIES, ACTIVITY_TYPES, toEngagement, type ActivityType } from './activity-objects';
import { activitiesBatchSchema, associationsBatchSchema, contactsBatchSchema } from './list-schemas';
import { CONTACT_PROPERTIES, HISTORY_PROPERTIES, mapHubSpotContext, mapStageChanges } from './map-contact';
import { emailEventsPageSchema, type HubSpotContact, type HubSpotEmailEvent, type HubSpotEngagement } from './schemas';

/**
 * Full contexts for a page of contact ids, in batch calls, mapped by the panel's own `mapHubSpotContext`.
 *
 * Calls for n contacts (n ≤ 200, one search page):
 * - contacts with properties and stage/conversion history: ⌈n / 50⌉ (history is limited to 50 inputs a batch:
 *   "The maximum number of inputs supported in a batch request for property histories is 50");
 * - associations to calls, e-mails, meetings, notes, tasks: 5 (v4 batch read takes 1,000 inputs), more only for
 *   contacts whose associations span several answers;
 * - the activities: ⌈activities of a type / 100⌉ per type;
 * - marketing e-mail events (`/email/public/v1/events?recipient=`, one per contact, as the panel reads them) for the
 *   contacts `emailEventsFor` picks. HubSpot has no batch form of it.
 */
export const HISTORY_BATCH = 50;
export const OBJECT_BATCH = 100;
export const ASSOCIATION_BATCH = 1_000;

/** Which contacts get their marketing e-mail events (one call each). See `emailEventsWanted`. */
export type EmailEventsPolicy = 'handed-off' | 'all' | 'none';

/** Beyond the panel's properties: the ids merged into the contact, reported as deleted by incremental sync. */
export const MERGED_IDS = 'hs_merged_object_ids';

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The e-mail events matter to the team figures through the temperature at handoff (it picks the SLA band); a contact
 * never past inquiry has no handoff, so its events change nothing the team layer counts and are skipped under
 * 'handed-off'. Without a stage mapping Baton cannot tell, so it reads them all.
 */
export function emailEventsWanted(contact: HubSpotContact, policy: EmailEventsPolicy, options: Pick<FetchOptions, 'stageOf'>): boolean {
  if (policy === 'none' || !contact.properties.email) return false;
  if (policy === 'all' || !options.stageOf) return true;
  return mapStageChanges(contact, options).some((c) => c.stage !== null && c.stage !== 'inquiry');
}

export interface DetailsInput {
  client: HubSpotClient;
  portalId: string;
  ids: readonly string[];
  emailEvents: EmailEventsPolicy;
  options: FetchOptions;
}

export interface Details {
  contexts: LeadContext[];
  /** The contacts read (same order as `contexts`), for the caller's own checks (merged ids, open/closed). */
  contacts: HubSpotContact[];
}

export async function readContactDetails(input: DetailsInput): Promise<Details> {
  const { client, ids, options } = input;
  if (!ids.length) return { contexts: [], contacts: [] };
  const signal = options.signal;

  const [contactBatches, associations] = await Promise.all([
    Promise.all(
      chunks(ids, HISTORY_BATCH).map((batch) =>
        client.request({
          method: 'POST',
          path: '/crm/v3/objects/contacts/batch/read',
          body: { inputs: batch.map((id) => ({ id })), properties: [...CONTACT_PROPERTIES, MERGED_IDS], propertiesWithHistory: [...HISTORY_PROPERTIES] },
          schema: contactsBatchSchema,
          signal,
          doing: 'reading contacts in batch',
        }),
      ),
    ),
    Promise.all(ACTIVITY_TYPES.map((type) => readAssociations(client, type, ids, signal))),
  ]);

  // A contact deleted between the search and the read is missing here (a 207 error entry): it is left out.
  const byId = new Map<string, HubSpotContact>();
  for (const b of contactBatches) for (const c of b.results) byId.set(c.id, c);

  const activities = await Promise.all(ACTIVITY_TYPES.map((type, i) => readActivities(client, type, associations[i] ?? new Map(), signal)));
  const engagementsOf = (contactId: string): HubSpotEngagement[] =>
    activities.flatMap(({ byContact }) => byContact.get(contactId) ?? []);

  const wanted = ids.map((id) => byId.get(id)).filter((c): c is HubSpotContact => c !== undefined);
  const events = await Promise.all(
    wanted.map((c) => (emailEventsWanted(c, input.emailEvents, options) ? readEmailEvents(client, c.properties.email ?? '', signal) : Promise.resolve([]))),
  );

  const contexts = wanted.map((contact, i) => {
    const ref: RecordRef = { system: 'hubspot', instance: input.portalId, object: '0-1', id: contact.id };
    return mapHubSpotContext({ ref, contact, engagements: engagementsOf(contact.id), emailEvents: events[i] ?? [], options });
  });
  return { contexts, contacts: wanted };
}

/** Contact id → ids of its activities of one type, following each contact's `paging.next.after`. */
async function readAssociations(client: HubSpotClient, type: ActivityType, ids: readonly string[], signal?: AbortSignal): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  let inputs: { id: string; after?: string }[] = ids.map((id) => ({ id }));
  while (inputs.length) {
    const next: { id: string; after?: string }[] = [];
    for (const batch of chunks(inputs, ASSOCIATION_BATCH)) {
      const res = await client.request({
        method: 'POST',
        path: `/crm/v4/associations/contacts/${type}/batch/read`,
        body: { inputs: batch },
        schema: associationsBatchSchema,
        signal,
        doing: `reading which ${type} belong to the contacts`,
      });
      for (const r of res.results) {
        const list = found.get(r.from.id) ?? [];
        list.push(...r.to.map((t) => t.toObjectId));
        found.set(r.from.id, list);
        const after = r.paging?.next?.after;
        if (after) next.push({ id: r.from.id, after });
      }
    }
    inputs = next;
  }
  return found;
}

async function readActivities(
  client: HubSpotClient,
  type: ActivityType,
  byContactIds: Map<string, string[]>,
  signal?: AbortSignal,
): Promise<{ byContact: Map<string, HubSpotEngagement[]> }> {
  const unique = [...new Set([...byContactIds.values()].flat())];
  const byId = new Map<string, HubSpotEngagement>();
  const batches = await Promise.all(
    chunks(unique, OBJECT_BATCH).map((batch) =>
      client.request({
        method: 'POST',
        path: `/crm/v3/objects/${type}/batch/read`,
        body: { inputs: batch.map((id) => ({ id })), properties: [...ACTIVITY_PROPERTIES[type]] },
        schema: activitiesBatchSchema,
        signal,
        doing: `reading ${type} in batch`,
      }),
    ),
  );
  for (const b of batches) {
    for (const o of b.results) {
      const e = toEngagement(type, o);
      if (e) byId.set(o.id, e);
    }
  }
  const byContact = new Map<string, HubSpotEngagement[]>();
  for (const [contactId, activityIds] of byContactIds) {
    byContact.set(contactId, activityIds.map((id) => byId.get(id)).filter((e): e is HubSpotEngagement => e !== undefined));
  }
  return { byContact };
}

/** The panel's read: the recipient's latest 100 events. */
async function readEmailEvents(client: HubSpotClient, email: string, signal?: AbortSignal): Promise<HubSpotEmailEvent[]> {
  const page = await client.request({
    path: '/email/public/v1/events',
    query: { recipient: email, limit: '100' },
    schema: emailEventsPageSchema,
    signal,
    doing: "reading the contact's marketing e-mail events",
  });
  return page.events;
}
