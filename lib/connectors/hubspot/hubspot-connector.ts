import type { Connector, DeliveryReceipt, FetchOptions } from '../connector';
import { toSalesforceId18 } from '../../sites/salesforce-id';
import type { ListPage, ListRequest } from '../listing';
import { ConnectorError } from '../connector';
import type { Feedback, LeadContext, Person, RecordRef } from '../../domain/model';
import { createHubSpotClient, type HubSpotDeps } from './client';
import { hubspotPortalId } from '../cross-system/hubspot-portal';
import { createFeedbackDelivery } from './feedback-delivery';
import { listHubSpotContexts, type HubSpotListingDeps } from './list-contacts';
import { readHubSpotUser } from './identity';
import { readHubSpotSettings } from './settings';
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

  const connectedPortal = hubspotPortalId(deps);

  /**
   * Contact ids are per portal: a page of another HubSpot account would be read (and written to) with this
   * token's contact of the same id. Salesforce checks its org the same way (salesforce/connector.ts).
   */
  async function assertSamePortal(ref: RecordRef): Promise<void> {
    const portal = await connectedPortal();
    if (ref.instance !== portal) {
      throw new ConnectorError({
        vendor: 'hubspot',
        kind: 'permanent',
        code: 'PORTAL_MISMATCH',
        message: `This page belongs to HubSpot account ${ref.instance}, but Baton is connected to account ${portal}. Save a private app token of account ${ref.instance} in Baton’s options to see it here.`,
      });
    }
  }

  async function fetchContext(ref: RecordRef, options: FetchOptions): Promise<LeadContext> {
    const id = contactIdOf(ref);
    await assertSamePortal(ref);
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
    const id = contactIdOf(feedback.ref);
    await assertSamePortal(feedback.ref);
    return feedbackDelivery.deliver(feedback, id, options.signal);
  }

  async function amendFeedback(feedback: Feedback, options: FetchOptions): Promise<DeliveryReceipt> {
    contactIdOf(feedback.ref);
    await assertSamePortal(feedback.ref);
    return feedbackDelivery.amend(feedback, options.signal);
  }

  async function findPeople(lookup: HubSpotLookup, options: FetchOptions & { portalId: string }): Promise<Person[]> {
    const found = await client.request({
      method: 'POST',
      path: '/crm/v3/objects/contacts/search',
      body: {
        // Filter groups are ORed: one exact match per spelling of the value.
        filterGroups: lookupValues(lookup).map((value) => ({ filters: [{ propertyName: lookup.by, operator: 'EQ', value }] })),
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

  /**
   * The portal the team snapshot is kept under (its scope key), or null when no token is saved, so the sync skips
   * HubSpot instead of failing. The same portal the listed contacts' refs name (the token's hub). One call the
   * first time (account details), none after: the portal id is kept beside the settings.
   */
  async function listingInstance(): Promise<string | null> {
    if (!(await readHubSpotSettings(deps.storage))) return null;
    return connectedPortal();
  }

  /** Who I am: the owner matching the token's user (identity.ts). */
  async function whoAmI(options: FetchOptions) {
    if (!(await readHubSpotSettings(deps.storage))) return null;
    return readHubSpotUser(client, options.now, options.signal);
  }

  return { system: 'hubspot', fetchContext, deliverFeedback, amendFeedback, findPeople, listContexts, listingInstance, whoAmI };
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

/**
 * The values one lookup searches for. The Salesforce integration writes the synced record id into
 * `salesforceleadid` / `salesforcecontactid` as Salesforce gave it, which may be the 15- or the 18-character
 * form, while Baton knows the record by either: both are searched, exact matches (the 15-character form is
 * case-sensitive). https://knowledge.hubspot.com/salesforce/salesforce-integration-field-mappings
 */
export function lookupValues(lookup: HubSpotLookup): string[] {
  const value = lookup.value.trim();
  if (lookup.by === 'email') return [value.toLowerCase()];
  const id18 = toSalesforceId18(value);
  return id18 ? [id18.slice(0, 15), id18] : [value];
}
