/**
 * Hosts the background worker calls for Salesforce and Account Engagement; the lead merges these into the
 * manifest's host_permissions. Orgs on a custom login domain are granted at connect time (optional host
 * permission), never up front.
 * https://help.salesforce.com/s/articleView?id=sf.domain_name_formats.htm
 * https://developer.salesforce.com/docs/marketing/pardot/guide/overview.html
 */
export const SALESFORCE_API_HOST_PATTERNS: string[] = [
  'https://*.my.salesforce.com/*',
  'https://login.salesforce.com/*',
  'https://test.salesforce.com/*',
  'https://pi.pardot.com/*',
  'https://pi.demo.pardot.com/*',
];

/** True when `host` is covered by the patterns above, so no extra permission is needed to call it. */
export function isStandardSalesforceApiHost(host: string): boolean {
  const h = host.toLowerCase();
  return (
    (h.endsWith('.my.salesforce.com') && h.length > '.my.salesforce.com'.length) ||
    ['login.salesforce.com', 'test.salesforce.com', 'pi.pardot.com', 'pi.demo.pardot.com'].includes(h)
  );
}

/** Origins to request with `permissions.request` before signing in (empty for the standard families). */
export function extraOriginsFor(loginHost: string | undefined): string[] {
  return loginHost && !isStandardSalesforceApiHost(loginHost) ? [`https://${loginHost}/*`] : [];
}

/**
 * The token response names where to send the bearer token next (`instance_url`, the identity URL `id`).
 * Only https hosts of Salesforce's own families qualify, or the login host the admin entered and granted
 * (My Domain on a custom domain): a tampered or misdirected response must not make Baton hand its token to
 * another host. Returns the URL as parsed, or null.
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm (token response)
 */
export function trustedSalesforceUrl(raw: string, loginBase: string, use: 'instance' | 'identity'): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  const loginHost = new URL(loginBase).hostname.toLowerCase();
  const myDomain = host.endsWith('.my.salesforce.com') && host.length > '.my.salesforce.com'.length;
  const loginFamily = ['login.salesforce.com', 'test.salesforce.com'].includes(host);
  if (myDomain || host === loginHost || (use === 'identity' && loginFamily)) return url;
  return null;
}
