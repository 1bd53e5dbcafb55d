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
