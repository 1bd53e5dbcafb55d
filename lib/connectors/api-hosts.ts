import { DYNAMICS_API_HOST_PATTERNS } from './dynamics/api-hosts';
import { HUBSPOT_API_HOST_PATTERNS } from './hubspot/api-hosts';
import { KINTONE_API_HOST_PATTERNS } from './kintone/api-hosts';
import { MARKETO_API_HOST_PATTERNS } from './marketo/api-hosts';
import { SALESFORCE_API_HOST_PATTERNS } from './salesforce/api-hosts';

/**
 * Vendor API hosts the extension calls. Each connector owns its entries; the manifest's host_permissions are
 * exactly this list (customer-specific hosts are optional permissions granted at runtime).
 */
export const API_HOST_PERMISSIONS: string[] = [
  ...new Set([...SALESFORCE_API_HOST_PATTERNS, ...HUBSPOT_API_HOST_PATTERNS, ...MARKETO_API_HOST_PATTERNS, ...DYNAMICS_API_HOST_PATTERNS, ...KINTONE_API_HOST_PATTERNS]),
];
