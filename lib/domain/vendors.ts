import type { SystemId } from './model';

/**
 * One place per vendor for the facts the rest of the code asks about it. A `Record<SystemId, …>`, so a new
 * system in `SYSTEMS` fails to compile until it is described here (and in the other per-vendor records: the
 * detectors in lib/sites/detect-record.ts, the connector factories in lib/connectors/registry.ts, the
 * `system.<id>` words in the i18n catalogues). tests/connectors/vendor-parts.test.ts checks the files.
 */
export interface VendorFacts {
  /** The product's name in English, for error messages; the UI's words are the i18n `system.<id>` keys. */
  label: string;
  /** Who works in it: an SFA/CRM page opens the sales view, an MA page the marketing view. */
  side: 'sales' | 'marketing';
  /** Its connector's folder under lib/connectors, or null when it is read through another system's (Account
   * Engagement through Salesforce) or not readable yet. */
  connectorFolder: string | null;
  /** Systems on the other side of the house whose view of the same person is merged in on its pages. */
  partners: readonly SystemId[];
  /** Takes part in the team sync: its connector lists every lead of a period (lib/connectors/listing.ts). */
  teamListing: boolean;
}

export const VENDORS: Readonly<Record<SystemId, VendorFacts>> = {
  // HubSpot is both CRM and MA; its contact pages are where sales works, and it partners Salesforce either way.
  salesforce: { label: 'Salesforce', side: 'sales', connectorFolder: 'salesforce', partners: ['marketo', 'hubspot'], teamListing: true },
  hubspot: { label: 'HubSpot', side: 'sales', connectorFolder: 'hubspot', partners: ['salesforce', 'dynamics', 'kintone'], teamListing: true },
  marketo: { label: 'Marketo Engage', side: 'marketing', connectorFolder: 'marketo', partners: ['salesforce', 'hubspot', 'dynamics', 'kintone'], teamListing: false },
  // Account Engagement's fields and visitor activities come with the Salesforce record: no partner of its own.
  pardot: { label: 'Account Engagement', side: 'marketing', connectorFolder: null, partners: [], teamListing: false },
  // Dynamics 365 and kintone keep no Salesforce ids: the MAs find them, and they find the MAs, by e-mail.
  dynamics: { label: 'Dynamics 365', side: 'sales', connectorFolder: 'dynamics', partners: ['marketo', 'hubspot'], teamListing: true },
  kintone: { label: 'kintone', side: 'sales', connectorFolder: 'kintone', partners: ['marketo', 'hubspot'], teamListing: true },
  // The demo's SFA-like and MA-like records are already one person; its side comes from the page (sfa / ma).
  demo: { label: 'Demo workspace', side: 'sales', connectorFolder: 'demo', partners: [], teamListing: true },
};

/** Systems whose connectors list a period for the team sync, in SYSTEMS order. */
export function teamListingSystems(): SystemId[] {
  return (Object.keys(VENDORS) as SystemId[]).filter((s) => VENDORS[s].teamListing);
}
