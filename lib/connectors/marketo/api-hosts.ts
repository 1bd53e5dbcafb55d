import { familyForHost } from '../../sites/hosts';
/**
 * Marketo REST and identity endpoints: `https://{munchkin-id}.mktorest.com/rest` and `/identity`
 * (Admin › Integration › Web Services). https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/rest-api
 */
export const MARKETO_API_HOST_PATTERNS: string[] = ['https://*.mktorest.com/*'];

/** `https://123-ABC-456.mktorest.com` from what an admin pastes (with or without `/rest` or `/identity`). */
export function normalizeMarketoEndpoint(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !/^[a-z0-9-]+\.mktorest\.com$/i.test(url.hostname)) return null;
  return `https://${url.hostname.toLowerCase()}`;
}

/**
 * The Marketo app host (`app-ab12.marketo.com`) from what a person types or pastes: the host alone, or any URL of
 * their Marketo. Null when it is not a Marketo Engage app host (the page detector's family, lib/sites/hosts.ts).
 */
export function marketoAppHostOf(input: string): string | null {
  const raw = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  const family = familyForHost(url.hostname.toLowerCase());
  return url.protocol === 'https:' && family?.system === 'marketo' ? url.hostname.toLowerCase() : null;
}

/** The munchkin id (`123-abc-456`) of a REST endpoint: the instance name of a Marketo lead found from another page. */
export function marketoInstanceOf(endpoint: string): string {
  return new URL(endpoint).hostname.split('.')[0] ?? new URL(endpoint).hostname;
}
