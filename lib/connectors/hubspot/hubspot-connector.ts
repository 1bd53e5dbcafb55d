import type { Connector, DeliveryReceipt, FetchOptions } from '../connector';
import type { ListPage, ListRequest } from '../listing';
import { ConnectorError } from '../connector';
import type { Feedback, LeadContext, Person, RecordRef } from '../../domain/model';
import { createHubSpotClient, type HubSpotDeps } from './client';
import { createFeedbackDelivery } from './feedback-delivery';
import { listHubSpotContexts, type HubSpotListingDeps } from './list-contacts';
import { CONTACT_PROPERTIES, HISTORY_PROPERTIES, mapContactToPerson, mapHubSpotContext } from './map-contact';
import { contactSchema, contactSearchResponseSchema, emailEventsPageSchema, engagementsPageSchema, searchResponseSchema } from './schemas';

/** What the cross-system matcher asks HubSpot: by e-mail, or by the Salesforce ids the HubSpot–Salesforce sync keeps. */
export type HubSpotLookup = { by: 'email' | 'salesforceleadid' | 'salesforcecontactid'; value: string };

export interface HubSpotConnector extends Connector {
  /** Contacts matching a record of another system, as people, for `matchPeople`. One call. */
  findPeople(lookup: HubSpotLookup, options: FetchOptions & { portalId: string }): Promise<Person[]>;
}

/**
 * HubSpot as SFA and MA. Call budget of an uncached view: 3.
 * 1. the contact with properties and the history of lifecycle stage, lead status and conversions (forms);
 * 2. the contact's engagements (calls, e-mails, meetings, notes, tasks), one page, in parallel with 1;
 * 3. the contact's marketing e-mail events, once the e-mail address is known.
 * The v4 associations + batch read route would cost 1 + 5 calls (one batch read per object type); the legacy
 * engagements endpoint returns all five types in one. Trade-off: one page (the latest 100) of each list.
 * A feedback click costs 3 calls (search, create, reconcile search), 4 when a duplicate is archived.
 */
export function createHubSpotConnector(deps: HubSpotListingDeps): HubSpotConnector {
  const client = createHubSpotClient(deps);

  function contactIdOf(ref: RecordRef): string {
    if (ref.system !== 'hubspot' || ref.object !== '0-1' || !/^\d+$/.test(ref.id)) {
      throw new ConnectorError({
        vendor: 'hubspot',
        kind: 'permanent',
        message: `Baton reads HubSpot contacts (object 0-1) only; this page shows object "${ref.object}" with id "${ref.id}".`,
      });
    }
    return ref.id;
  }

  async function fetchContext(ref: RecordRef, options: FetchOptions): Promise<LeadContext> {
    const id = contactIdOf(ref);
    const [contact, engagements] = await Promise.all([
      client.request({
        path: `/crm/v3/objects/contacts/${id}`,
        query: { properties: CONTACT_PROPERTIES.join(','), propertiesWithHistory: HISTORY_PROPERTIES.join(',') },
        schema: contactSchema,
        signal: options.signal,
        doing: 'reading the contact',
      }),
      client.request({
        path: `/engagements/v1/engagements/associated/CONTACT/${id}/paged`,
        query: { limit: '100' },
        schema: engagementsPageSchema,
        signal: options.signal,
        doing: "reading the contact's calls, e-mails, meetings, notes and tasks",
      }),
    ]);
    const email = contact.properties.email;
    const emailEvents = email
      ? await client.request({
          path: '/email/public/v1/events',
          query: { recipient: email, limit: '100' },
          schema: emailEventsPageSchema,
          signal: options.signal,
          doing: "reading the contact's marketing e-mail events",
        })
      : { events: [], hasMore: false };
    return mapHubSpotContext({ ref, contact, engagements: engagements.results, emailEvents: emailEvents.events, options });
  }

  const feedbackDelivery = createFeedbackDelivery({ client, sleep: deps.sleep });

  /** One note per feedback click, exactly once, even when the POST is resent below fetch (see feedback-delivery). */
  async function deliverFeedback(feedback: Feedback, options: FetchOptions): Promise<DeliveryReceipt> {
    return feedbackDelivery.deliver(feedback, contactIdOf(feedback.ref), options.signal);
  }

  async function findPeople(lookup: HubSpotLookup, options: FetchOptions & { portalId: string }): Promise<Person[]> {
    const found = await client.request({
      method: 'POST',
      path: '/crm/v3/objects/contacts/search',
      body: {
        filterGroups: [{ filters: [{ propertyName: lookup.by, operator: 'EQ', value: lookup.by === 'email' ? lookup.value.trim().toLowerCase() : lookup.value.trim() }] }],
        properties: [...CONTACT_PROPERTIES],
        limit: 10,
      },
      schema: contactSearchResponseSchema,
      signal: options.signal,
      doing: `looking up the contact by ${lookup.by}`,
    });
    return found.results.map((c) => mapContactToPerson({ system: 'hubspot', instance: options.portalId, object: '0-1', id: c.id }, c, options));
  }

  /** Every contact of a period, in batch calls, mapped as `fetchContext` maps one (see list-contacts.ts). */
  function listContexts(request: ListRequest, options: FetchOptions): AsyncGenerator<ListPage, void, void> {
    return listHubSpotContexts(deps, request, options);
  }

  return { system: 'hubspot', fetchContext, deliverFeedback, findPeople, listContexts };
}

/** For the options card's "Test connection": one cheap authenticated read. */
export async function testHubSpotConnection(deps: HubSpotDeps): Promise<{ ok: true } | { ok: false; error: ConnectorError }> {
  const client = createHubSpotClient(deps);
  try {
    await client.request({
      path: '/crm/v3/objects/contacts',
      query: { limit: '1' },
      schema: searchResponseSchema.pick({ results: true }),
      doing: 'testing the connection',
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof ConnectorError) return { ok: false, error };
    throw error;
  }
}
