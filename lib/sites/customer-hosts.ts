/**
 * Customer-specific hosts an admin adds in options: a Salesforce org reached through a host outside the
 * standard families (a Government Cloud domain, a Defender for Cloud Apps proxy such as
 * acme.lightning.force.com.mcas.ms), a Dynamics 365 or kintone custom domain. Each one is granted at runtime
 * (its optional host permission) and the content script is registered for it then; nothing is granted up front.
 *
 * Dependency-free: the content script bundles this file (tests/sites/bundle-size.test.ts). The list is kept in
 * storage.local under CUSTOMER_HOSTS_KEY because the content script must read it on those hosts; it holds
 * host names only, nothing secret.
 */
export const CUSTOMER_HOST_SYSTEMS = ['salesforce', 'dynamics', 'kintone'] as const;
export type CustomerHostSystem = (typeof CUSTOMER_HOST_SYSTEMS)[number];

export interface CustomerHost {
  /** Lower-case host name, no scheme, port or path. */
  host: string;
  system: CustomerHostSystem;
}

export const CUSTOMER_HOSTS_KEY = 'baton.customerHosts';

/** At most this many: each one is a content-script registration and a permission the person granted. */
export const MAX_CUSTOMER_HOSTS = 20;

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A host name from what an admin types or pastes ("crm.acme.co.jp", "https://crm.acme.co.jp/main.aspx?…"):
 * lower case, at least two DNS labels, https on the default port only (vendor apps are served that way).
 * Null for anything else: IP literals, ports, user info, wildcards, a single label.
 */
export function normalizeCustomerHost(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (text === '' || text.length > 253) return null;
  let url: URL;
  try {
    url = new URL(text.includes('://') ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return null;
  const host = url.hostname;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  // A top-level label of digits only is an IPv4 literal (or not a public name): not a vendor's app.
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return null;
  return host;
}

/** The manifest match pattern (and optional host permission) for one customer host. */
export function customerHostPattern(host: string): string {
  return `https://${host}/*`;
}

/** Read back what storage holds, keeping only well-formed entries (no zod here: the content script bundles it). */
export function parseCustomerHosts(value: unknown): CustomerHost[] {
  if (!Array.isArray(value)) return [];
  const out: CustomerHost[] = [];
  for (const item of value.slice(0, MAX_CUSTOMER_HOSTS)) {
    if (!item || typeof item !== 'object') continue;
    const { host, system } = item as { host?: unknown; system?: unknown };
    if (typeof host !== 'string' || typeof system !== 'string') continue;
    const normalized = normalizeCustomerHost(host);
    if (normalized !== host || !(CUSTOMER_HOST_SYSTEMS as readonly string[]).includes(system)) continue;
    if (out.some((h) => h.host === host)) continue;
    out.push({ host, system: system as CustomerHostSystem });
  }
  return out;
}

let current: readonly CustomerHost[] = [];

/** What the detectors accept beyond the vendor families: set by the content script on a customer host
 * (lib/messaging/customer-hosts-page.ts). The extension's own pages leave it empty: they take the record from the
 * content script's message, so a non-record page of a customer host reads to the panel as an unknown site. */
export function setCustomerHosts(hosts: readonly CustomerHost[]): void {
  current = hosts;
}

export function customerHostSystem(hostname: string): CustomerHostSystem | undefined {
  const h = hostname.toLowerCase();
  return current.find((c) => c.host === h)?.system;
}
