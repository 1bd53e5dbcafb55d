import type { SystemId } from '../domain/model';
import { customerHostSystem } from './customer-hosts';

/**
 * The one source of vendor host families. It feeds the manifest (content-script matches, host permissions)
 * and the runtime checks in the detectors, so a host can never be allowed in one place and not the other.
 *
 * Manifest patterns can only say "any subdomain" (`*.`), so they are wide; `isHost` is the exact runtime
 * test every detector applies first, and it is what keeps lookalikes (acme.lightning.force.com.evil.example,
 * evil-hubspot.com, a.b.my.salesforce.com) out.
 *
 * Match patterns: https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
export interface HostFamily {
  system: Exclude<SystemId, 'demo'>;
  /** Manifest match patterns for the pages people work on. */
  pagePatterns: readonly string[];
  /** Exact runtime test of a lower-cased hostname; stricter than the patterns where patterns cannot say enough. */
  isHost(hostname: string): boolean;
}

/** Dynamics 365 regional CRM hosts: crm (NA), crm2 (SA), crm3 (CA), crm4 (EMEA), crm5 (APAC), crm6 (OCE), crm7 (JPN), …
 * https://learn.microsoft.com/en-us/power-platform/admin/new-datacenter-regions */
export const DYNAMICS_REGIONS = [
  'crm', 'crm2', 'crm3', 'crm4', 'crm5', 'crm6', 'crm7', 'crm8', 'crm9', 'crm11', 'crm12', 'crm14', 'crm15',
  'crm16', 'crm17', 'crm19', 'crm20', 'crm21',
] as const;

/** HubSpot app hosts: the default (North America) data centre and the regional ones (EU1, NA2, AP1). */
export const HUBSPOT_APP_HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-ap1.hubspot.com'] as const;

/** One DNS label: letters, digits and inner hyphens (`acme`, `acme--uat`, `acme-dev-ed`). */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

/**
 * Salesforce My Domain hosts, with and without enhanced-domain partitions:
 *   acme.lightning.force.com, acme.my.salesforce.com                       (production)
 *   acme--uat.sandbox.lightning.force.com, acme--uat.sandbox.my.salesforce.com (sandbox, enhanced)
 *   acme--uat.lightning.force.com                                          (sandbox, before enhanced domains)
 *   acme-dev-ed.develop.lightning.force.com, acme-dev-ed.develop.my.salesforce.com (Developer Edition)
 *   acme.scratch.…, acme.trailblaze.…, acme.demo.…, acme--p1.patch.…, acme.free.… (other partitions)
 * Group 1 is the My Domain name (with its `--sandbox` / `-dev-ed` part), the org's instance.
 * https://help.salesforce.com/s/articleView?id=products.domain_name_app_url_changes.htm&type=5 (My Domain URL formats)
 * https://help.salesforce.com/s/articleView?id=products.domain_name_partitioned_domains.htm&type=5 (partitions)
 */
export const SALESFORCE_HOST = new RegExp(
  `^(${LABEL})(?:\\.(?:sandbox|develop|scratch|trailblaze|demo|patch|free))?\\.(?:lightning\\.force\\.com|my\\.salesforce\\.com)$`,
);

/** Marketo Engage app hosts are per pod: app-ab12.marketo.com, app-sjg.marketo.com, app-lon04.marketo.com. */
const MARKETO_HOST = /^app-[a-z0-9]{2,12}\.marketo\.com$/;

/** Dynamics 365 org hosts: {org}.crm{n}.dynamics.com, one label for the org. */
const DYNAMICS_HOST = new RegExp(`^${LABEL}\\.(${DYNAMICS_REGIONS.join('|')})\\.dynamics\\.com$`);

/** kintone: {subdomain}.cybozu.com (Japan), {subdomain}.kintone.com (US), and {subdomain}.s.cybozu.com for
 * Secure Access (client-certificate) logins. */
const KINTONE_HOST = new RegExp(`^${LABEL}(?:\\.s)?\\.(?:cybozu|kintone)\\.com$`);

/** One host family per vendor (the demo lives on the extension's own pages): a Record, so a new vendor fails to
 * compile until its hosts are named. */
export const HOST_FAMILY: Readonly<Record<Exclude<SystemId, 'demo'>, HostFamily>> = {
  salesforce: {
    system: 'salesforce',
    pagePatterns: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
    isHost: (h) => SALESFORCE_HOST.test(h),
  },
  hubspot: {
    system: 'hubspot',
    pagePatterns: HUBSPOT_APP_HOSTS.map((h) => `https://${h}/*`),
    isHost: (h) => (HUBSPOT_APP_HOSTS as readonly string[]).includes(h),
  },
  marketo: {
    system: 'marketo',
    pagePatterns: ['https://*.marketo.com/*'],
    isHost: (h) => MARKETO_HOST.test(h),
  },
  pardot: {
    system: 'pardot',
    pagePatterns: ['https://pi.pardot.com/*', 'https://pi.demo.pardot.com/*'],
    isHost: (h) => h === 'pi.pardot.com' || h === 'pi.demo.pardot.com',
  },
  dynamics: {
    system: 'dynamics',
    pagePatterns: DYNAMICS_REGIONS.map((r) => `https://*.${r}.dynamics.com/*`),
    isHost: (h) => DYNAMICS_HOST.test(h),
  },
  kintone: {
    system: 'kintone',
    pagePatterns: ['https://*.cybozu.com/*', 'https://*.kintone.com/*'],
    isHost: (h) => KINTONE_HOST.test(h),
  },
};

export const HOST_FAMILIES: readonly HostFamily[] = Object.values(HOST_FAMILY);

/** Every page pattern, for the content script's `matches`. */
export const CONTENT_SCRIPT_MATCHES: string[] = HOST_FAMILIES.flatMap((f) => [...f.pagePatterns]);

/**
 * Customer-specific hosts (a Dynamics custom domain, a Salesforce enhanced domain outside the standard
 * families, a kintone on-premise host) are requested at runtime from options, never granted up front.
 */
export const OPTIONAL_HOST_PERMISSIONS: string[] = ['https://*/*'];

export function familyForHost(hostname: string): HostFamily | undefined {
  const h = hostname.toLowerCase();
  const family = HOST_FAMILIES.find((f) => f.isHost(h));
  if (family) return family;
  // A host an admin added in options (lib/sites/customer-hosts.ts) counts as that vendor's.
  const customer = customerHostSystem(h);
  return customer ? HOST_FAMILY[customer] : undefined;
}

/**
 * The vendor family of a page URL, or undefined. Vendor apps are served over https on the default port
 * only; credentials in the URL (`https://app.hubspot.com@evil.example/`) already move the host, and any
 * explicit port is not the vendor's app.
 */
export function familyForUrl(url: URL): HostFamily | undefined {
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return undefined;
  return familyForHost(url.hostname);
}
