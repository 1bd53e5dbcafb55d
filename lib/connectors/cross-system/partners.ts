import type { DynamicsConnector } from '../dynamics/dynamics-connector';
import type { HubSpotConnector } from '../hubspot/hubspot-connector';
import type { MarketoConnector } from '../marketo/marketo-connector';
import type { SalesforceConnector } from '../salesforce/connector';
import type { CrossLookup, CrossSystemPartner } from './enrich-context';

/**
 * Each vendor connector as a cross-system partner: the generic lookup (a Salesforce id, or an e-mail) turned
 * into the vendor's own filter, the one the vendor's Salesforce sync fills.
 */

/** Marketo's lead filter types for the synced ids. https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/leads#query */
export function marketoPartner(connector: MarketoConnector, instance: string): CrossSystemPartner {
  return {
    system: 'marketo',
    fetchContext: (ref, options) => connector.fetchContext(ref, options),
    findPeople: (lookup: CrossLookup, options) =>
      connector.findPeople(
        lookup.by === 'email' ? { by: 'email', value: lookup.email } : { by: lookup.object === 'Lead' ? 'sfdcLeadId' : 'sfdcContactId', value: lookup.id },
        { ...options, instance },
      ),
  };
}

/** HubSpot's Salesforce integration properties. https://knowledge.hubspot.com/salesforce/salesforce-integration-field-mappings */
export function hubspotPartner(connector: HubSpotConnector, portalId: () => Promise<string>): CrossSystemPartner {
  return {
    system: 'hubspot',
    fetchContext: (ref, options) => connector.fetchContext(ref, options),
    findPeople: async (lookup: CrossLookup, options) =>
      connector.findPeople(
        lookup.by === 'email'
          ? { by: 'email', value: lookup.email }
          : { by: lookup.object === 'Lead' ? 'salesforceleadid' : 'salesforcecontactid', value: lookup.id },
        { ...options, portalId: await portalId() },
      ),
  };
}

export function salesforcePartner(connector: SalesforceConnector): CrossSystemPartner {
  return {
    system: 'salesforce',
    fetchContext: (ref, options) => connector.fetchContext(ref, options),
    findPeople: (lookup: CrossLookup, options) =>
      connector.findPeople(lookup.by === 'email' ? { by: 'email', value: lookup.email } : { by: 'Id', object: lookup.object, value: lookup.id }, options),
  };
}

/** Dynamics 365 keeps no Salesforce ids: it is found by e-mail only (leads first, then contacts). */
export function dynamicsPartner(connector: DynamicsConnector): CrossSystemPartner {
  return {
    system: 'dynamics',
    fetchContext: (ref, options) => connector.fetchContext(ref, options),
    findPeople: async (lookup: CrossLookup, options) => (lookup.by === 'email' ? connector.findPeople(lookup.email, options) : []),
  };
}
