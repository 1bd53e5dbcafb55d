import type { LeadContext, RecordRef, SystemId } from '../domain/model';
import type { FetchOptions } from './connector';
import { teamListingSystems } from '../domain/vendors';

/**
 * Listing people by period, for the team layer (team KPIs, the work queue, the definitions what-if).
 * A connector that can list implements `listContexts` and yields the same `LeadContext` shape the panel uses,
 * so a lead counts in the team figures exactly as its panel judges it.
 */
export interface ListRequest {
  /** The period: people whose lead life touches [from, to) (created, handed off, stage changed or modified in it). Epoch ms, half-open. */
  from: number;
  to: number;
  /** Incremental sync: only records modified at or after this time (Salesforce `SystemModstamp`, HubSpot `hs_lastmodifieddate`). */
  modifiedSince?: number;
  /** 'team': everyone in scope. 'mine': only the signed-in user's open handed-off leads (the work queue's sync). */
  scope: 'team' | 'mine';
  /** Resume token taken from the last page of an interrupted run (opaque to the caller); absent to start. */
  cursor?: string;
}

export interface ListPage {
  contexts: LeadContext[];
  /** Records the vendor reports deleted or merged away (incremental sync only). */
  deleted: RecordRef[];
  /** Token to resume after this page; null when the listing is complete. */
  cursor: string | null;
  /** People listed so far in this run, and the total when the vendor tells it. */
  progress: { done: number; total?: number };
  /** API calls this page spent; the sync state adds them up and options shows them. */
  calls: number;
}

/** Implemented by connectors that can list (demo, Salesforce, HubSpot, kintone; Dynamics later). */
export interface ListingConnector {
  listContexts(request: ListRequest, options: FetchOptions): AsyncGenerator<ListPage, void, void>;
  /**
   * The instance a listing reads (the snapshot scope's `instance`: Salesforce My Domain name, HubSpot portal id,
   * the demo's 'sfa'), without an API call; null when the system is not connected, so the sync skips it.
   */
  listingInstance(): Promise<string | null>;
}

/** Systems whose connectors can list (`VENDORS[…].teamListing`); each syncs only when connected (`listingInstance` not null). */
export const LISTING_SYSTEMS: readonly SystemId[] = teamListingSystems();
