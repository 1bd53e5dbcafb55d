import type { SystemId } from '../domain/model';

/**
 * The one source of vendor host families. It feeds the manifest (content-script matches, host permissions)
 * and the runtime checks in the detectors, so a host can never be allowed in one place and not the other.
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

/** Dynamics 365 regional CRM hosts: crm (NA), crm2 (SA), crm3 (CA), crm4 (EMEA), crm5 (APAC), crm6 (OCE), crm7 (JPN), … */
export const DYNAMICS_REGIONS = [
  'crm', 'crm2', 'crm3', 'crm4', 'crm5', 'crm6', 'crm7', 'crm8', 'crm9', 'crm11', 'crm12', 'crm14', 'crm15',
  'crm16', 'crm17', 'crm19', 'crm20', 'crm21',
] as const;

/** HubSpot app hosts: the default data centre and the regional ones. */
export const HUBSPOT_APP_HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-ap1.hubspot.com'] as const;

function endsWithLabel(hostname: string, suffix: string): boolean {
  return hostname.endsWith(`.${suffix}`) && hostname.length > suffix.length + 1;
}

export const HOST_FAMILIES: readonly HostFamily[] = [
  {
    system: 'salesforce',
    pagePatterns: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
    isHost: (h) => endsWithLabel(h, 'lightning.force.com') || endsWithLabel(h, 'my.salesforce.com'),
  },
  {
    system: 'hubspot',
    pagePatterns: HUBSPOT_APP_HOSTS.map((h) => `https://${h}/*`),
    isHost: (h) => (HUBSPOT_APP_HOSTS as readonly string[]).includes(h),
  },
  {
    system: 'marketo',
    pagePatterns: ['https://*.marketo.com/*'],
    isHost: (h) => /^app-[a-z0-9]+\.marketo\.com$/.test(h),
  },
  {
    system: 'pardot',
    pagePatterns: ['https://pi.pardot.com/*', 'https://pi.demo.pardot.com/*'],
    isHost: (h) => h === 'pi.pardot.com' || h === 'pi.demo.pardot.com',
  },
  {
    system: 'dynamics',
    pagePatterns: DYNAMICS_REGIONS.map((r) => `https://*.${r}.dynamics.com/*`),
    isHost: (h) => DYNAMICS_REGIONS.some((r) => endsWithLabel(h, `${r}.dynamics.com`)),
  },
  {
    system: 'kintone',
    pagePatterns: ['https://*.cybozu.com/*', 'https://*.kintone.com/*'],
    isHost: (h) => endsWithLabel(h, 'cybozu.com') || endsWithLabel(h, 'kintone.com'),
  },
];

/** Every page pattern, for the content script's `matches`. */
export const CONTENT_SCRIPT_MATCHES: string[] = HOST_FAMILIES.flatMap((f) => [...f.pagePatterns]);

/**
 * Customer-specific hosts (a Dynamics custom domain, a Salesforce enhanced domain outside the standard
 * families, a kintone on-premise host) are requested at runtime from options, never granted up front.
 */
export const OPTIONAL_HOST_PERMISSIONS: string[] = ['https://*/*'];

export function familyForHost(hostname: string): HostFamily | undefined {
  const h = hostname.toLowerCase();
  return HOST_FAMILIES.find((f) => f.isHost(h));
}
