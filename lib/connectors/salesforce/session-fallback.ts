import type { StoredAuth } from './auth';
import type { SalesforceSettings } from './settings';

/**
 * Optional fallback, off by default: use the browser's own Salesforce session (the `sid` cookie of the org's
 * My Domain) as the API token, as popular Salesforce admin extensions do. It needs the optional `cookies`
 * permission, requested only when the admin turns the fallback on. The session id never leaves the
 * background worker and is never stored.
 * https://developer.chrome.com/docs/extensions/reference/api/cookies#method-get
 */
export interface CookiesApi {
  get(details: { url: string; name: string }): Promise<{ value: string } | null | undefined>;
}

export const SESSION_FALLBACK_PERMISSIONS = { permissions: ['cookies'] as string[] };

/**
 * The My Domain login host of the org being viewed. `instance` is the My Domain name the page detector gives
 * (`acme`, `acme--uat` for a sandbox, `acme-dev-ed` for a Developer Edition), per the enhanced-domain formats.
 * https://help.salesforce.com/s/articleView?id=sf.domain_name_formats.htm
 */
export function myDomainFor(settings: Pick<SalesforceSettings, 'myDomainHost'>, instance?: string): string | null {
  if (settings.myDomainHost) return settings.myDomainHost;
  const name = instance?.toLowerCase();
  if (!name || !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(name)) return null;
  if (name.includes('--')) return `${name}.sandbox.my.salesforce.com`;
  if (name.endsWith('-dev-ed')) return `${name}.develop.my.salesforce.com`;
  return `${name}.my.salesforce.com`;
}

/** The My Domain name of an instance URL (`https://acme--uat.sandbox.my.salesforce.com` → `acme--uat`), if it has one. */
export function myDomainNameOf(instanceUrl: string): string | null {
  const host = new URL(instanceUrl).hostname.toLowerCase();
  return /\.my\.salesforce\.com$/.test(host) ? (host.split('.')[0] ?? null) : null;
}

export async function sessionAuth(
  settings: SalesforceSettings,
  cookies: CookiesApi | undefined,
  instance?: string,
): Promise<StoredAuth | null> {
  if (!settings.sessionFallback || !cookies) return null;
  const host = myDomainFor(settings, instance);
  if (!host) return null;
  const url = `https://${host}`;
  const sid = await cookies.get({ url, name: 'sid' }).catch(() => null);
  if (!sid?.value) return null;
  return { version: 1, kind: 'session', accessToken: sid.value, instanceUrl: url, loginBase: url, clientId: '', issuedAt: 0 };
}
