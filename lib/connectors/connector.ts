import type { UserIdentity } from '../domain/identity';
import type { Feedback, LeadContext, RecordRef, Stage, SystemId } from '../domain/model';
import type { ListPage, ListRequest } from './listing';

/**
 * What every source of lead data implements: the demo workspace and each vendor. The panel cannot tell
 * them apart, and the store writes whatever they return through the same path.
 */
export interface Connector {
  readonly system: SystemId;
  /** Fetch the full context of the person behind `ref`. Throws `ConnectorError` on failure. */
  fetchContext(ref: RecordRef, options: FetchOptions): Promise<LeadContext>;
  /**
   * Deliver one feedback click to the system of record. Must be idempotent on `feedback.id`: when called
   * again after a lost response it finds what it created before and returns that instead of creating twice.
   */
  deliverFeedback(feedback: Feedback, options: FetchOptions): Promise<DeliveryReceipt>;
  /**
   * Update the vendor record a delivered feedback created (`feedback.vendorId`) with its current reasons and
   * comment. An update of the same record to the same values: a resend changes nothing more and creates nothing.
   * Absent where the vendor keeps activities as written (Marketo).
   */
  amendFeedback?(feedback: Feedback, options: FetchOptions): Promise<DeliveryReceipt>;
  /** Every person of a period, paged and resumable (team sync). Absent where the connector cannot list yet. See `listing.ts`. */
  listContexts?(request: ListRequest, options: FetchOptions): AsyncGenerator<ListPage, void, void>;
  /** The instance the listing reads, null when not connected (no API call). See `listing.ts`. */
  listingInstance?(): Promise<string | null>;
  /**
   * Who the person signed in to this system is (one call at most); null when not connected. Absent where the
   * system has no seller of its own (Marketo, Account Engagement: the SFA user counts, see domain/identity.ts).
   */
  whoAmI?(options: FetchOptions): Promise<UserIdentity | null>;
}

export interface FetchOptions {
  signal?: AbortSignal;
  now: number;
  /**
   * The shared definitions' stage mapping (`mapVendorStage` bound to the version in force). Connectors use it
   * to fill `StageChange.stage` and `Person.stage`; the vendor value is always kept beside it, so a later
   * version of the definitions can re-read cached history.
   */
  stageOf?: (system: SystemId, field: string, value: string) => Stage | null;
  /**
   * Why the fetch happens. 'view': a person asked (a record opened with nothing cached, the retry button).
   * 'background': the open panel refreshing a copy already on screen on its own. Connectors may refuse a
   * background fetch to spare a shared API budget (Salesforce above 80% of the org's daily limit), never a
   * view. Absent means 'view'.
   */
  purpose?: 'view' | 'background';
}

export interface DeliveryReceipt {
  /** Id of the vendor record carrying the feedback (Task, note, activity). */
  vendorId: string;
  /** True when an earlier attempt had already created it (found by the feedback id). */
  alreadyExisted: boolean;
}

export const CONNECTOR_ERROR_KINDS = [
  /** Sign in again (token expired and could not be refreshed, or revoked). */
  'auth',
  /** The vendor asks us to slow down; `retryAfterMs` says for how long when it told us. */
  'rate-limit',
  /** Daily quota used up: stop background work until it resets. */
  'quota',
  /** Network failure, timeout, 5xx: try again later. */
  'transient',
  /** The record does not exist or is not visible to this user. */
  'not-found',
  /** Missing permission, invalid field, bad configuration: a person must act. */
  'permanent',
  /** The vendor answered with a shape we do not understand. */
  'invalid-response',
  /** The connection is not set up (no token, no endpoint). */
  'not-connected',
] as const;
export type ConnectorErrorKind = (typeof CONNECTOR_ERROR_KINDS)[number];

/** A failure with enough detail for a clear message: which vendor, what it said, what to do next. */
export class ConnectorError extends Error {
  readonly vendor: SystemId;
  readonly kind: ConnectorErrorKind;
  /** The vendor's own error code (`INVALID_SESSION_ID`, `606`, `RATE_LIMITS`, HTTP status…). */
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  /** Vendor correlation or request id, to quote to the vendor's support. */
  readonly correlationId: string | undefined;

  constructor(init: {
    vendor: SystemId;
    kind: ConnectorErrorKind;
    message: string;
    code?: string;
    retryAfterMs?: number;
    correlationId?: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.name = 'ConnectorError';
    this.vendor = init.vendor;
    this.kind = init.kind;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.correlationId = init.correlationId;
  }

  get retryable(): boolean {
    return this.kind === 'rate-limit' || this.kind === 'transient' || this.kind === 'auth';
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}
