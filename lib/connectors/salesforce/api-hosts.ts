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
