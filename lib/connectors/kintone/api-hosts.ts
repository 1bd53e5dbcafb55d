import { familyForHost } from '../../sites/hosts';
import { isWellFormedHost } from '../customer-hosts';

/**
 * kintone's REST API is served by each customer's own domain: `https://{subdomain}.cybozu.com/k/v1/…` (Japan),
 * `{subdomain}.kintone.com` (US), `{subdomain}.s.cybozu.com` behind Secure Access. A guest-space app is read
 * through `/k/guest/{spaceId}/v1/…`. https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/
 * The same host families as the record pages (lib/sites/hosts.ts).
 */
export const KINTONE_API_HOST_PATTERNS: string[] = ['https://*.cybozu.com/*', 'https://*.kintone.com/*'];

/** `acme.cybozu.com` from what an admin types or pastes (the host, or any URL of their kintone); null otherwise.
 * A custom domain passes here by its form only; `isKintoneHost` decides whether it is kintone's. */
export function kintoneDomainOf(input: string): string | null {
  const raw = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && (familyForHost(host)?.system === 'kintone' || isWellFormedHost(host)) && url.port === '' ? host : null;
}

/**
 * Whether Baton sends the API token to this domain: a kintone family host, or a custom domain added in
 * Options › Customer hosts as kintone (`customerHosts`, lib/connectors/customer-hosts.ts).
 */
export function isKintoneHost(domain: string, customerHosts: readonly string[] = []): boolean {
  return familyForHost(domain)?.system === 'kintone' || customerHosts.includes(domain);
}

/** The REST path of an API on an app: `/k/v1/{api}.json`, or `/k/guest/{space}/v1/{api}.json` in a guest space. */
export function kintoneApiPath(api: string, guestSpaceId?: string): string {
  return guestSpaceId ? `/k/guest/${encodeURIComponent(guestSpaceId)}/v1/${api}.json` : `/k/v1/${api}.json`;
}

/** The record's page, as the detector reads it back (lib/sites/kintone.ts). */
export function kintoneRecordUrl(domain: string, appId: string, recordId: string, guestSpaceId?: string): string {
  const app = guestSpaceId ? `guest/${encodeURIComponent(guestSpaceId)}/${encodeURIComponent(appId)}` : encodeURIComponent(appId);
  return `https://${domain}/k/${app}/show#record=${encodeURIComponent(recordId)}`;
}
