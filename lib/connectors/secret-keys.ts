/**
 * The connector storage keys whose values carry a secret (an access or refresh token, a private-app token, a
 * client secret). `browserLocalStore` keeps these in the extension's own IndexedDB, never in storage.local.
 * A key added here is moved out of storage.local on the next start (migrateSecretsOutOfLocalStorage).
 * tests/connectors/secret-storage.test.ts connects every vendor and checks storage.local holds no secret.
 */
export const SECRET_KEYS: readonly string[] = [
  /** Salesforce OAuth access and refresh tokens, or the session fallback's sid (lib/connectors/salesforce/auth.ts). */
  'baton.salesforce.auth',
  /** HubSpot private-app token, with its API base and time zone (lib/connectors/hubspot/settings.ts). */
  'baton.hubspot.settings',
  /** Marketo client id and secret, with the endpoint (lib/connectors/marketo/settings.ts). */
  'baton.marketo.settings',
  /** Marketo access token (lib/connectors/marketo/settings.ts). */
  'baton.marketo.token',
  /** Dynamics 365 (Entra ID) refresh token and access tokens per environment (lib/connectors/dynamics/auth.ts). */
  'baton.dynamics.auth',
  /** kintone app API tokens or the OAuth client's id and secret, with the domain and app (lib/connectors/kintone/settings.ts). */
  'baton.kintone.settings',
  /** kintone OAuth access and refresh tokens (lib/connectors/kintone/auth.ts). */
  'baton.kintone.auth',
];

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.includes(key);
}
