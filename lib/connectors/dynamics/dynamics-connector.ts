import type { Connector, DeliveryReceipt, FetchOptions } from '../connector';
import { ConnectorError } from '../connector';
import type { ListPage, ListRequest } from '../listing';
import type { Feedback, LeadContext, Person, RecordRef } from '../../domain/model';
import { normalizeEmail } from '../../domain/model';
import type { KeyValueStore } from '../local-store';
import { isDynamicsEnvironmentHost } from './api-hosts';
import { customerHostsFor } from '../customer-hosts';
import { readDynamicsAuth } from './auth';
import { createDataverseClient } from './client';
import { createDynamicsFeedbackDelivery } from './feedback-delivery';
import { listDynamicsPeople } from './list-leads';
import { mapContactContext, mapContactToPerson, mapLeadContext, mapLeadToPerson } from './map-record';
import { assertGuid, contactQuery, leadQuery, odataString } from './queries';
import { contactSchema, leadSchema, pageSchema } from './schemas';
import { readDynamicsSettings } from './settings';
import { absentWarning, journeyPaths, journeyTablesToAsk, mapJourneyParts, rememberAbsentTables } from './journeys';

export interface DynamicsDeps {
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export interface DynamicsConnector extends Connector {
  /** Leads (then contacts, when no lead has it) with this e-mail in the connected environment, for `matchPeople`. */
  findPeople(email: string, options: FetchOptions): Promise<Person[]>;
}

/**
 * Dynamics 365 Sales through the Dataverse Web API v9.2. Call budget of an uncached view: 2 — the lead (or
 * contact) with its activities and, for a lead, the opportunities it originated, all in one GET with `$expand`
 * (queries.ts), and beside it one `$batch` for the Customer Insights – Journeys interactions (journeys.ts; no
 * call once the environment is known to lack those tables). Within the freshness window the panel reads its cache
 * and calls nothing.
 *
 * The handoff comes from status-change records, not the audit log: Dataverse keeps no status history of its own,
 * audit is off by default per table and column, reading it needs the prvReadRecordAuditHistory privilege most
 * sales roles lack, and the Web API's AttributeAuditDetail comes without its AuditRecord (no time, no user) for
 * the change-history functions, so it could not date the handoff anyway (see the note under
 * RetrieveAttributeChangeHistory). https://learn.microsoft.com/en-us/power-apps/developer/data-platform/auditing/retrieve-audit-data
 * The records used instead carry their own time: the lead's creation (New), the originated opportunity's
 * creation (Qualified), the lead's last modification for other status reasons (map-record.ts).
 *
 * Marketing: campaign responses and web-captured leads (map-record.ts), Customer Insights – Journeys
 * interactions where their tables exist (journeys.ts), and a connected Marketo or HubSpot across systems.
 */
export function createDynamicsConnector(deps: DynamicsDeps): DynamicsConnector {
  const client = createDataverseClient(deps);
  const delivery = createDynamicsFeedbackDelivery(client);

  async function check(ref: RecordRef): Promise<{ host: string; table: 'lead' | 'contact'; id: string }> {
    if (ref.system !== 'dynamics' || !isDynamicsEnvironmentHost(ref.instance, await customerHostsFor(deps.storage, 'dynamics'))) {
      throw new ConnectorError({ vendor: 'dynamics', kind: 'permanent', code: 'UNTRUSTED_HOST', message: `${ref.instance} is not a Dynamics 365 environment Baton can read.` });
    }
    if (ref.object !== 'lead' && ref.object !== 'contact') {
      throw new ConnectorError({ vendor: 'dynamics', kind: 'permanent', code: 'UNSUPPORTED_TABLE', message: `Baton reads Dynamics 365 leads and contacts; this page shows a "${ref.object}".` });
    }
    return { host: ref.instance, table: ref.object, id: assertGuid(ref.id) };
  }

  async function fetchContext(ref: RecordRef, options: FetchOptions): Promise<LeadContext> {
    const { host, table, id } = await check(ref);
    // The record (call 1), then its Customer Insights – Journeys interactions (call 2, a $batch): in this order so
    // a missing record, a 429 or a sign-in problem spends no second call.
    const context =
      table === 'lead'
        ? mapLeadContext(ref, await client.request({ host, path: `leads(${id})`, query: leadQuery(), schema: leadSchema, signal: options.signal, doing: 'reading the lead' }), options)
        : mapContactContext(ref, await client.request({ host, path: `contacts(${id})`, query: contactQuery(), schema: contactSchema, signal: options.signal, doing: 'reading the contact' }), options);
    const journeys = await readJourneys(ref, host, table, id, options);
    if (!journeys.events.length && !journeys.warnings.length) return context;
    return {
      ...context,
      events: [...context.events, ...journeys.events].sort((a, b) => a.occurredAt - b.occurredAt),
      warnings: [...context.warnings, ...journeys.warnings],
    };
  }

  /**
   * Journeys interactions in one `$batch`, or no call at all when this environment is known to lack every table
   * (journeys.ts). Never fails the view: a failed batch is a warning, the record still shows. Tables already known
   * to be missing are not warned about again: in most environments Journeys keeps interactions in its own data lake,
   * not in Dataverse, so a warning on every Dynamics record would be noise; the view that found them missing says so.
   */
  async function readJourneys(ref: RecordRef, host: string, table: 'lead' | 'contact', id: string, options: FetchOptions) {
    const now = options.now;
    const { ask } = await journeyTablesToAsk(deps.storage, host, table, now);
    if (!ask.length) return { events: [], warnings: [] };
    try {
      const parts = await client.batch({ host, paths: journeyPaths(ask, id), signal: options.signal, doing: 'reading Customer Insights – Journeys interactions' });
      const read = mapJourneyParts(ask, parts, ref);
      if (read.absent.length) await rememberAbsentTables(deps.storage, host, read.absent, now);
      return { events: read.events, warnings: [...absentWarning(read.absent), ...read.warnings] };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      return { events: [], warnings: [{ code: 'marketing_interactions_unavailable' as const, detail: message }] };
    }
  }

  async function deliverFeedback(feedback: Feedback, options: FetchOptions): Promise<DeliveryReceipt> {
    await check(feedback.ref);
    return delivery.deliver(feedback, options.signal);
  }

  async function findPeople(email: string, options: FetchOptions): Promise<Person[]> {
    const host = (await readDynamicsSettings(deps.storage))?.environmentHost;
    const address = normalizeEmail(email);
    if (!host || !address) return [];
    const filter = `emailaddress1 eq ${odataString(address)}`;
    const leads = await client.request({
      host,
      path: 'leads',
      query: { $select: leadQuery().$select ?? '', $filter: filter, $top: '10' },
      schema: pageSchema(leadSchema),
      signal: options.signal,
      doing: 'looking up the lead by e-mail',
    });
    if (leads.value.length) return leads.value.map((l) => mapLeadToPerson({ system: 'dynamics', instance: host, object: 'lead', id: l.leadid }, l, options));
    const contacts = await client.request({
      host,
      path: 'contacts',
      query: { $select: contactQuery().$select ?? '', $filter: filter, $top: '10' },
      schema: pageSchema(contactSchema),
      signal: options.signal,
      doing: 'looking up the contact by e-mail',
    });
    return contacts.value.map((c) => mapContactToPerson({ system: 'dynamics', instance: host, object: 'contact', id: c.contactid }, c));
  }

  async function* listContexts(request: ListRequest, options: FetchOptions): AsyncGenerator<ListPage, void, void> {
    const host = await listingInstance();
    if (!host) throw new ConnectorError({ vendor: 'dynamics', kind: 'not-connected', message: 'Dynamics 365 is not signed in.' });
    yield* listDynamicsPeople(client, deps.storage, host, request, options);
  }

  /** The environment the team snapshot is kept under: the configured one, once signed in (no call). */
  async function listingInstance(): Promise<string | null> {
    const [settings, auth] = await Promise.all([readDynamicsSettings(deps.storage), readDynamicsAuth(deps.storage)]);
    return settings && auth ? settings.environmentHost : null;
  }

  return { system: 'dynamics', fetchContext, deliverFeedback, findPeople, listContexts, listingInstance };
}
