import type { CrossLookup, CrossSystemPartner } from '../cross-system/enrich-context';
import type { KintoneConnector } from './kintone-connector';

/**
 * kintone as a cross-system partner of an MA page: by e-mail only, since no MA's sync writes kintone record ids
 * (and kintone keeps no Salesforce ids), so a lookup by Salesforce id finds nobody without a call.
 */
export function kintonePartner(connector: KintoneConnector): CrossSystemPartner {
  return {
    system: 'kintone',
    fetchContext: (ref, options) => connector.fetchContext(ref, options),
    findPeople: async (lookup: CrossLookup, options) => (lookup.by === 'email' ? connector.findPeople(lookup.email, options) : []),
  };
}
