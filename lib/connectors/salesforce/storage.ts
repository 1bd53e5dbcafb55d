/**
 * Where the Salesforce connector keeps its settings, tokens, org facts and API usage. `auth` (the tokens) lives in
 * the extension's secrets database (lib/connectors/secret-keys.ts); the others in storage.local.
 */
export const STORAGE_KEYS = {
  settings: 'baton.salesforce.settings',
  auth: 'baton.salesforce.auth',
  org: 'baton.salesforce.org',
  usage: 'baton.salesforce.usage',
} as const;
