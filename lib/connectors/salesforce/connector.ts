import type { Feedback, LeadContext, Person, RecordRef } from '../../domain/model';
import { ConnectorError, type Connector, type DeliveryReceipt, type FetchOptions } from '../connector';
import { fetchVisitorActivities, mapVisitorActivities, prospectIdFromUrl, undatedVisitorActivities } from './account-engagement';
import { backgroundPausedError } from './limits';
import { createSalesforceClient } from './client';
import { fetchPersonBundle } from './composite';
import { amendSalesforceFeedback, deliverSalesforceFeedback } from './feedback';
import { findSalesforcePeople, type SalesforceLookup } from './find-people';
import { mapToLeadContext } from './map';
import { abortableSleep, type Sleep } from './bulk';
import { BULK_THRESHOLD, listSalesforceContexts } from './list-leads';
import { currentUserId, readSalesforceIdentity } from './current-user';
import { readAuth } from './auth';
import type { ListPage, ListRequest } from '../listing';
import { orgFacts } from './org';
import { personObjectOf } from './queries';
import { myDomainNameOf, sessionAuth, type CookiesApi } from './session-fallback';
import { accountEngagementBaseUrl, readSalesforceSettings, type SalesforceSettings } from './settings';
import type { KeyValueStore } from '../local-store';
import type { EngagementEvent } from '../../domain/model';

export interface SalesforceConnectorDeps {
  /** Waits between Bulk API 2.0 job polls; tests pass one that does not wait. */
  sleep?: Sleep;
  /** People in a full listing pass above which Bulk API 2.0 is used (default BULK_THRESHOLD). */
  bulkThreshold?: number;
  /** `browserLocalStore()` in the extension. */
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** `browser.cookies`, only when the admin turned the session fallback on and granted the permission. */
  cookies?: CookiesApi;
}

export interface SalesforceConnector extends Connector {
  /** Leads and contacts matching a record of another system, as people, for `matchPeople`. One API call. */
  findPeople(lookup: SalesforceLookup, options: FetchOptions): Promise<Person[]>;
}

/**
 * Salesforce (with Account Engagement) behind the Connector interface. A record view with the org facts
 * cached costs exactly one Salesforce API call (the composite request), plus one Account Engagement call
 * when a business unit is configured.
 */
export function createSalesforceConnector(deps: SalesforceConnectorDeps): SalesforceConnector {
  const fetchImpl = deps.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = deps.now ?? Date.now;
  let lastInstance: string | undefined;
  let settingsCache: SalesforceSettings | null = null;
  const client = createSalesforceClient({
    storage: deps.storage,
    fetchImpl,
    now,
    fallbackAuth: async () => (settingsCache ? sessionAuth(settingsCache, deps.cookies, lastInstance) : null),
  });

  async function settings(): Promise<SalesforceSettings> {
    settingsCache = await readSalesforceSettings(deps.storage);
    if (!settingsCache) {
      throw new ConnectorError({ vendor: 'salesforce', kind: 'not-connected', message: 'Salesforce is not set up. Open Baton\u2019s options \u203a Connections \u203a Salesforce.' });
    }
    return settingsCache;
  }

  function objectOf(ref: RecordRef) {
    const object = ref.system === 'salesforce' ? personObjectOf(ref.object) : null;
    if (!object) {
      throw new ConnectorError({ vendor: 'salesforce', kind: 'permanent', code: 'UNSUPPORTED_OBJECT', message: `Baton reads Salesforce leads and contacts; ${ref.object} pages are not supported.` });
    }
    return object;
  }

  /** A page of another org than the one signed in would be read with the wrong org's token: say so instead. */
  async function assertSameOrg(ref: RecordRef) {
    const connected = myDomainNameOf((await client.auth()).instanceUrl);
    if (connected && ref.instance && connected !== ref.instance.toLowerCase()) {
      throw new ConnectorError({
        vendor: 'salesforce',
        kind: 'permanent',
        code: 'ORG_MISMATCH',
        message: `This page belongs to the Salesforce org "${ref.instance}", but Baton is connected to "${connected}". Sign in to this org from Baton\u2019s options to see it here.`,
      });
    }
  }

  /**
   * A refresh nobody asked for stops before any API call once the org is above 80% of its daily limit, so the
   * other integrations sharing that limit keep working; what a person opens or retries still goes through.
   */
  async function assertBackgroundAllowed(options: FetchOptions) {
    if (options.purpose !== 'background') return;
    const paused = await backgroundPausedError(deps.storage, lastInstance ?? null);
    if (paused) throw paused;
  }

  return {
    system: 'salesforce',

    async fetchContext(ref: RecordRef, options: FetchOptions): Promise<LeadContext> {
      const object = objectOf(ref);
      const s = await settings();
      lastInstance = ref.instance;
      await assertBackgroundAllowed(options);
      await assertSameOrg(ref);
      const facts = await orgFacts(client, deps.storage, options.now);
      const stageField = object === 'Lead' ? 'Status' : (s.contactStageField ?? null);
      const bundle = await fetchPersonBundle(
        client,
        { apiVersion: facts.apiVersion, object, id: ref.id, pardotFields: facts.pardotFields, stageField },
        options.signal,
      );

      let aeEvents: EngagementEvent[] | undefined;
      let aeUndated = 0;
      const prospectId = prospectIdFromUrl(bundle.record.pi__url__c);
      if (s.businessUnitId && prospectId) {
        try {
          const values = await fetchVisitorActivities({
            baseUrl: accountEngagementBaseUrl(s),
            businessUnitId: s.businessUnitId,
            prospectId,
            auth: await client.auth(),
            fetchImpl,
            signal: options.signal,
          });
          aeEvents = mapVisitorActivities(values);
          aeUndated = undatedVisitorActivities(values);
        } catch (e) {
          // The Salesforce side is still worth showing: fall back to CampaignMember history. Not when the token
          // itself is refused (184, often a missing pardot_api scope): only signing in again fixes that, so say so.
          if (!(e instanceof ConnectorError) || e.kind === 'auth') throw e;
          aeEvents = undefined;
        }
      }
      const auth = await client.auth();
      const context = mapToLeadContext({
        ref,
        instanceUrl: auth.instanceUrl,
        bundle,
        stageField,
        accountEngagementEvents: aeEvents,
        fetchedAt: options.now,
        stageOf: options.stageOf,
      });
      if (aeUndated > 0) context.warnings.push({ code: 'unreadable_date', detail: `Account Engagement createdAt (${aeUndated})` });
      return context;
    },

    async deliverFeedback(feedback: Feedback, options: FetchOptions): Promise<DeliveryReceipt> {
      objectOf(feedback.ref);
      const s = await settings();
      lastInstance = feedback.ref.instance;
      await assertSameOrg(feedback.ref);
      const facts = await orgFacts(client, deps.storage, options.now);
      return deliverSalesforceFeedback(client, {
        feedback,
        apiVersion: facts.apiVersion,
        feedbackField: s.feedbackField,
        signal: options.signal,
      });
    },

    async amendFeedback(feedback: Feedback, options: FetchOptions): Promise<DeliveryReceipt> {
      objectOf(feedback.ref);
      const s = await settings();
      lastInstance = feedback.ref.instance;
      await assertSameOrg(feedback.ref);
      const facts = await orgFacts(client, deps.storage, options.now);
      return amendSalesforceFeedback(client, { feedback, apiVersion: facts.apiVersion, feedbackField: s.feedbackField, signal: options.signal });
    },

    async whoAmI(options: FetchOptions) {
      if (!(await readAuth(deps.storage))) return null;
      return readSalesforceIdentity({ storage: deps.storage, client }, options.now);
    },

    async listingInstance() {
      const auth = await readAuth(deps.storage);
      return auth ? (myDomainNameOf(auth.instanceUrl) ?? new URL(auth.instanceUrl).hostname) : null;
    },

    /** Team listing: see list-leads.ts. Always background work: it pauses above 80% of the daily limit. */
    async *listContexts(request: ListRequest, options: FetchOptions): AsyncGenerator<ListPage, void, void> {
      const s = await settings();
      const auth = await client.auth();
      const instance = myDomainNameOf(auth.instanceUrl) ?? new URL(auth.instanceUrl).hostname;
      lastInstance = instance;
      const facts = await orgFacts(client, deps.storage, options.now);
      yield* listSalesforceContexts(
        {
          client,
          apiVersion: facts.apiVersion,
          pardotFields: facts.pardotFields,
          contactStageField: s.contactStageField ?? null,
          instance,
          instanceUrl: auth.instanceUrl,
          userId: () => currentUserId({ storage: deps.storage, fetchImpl, client }),
          assertAllowed: async () => {
            const paused = await backgroundPausedError(deps.storage, instance);
            if (paused) throw paused;
          },
          sleep: deps.sleep ?? abortableSleep,
          bulkThreshold: deps.bulkThreshold ?? BULK_THRESHOLD,
        },
        request,
        options,
      );
    },

    async findPeople(lookup: SalesforceLookup, options: FetchOptions): Promise<Person[]> {
      await settings();
      // A look-up made while another system's page refreshes on its own is background work too: above 80% of
      // the daily limit it is refused like a background fetchContext (the panel shows partner_unavailable).
      await assertBackgroundAllowed(options);
      const facts = await orgFacts(client, deps.storage, options.now);
      return findSalesforcePeople(client, { apiVersion: facts.apiVersion, lookup, options });
    },
  };
}
