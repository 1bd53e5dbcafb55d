import { CUSTOMER_HOSTS_KEY, normalizeCustomerHost, parseCustomerHosts, type CustomerHostSystem } from '../sites/customer-hosts';
import type { KeyValueStore } from './local-store';

/**
 * The customer hosts an admin added for one vendor in Options › Customer hosts (a Dynamics 365 or kintone
 * custom domain). Each was added only after its optional host permission was granted
 * (lib/messaging/customer-hosts.ts), and leaves the list when it is removed; a connector sends its token to such a
 * host as to the vendor's standard domains, and to nothing else.
 */
export async function customerHostsFor(storage: KeyValueStore, system: CustomerHostSystem): Promise<string[]> {
  return parseCustomerHosts(await storage.get(CUSTOMER_HOSTS_KEY))
    .filter((h) => h.system === system)
    .map((h) => h.host);
}

/** A bare, well-formed host name (what settings may hold before the vendor check): `crm.acme.co.jp`. */
export function isWellFormedHost(host: string): boolean {
  return normalizeCustomerHost(host) === host;
}
