/** Where the Salesforce connector keeps its settings, tokens, org facts and API usage in storage.local. */
export const STORAGE_KEYS = {
  settings: 'baton.salesforce.settings',
  auth: 'baton.salesforce.auth',
  org: 'baton.salesforce.org',
  usage: 'baton.salesforce.usage',
} as const;
