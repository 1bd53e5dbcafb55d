/**
 * HubSpot API hosts the background worker calls. `api.hubapi.com` serves every account; EU-hosted accounts may
 * also use `api-eu1.hubapi.com`. https://developers.hubspot.com/docs/api/overview
 */
export const HUBSPOT_API_BASES = ['https://api.hubapi.com', 'https://api-eu1.hubapi.com'] as const;
export type HubSpotApiBase = (typeof HUBSPOT_API_BASES)[number];

export const HUBSPOT_API_HOST_PATTERNS: string[] = HUBSPOT_API_BASES.map((b) => `${b}/*`);
