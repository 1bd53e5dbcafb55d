import type { RecordRef, SystemId } from '../domain/model';

/**
 * Why a page shows no panel, as a small code the panel turns into plain words
 * ("Open a lead or contact record", "This is Setup: open a lead to see its temperature", …).
 * - `salesforce-home` / `salesforce-list` / `salesforce-setup`: Salesforce home, list views, Setup.
 * - `hubspot-index`: a HubSpot object index (list/board) page.
 * - `dynamics-list`: a Dynamics 365 view (pagetype=entitylist).
 * - `kintone-list`: a kintone app's record list.
 * - `not-person-record`: a record, but not a lead or contact (Account, Opportunity, company, …).
 * - `vendor-other`: any other page of a supported vendor (reports, campaigns, settings…).
 * - `not-vendor`: not a page Baton knows.
 */
export type UnsupportedPage =
  | 'salesforce-home'
  | 'salesforce-list'
  | 'salesforce-setup'
  | 'hubspot-index'
  | 'dynamics-list'
  | 'kintone-list'
  | 'not-person-record'
  | 'vendor-other'
  | 'not-vendor';

/** One vendor's page recognition: pure functions of an already parsed URL. */
export interface SiteDetector {
  readonly system: SystemId;
  /** The record the URL shows, or null (other vendors' URLs, lookalike hosts, non-record pages). */
  detect(url: URL): RecordRef | null;
  /** True when the URL is one of this vendor's pages at all (record or not). */
  owns(url: URL): boolean;
  /** For this vendor's non-record pages, a finer code than `vendor-other`, when the URL tells one. */
  describe?(url: URL): UnsupportedPage | undefined;
  /** True when a record of this object stands for a person the panel can judge (a lead or contact). */
  isPerson(object: string): boolean;
}
